# Kill test (tests/killtest): SIGKILL a process that stores attempts and writes exports, at random
# moments 60 times, then check the database integrity, that no reported save was lost and that no
# export is half-written. Main build only (label nosan): fork + SIGKILL under ASan adds nothing.
if(COUNTERPLAY_BUILD_TESTS)
  add_executable(killtest ${CMAKE_CURRENT_LIST_DIR}/killtest.cpp)
  target_link_libraries(killtest PRIVATE counterplay_core)
  add_test(NAME killtest.sigkill COMMAND killtest --iterations 60 --seconds 100)
  set_tests_properties(killtest.sigkill PROPERTIES LABELS "killtest;nosan" TIMEOUT 200)
endif()
