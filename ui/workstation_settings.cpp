#include "workstation_settings.h"

#include "application.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace mapaudit::ui {

QString WorkstationSettings::defaultDatabasePath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath("records.sqlite");
}

WorkstationSettings WorkstationSettings::load() {
    QSettings s;
    WorkstationSettings w;
    w.databasePath = s.value("records/database", defaultDatabasePath()).toString();
    w.inspector = s.value("records/inspector", qEnvironmentVariable("USER")).toString();
    w.unit = s.value("records/unit").toString();
    w.language = currentLanguage();
    w.defaultScale = s.value("check/defaultScale").toString();
    w.onlineBasemaps = s.value("basemaps/online", false).toBool();
    w.tiandituKey = s.value("basemaps/tiandituKey").toString();
    return w;
}

void WorkstationSettings::save() const {
    QSettings s;
    s.setValue("records/database", databasePath);
    s.setValue("records/inspector", inspector);
    s.setValue("records/unit", unit);
    s.setValue("language", language);
    s.setValue("check/defaultScale", defaultScale);
    s.setValue("basemaps/online", onlineBasemaps);
    s.setValue("basemaps/tiandituKey", tiandituKey);
}

} // namespace mapaudit::ui
