// Nothing of its own: the object libraries smsdesk_pch_tests_<dir> compile only this file, to
// build the precompiled header the tests of their directory reuse (cmake/SmsDeskPch.cmake).
