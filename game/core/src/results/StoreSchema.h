// The results database schema, one entry per version (PRAGMA user_version). Private.
#pragma once

#include <array>

namespace counterplay::core::schema {

/// PRAGMA application_id of a Counterplay results database ("CPRS").
inline constexpr int kApplicationId = 0x43505253;

/// migrations[i] takes the schema from version i to i + 1. Append only; never edit a shipped one.
inline constexpr std::array<const char*, 5> kMigrations = {
    // 0 -> 1: trainees, attempts (+ records), decisions, principle scores, sync log.
    R"SQL(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE trainees(
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  email      TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE TABLE attempts(
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  trainee_id        INTEGER NOT NULL REFERENCES trainees(id),
  scenario_id       TEXT NOT NULL,
  scenario_title_ko TEXT NOT NULL,
  scenario_title_en TEXT NOT NULL,
  content_hash      TEXT NOT NULL,
  started_at        INTEGER NOT NULL,
  ended_at          INTEGER NOT NULL,
  duration_ms       INTEGER NOT NULL,
  finished          INTEGER NOT NULL,
  passed            INTEGER NOT NULL,
  critical_missed   INTEGER NOT NULL,
  percent           INTEGER NOT NULL,
  earned_total      INTEGER NOT NULL,
  best_total        INTEGER NOT NULL,
  worst_total       INTEGER NOT NULL,
  pass_threshold    INTEGER NOT NULL,
  ending_id         TEXT NOT NULL,
  ending_kind       TEXT NOT NULL,
  final_mood        INTEGER NOT NULL,
  final_trust       INTEGER NOT NULL,
  recommend         INTEGER NOT NULL,
  nps_class         TEXT NOT NULL,
  lang              TEXT NOT NULL,
  decision_count    INTEGER NOT NULL,
  app_version       TEXT NOT NULL
);
-- The full scorecard (JSON) lives apart from the summary row, so that scans for reports and
-- cohort exports read ~0.4 KB per attempt. Its texts (choice, feedback, titles: the same few
-- hundred in every attempt) are stored once in `texts` and referenced as "\u0001<id>". The
-- transcript and the scorecard's per-decision records are rebuilt from `decisions`.
CREATE TABLE attempt_records(
  attempt_id     INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
  scorecard_json TEXT NOT NULL
);
CREATE TABLE texts(
  id INTEGER PRIMARY KEY,
  ko TEXT NOT NULL,
  en TEXT NOT NULL,
  UNIQUE(ko, en)
);
CREATE INDEX attempts_by_trainee ON attempts(trainee_id, scenario_id);
CREATE INDEX attempts_by_scenario ON attempts(scenario_id);
CREATE INDEX attempts_by_end ON attempts(ended_at);
CREATE TABLE decisions(
  attempt_id   INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  node_id      TEXT NOT NULL,
  choice_index INTEGER NOT NULL,
  choice_id    TEXT NOT NULL,
  elapsed_ms   INTEGER NOT NULL,
  timeout      INTEGER NOT NULL,
  points_total INTEGER NOT NULL,
  points_json  TEXT NOT NULL,
  choice_text  TEXT NOT NULL DEFAULT '',  -- "\u0001<text id>" (see texts) or ''
  feedback     TEXT NOT NULL DEFAULT '',
  tags_json    TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY(attempt_id, seq)
) WITHOUT ROWID;
CREATE TABLE principle_scores(
  attempt_id   INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  principle_id TEXT NOT NULL,
  earned       INTEGER NOT NULL,
  achievable   INTEGER NOT NULL,
  worst        INTEGER NOT NULL,
  PRIMARY KEY(attempt_id, principle_id)
) WITHOUT ROWID;
CREATE INDEX principle_scores_by_principle ON principle_scores(principle_id);
CREATE TABLE sync_sent(
  endpoint   TEXT NOT NULL,
  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  sent_at    INTEGER NOT NULL,
  PRIMARY KEY(endpoint, attempt_id)
) WITHOUT ROWID;
)SQL",
    // 1 -> 2: the seed of the order the choices were shown in (transcript.shuffleSeed, a uint64
    // stored as its two's-complement int64); NULL: file order, as in every attempt stored before.
    R"SQL(
ALTER TABLE attempts ADD COLUMN shuffle_seed INTEGER;
)SQL",
    // 2 -> 3: seals and origins. Each attempt keeps the trainee's name and email as recorded, the
    // store that recorded it (origin), how it came here (source) and its Ed25519 seal. Rows from
    // version 1 stay unsealed: sealing them now would bless edits made before. `sealed_from_id`
    // is the first id recorded with a seal; an unsealed row at or above it lost its seal.
    R"SQL(
