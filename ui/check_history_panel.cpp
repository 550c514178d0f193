#include "check_history_panel.h"

#include "application.h"
#include "mapaudit/check/map_profile.h"
#include "row_table.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mapaudit::ui {
namespace {

QString kindText(const std::string& id) {
    if (id == "picture")
        return CheckHistoryPanel::tr("picture of a map");
    const auto kind = check::parseMapKind(id);
    if (!kind)
        return QString::fromStdString(id);
    return uiIsChinese() ? QString::fromUtf8(check::mapKindNameZh(*kind))
                         : QString::fromStdString(id);
}

} // namespace

QString localTimeText(const std::string& utc) {
    const QDateTime t = QDateTime::fromString(QString::fromStdString(utc), Qt::ISODate);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : QString::fromStdString(utc);
}

CheckHistoryPanel::CheckHistoryPanel(QWidget* parent)
    : QWidget(parent), message_(new QLabel), table_(new QTableWidget(0, ColumnCount)),
      open_(new QPushButton), refresh_(new QPushButton) {
    setUpRowTable(table_);
    // Every column fitted to its text, so a narrow dock shows time, file and verdict whole;
    // the file's path and fingerprint are its tooltip.
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    message_->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open_);
    buttons->addStretch(1);
    buttons->addWidget(refresh_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message_);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    connect(open_, &QPushButton::clicked, this, &CheckHistoryPanel::requestOpen);
    connect(refresh_, &QPushButton::clicked, this, &CheckHistoryPanel::refresh);
    connect(table_, &QTableWidget::cellDoubleClicked, this, &CheckHistoryPanel::requestOpen);
    connect(table_, &QTableWidget::itemSelectionChanged, this,
            [this] { open_->setEnabled(table_->currentRow() >= 0); });
    retranslateUi();
}

void CheckHistoryPanel::retranslateUi() {
    table_->setHorizontalHeaderLabels({tr("Checked"), tr("File"), tr("Map kind"), tr("Verdict"),
                                       tr("Findings"), tr("Decided"), tr("Inspector")});
    open_->setText(tr("Open again"));
    open_->setToolTip(tr("Show this check's findings, decisions and checklist in the Check panel "
                         "to carry the review on"));
    refresh_->setText(tr("Refresh"));
    refresh();
}

void CheckHistoryPanel::setDatabase(records::RecordsDb* db) {
    db_ = db;
    refresh();
}

void CheckHistoryPanel::refresh() {
    const QString selected =
        table_->currentRow() >= 0 && static_cast<std::size_t>(table_->currentRow()) < shown_.size()
            ? QString::fromStdString(shown_[table_->currentRow()].id)
            : QString();
    shown_.clear();
    table_->setRowCount(0);
    if (!db_) {
        message_->setText(tr("No records database: the history of checks is kept there."));
        open_->setEnabled(false);
        return;
    }
    try {
        shown_ = records::checkRuns(*db_, kShown);
    } catch (const std::exception& e) {
        message_->setText(errorText(e));
        return;
    }
    message_->setText(shown_.empty() ? tr("No check yet: every check run here is kept.")
                                     : tr("%n check(s), newest first.", nullptr,
                                          static_cast<int>(shown_.size())));
    table_->setRowCount(static_cast<int>(shown_.size()));
    int reselect = -1;
    for (int row = 0; row < table_->rowCount(); ++row) {
        const records::CheckRun& r = shown_[static_cast<std::size_t>(row)];
        const QString file = QString::fromStdString(r.filePath);
        const bool problem = r.verdict == "problem";
        const QStringList cells{localTimeText(r.checkedAt),
                                QFileInfo(file).fileName(),
                                kindText(r.mapKind),
                                problem ? tr("problem map") : tr("passes"),
                                QString::number(r.findings),
                                tr("%1 confirmed, %2 dismissed").arg(r.confirmed).arg(r.dismissed),
                                QString::fromStdString(r.inspector)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == FileColumn)
                item->setToolTip(file + "\nSHA-256 " + QString::fromStdString(r.fileSha256));
            if (c == VerdictColumn && problem)
                item->setForeground(QColor(0xb0, 0x20, 0x20));
            table_->setItem(row, c, item);
        }
        if (QString::fromStdString(r.id) == selected)
            reselect = row;
    }
    if (reselect >= 0)
        table_->selectRow(reselect);
    open_->setEnabled(table_->currentRow() >= 0);
}

void CheckHistoryPanel::requestOpen() {
    const int row = table_->currentRow();
    if (row >= 0 && static_cast<std::size_t>(row) < shown_.size())
        emit openRequested(QString::fromStdString(shown_[static_cast<std::size_t>(row)].id));
}

} // namespace mapaudit::ui
