// The maps and images opened lately (File ▸ Open recent), newest first, kept
// in the workstation's settings; files no longer there are left out.
#pragma once

#include <QStringList>

namespace mapaudit::ui {

inline constexpr int kMaxRecentFiles = 10;

QStringList recentFiles();
void addRecentFile(const QString& path);
void clearRecentFiles();

} // namespace mapaudit::ui
