// Catch2 runner for the UI tests: one QApplication, owned by main() so it is
// destroyed before Qt's own static objects. Settings and the records database
// go to a private folder, never the user's.
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

int main(int argc, char** argv) {
    // Test discovery and CI have no display: default to the offscreen platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath("config").toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath("data").toUtf8());
    qputenv("MAPAUDIT_STATE_DIR", home.filePath("state").toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName("MapAuditTests");
    return Catch::Session().run(argc, argv);
}
