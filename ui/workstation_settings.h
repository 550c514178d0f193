// What the workstation remembers about its user: where the records database
// is, who the inspector is, for which unit they work, the UI language and the
// scale assumed for maps that do not state one, and whether online basemaps
// may be used.
#pragma once

#include <QString>

namespace mapaudit::ui {

struct WorkstationSettings {
    QString databasePath; // the records database (created when absent)
    QString inspector;    // named in the audit log and on reports
    QString unit;         // 填报单位: records and the summary table default to it
    QString language;     // "zh_CN" or "en"
    QString defaultScale; // e.g. "1:1000000"; "" = estimate from the map
    // Online basemaps (天地图) are off unless the user turns them on with their own key:
    // nothing else MapAudit does goes on line.
    bool onlineBasemaps = false;
    QString tiandituKey;

    static WorkstationSettings load();
    void save() const;
    // <application data folder>/records.sqlite
    static QString defaultDatabasePath();
};

} // namespace mapaudit::ui
