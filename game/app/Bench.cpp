// `counterplay --bench-frames N`: the frame benchmark. Runs the play screen (a scenario with the
// typewriter looping, the customer, meters and the countdown) for N frames as the game draws
// them, N frames drawn whole and N empty frames (clear + display) in the same run, and prints
// the process CPU time per frame (median, 99th percentile, worst), the startup time to the
// first frame and the peak memory. It also checks that partial redraw (PartialRedraw.h) gives
// exactly the pixels of a whole redraw, and exits 1 when it does not.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <SFML/Graphics/Image.hpp>
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
    // One frame of the game as it runs; `whole` makes it draw the whole frame (no partial redraw).
    auto sceneFrame = [&](bool whole) {
        sf::Event e;
        while (window_->pollEvent(e)) {
        }
        frame(dt);
        if (whole) invalidate(0.001f);
        drawFrame();
        window_->display();
    };
    auto readBack = [&] {
        const sf::Vector2u size = window_->getSize();
        std::vector<unsigned char> pixels(static_cast<std::size_t>(size.x) * size.y * 4);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y), GL_RGBA,
                     GL_UNSIGNED_BYTE, pixels.data());
        return pixels;
    };
    sceneFrame(true);
    const double startupMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - processStart_).count();
    for (int i = 0; i < 60; ++i) sceneFrame(false);  // warm caches (glyphs, textures)

    // Blocks of ten frames of each kind, so all three see the same machine load. An empty frame
    // clears the back buffer, so each block first draws one whole (unmeasured) frame; after the
    // block, the frame the game drew is compared with a whole redraw of the same moment.
    std::vector<double> empty, whole, scene, emptyThread, wholeThread, sceneThread;
    int checks = 0, mismatches = 0;
    std::size_t worstDiff = 0;
    const long partialBefore = partialFrames_;
    constexpr int kBlock = 10;
    constexpr int kRounding = 2;
    const sf::Vector2u size = window_->getSize();
    // Compares the frame the game just drew with a whole redraw of the same moment.
    auto checkAgainstWhole = [&] {
    const std::vector<unsigned char> drawn = readBack();
    invalidate(0.001f);
    drawFrame();  // the same moment, drawn whole
    const std::vector<unsigned char> reference = readBack();
    window_->display();
    std::size_t diff = 0;
    unsigned minX = size.x, minY = size.y, maxX = 0, maxY = 0;
    // llvmpipe rounds a gradient's interpolation a little differently when the scissor clips
    // the triangle (seen when redrawing a whole frame through a scissor: up to 2 of 255), so
    // a pixel counts as different beyond that; stale content differs far more.
    auto channelDiff = [&](std::size_t i) { return std::abs(int(drawn[i]) - int(reference[i])); };
    for (std::size_t i = 0; i < drawn.size(); i += 4)
        if (std::max({channelDiff(i), channelDiff(i + 1), channelDiff(i + 2)}) > kRounding) {
            ++diff;
            const auto x = static_cast<unsigned>((i / 4) % size.x), y = size.y - 1 - static_cast<unsigned>((i / 4) / size.x);
            minX = std::min(minX, x), maxX = std::max(maxX, x), minY = std::min(minY, y), maxY = std::max(maxY, y);
        }
    ++checks;
    if (diff > 0) {
        if (mismatches++ == 0) {
            std::fprintf(stderr, "bench: partial redraw differs from a whole redraw in %zu pixels within x %u-%u, y %u-%u\n",
                         diff, minX, maxX, minY, maxY);
            if (const char* dump = std::getenv("COUNTERPLAY_BENCH_DUMP")) {
                for (const auto& [name, px] : {std::pair{"partial", &drawn}, std::pair{"whole", &reference}}) {
                    sf::Image image;
                    image.create(size.x, size.y, px->data());
                    image.flipVertically();
                    image.saveToFile(std::string(dump) + "-" + name + ".png");
                }
            }
        }
    }
    worstDiff = std::max(worstDiff, diff);
    };
    for (int block = 0; block * kBlock < frames; ++block) {
        for (int i = 0; i < kBlock; ++i) {
            const Sample t0 = Sample::now();
            window_->clear(sf::Color::Black);
            window_->display();
            const Sample t1 = Sample::now();
            empty.push_back(t1.process - t0.process);
            emptyThread.push_back(t1.thread - t0.thread);
        }
        sceneFrame(true);
        for (int i = 0; i < kBlock; ++i) {
            const Sample t0 = Sample::now();
            sceneFrame(true);
            const Sample t1 = Sample::now();
            whole.push_back(t1.process - t0.process);
            wholeThread.push_back(t1.thread - t0.thread);
        }
        for (int i = 0; i < kBlock; ++i) {
            const Sample t0 = Sample::now();
            sceneFrame(false);
            const Sample t1 = Sample::now();
            scene.push_back(t1.process - t0.process);
            sceneThread.push_back(t1.thread - t0.thread);
        }
        checkAgainstWhole();
    }
    const long partialCount = partialFrames_ - partialBefore;
    const int loopChecks = checks, loopMismatches = mismatches;
    const long framesBefore = partialFrames_ + fullFrames_, partialBeforeCountdown = partialFrames_;
    std::vector<double> live;  // process CPU per frame of the live countdown

    // The countdown moves only while the clock runs: play hot-cup-burn's timed first node live
    // (typewriter, options sliding in, the bar shrinking, the seconds, the urgent pulse, the
    // timeout) and compare every fifth frame with a whole redraw. Correctness only, not timed.
    if (const ScenarioEntry* timed = ctx_.library.find("hot-cup-burn")) {
        screens_.clear();
        screens_.push_back(std::make_unique<PlayScreen>(ctx_, *timed, nullptr));
        invalidate();
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(8500);
        long lastPartial = partialFrames_;
        while (std::chrono::steady_clock::now() < until) {
            for (int i = 0; i < 5; ++i) {
                const Sample t0 = Sample::now();
                sceneFrame(false);
                live.push_back(Sample::now().process - t0.process);
                if (std::getenv("COUNTERPLAY_BENCH_TRACE") && live.back() > 16.0)
                    std::fprintf(stderr, "bench: live frame %zu took %.1f ms (%s)\n", live.size(), live.back(),
                                 partialFrames_ > lastPartial ? "partial" : "whole");
                lastPartial = partialFrames_;
            }
            checkAgainstWhole();
        }
    }
    const long countdownFrames = partialFrames_ + fullFrames_ - framesBefore;
    const long countdownPartial = partialFrames_ - partialBeforeCountdown;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const Stats e = stats(empty), w = stats(whole), s = stats(scene);
    const Stats et = stats(emptyThread), wt = stats(wholeThread), st = stats(sceneThread);
    const int measured = static_cast<int>(scene.size());
    std::printf("bench: %d frames of each kind of the play screen (%s), window %ux%u, GL renderer %s\n", measured,
                entry->scenario->id.c_str(), size.x, size.y, glRenderer().c_str());
    std::printf("  partial redraw: %s (%ld of the %d game frames drew only what changed)\n",
                partialRedraw_ ? "on" : "off", partialCount, measured);
    std::printf("  process CPU time per frame (all threads):\n");
    std::printf("  empty frame (clear+display): median %.3f ms, p99 %.3f ms, worst %.3f ms\n", e.median, e.p99,
                e.worst);
    std::printf("  play frame, drawn whole:     median %.3f ms, p99 %.3f ms, worst %.3f ms (%.2fx empty)\n",
                w.median, w.p99, w.worst, e.median > 0 ? w.median / e.median : 0.0);
    std::printf("  play frame, as the game draws it: median %.3f ms, p99 %.3f ms, worst %.3f ms\n", s.median,
                s.p99, s.worst);
    std::printf("  ratio (median play / median empty): %.2fx\n", e.median > 0 ? s.median / e.median : 0.0);
    std::printf("  play frames over 16 ms: %d of %d (drawn whole: %d)\n", s.over16, measured, w.over16);
    std::printf("  main thread only (game + GL submission, without the rasteriser's threads):\n");
    std::printf("    empty median %.3f ms, whole play median %.3f ms, play median %.3f ms, p99 %.3f ms (%.2fx)\n",
                et.median, wt.median, st.median, st.p99, et.median > 0 ? st.median / et.median : 0.0);
    std::printf("  startup to first frame: %.0f ms\n", startupMs);
    std::printf("  peak memory (maxrss): %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    std::printf("  partial redraw check: %d of %d frames match a whole redraw of the same moment (within %d/255)%s\n",
                loopChecks - loopMismatches, loopChecks, kRounding,
                mismatches ? (" (worst: " + std::to_string(worstDiff) + " pixels differ)").c_str() : "");
    std::printf("  partial redraw check with a running countdown (hot-cup-burn): %d of %d frames match "
                "(%ld of %ld frames partial)\n",
                (checks - loopChecks) - (mismatches - loopMismatches), checks - loopChecks, countdownPartial,
                countdownFrames);
    if (!live.empty()) {
        const Stats l = stats(live);
        std::printf("  live countdown frames (hot-cup-burn, clock running): median %.3f ms (%.2fx empty), p99 %.3f ms, "
                    "worst %.3f ms, over 16 ms: %d of %zu\n",
                    l.median, e.median > 0 ? l.median / e.median : 0.0, l.p99, l.worst, l.over16, live.size());
    }
    const int result = mismatches == 0 ? 0 : 1;
    screens_.clear();
    window_->close();
    return result;
}

}  // namespace counterplay::app
