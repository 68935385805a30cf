#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMetaObject>
#include <QTest>
#include <algorithm>
#include <initializer_list>
#include <vector>

namespace smsdesk::test {

// Whether the command-line argument FUNCTION or FUNCTION:TAG names a test function of
// `metaObject`.
inline bool namesTestFunction(const QMetaObject& metaObject, const char* argument)
{
    const QByteArray function = QByteArray(argument).split(':').constFirst();
    return !function.startsWith('-') && metaObject.indexOfMethod(function + "()") >= 0;
}

// What QTEST_GUILESS_MAIN does for one test class, for several in one program: each class runs
// in turn on the same QCoreApplication; the status is the number of failed test functions of
// all of them. Test functions named on the command line go to the class that has them (a class
// none of them is in does not run). Used where some cases need other data rows than the rest
// (StoreFixture::Rows).
template <typename... TestClasses> int runTestClasses(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    const std::initializer_list<const QMetaObject*> classes{&TestClasses::staticMetaObject...};
    int failed = 0;
    const auto run = [&](auto&& test) {
        std::vector<char*> arguments{argv[0]};
        bool named = false;
        bool own = false;
        for (int i = 1; i < argc; ++i) {
            const bool mine = namesTestFunction(*test.metaObject(), argv[i]);
            const bool other =
                !mine && std::any_of(classes.begin(), classes.end(), [&](const QMetaObject* m) {
                    return namesTestFunction(*m, argv[i]);
                });
            named = named || mine || other;
            own = own || mine;
            if (!other)
                arguments.push_back(argv[i]);
        }
        if (named && !own)
            return;
        failed += QTest::qExec(&test, int(arguments.size()), arguments.data());
    };
    (run(TestClasses()), ...);
    return failed;
}

} // namespace smsdesk::test

#define SMSDESK_TEST_GUILESS_MAIN(...)                                                             \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        return smsdesk::test::runTestClasses<__VA_ARGS__>(argc, argv);                             \
    }
