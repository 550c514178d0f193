// Saves a window to PNG once its files are loaded and the map is rendered:
// for documentation screenshots and for checking the UI as a person would.
#pragma once

#include <QString>
#include <functional>

namespace mapaudit::ui {

class MainWindow;

// Calls `done(ok)` after writing `path` (or failing to). When a dialog is
// open, the dialog is saved instead of the window.
void saveScreenshotWhenReady(MainWindow& window, const QString& path,
                             std::function<void(bool ok)> done);

} // namespace mapaudit::ui