ALTER TABLE attempts ADD COLUMN trainee_name TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN trainee_email TEXT NOT NULL DEFAULT '';
UPDATE attempts SET
  trainee_name = (SELECT t.name FROM trainees t WHERE t.id = attempts.trainee_id),
  trainee_email = (SELECT t.email FROM trainees t WHERE t.id = attempts.trainee_id);
ALTER TABLE attempts ADD COLUMN source TEXT NOT NULL DEFAULT 'local';
ALTER TABLE attempts ADD COLUMN origin_store TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN origin_fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN seal TEXT NOT NULL DEFAULT '';
INSERT OR REPLACE INTO meta(key, value)
  VALUES('sealed_from_id', (SELECT coalesce(max(id), 0) + 1 FROM attempts));
)SQL",
    // 3 -> 4: coaching (the manager's own data, outside the attempt seals): notes pinned to an
    // attempt or one of its decisions (0-based; -1 = the whole attempt), sign-offs per trainee
    // key and principle ('' = the whole set) with their xAPI sync log, and the roster.
    // IF NOT EXISTS: a file rewound to an older version by hand (tests do) may still hold them.
    R"SQL(
CREATE TABLE IF NOT EXISTS coaching_notes(
  id             INTEGER PRIMARY KEY,
  attempt_id     INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  decision_index INTEGER NOT NULL DEFAULT -1,
  author         TEXT NOT NULL,
  text           TEXT NOT NULL,
  created_at     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS coaching_notes_by_attempt ON coaching_notes(attempt_id, created_at);
CREATE TABLE IF NOT EXISTS sign_offs(
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  trainee_key  TEXT NOT NULL,
  principle_id TEXT NOT NULL DEFAULT '',
  manager      TEXT NOT NULL,
  signed_at    INTEGER NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  revoked      INTEGER NOT NULL DEFAULT 0,
  revoked_by   TEXT NOT NULL DEFAULT '',
  revoked_at   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sign_offs_by_trainee ON sign_offs(trainee_key, principle_id);
CREATE TABLE IF NOT EXISTS sign_offs_sent(
  endpoint   TEXT NOT NULL,
  sign_off_id INTEGER NOT NULL REFERENCES sign_offs(id) ON DELETE CASCADE,
  voiding    INTEGER NOT NULL,
  sent_at    INTEGER NOT NULL,
  PRIMARY KEY(endpoint, sign_off_id, voiding)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS roster(
  employee_id TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  store       TEXT NOT NULL DEFAULT '',
  updated_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS roster_by_name ON roster(name);
)SQL",
    // 4 -> 5: seal memos (see Integrity.h): this machine's HMAC of an attempt's rows once it
    // has checked (or itself sealed) them, so later checks of the same bytes skip the Ed25519
    // verify and the replay. Outside the seals, like coaching; losing one only costs time.
    R"SQL(
CREATE TABLE IF NOT EXISTS seal_memos(
  attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
  mac        BLOB NOT NULL,
  replayed   INTEGER NOT NULL,
  texts_upto INTEGER NOT NULL
);
)SQL",
};

}  // namespace counterplay::core::schema
