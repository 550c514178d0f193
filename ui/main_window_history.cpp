// MainWindow: the history of checks — each check and each decision kept in
// the records database, a kept check opened again in the Check panel.
#include "application.h"
#include "check_history_panel.h"
#include "check_panel.h"
#include "main_window.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/check/check_run.h"
#include "mapaudit/check/report_read.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

namespace mapaudit::ui {

bool MainWindow::keepCheckRun(QString* message) {
    const auto& report = checkPanel_->report();
    const auto fail = [&](const QString& why) {
        if (message)
            *message = why;
        return false;
    };
    if (!report || checkPanel_->runId().isEmpty())
        return fail(tr("Check a map first."));
    if (!db_)
        return fail(tr("No records database: %1").arg(dbError_));
    const check::CheckRunContext context{
        checkPanel_->runId().toStdString(),      checkPanel_->checkedPath().toStdString(),
        checkPanel_->fileSha256().toStdString(), settings_.inspector.toStdString(),
        checkPanel_->checkedAt().toStdString(),  nowUtc()};
    try {
        const records::CheckRun run =
            check::checkRunOf(*report, checkPanel_->reviews(), checkPanel_->checklist(), context);
        if (checkPanel_->runId() == keptRunId_ && run.report == keptRunReport_)
            return true; // this state is kept already
        records::saveCheckRun(*db_, run);
        keptRunId_ = checkPanel_->runId();
        keptRunReport_ = run.report;
    } catch (const std::exception& e) {
        const QString why = tr("The check could not be kept in the history: %1").arg(errorText(e));
        statusBar()->showMessage(why, 10000);
        return fail(why);
    }
    historyPanel_->refresh();
    return true;
}

void MainWindow::showCheckHistory() {
    historyPanel_->refresh();
    recordsTabs_->setCurrentWidget(historyPanel_);
    recordsDock_->raise();
}

bool MainWindow::reopenCheckRun(const QString& runId, QString* message) {
    const auto fail = [&](const QString& why) {
        if (message)
            *message = why;
        return false;
    };
    if (!db_)
        return fail(tr("No records database: %1").arg(dbError_));
    if (checkPanel_->hasUnsavedWork() && checkPanel_->runId() != runId && !keepCheckRun(message))
        return false; // the work on the current check is in the history before it goes
    std::optional<records::CheckRun> run;
    check::ReviewedReport reviewed;
    try {
        run = records::findCheckRun(*db_, runId.toStdString());
        if (!run)
            return fail(tr("This check is no longer in the records database."));
        reviewed = check::readReviewedReport(
            nlohmann::json::parse(run->report),
            tr("check of %1").arg(localTimeText(run->checkedAt)).toStdString());
    } catch (const std::exception& e) {
        return fail(errorText(e));
    }
    const QString path = QString::fromStdString(run->filePath);
    QString fileState;
    if (!QFileInfo::exists(path)) {
        fileState =
            tr("the file is no longer at %1; the findings are shown as they were").arg(path);
    } else {
        try {
            if (check::datasetSha256(run->filePath) != run->fileSha256)
                fileState = tr("the file has changed since; check it again to see it as it is now");
        } catch (const std::exception& e) {
            fileState = errorText(e);
        }
        if (!openPaths_.contains(path)) {
            openFiles({path});
            // Once loaded, it is the map the next check is of (as the report is).
            connect(
                this, &MainWindow::loadingFinished, checkPanel_,
                [this, path] { checkPanel_->selectDataset(path); }, Qt::SingleShotConnection);
        }
    }
    keptRunId_ = runId;
    keptRunReport_ = run->report;
    checkPanel_->openRun(std::move(reviewed), path, runId, QString::fromStdString(run->checkedAt),
                         QString::fromStdString(run->fileSha256));
    checkDock_->raise();
    if (message)
        *message = tr("The check of %1 of %2 is open again, with its decisions")
                       .arg(QFileInfo(path).fileName(), localTimeText(run->checkedAt)) +
                   (fileState.isEmpty() ? QString() : QStringLiteral("; ") + fileState);
    return true;
}

} // namespace mapaudit::ui
