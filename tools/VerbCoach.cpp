// `counterplay coach`: a manager's coaching without the window. note (pinned to an attempt or
// one of its steps), signoff ("ready for the floor", per principle or the whole set), revoke,
// delete-note and list. The data is the same the dashboard shows (core Coaching.h).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/Coaching.h"
#include "counterplay/core/CohortReport.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Loader.h"
#include "counterplay/core/Roster.h"
#include "counterplay/core/Suggest.h"

namespace counterplay::tools {
namespace {

/// A trainee a sign-off may name: stored (has attempts) or on the roster.
struct KnownTrainee {
    std::string key;
    std::string name;
};

std::vector<KnownTrainee> knownTrainees(const core::ResultsStore& store) {
    std::vector<KnownTrainee> out;
    for (const auto& t : store.trainees()) out.push_back({t.key, t.name});
    for (const auto& e : core::roster(store))
        if (std::none_of(out.begin(), out.end(),
                         [&](const auto& k) { return k.key == e.employeeId; }))
            out.push_back({e.employeeId, e.name});
    return out;
}

/// The trainee key `given` means (a key, or the name of exactly one trainee); empty and a
/// message on `err` (with a "did you mean") when it names nobody or several people.
std::string resolveTrainee(const core::ResultsStore& store, const std::string& given,
                           const std::string& prefix, core::Lang lang, std::ostream& err) {
    const auto all = knownTrainees(store);
    std::vector<const KnownTrainee*> byName;
    for (const auto& t : all) {
        if (t.key == given) return t.key;
        if (t.name == given) byName.push_back(&t);
    }
    if (byName.size() == 1) return byName.front()->key;
    if (byName.size() > 1) {
        err << prefix
            << label("coach.ambiguous", lang,
                     {{"name", given}, {"n", std::to_string(byName.size())}})
            << '\n';
        for (const auto* t : byName) err << "  " << t->key << "  (" << t->name << ")\n";
        return {};
    }
    core::Suggester suggest(given);
    for (const auto& t : all) {
        suggest.consider(t.key);
        suggest.consider(t.name);
    }
    err << prefix << label("coach.unknown-trainee", lang, {{"key", given}})
        << (suggest.best().empty() ? ""
                                   : label("play.did-you-mean", lang, {{"id", suggest.best()}}))
        << '\n';
    return {};
}

/// Principle ids a sign-off may name: the catalogue's and those scored in stored attempts.
std::vector<std::string> knownPrinciples(const core::ResultsStore& store) {
    std::vector<std::string> ids = store.principleIds();
    const std::string path = defaultCataloguePath();
    if (!path.empty()) {
        const auto load = core::loadCatalogueFile(path);
        if (load.ok())
            for (const auto& p : load.catalogue->principles) ids.push_back(p.id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

/// Exit code for a core exception: bad input is a usage error, a database failure a data one.
int reportError(const std::exception& e, const std::string& prefix, core::Lang lang) {
    if (dynamic_cast<const core::CoachingError*>(&e)) {
        std::cerr << prefix << label("coach.invalid", lang, {{"reason", e.what()}}) << '\n';
        return kExitUsage;
    }
    std::cerr << prefix << exceptionText(e, lang) << '\n';
    return kExitData;
}

std::string stepText(int decisionIndex, core::Lang lang) {
    return decisionIndex < 0
               ? label("coach.whole-attempt", lang)
               : label("coach.step", lang, {{"n", std::to_string(decisionIndex + 1)}});
}

std::string principleText(const std::string& id, core::Lang lang) {
    return id.empty() ? label("coach.whole-set", lang) : id;
}

int noteCommand(core::ResultsStore& store, std::int64_t attemptId, int step,
                const std::string& text, const std::string& author, core::Lang lang) {
    const std::string prefix = "counterplay coach note: ";
    const auto attempt = store.listAttempts([&] {
        core::AttemptFilter f;
        f.attemptId = attemptId;
        return f;
    }());
    if (attempt.empty()) {
        // Only ids that exist are offered, as runs ("1-40, 45").
        std::vector<std::int64_t> ids;
        for (const auto& a : store.listAttempts()) ids.push_back(a.id);
        std::cerr << prefix
                  << label("coach.unknown-attempt", lang, {{"id", std::to_string(attemptId)}})
                  << (ids.empty() ? "; " + label("coach.no-attempts", lang)
                                  : label("select.attempt-range", lang, {{"ids", idRuns(ids)}}))
                  << '\n';
        return kExitData;
    }
    const auto& a = attempt.front();
    if (step != 0 && (step < 1 || step > a.decisionCount)) {
        std::cerr << prefix
                  << label("coach.bad-step", lang,
                           {{"id", std::to_string(a.id)},
                            {"step", std::to_string(step)},
                            {"n", std::to_string(a.decisionCount)}})
                  << '\n';
        return kExitData;
    }
    try {
        core::CoachingNote note;
        note.attemptId = a.id;
        note.decisionIndex = step - 1;
        note.author = author;
        note.text = text;
        const auto id = core::addNote(store, note);
        std::cout << label("coach.noted", lang,
                           {{"note", std::to_string(id)},
                            {"id", std::to_string(a.id)},
                            {"name", a.traineeName},
                            {"where", stepText(step - 1, lang)}})
                  << '\n';
    } catch (const std::exception& e) {
        return reportError(e, prefix, lang);
    }
    return kExitOk;
}

int signOffCommand(core::ResultsStore& store, const std::string& trainee,
                   const std::string& principle, const std::string& manager,
                   const std::string& note, core::Lang lang) {
    const std::string prefix = "counterplay coach signoff: ";
    const std::string key = resolveTrainee(store, trainee, prefix, lang, std::cerr);
    if (key.empty()) return kExitData;
    if (!principle.empty()) {
        const auto known = knownPrinciples(store);
        if (std::find(known.begin(), known.end(), principle) == known.end()) {
            core::Suggester suggest(principle);
            for (const auto& id : known) suggest.consider(id);
            std::cerr << prefix << label("coach.unknown-principle", lang, {{"id", principle}})
                      << (suggest.best().empty()
                              ? ""
                              : label("play.did-you-mean", lang, {{"id", suggest.best()}}))
                      << '\n';
            return kExitData;
        }
    }
    try {
        core::SignOff s;
        s.traineeKey = key;
        s.principleId = principle;
        s.manager = manager;
        s.note = note;
        const auto id = core::addSignOff(store, s);
        std::string stored = manager;
        for (const auto& o : core::signOffs(store, key))
            if (o.id == id) stored = o.manager;  // as stored (trimmed)
        std::cout << label("coach.signed", lang,
                           {{"id", std::to_string(id)},
                            {"key", key},
                            {"what", principleText(principle, lang)},
                            {"manager", stored}})
                  << '\n';
    } catch (const std::exception& e) {
        return reportError(e, prefix, lang);
    }
    return kExitOk;
}

/// Prints one trainee's sign-offs and notes (both oldest first).
void listTrainee(const core::ResultsStore& store, const std::string& key, const std::string& name,
                 core::Lang lang) {
    std::cout << name << " (" << key << ")\n";
    const auto offs = core::signOffs(store, key);
    for (const auto& o : offs) {
        std::cout << "  "
                  << label("coach.list-signoff", lang,
                           {{"id", std::to_string(o.id)},
                            {"what", principleText(o.principleId, lang)},
                            {"manager", o.manager},
                            {"date", core::localDateTime(o.signedAtMs)}});
        if (!o.note.empty()) std::cout << ": " << snippet(o.note, 200);
        if (o.revoked)
            std::cout << "  "
                      << label("coach.list-revoked", lang,
                               {{"manager", o.revokedBy},
                                {"date", core::localDateTime(o.revokedAtMs)}});
        std::cout << '\n';
    }
    std::map<std::int64_t, core::AttemptSummary> attempts;
    for (const auto& n : core::notesForTrainee(store, key)) {
        if (!attempts.count(n.attemptId)) {
            core::AttemptFilter f;
            f.attemptId = n.attemptId;
            const auto found = store.listAttempts(f);
            if (!found.empty()) attempts[n.attemptId] = found.front();
        }
        const auto& a = attempts[n.attemptId];
        std::cout << "  "
                  << label("coach.list-note", lang,
                           {{"note", std::to_string(n.id)},
                            {"id", std::to_string(n.attemptId)},
                            {"scenario", a.scenarioId},
                            {"where", stepText(n.decisionIndex, lang)},
                            {"author", n.author},
                            {"date", core::localDateTime(n.createdAtMs)}})
                  << ": " << snippet(n.text, 200) << '\n';
    }
    if (offs.empty() && attempts.empty())
        std::cout << "  " << label("coach.list-none", lang) << '\n';
}

}  // namespace

int coachMain(int argc, char** argv) {
    CLI::App app{
        "Coaching without the window: notes on an attempt or one of its steps, "
        "sign-offs \"ready for the floor\" per trainee and principle (or the whole set), "
        "and the list of both. The dashboard shows and edits the same data.",
        "counterplay coach"};
    std::string dbFlag, langValue, text, author, trainee, principle, manager, note, listTraineeKey;
    std::int64_t attemptId = 0, revokeId = 0, noteId = 0;
    int step = 0;
    addDbOption(app, dbFlag);
    addLangOption(app, langValue);
    app.require_subcommand(1, 1);
    app.fallthrough();
    CLI::App* noteCmd =
        app.add_subcommand("note", "Pin a note to an attempt (or one of its steps)");
    noteCmd->add_option("--attempt", attemptId, "Attempt id (see `counterplay report` or `export`)")
        ->required();
    noteCmd
        ->add_option("--decision", step,
                     "Step number (1 = the first decision); default: the "
                     "whole attempt")
        ->check(CLI::PositiveNumber);
    noteCmd->add_option("--text", text, "The note")->required();
    noteCmd->add_option("--author", author, "Who writes it (the manager's name)")->required();
    CLI::App* signCmd = app.add_subcommand("signoff", "Sign a trainee off as ready for the floor");
    signCmd->add_option("--trainee", trainee, "Trainee key (employee id) or unique name")
        ->required();
    signCmd->add_option("--principle", principle, "Principle id; default: the whole set");
    signCmd->add_option("--manager", manager, "Who signs (the manager's name)")->required();
    signCmd->add_option("--note", note, "Optional remark");
    CLI::App* revokeCmd =
        app.add_subcommand("revoke", "Revoke a sign-off (it stays listed as revoked)");
    revokeCmd->add_option("ID", revokeId, "Sign-off id (see `coach list`)")->required();
    revokeCmd->add_option("--manager", manager, "Who revokes it")->required();
    CLI::App* deleteCmd = app.add_subcommand("delete-note", "Delete a coaching note");
    deleteCmd->add_option("ID", noteId, "Note id (see `coach list`)")->required();
    CLI::App* listCmd = app.add_subcommand("list", "List sign-offs and notes per trainee");
    listCmd->add_option("--trainee", listTraineeKey, "Only this trainee (key or unique name)");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);

    if (listCmd->parsed()) {
        // A --db that names no file is a typo, not an empty store: say so, as report does.
        if (!dbFlag.empty() && !std::filesystem::exists(core::resultsDbPath(dbFlag))) {
            openStoreForVerb(dbFlag, core::ResultsStore::Mode::ReadOnly, "coach list", lang,
                             std::cerr, true);
            return kExitUsage;
        }
        if (!std::filesystem::exists(core::resultsDbPath(dbFlag)) && listTraineeKey.empty()) {
            std::cout << label("coach.list-empty", lang) << '\n';
            return kExitOk;  // a read-only verb never creates the database
        }
        auto store = openStoreForVerb(dbFlag, core::ResultsStore::Mode::ReadOnly, "coach list",
                                      lang, std::cerr);
        if (!store) return kExitUsage;  // a database that cannot be used
        try {
            if (!listTraineeKey.empty()) {
                const std::string key = resolveTrainee(*store, listTraineeKey,
                                                       "counterplay coach list: ", lang, std::cerr);
                if (key.empty()) return kExitData;
                for (const auto& t : knownTrainees(*store))
                    if (t.key == key) listTrainee(*store, key, t.name, lang);
                return kExitOk;
            }
            std::map<std::string, std::string> withCoaching;  // key -> name
            const auto known = knownTrainees(*store);
            auto nameOf = [&](const std::string& key) {
                for (const auto& t : known)
                    if (t.key == key) return t.name;
                return key;
            };
            for (const auto& o : core::signOffs(*store))
                withCoaching[o.traineeKey] = nameOf(o.traineeKey);
            for (const auto& t : known)
                if (!withCoaching.count(t.key) && !core::notesForTrainee(*store, t.key).empty())
                    withCoaching[t.key] = t.name;
            if (withCoaching.empty()) std::cout << label("coach.list-empty", lang) << '\n';
            for (const auto& [key, name] : withCoaching) listTrainee(*store, key, name, lang);
        } catch (const std::exception& e) {
            return reportError(e, "counterplay coach list: ", lang);
        }
        return kExitOk;
    }
    const char* verb = noteCmd->parsed()     ? "coach note"
                       : signCmd->parsed()   ? "coach signoff"
                       : revokeCmd->parsed() ? "coach revoke"
                                             : "coach delete-note";
    auto store =
        openStoreForVerb(dbFlag, core::ResultsStore::Mode::ReadWrite, verb, lang, std::cerr);
    if (!store) return kExitUsage;  // a database that cannot be used
    if (noteCmd->parsed()) return noteCommand(*store, attemptId, step, text, author, lang);
    if (signCmd->parsed()) return signOffCommand(*store, trainee, principle, manager, note, lang);
    const std::string prefix = std::string("counterplay ") + verb + ": ";
    try {
        if (revokeCmd->parsed()) {
            if (core::revokeSignOff(*store, revokeId, manager)) {
                std::cout << label("coach.revoked", lang, {{"id", std::to_string(revokeId)}})
                          << '\n';
                return kExitOk;
            }
            const auto all = core::signOffs(*store);
            const bool revokedAlready = std::any_of(all.begin(), all.end(), [&](const auto& o) {
                return o.id == revokeId && o.revoked;
            });
            std::cerr << prefix
                      << label(revokedAlready ? "coach.already-revoked" : "coach.unknown-signoff",
                               lang, {{"id", std::to_string(revokeId)}})
                      << '\n';
            return kExitData;
        }
        if (core::deleteNote(*store, noteId)) {
            std::cout << label("coach.note-deleted", lang, {{"id", std::to_string(noteId)}})
                      << '\n';
            return kExitOk;
        }
        std::cerr << prefix << label("coach.unknown-note", lang, {{"id", std::to_string(noteId)}})
                  << '\n';
        return kExitData;
    } catch (const std::exception& e) {
        return reportError(e, prefix, lang);
    }
}

}  // namespace counterplay::tools
