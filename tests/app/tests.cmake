# App tests: the real game under Xvfb driven with xdotool (both languages, a crash and resume,
# the dashboard and its actions, the results store checked afterwards, screenshots in
# build/screenshots), and the no-display message. Only when the game is built and
# xvfb-run/xdotool exist. Label nosan: not run in the sanitizer build (no app there).
if(COUNTERPLAY_BUILD_APP AND TARGET counterplay)
  find_program(COUNTERPLAY_XVFB_RUN xvfb-run)
  find_program(COUNTERPLAY_XDOTOOL xdotool)
  find_program(COUNTERPLAY_SQLITE3 sqlite3)
  add_test(NAME app_no_display
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_app_test.sh nodisplay $<TARGET_FILE:counterplay>)
  set_tests_properties(app_no_display PROPERTIES LABELS "app;nosan" TIMEOUT 30)
  if(COUNTERPLAY_XVFB_RUN AND COUNTERPLAY_XDOTOOL AND COUNTERPLAY_SQLITE3)
    add_test(NAME app_playthrough
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_app_test.sh $<TARGET_FILE:counterplay>
                     $<TARGET_FILE:counterplay-cli> ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
    set_tests_properties(app_playthrough PROPERTIES LABELS "app;nosan" TIMEOUT 300
                         RUN_SERIAL TRUE)
    add_test(NAME app_partial_redraw
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_app_test.sh partial $<TARGET_FILE:counterplay>)
    set_tests_properties(app_partial_redraw PROPERTIES LABELS "app;nosan" TIMEOUT 180)
    add_test(NAME app_dashboard
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_dashboard_test.sh $<TARGET_FILE:counterplay>
                     $<TARGET_FILE:counterplay-cli> ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
    set_tests_properties(app_dashboard PROPERTIES LABELS "app;nosan" TIMEOUT 300 RUN_SERIAL TRUE)
    # The Decisions graph (a click on a decision point) and the Actions tab (import of a trusted
    # store's JSON export, export of the selection as CSV, verified) with real input.
    add_test(NAME app_dashboard_actions
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_dashboard_actions_test.sh $<TARGET_FILE:counterplay>
                     $<TARGET_FILE:counterplay-cli> ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
    set_tests_properties(app_dashboard_actions PROPERTIES LABELS "app;nosan" TIMEOUT 300
                         RUN_SERIAL TRUE)
    # The trainer's editor: an edit, an added choice, undo/redo and save, checked with lint and
    # git diff (only the changed line and the inserted choice).
    add_test(NAME app_editor
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_editor_test.sh $<TARGET_FILE:counterplay>
                     $<TARGET_FILE:counterplay-cli> ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
    set_tests_properties(app_editor PROPERTIES LABELS "app;nosan" TIMEOUT 300 RUN_SERIAL TRUE)
    # The editor's inspector: a choice's tag and effect, a new line, saved; lint and git diff.
    add_test(NAME app_editor_inspector
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_inspector_test.sh $<TARGET_FILE:counterplay>
                     $<TARGET_FILE:counterplay-cli> ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
    set_tests_properties(app_editor_inspector PROPERTIES LABELS "app;nosan" TIMEOUT 300
                         RUN_SERIAL TRUE)
    add_test(NAME app_editor_play
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_editor_play_test.sh $<TARGET_FILE:counterplay>
                     $<TARGET_FILE:counterplay-cli> ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
    set_tests_properties(app_editor_play PROPERTIES LABELS "app;nosan" TIMEOUT 300 RUN_SERIAL TRUE)
  endif()
endif()
