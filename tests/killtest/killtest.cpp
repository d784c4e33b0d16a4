// Kill test: a child process stores attempts and writes signed exports in a tight loop and is
// killed with SIGKILL at random moments, many times. After every kill the parent checks that the
// database passes PRAGMA integrity_check, that every attempt the child reported as saved (it
// prints the id after recordAttempt returned, i.e. after COMMIT) is present, and that each export
// file is either absent or a complete, verifying export (never half-written).
// Usage: killtest [--iterations N] [--seconds S] [--seed S]
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <set>
#include <string>

#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/Export.h"
#include "counterplay/core/ResultsStore.h"
#include "counterplay/core/Keyring.h"
#include "counterplay/core/Signing.h"

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {

NewAttempt makeAttempt(std::mt19937& rng, int n) {
    NewAttempt a;
    a.traineeName = "Trainee " + std::to_string(n % 7);
    Scorecard& c = a.scorecard;
    c.scenarioId = n % 2 ? "washed-blouse" : "hot-cup-burn";
    c.scenarioTitle = {"title", "Title"};
    c.contentHash = std::string(64, 'c');
    const int listen = static_cast<int>(rng() % 4);
    c.principles = {{"complaint.listen", listen, 3, -1}, {"trust.small-promises", 2, 4, -2}};
    c.earnedTotal = listen + 2;
    c.bestTotal = 7;
    c.worstTotal = -3;
    c.percent = c.earnedTotal * 100 / 7;
    c.passed = c.percent >= 70;
    c.finished = true;
    c.endingKind = "resolved";
    c.npsClass = "passive";
    for (int k = 0; k < 6; ++k) {
        DecisionRecord d;
        d.nodeId = "n" + std::to_string(k);
        d.choiceId = d.nodeId + ".0";
        d.choiceText = {"text", "A fairly long choice text that makes the rows realistic"};
        d.feedback = {"feedback", "Feedback explaining the principle, as long as real feedback"};
        d.points = {{"complaint.listen", k % 2}};
        d.elapsedMs = 3000 + k;
        c.decisions.push_back(d);
        a.transcript.decisions.push_back({d.nodeId, 0, d.choiceId, d.elapsedMs});
    }
    a.startedAtMs = 1700000000000LL + n * 60000LL;
    a.endedAtMs = a.startedAtMs + 30000;
    return a;
}

/// The child: store attempts and write exports until killed. Never returns.
[[noreturn]] void child(const std::string& db, const fs::path& dir, const SigningKey& key, int fd,
                        unsigned seed) {
    std::string error;
    auto store = ResultsStore::open(db, error);
    if (!store) {
        std::fprintf(stderr, "child: %s\n", error.c_str());
        _exit(3);
    }
    store->setSigningKey(std::make_shared<const SigningKey>(key));
    std::mt19937 rng(seed);
    for (int n = 0;; ++n) {
        const std::int64_t id = store->recordAttempt(makeAttempt(rng, n));
        const std::string line = std::to_string(id) + "\n";
        if (::write(fd, line.data(), line.size()) < 0) _exit(4);
        if (n % 3 == 0) {
            const ExportFormat format = n % 2 ? ExportFormat::Csv : ExportFormat::Html;
            const std::string path = (dir / (n % 2 ? "export.csv" : "export.html")).string();
            ExportOptions options;
            options.filter.newestFirst = true;
            options.filter.limit = 300;
            auto file = AtomicFile::create(path, error);
            if (!file) _exit(5);
            struct Sink : ByteSink {
                AtomicFile& f;
                explicit Sink(AtomicFile& file) : f(file) {}
                void write(std::string_view b) override { f.write(b); }
            } sink(*file);
            const ExportResult r = exportAttempts(*store, format, options, key, sink);
            // A CSV export's signature is in export.csv.sig: the pair is replaced so that a
            // kill at any moment leaves one that verifies.
            if (format == ExportFormat::Csv ? !commitWithSidecar(*file, path, r.detachedSignature, key, error)
                                            : !file->commit(error))
                _exit(6);
        }
    }
}

int fail(const std::string& message) {
    std::fprintf(stderr, "FAIL: %s\n", message.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    int iterations = 60, seconds = 90;
    unsigned seed = static_cast<unsigned>(std::random_device{}());
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--iterations")) iterations = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seconds")) seconds = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed")) seed = static_cast<unsigned>(std::atoll(argv[i + 1]));
    }
    std::printf("killtest: seed %u, up to %d kills in %d s\n", seed, iterations, seconds);
    std::string tmpl = (fs::temp_directory_path() / "cp-killtest-XXXXXX").string();
    const fs::path dir = mkdtemp(tmpl.data());
    const std::string db = (dir / "results.db").string();
    std::string error;
    const auto key = loadSigningKey((dir / "signing.key").string(), true, error);
    if (!key) return fail(error);

    std::mt19937 rng(seed);
    std::set<std::int64_t> reported;
    int kills = 0, exportsChecked = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (kills < iterations && std::chrono::steady_clock::now() < deadline) {
        int fds[2];
        if (::pipe(fds) != 0) return fail("pipe");
        const pid_t pid = ::fork();
        if (pid < 0) return fail("fork");
        if (pid == 0) {
            ::close(fds[0]);
            child(db, dir, *key, fds[1], seed + static_cast<unsigned>(kills));
        }
        ::close(fds[1]);
        // Random moment: sometimes right away (during open/recovery), mostly mid-work.
        const int delayUs = rng() % 5 == 0 ? static_cast<int>(rng() % 2000)
                                           : 5000 + static_cast<int>(rng() % 150000);
        ::usleep(static_cast<useconds_t>(delayUs));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFSIGNALED(status)) return fail("the child exited by itself (status " + std::to_string(status) + ")");
        ++kills;
        std::string text;
        char buf[4096];
        for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
        ::close(fds[0]);
        for (std::size_t pos = 0, nl; (nl = text.find('\n', pos)) != std::string::npos; pos = nl + 1)
            reported.insert(std::stoll(text.substr(pos, nl - pos)));

        auto store = ResultsStore::open(db, error);
        if (!store) return fail("reopen after kill " + std::to_string(kills) + ": " + error);
        const std::string integrity = store->integrityCheck();
        if (integrity != "ok") return fail("integrity_check after kill " + std::to_string(kills) + ": " + integrity);
        for (std::int64_t id : reported)
            if (!store->getAttempt(id)) return fail("attempt " + std::to_string(id) + " was reported saved but is missing");
        for (const char* name : {"export.csv", "export.html"}) {
            const fs::path p = dir / name;
            if (!fs::exists(p)) continue;
            Trust trust;
            trust.addOwn(*key);
            const VerifyResult v = verifyExportFile(p.string(), trust);
            if (!v.ok) return fail(std::string(name) + " is not a complete export: " + v.message);
            ++exportsChecked;
        }
    }
    auto countTemps = [&] {
        int n = 0;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
        return n;
    };
    const int abandoned = countTemps();
    // The next write of each export removes what killed writers left behind.
    for (const char* name : {"export.csv", "export.csv.sig", "export.html"}) {
        auto file = AtomicFile::create((dir / name).string(), error);
        if (!file || !(file->write("x"), file->commit(error))) return fail(std::string(name) + ": " + error);
    }
    const int left = countTemps();
    std::printf("killtest: %d kills, %zu attempts reported saved and all present, integrity ok "
                "after every kill, %d export checks passed; %d temporary files of killed writers, "
                "%d left after the next write\n",
                kills, reported.size(), exportsChecked, abandoned, left);
    if (left != 0) return fail("temporary files of killed writers were not removed by the next write");
    fs::remove_all(dir);
    if (kills < 50 && iterations >= 50) return fail("fewer than 50 kills in the time budget");
    return 0;
}
