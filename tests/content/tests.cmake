# Shipped-content tests (ctest names content.*): the catalogue and every scenario in scenarios/
# (one parameterized test per file, found when the test runs). Discovery happens at test time
# (DISCOVERY_MODE PRE_TEST), so a scenario file added later is picked up without a rebuild.
if(COUNTERPLAY_BUILD_TESTS)
  file(GLOB CONTENT_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_test.cpp)
  foreach(t ${CONTENT_TESTS})
    get_filename_component(name ${t} NAME_WE)
    add_executable(content_${name} ${t})
    target_link_libraries(content_${name} PRIVATE counterplay_core GTest::gtest GTest::gtest_main)
    target_compile_definitions(content_${name} PRIVATE
      COUNTERPLAY_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      COUNTERPLAY_BINARY_DIR="${PROJECT_BINARY_DIR}")
    gtest_discover_tests(content_${name} TEST_PREFIX "content."
                         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                         DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60
                         PROPERTIES TIMEOUT 300 LABELS content)
  endforeach()
endif()
