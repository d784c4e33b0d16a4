// The manager passphrase in front of the dashboard and coaching. A file in the data folder
// (mode 0600) holds its scrypt hash (OpenSSL 3 EVP_KDF, random salt) and the count of wrong
// tries: each wrong try makes the next one wait longer (1, 2, 4, ... 30 s), and since the count
// is in the file, restarting the program does not reset it.
// What it protects: casual access on a shared shop PC (a trainee opening the dashboard). What it
// does not: someone with the OS account and a terminal can read the results database directly
// or delete this file. See docs/managers.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace counterplay::core {

/// The passphrase file: $COUNTERPLAY_MANAGER_FILE, else dataDir()/manager.json.
std::string managerPassphrasePath();

class ManagerPassphrase {
public:
    /// Works on the file at `filePath` (not read or created until needed).
    explicit ManagerPassphrase(std::string filePath);

    /// True when a passphrase has been set (the file exists; an unreadable or damaged file
    /// counts as set, so damaging it never opens the dashboard; delete it to start over).
    bool isSet() const;

    /// Sets the passphrase (first open, or after change() checked the old one), resetting the
    /// wrong-try count. Throws std::runtime_error when it is weak (fewer than 6 characters) or
    /// the file cannot be written.
    void set(const std::string& passphrase);

    struct Check {
        bool ok = false;
        std::int64_t waitMs = 0;  ///< > 0: refused without checking, try again after this long
        /// Added to the contract: after a wrong try, how long until the next one is accepted.
        std::int64_t retryAfterMs = 0;
    };

    /// Checks a passphrase at time `nowMs` (epoch ms). While a wait from earlier wrong tries
    /// runs, refuses without checking (waitMs). A wrong try doubles the wait (1 s after the
    /// first, up to 30 s) and is saved in the file; a right one clears the count.
    Check check(const std::string& passphrase, std::int64_t nowMs);

    /// Replaces the passphrase when `oldPass` checks (same waits as check()). False when it does
    /// not or a wait runs; throws like set() when the new one is weak or cannot be written.
    bool change(const std::string& oldPass, const std::string& newPass, std::int64_t nowMs);

    /// Wrong tries in a row so far (from the file).
    int failures() const;

    /// How long from `nowMs` (epoch ms) until check() accepts a try, without trying: the wait
    /// saved in the file by earlier wrong tries (also from an earlier run of the program), 0 when
    /// none runs. Capped like check() when the clock was set back. Lets the gate show the
    /// countdown as soon as it opens, before anyone types.
    std::int64_t waitRemainingMs(std::int64_t nowMs) const;

    const std::string& path() const { return path_; }

    /// The wait after `failures` wrong tries in a row: 0, 1 s, 2 s, 4 s, ... capped at 30 s.
    static std::int64_t waitAfter(int failures);

    /// The minimum length of a passphrase, in characters (UTF-8 code points).
    static constexpr int kMinLength = 6;

    /// True when `passphrase` has at least kMinLength characters, the rule set() enforces: lets
    /// the gate say "too short" before it compares the two fields.
    static bool longEnough(std::string_view passphrase);

private:
    std::string path_;
    // The wrong-try state when the file could not be written (full disk, read-only folder), so
    // a failed save never lifts the wait for this process.
    int unsavedFailures_ = 0;
    std::int64_t unsavedLockedUntilMs_ = 0;
};

}  // namespace counterplay::core
