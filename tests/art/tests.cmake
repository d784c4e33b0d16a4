# Art: `counterplay-art-preview` renders every background, customer look, expression, the
# cross-fade/blink and the badge to PNG files for visual review (and measures the per-frame cost
# with --bench N). It compiles the art sources itself (the game compiles them through its own
# glob), so the game binary never contains the preview. The smoke test runs it under Xvfb with
# --check (odd looks and arguments must not crash).
if(COUNTERPLAY_BUILD_APP)
  find_package(SFML 2.5 COMPONENTS graphics window system REQUIRED)
  file(GLOB COUNTERPLAY_ART_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/game/app/art/*.cpp)
  add_executable(counterplay-art-preview ${CMAKE_CURRENT_LIST_DIR}/preview_main.cpp
                 ${COUNTERPLAY_ART_SOURCES} ${PROJECT_SOURCE_DIR}/game/app/platform/Log.cpp)
  target_include_directories(counterplay-art-preview PRIVATE ${PROJECT_SOURCE_DIR}/game/app)
  target_link_libraries(counterplay-art-preview PRIVATE counterplay_core CLI11::CLI11
                        sfml-graphics sfml-window sfml-system)
  target_compile_definitions(counterplay-art-preview PRIVATE
    COUNTERPLAY_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    COUNTERPLAY_BINARY_DIR="${PROJECT_BINARY_DIR}")

  find_program(COUNTERPLAY_XVFB_RUN xvfb-run)
  if(COUNTERPLAY_BUILD_TESTS AND COUNTERPLAY_XVFB_RUN)
    add_test(NAME art_preview_smoke
             COMMAND ${COUNTERPLAY_XVFB_RUN} -a -s "-screen 0 1280x720x24"
                     $<TARGET_FILE:counterplay-art-preview> --check
                     --out ${PROJECT_BINARY_DIR}/art-preview-check)
    set_tests_properties(art_preview_smoke PROPERTIES TIMEOUT 300)
  endif()
endif()
