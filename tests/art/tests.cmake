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

# Graph canvas: `counterplay-graph-preview FILE | --generate N` opens app/graph/GraphCanvas on a
# scenario for review (--screenshot PNG) and frame-time figures (--bench-frames N). It compiles
# the canvas and the ImGui bridge itself, like the art preview. The smoke test screenshots a
# shipped scenario under Xvfb.
if(COUNTERPLAY_BUILD_APP)
  find_package(OpenGL REQUIRED)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui stb)
  set(COUNTERPLAY_APP_DIR ${PROJECT_SOURCE_DIR}/game/app)
  add_executable(counterplay-graph-preview ${CMAKE_CURRENT_LIST_DIR}/graph_preview_main.cpp
                 ${COUNTERPLAY_APP_DIR}/graph/GraphCanvas.cpp ${COUNTERPLAY_APP_DIR}/graph/GraphCanvasDraw.cpp
                 ${COUNTERPLAY_APP_DIR}/imgui/ImGuiSfml.cpp ${COUNTERPLAY_APP_DIR}/Fonts.cpp
                 ${COUNTERPLAY_APP_DIR}/Strings.cpp ${COUNTERPLAY_APP_DIR}/platform/Log.cpp
                 ${COUNTERPLAY_APP_DIR}/platform/AtomicFile.cpp)
  target_include_directories(counterplay-graph-preview PRIVATE ${COUNTERPLAY_APP_DIR}
                             ${PROJECT_SOURCE_DIR}/tests/bench)
  target_link_libraries(counterplay-graph-preview PRIVATE counterplay_core CLI11::CLI11
                        sfml-graphics sfml-window sfml-system PkgConfig::IMGUI OpenGL::GL
                        counterplay::yamlcpp)
  target_compile_definitions(counterplay-graph-preview PRIVATE
    COUNTERPLAY_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  if(COUNTERPLAY_BUILD_TESTS AND COUNTERPLAY_XVFB_RUN)
    add_test(NAME art_graph_preview_smoke
             COMMAND ${COUNTERPLAY_XVFB_RUN} -a -s "-screen 0 1280x800x24"
                     $<TARGET_FILE:counterplay-graph-preview> ${PROJECT_SOURCE_DIR}/scenarios/washed-blouse.yaml
                     --lang ko --best --screenshot ${PROJECT_BINARY_DIR}/graph-preview-smoke.png)
    set_tests_properties(art_graph_preview_smoke PROPERTIES TIMEOUT 120)
    find_program(COUNTERPLAY_XDOTOOL xdotool)
    if(COUNTERPLAY_XDOTOOL)
      add_test(NAME art_graph_input
               COMMAND ${COUNTERPLAY_XVFB_RUN} -a -s "-screen 0 1280x800x24"
                       ${CMAKE_CURRENT_LIST_DIR}/graph_input_test.sh
                       $<TARGET_FILE:counterplay-graph-preview> ${PROJECT_SOURCE_DIR}/scenarios/washed-blouse.yaml)
      set_tests_properties(art_graph_input PROPERTIES TIMEOUT 120)
    endif()
  endif()
endif()
