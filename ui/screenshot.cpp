#include "screenshot.h"

#include "check_panel.h"
#include "main_window.h"
#include "map_canvas.h"

#include <QApplication>
#include <QDialog>
#include <QPixmap>
#include <QTimer>

namespace mapaudit::ui {

void saveScreenshotWhenReady(MainWindow& window, const QString& path,
                             std::function<void(bool ok)> done) {
    auto* poll = new QTimer(&window);
    poll->setInterval(100);
    QObject::connect(poll, &QTimer::timeout, &window, [&window, path, done, poll] {
        if (window.isLoading() || window.checkPanel()->isRunning() ||
            window.canvas()->isRendering())
            return;
        poll->stop();
        poll->deleteLater();
        // An open dialog (the summary table, a record form) is what is shown.
        QWidget* shown = &window;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (w != &window && w->isVisible() && qobject_cast<QDialog*>(w))
                shown = w;
        done(shown->grab().save(path, "PNG"));
    });
    poll->start();
}

} // namespace mapaudit::ui
