// `counterplay --bench-frames N`: the frame benchmark. Runs the play screen (a scenario with the
// typewriter looping, the customer, meters and the countdown) for N frames and an empty frame
// (clear + display) for N frames in the same run, and prints the process CPU time per frame
// (median, 99th percentile, worst), the startup time to the first frame and the peak memory.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <SFML/OpenGL.hpp>

#include "App.h"
#include "screens/PlayScreen.h"

namespace counterplay::app {
namespace {

double cpuMs(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

/// Process CPU time (all threads: with software GL this includes the rasteriser's threads) and
/// the main thread's own CPU time (the game's work plus GL command submission).
struct Sample {
    double process = 0, thread = 0;
    static Sample now() { return {cpuMs(CLOCK_PROCESS_CPUTIME_ID), cpuMs(CLOCK_THREAD_CPUTIME_ID)}; }
};

struct Stats {
    double median = 0, p99 = 0, worst = 0;
    int over16 = 0;
};

Stats stats(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    s.p99 = v[std::min(v.size() - 1, static_cast<std::size_t>(static_cast<double>(v.size()) * 0.99))];
    s.worst = v.back();
    s.over16 = static_cast<int>(std::count_if(v.begin(), v.end(), [](double x) { return x > 16.0; }));
    return s;
}

std::string glRenderer() {
    const GLubyte* r = glGetString(GL_RENDERER);
    return r != nullptr ? reinterpret_cast<const char*>(r) : "unknown";
}

}  // namespace

int App::runBench(int frames) {
    const auto& entries = ctx_.library.entries();
    if (entries.empty()) {
        std::fprintf(stderr, "counterplay: no scenarios to benchmark in %s\n", ctx_.paths.scenariosDir.c_str());
        return 1;
    }
    const ScenarioEntry* entry = ctx_.library.find("washed-blouse");
    if (entry == nullptr) entry = &entries.front();
    window_->setFramerateLimit(0);
    if (ctx_.settings.traineeName.empty()) ctx_.settings.traineeName = "Bench";
    ctx_.settings.showMeters = true;
    ctx_.settings.textSpeed = 1;
    screens_.clear();
    auto play = std::make_unique<PlayScreen>(ctx_, *entry, nullptr);
    play->setBenchLoop(true);
    screens_.push_back(std::move(play));

    const float dt = 1.f / 60.f;
    auto sceneFrame = [&] {
        sf::Event e;
        while (window_->pollEvent(e)) {
        }
        frame(dt);
        drawFrame();
        window_->display();
    };
    sceneFrame();
    const double startupMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - processStart_).count();
    for (int i = 0; i < 30; ++i) sceneFrame();  // warm caches (glyphs, textures)

    std::vector<double> empty, scene, emptyThread, sceneThread;
    // Interleave so both see the same machine load.
    for (int i = 0; i < frames; ++i) {
        Sample t0 = Sample::now();
        window_->clear(sf::Color::Black);
        window_->display();
        Sample t1 = Sample::now();
        empty.push_back(t1.process - t0.process);
        emptyThread.push_back(t1.thread - t0.thread);
        t0 = Sample::now();
        sceneFrame();
        t1 = Sample::now();
        scene.push_back(t1.process - t0.process);
        sceneThread.push_back(t1.thread - t0.thread);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const Stats e = stats(empty), s = stats(scene), et = stats(emptyThread), st = stats(sceneThread);
    const sf::Vector2u size = window_->getSize();
    std::printf("bench: %d frames of the play screen (%s), window %ux%u, GL renderer %s\n", frames,
                entry->scenario->id.c_str(), size.x, size.y, glRenderer().c_str());
    std::printf("  process CPU time per frame (all threads):\n");
    std::printf("  empty frame (clear+display): median %.3f ms, p99 %.3f ms, worst %.3f ms\n", e.median, e.p99,
                e.worst);
    std::printf("  play frame:                  median %.3f ms, p99 %.3f ms, worst %.3f ms\n", s.median, s.p99,
                s.worst);
    std::printf("  ratio (median play / median empty): %.2fx\n", e.median > 0 ? s.median / e.median : 0.0);
    std::printf("  play frames over 16 ms: %d of %d\n", s.over16, frames);
    std::printf("  main thread only (game + GL submission, without the rasteriser's threads):\n");
    std::printf("    empty median %.3f ms, play median %.3f ms, p99 %.3f ms (%.2fx), over 16 ms: %d\n", et.median,
                st.median, st.p99, et.median > 0 ? st.median / et.median : 0.0, st.over16);
    std::printf("  startup to first frame: %.0f ms\n", startupMs);
    std::printf("  peak memory (maxrss): %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    screens_.clear();
    window_->close();
    return 0;
}

}  // namespace counterplay::app
