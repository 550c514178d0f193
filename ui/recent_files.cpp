#include "recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace mapaudit::ui {
namespace {
const char* kKey = "files/recent";
}

QStringList recentFiles() {
    QStringList out;
    for (const QString& path : QSettings().value(kKey).toStringList())
        if (QFileInfo::exists(path) && !out.contains(path))
            out << path;
    return out.mid(0, kMaxRecentFiles);
}

void addRecentFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = QSettings().value(kKey).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    QSettings().setValue(kKey, list.mid(0, kMaxRecentFiles));
}

void clearRecentFiles() {
    QSettings().remove(kKey);
}

} // namespace mapaudit::ui
