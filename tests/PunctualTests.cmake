# punctual_add_test(NAME SOURCE [LIBS ...]): one Qt Test executable, run by CTest on the offscreen platform, with
# the scheduler host's desktop notices off (a developer's desktop is not shown the tests' failing jobs).
set(PUNCTUAL_TEST_DATA_DIR "${CMAKE_SOURCE_DIR}/tests/data")

function(punctual_add_test name source)
    cmake_parse_arguments(ARG "" "" "LIBS;LABELS" ${ARGN})
    add_executable(${name} ${source})
    # Every test may run jobs of every kind (SchedulerHarness builds standardExecutorsWithHttp()) or reach a host.
    target_link_libraries(${name} PRIVATE Qt6::Test punctual-core punctual-http punctual-control ${ARG_LIBS})
    target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
    target_compile_definitions(${name} PRIVATE
        PUNCTUAL_TEST_DATA_DIR="${PUNCTUAL_TEST_DATA_DIR}"
        PUNCTUALCTL_PATH="$<TARGET_FILE:punctualctl>"
        PUNCTUAL_PATH="$<TARGET_FILE:punctual>")
    # GUI tests may run the real window app (the tray tests under Xvfb do).
    if("gui" IN_LIST ARG_LABELS)
        add_dependencies(${name} punctual)
    endif()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false;PUNCTUAL_DESKTOP_NOTIFICATIONS=0;PUNCTUAL_DESKTOP_STATE=manual"
        LABELS "${ARG_LABELS}"
        TIMEOUT 300)
endfunction()

# Every test*.cpp in the calling folder becomes a test of that name.
function(punctual_add_tests_in_folder)
    cmake_parse_arguments(ARG "" "" "LIBS;LABELS;DEPENDS" ${ARGN})
    file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/test*.cpp")
    foreach(source ${sources})
        get_filename_component(name ${source} NAME_WE)
        punctual_add_test(${name} ${source} LIBS ${ARG_LIBS} LABELS ${ARG_LABELS})
        if(ARG_DEPENDS)
            add_dependencies(${name} ${ARG_DEPENDS})
        endif()
    endforeach()
endfunction()
