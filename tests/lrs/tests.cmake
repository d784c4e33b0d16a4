# LRS tests (tests/lrs): `counterplay sync` and the xAPI export against a real Learning Record
# Store - Learning Locker's statements service (npm xapi-statements 5.0.1, in memory, bound to
# 127.0.0.1) - and every exported statement through Learning Locker's validator. npm ci runs once
# per lock file (setup.sh). Labels: lrs; nosan (node drives the binary; the sanitizer build skips
# them to save time).
if(COUNTERPLAY_BUILD_TESTS)
  find_program(COUNTERPLAY_NODE node)
  find_program(COUNTERPLAY_NPM npm)
  if(COUNTERPLAY_NODE AND COUNTERPLAY_NPM)
    add_test(NAME lrs.npm-ci COMMAND ${CMAKE_CURRENT_LIST_DIR}/setup.sh)
    set_tests_properties(lrs.npm-ci PROPERTIES FIXTURES_SETUP lrs_node LABELS "lrs;nosan"
                         TIMEOUT 600)
    foreach(case sync-twice bad-credentials retry-5xx network-error validate-exports send-after-each pull)
      add_test(NAME lrs.${case}
               COMMAND ${COUNTERPLAY_NODE} ${CMAKE_CURRENT_LIST_DIR}/lrs-test.js ${case})
      set_tests_properties(lrs.${case} PROPERTIES
        FIXTURES_REQUIRED lrs_node LABELS "lrs;nosan" TIMEOUT 120
        ENVIRONMENT "COUNTERPLAY_BIN=$<TARGET_FILE:counterplay-cli>;NODE_OPTIONS=--no-deprecation")
    endforeach()
    # The pull under voiding, an LRS answering 503, and SIGKILLed 50 times then compared with a
    # clean pull.
    foreach(case pull-void pull-503 pull-sigkill)
      add_test(NAME lrs.${case}
               COMMAND ${COUNTERPLAY_NODE} ${CMAKE_CURRENT_LIST_DIR}/lrs-test.js ${case})
      set_tests_properties(lrs.${case} PROPERTIES
        FIXTURES_REQUIRED lrs_node LABELS "lrs;nosan" TIMEOUT 300
        ENVIRONMENT "COUNTERPLAY_BIN=$<TARGET_FILE:counterplay-cli>;NODE_OPTIONS=--no-deprecation")
    endforeach()
  else()
    message(WARNING "node/npm not found: the LRS tests (tests/lrs) are not registered")
  endif()
endif()
