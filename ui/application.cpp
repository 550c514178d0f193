#include "application.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/version.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <memory>

// ui.qrc lives in a static library: its registration must be pulled in
// explicitly, and Q_INIT_RESOURCE may not be used inside a namespace.
static void initUiResources() {
    Q_INIT_RESOURCE(ui);
}

namespace mapaudit::ui {
namespace {
std::unique_ptr<QTranslator> appTranslator;
std::unique_ptr<QTranslator> qtTranslator;
} // namespace

void configureApplication(QApplication& app) {
    initUiResources();
    QApplication::setOrganizationName("MapAudit");
    QApplication::setApplicationName("MapAudit");
    QApplication::setApplicationVersion(QString::fromLatin1(versionString()));
    QApplication::setWindowIcon(QIcon(":/icons/mapaudit.svg"));
    app.setQuitOnLastWindowClosed(true);
}

QString currentLanguage() {
    const QString env = qEnvironmentVariable("MAPAUDIT_LANG");
    const QString chosen = env.isEmpty() ? QSettings().value("language", "zh_CN").toString() : env;
    return chosen.startsWith("en") ? QStringLiteral("en") : QStringLiteral("zh_CN");
}

bool uiIsChinese() {
    return appTranslator != nullptr;
}

bool installTranslations(const QString& language) {
    for (auto* t : {appTranslator.get(), qtTranslator.get()})
        if (t)
            QCoreApplication::removeTranslator(t);
    appTranslator.reset();
    qtTranslator.reset();
    setMessageLanguage(language == "en" ? Language::English : Language::Chinese);
    if (language == "en") {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::postEvent(qApp, new QEvent(QEvent::LanguageChange));
        return true;
    }
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    appTranslator = std::make_unique<QTranslator>();
    const bool ok = appTranslator->load(":/i18n/mapaudit_" + language + ".qm");
    QCoreApplication::installTranslator(appTranslator.get());
    // Qt's own dialog texts (buttons, file dialog), when the system has them.
    qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load("qtbase_" + language,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator.get());
    return ok;
}

QString errorText(const std::exception& e) {
    return QString::fromStdString(userText(e));
}

} // namespace mapaudit::ui
