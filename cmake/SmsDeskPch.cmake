# Precompiled headers (option SMSDESK_PCH, on by default; -DSMSDESK_PCH=OFF builds without them).
#
# The heavy, stable Qt and standard headers that most translation units include, parsed once per
# set of compile flags instead of once per source file. Only Qt and standard headers, never the
# project's own (those change, and every change would rebuild the PCH and everything using it).
# Each target gets the sets its layer already depends on: Widgets headers only for smsdesk_gui and
# the GUI tests, QtTest headers only for the tests and their support libraries.
#
# A PCH is only usable with the flags it was built with (GCC ignores it and warns, which
# -Werror turns into an error; clang refuses it), so REUSE_FROM only joins targets with identical
# compile definitions and options:
#   - smsdesk_core (DBus, llhttp definitions), smsdesk_gui and smsdesk_test_support (-O2) build
#     their own; smsdesk_sim reuses smsdesk_app's (same flags);
#   - the test programs (-O0) share one per test directory: Qt6::Test defines
#     QT_TESTCASE_BUILDDIR/QT_TESTCASE_SOURCEDIR as the target's own directories, so the flags
#     differ from one directory to the next. A small object library per directory
#     (smsdesk_pch_tests_<dir>, smsdesk_pch_guitests_<dir>) builds it with exactly the common flags
#     of that directory's tests, so a definition added to one test (SMSDESK_VERSION,
#     SMSDESK_SIM_BINARY) never ends up in the PCH the others use;
#   - not the libFuzzer targets (-fsanitize=fuzzer), gui_screenshots (-O2) and the benchmarks.
# With ccache as compiler launcher, PCH builds need CCACHE_SLOPPINESS=pch_defines,time_macros
# (packaging/setup.sh does not use ccache).
option(SMSDESK_PCH "Precompile the common Qt and standard headers (target_precompile_headers)" ON)

# Included by at least about a fifth of the translation units of each layer (directly or through
# the project's headers).
set(SMSDESK_PCH_CORE_HEADERS
    <algorithm> <functional> <memory> <optional> <utility>
    <QByteArray> <QCoreApplication> <QDateTime> <QHash> <QList> <QObject> <QPair> <QString>
    <QStringList> <QTimeZone> <QVariant> <QSqlDatabase> <QSqlError> <QSqlQuery>)
set(SMSDESK_PCH_WIDGETS_HEADERS
    <QAction> <QDialog> <QLabel> <QPointer> <QPushButton> <QThread> <QTimer> <QWidget>)
set(SMSDESK_PCH_TEST_HEADERS
    <QHostAddress> <QJsonDocument> <QJsonObject> <QSignalSpy> <QTemporaryDir> <QTest>)

# smsdesk_precompile_headers(TARGET [WIDGETS] [TEST]): TARGET builds its own PCH of the core
# headers, plus the Widgets and/or QtTest ones.
function(smsdesk_precompile_headers target)
  cmake_parse_arguments(ARG "WIDGETS;TEST" "" "" ${ARGN})
  if(NOT SMSDESK_PCH)
    return()
  endif()
  set(headers ${SMSDESK_PCH_CORE_HEADERS})
  if(ARG_WIDGETS)
    list(APPEND headers ${SMSDESK_PCH_WIDGETS_HEADERS})
  endif()
  if(ARG_TEST)
    list(APPEND headers ${SMSDESK_PCH_TEST_HEADERS})
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

# smsdesk_reuse_precompiled_headers(TARGET DONOR): TARGET, compiled with the same flags as DONOR,
# uses DONOR's PCH.
function(smsdesk_reuse_precompiled_headers target donor)
  if(SMSDESK_PCH)
    target_precompile_headers(${target} REUSE_FROM ${donor})
  endif()
endfunction()

# smsdesk_test_precompiled_headers(TARGET [WIDGETS]): TARGET, a test program or test library of
# the current directory compiled like smsdesk_add_test's (-O0, smsdesk_core,
# smsdesk_test_support, Qt6::Test, and smsdesk_gui with WIDGETS), uses the PCH of the directory's
# donor, made on first use.
function(smsdesk_test_precompiled_headers target)
  cmake_parse_arguments(ARG "WIDGETS" "" "" ${ARGN})
  if(NOT SMSDESK_PCH)
    return()
  endif()
  get_filename_component(dir "${CMAKE_CURRENT_SOURCE_DIR}" NAME)
  if(ARG_WIDGETS)
    set(donor smsdesk_pch_guitests_${dir})
  else()
    set(donor smsdesk_pch_tests_${dir})
  endif()
  if(NOT TARGET ${donor})
    add_library(${donor} OBJECT ${PROJECT_SOURCE_DIR}/cmake/SmsDeskPchDonor.cpp)
    target_link_libraries(${donor} PRIVATE smsdesk_core smsdesk_test_support Qt6::Test smsdesk_warnings)
    if(ARG_WIDGETS)
      target_link_libraries(${donor} PRIVATE smsdesk_gui)
    endif()
    target_compile_options(${donor} PRIVATE -O0)
    set_target_properties(${donor} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
    if(ARG_WIDGETS)
      smsdesk_precompile_headers(${donor} WIDGETS TEST)
    else()
      smsdesk_precompile_headers(${donor} TEST)
    endif()
  endif()
  target_precompile_headers(${target} REUSE_FROM ${donor})
endfunction()
