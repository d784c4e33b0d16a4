# Benchmarks (Google Benchmark): built with the project, never run by ctest. See docs/benchmarks.md.
if(COUNTERPLAY_BUILD_BENCH)
  find_package(benchmark REQUIRED)
  file(GLOB BENCH_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_bench.cpp)
  foreach(b ${BENCH_SOURCES})
    get_filename_component(name ${b} NAME_WE)
    add_executable(${name} ${b})
    target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_LIST_DIR})
    target_compile_definitions(${name} PRIVATE COUNTERPLAY_BENCH_DIR="${PROJECT_BINARY_DIR}")
    target_link_libraries(${name} PRIVATE counterplay_core counterplay::yamlcpp
                          benchmark::benchmark benchmark::benchmark_main)
    target_compile_definitions(${name} PRIVATE COUNTERPLAY_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  endforeach()
endif()
