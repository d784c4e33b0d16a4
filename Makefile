# The two commands from the README:
#   make play   install what is missing, build, open the game
#   make test   the same set-up, then every test (unit, content, tools, app under Xvfb, LRS,
#               the sanitizer build and the fuzz corpus replay)
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc)
FUZZ_SECONDS ?= 300

.PHONY: all deps build play test test-main test-asan test-fuzz fuzz bench bench-pull clean

all: build

deps:
	@scripts/deps.sh build

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

play:
	@scripts/deps.sh play
	@$(MAKE) --no-print-directory build
	./$(BUILD)/counterplay

test:
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory build
	@$(MAKE) --no-print-directory test-main test-asan test-fuzz

test-main:
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# The whole unit and tool suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCOUNTERPLAY_SANITIZE=ON \
	  -DCOUNTERPLAY_BUILD_APP=OFF -DCOUNTERPLAY_BUILD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j$(JOBS) -LE nosan

# The fuzz build compiles Debian's yaml-cpp source with the fuzzer's instrumentation; without
# the source (no network) it falls back to the system library and says so.
$(FUZZ_BUILD)/CMakeCache.txt:
	@src=$$(scripts/yaml-cpp-src.sh $(FUZZ_BUILD)/yaml-cpp-src) || { src=; \
	  echo "make: yaml-cpp source unavailable: fuzzing against the uninstrumented system library"; }; \
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCOUNTERPLAY_FUZZ=ON -DCOUNTERPLAY_BUILD_APP=OFF -DCOUNTERPLAY_BUILD_TESTS=OFF \
	  -DCOUNTERPLAY_BUILD_BENCH=OFF -DCOUNTERPLAY_YAMLCPP_SOURCE="$$src"

# Replays the saved corpus and every past crash file through the fuzz target.
test-fuzz: $(FUZZ_BUILD)/CMakeCache.txt
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_loader
	scripts/fuzz.sh replay $(FUZZ_BUILD)

# Fuzzes the loader for FUZZ_SECONDS (default 300), growing tests/fuzz/corpus.
fuzz: deps $(FUZZ_BUILD)/CMakeCache.txt
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_loader
	scripts/fuzz.sh run $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: build
	scripts/bench.sh $(BUILD)

# The LRS pull benchmark (docs/benchmarks.md): 5 stores x ATTEMPTS (default 20000) pushed at once,
# then pulled, against a bare paging loop. Takes long at the full size; ATTEMPTS=2000 for a quick run.
bench-pull: build
	scripts/bench_pull.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
