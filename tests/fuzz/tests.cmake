# libFuzzer target for the scenario and catalogue loaders. Built only with COUNTERPLAY_FUZZ=ON and
# clang (make fuzz / make test-fuzz use build-fuzz with clang-14); run by scripts/fuzz.sh.
# See docs/fuzzing.md.
if(COUNTERPLAY_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "COUNTERPLAY_FUZZ=ON needs clang (CC=clang-14 CXX=clang++-14)")
  endif()
  set(COUNTERPLAY_FUZZ_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
                             -fno-omit-frame-pointer)
  # The core is instrumented for coverage too, so the fuzzer sees inside the loader.
  target_compile_options(counterplay_core PRIVATE -fsanitize=fuzzer-no-link ${COUNTERPLAY_FUZZ_FLAGS})
  # Anything else linking the instrumented core in this build tree needs the sanitizer runtimes.
  target_link_options(counterplay_core INTERFACE -fsanitize=address,undefined)
  add_executable(fuzz_loader ${CMAKE_CURRENT_LIST_DIR}/fuzz_loader.cpp)
  target_compile_options(fuzz_loader PRIVATE -fsanitize=fuzzer ${COUNTERPLAY_FUZZ_FLAGS})
  target_link_options(fuzz_loader PRIVATE -fsanitize=fuzzer ${COUNTERPLAY_FUZZ_FLAGS})
  target_link_libraries(fuzz_loader PRIVATE counterplay_core)
  # yaml-cpp built from source (COUNTERPLAY_YAMLCPP_SOURCE, set by make fuzz / make test-fuzz):
  # instrumented as well, so the fuzzer steers by coverage inside the YAML scanner and parser.
  if(TARGET yaml-cpp)
    target_compile_options(yaml-cpp PRIVATE -fsanitize=fuzzer-no-link ${COUNTERPLAY_FUZZ_FLAGS})
    message(STATUS "fuzz: yaml-cpp is instrumented")
  else()
    message(STATUS "fuzz: yaml-cpp is the uninstrumented system library")
  endif()
endif()
