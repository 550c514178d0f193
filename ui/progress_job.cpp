#include "progress_job.h"

#include "application.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace mapaudit::ui {

QProgressDialog* progressDialogFor(QWidget* parent, const QString& label,
                                   const std::shared_ptr<Feedback>& feedback, int minimumMs) {
    auto* progress = new QProgressDialog(
        label, QCoreApplication::translate("ProgressJob", "Cancel"), 0, 100, parent);
    progress->setMinimumDuration(minimumMs);
    QObject::connect(progress, &QProgressDialog::canceled, progress,
                     [feedback] { feedback->cancel(); });
    feedback->setListener([progress](double f) {
        QMetaObject::invokeMethod(
            progress, [progress, f] { progress->setValue(static_cast<int>(f * 100)); },
            Qt::QueuedConnection);
    });
    return progress;
}

void runWithProgress(QWidget* parent, QThreadPool& pool, const QString& label,
                     std::shared_ptr<Feedback> feedback, std::function<void(Feedback*)> work,
                     const QString& canceledText, std::function<void(const QString&)> done) {
    QProgressDialog* progress = progressDialogFor(parent, label, feedback);
    auto* watcher = new QFutureWatcher<QString>(parent);
    QObject::connect(watcher, &QFutureWatcher<QString>::finished, parent,
                     [watcher, feedback, progress, done = std::move(done)] {
                         const QString error = watcher->result();
                         watcher->deleteLater();
                         feedback->setListener({});
                         progress->deleteLater();
                         done(error);
                     });
    watcher->setFuture(
        QtConcurrent::run(&pool, [work = std::move(work), feedback, canceledText]() -> QString {
            try {
                work(feedback.get());
                return {};
            } catch (const Canceled&) {
                return canceledText;
            } catch (const std::exception& e) {
                return errorText(e);
            }
        }));
}

} // namespace mapaudit::ui
