// Long work in the background behind a progress dialog whose Cancel reaches
// the work through its Feedback.
#pragma once

#include <QString>
#include <functional>
#include <memory>

class QProgressDialog;
class QThreadPool;
class QWidget;

namespace mapaudit {
class Feedback;
}

namespace mapaudit::ui {

// A progress dialog (shown after `minimumMs`) that follows `feedback` and cancels it.
QProgressDialog* progressDialogFor(QWidget* parent, const QString& label,
                                   const std::shared_ptr<Feedback>& feedback, int minimumMs = 300);

// Runs `work` on `pool` behind such a dialog; `done` then runs on the UI thread
// with "" on success, `canceledText` after Cancel, or the error's message.
void runWithProgress(QWidget* parent, QThreadPool& pool, const QString& label,
                     std::shared_ptr<Feedback> feedback, std::function<void(Feedback*)> work,
                     const QString& canceledText, std::function<void(const QString&)> done);

} // namespace mapaudit::ui
