#include "summary_view.h"

#include "application.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/records/summary_export.h"
#include "record_labels.h"
#include "summary_pdf.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mapaudit::ui {
namespace {
constexpr int kValueColumn = 2;
} // namespace

SummaryView::SummaryView(std::shared_ptr<records::RecordsDb> db, const QString& unit,
                         QWidget* parent)
    : QDialog(parent), db_(std::move(db)), unit_(new QComboBox), subunits_(new QCheckBox),
      from_(new QLineEdit), to_(new QLineEdit), title_(new QLabel), header_(new QLabel),
      period_(new QLabel), grid_(new QTableWidget(0, 4)), footnote_(new QLabel),
      problem_(new QLabel) {
    setWindowTitle(tr("Summary table"));
    const auto form = records::SummaryTemplate::load("2021");
    for (const auto& u : db_->units())
        unit_->addItem(QString::fromStdString(u.name));
    unit_->setCurrentIndex(std::max(0, unit_->findText(unit)));
    subunits_->setText(tr("with subordinate units"));
    from_->setText(QString::fromStdString(form.defaultFrom));
    to_->setText(QString::fromStdString(form.defaultTo));
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Unit")));
    controls->addWidget(unit_, 1);
    controls->addWidget(subunits_);
    controls->addWidget(new QLabel(tr("Period")));
    controls->addWidget(from_);
    controls->addWidget(new QLabel(QStringLiteral("–")));
    controls->addWidget(to_);
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    title_->setAlignment(Qt::AlignCenter);
    grid_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    grid_->setSelectionBehavior(QAbstractItemView::SelectRows);
    grid_->setSelectionMode(QAbstractItemView::SingleSelection);
    grid_->verticalHeader()->hide();
    grid_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    footnote_->setWordWrap(true);
    problem_->setStyleSheet("color: #b00020");
    period_->setStyleSheet("color: #555555");
    problem_->setWordWrap(true);
    auto* overrideButton = new QPushButton(tr("Override figure…"));
    auto* exportButton = new QPushButton(tr("Export…"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(overrideButton, QDialogButtonBox::ActionRole);
    buttons->addButton(exportButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(overrideButton, &QPushButton::clicked, this, &SummaryView::askOverride);
    connect(exportButton, &QPushButton::clicked, this, &SummaryView::chooseExport);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(title_);
    layout->addWidget(header_);
    layout->addWidget(period_);
    layout->addWidget(grid_, 1);
    layout->addWidget(footnote_);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    connect(unit_, &QComboBox::currentIndexChanged, this, &SummaryView::recompute);
    connect(subunits_, &QCheckBox::toggled, this, &SummaryView::recompute);
    for (auto* e : {from_, to_})
        connect(e, &QLineEdit::editingFinished, this, &SummaryView::recompute);
    connect(grid_, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (column == kValueColumn)
            showRecordsBehind(row);
    });
    resize(820, 760);
    recompute();
}

void SummaryView::setPeriod(const QString& unit, bool includeSubunits, const QString& from,
                            const QString& to) {
    {
        const QSignalBlocker a(unit_), b(subunits_);
        unit_->setCurrentIndex(std::max(0, unit_->findText(unit)));
        subunits_->setChecked(includeSubunits);
        from_->setText(from);
        to_->setText(to);
    }
    recompute();
}

QString SummaryView::problem() const {
    return problem_->text();
}

QString SummaryView::periodText() const {
    return period_->text();
}

QString SummaryView::footnoteText() const {
    return footnote_->text();
}

void SummaryView::recompute() {
    problem_->clear();
    table_.reset();
    if (unit_->currentText().isEmpty()) {
        problem_->setText(tr("No unit yet: set yours in Settings ▸ Preferences."));
        showTable();
        return;
    }
    try {
        table_ = records::computeSummary(*db_, records::SummaryTemplate::load("2021"),
                                         unit_->currentText().toStdString(), subunits_->isChecked(),
                                         from_->text().trimmed().toStdString(),
                                         to_->text().trimmed().toStdString(), todayLocal());
    } catch (const std::exception& e) {
        problem_->setText(errorText(e));
    }
    showTable();
}

void SummaryView::showTable() {
    grid_->clearSpans();
    grid_->setRowCount(0);
    rowOfGrid_.clear();
    if (!table_) {
        title_->clear();
        header_->clear();
        period_->clear();
        footnote_->clear();
        return;
    }
    const records::SummaryTable& t = *table_;
    title_->setText(QString::fromStdString(t.form.title));
    header_->setText(QString::fromStdString(t.form.unitLabel + t.unit) + QStringLiteral("      ") +
                     QString::fromStdString(t.form.dateLabel + records::chineseDate(t.reportDate)));
    period_->setText(tr("Counted from %1 to %2; the report date is the day the table is made.")
                         .arg(QString::fromStdString(records::chineseDate(t.from)),
                              QString::fromStdString(records::chineseDate(t.to))));
    footnote_->setText(QString::fromStdString(records::summaryFootnote(t)));
    QStringList headers;
    headers << QString::fromStdString(t.form.columns.at(0)) << QString()
            << QString::fromStdString(t.form.columns.at(1))
            << QString::fromStdString(t.form.columns.at(2));
    grid_->setHorizontalHeaderLabels(headers);
    grid_->setRowCount(static_cast<int>(t.cells.size()));
    int groupStart = 0;
    for (int i = 0; i < grid_->rowCount(); ++i) {
        const records::SummaryCell& c = t.cells[static_cast<std::size_t>(i)];
        rowOfGrid_.push_back(static_cast<std::size_t>(i));
        grid_->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(c.row.group)));
        grid_->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(c.row.item)));
        auto* value = new QTableWidgetItem(QString::fromStdString(records::formatFigure(c.value)));
        value->setTextAlignment(Qt::AlignCenter);
        value->setToolTip(tr("Click to list the records behind this figure"));
        if (c.overrideReason)
            value->setForeground(QColor(170, 60, 0));
        grid_->setItem(i, kValueColumn, value);
        grid_->setItem(i, 3, new QTableWidgetItem(QString::fromStdString(c.remark())));
        if (c.row.item.empty())
            grid_->setSpan(i, 0, 1, 2);
        // Rows of one group share one merged group cell, as on the paper form.
        const bool groupEnds = i + 1 == grid_->rowCount() ||
                               t.cells[static_cast<std::size_t>(i + 1)].row.group != c.row.group ||
                               c.row.item.empty();
        if (groupEnds) {
            if (i > groupStart && !c.row.item.empty())
                grid_->setSpan(groupStart, 0, i - groupStart + 1, 1);
            groupStart = i + 1;
        }
    }
    grid_->resizeColumnsToContents();
    grid_->resizeRowsToContents();
}

std::vector<records::Record> SummaryView::recordsBehind(std::size_t row) {
    std::vector<records::Record> out;
    if (!table_)
        return out;
    for (const auto& id : records::recordIdsBehind(*db_, *table_, row))
        if (auto r = db_->find(id))
            out.push_back(std::move(*r));
    return out;
}

void SummaryView::showRecordsBehind(int gridRow) {
    if (!table_ || gridRow < 0 || gridRow >= static_cast<int>(rowOfGrid_.size()))
        return;
    const std::size_t row = rowOfGrid_[static_cast<std::size_t>(gridRow)];
    QDialog dialog(this);
    const auto& cell = table_->cells[row];
    dialog.setWindowTitle(
        tr("Records behind “%1”")
            .arg(QString::fromStdString(cell.row.item.empty() ? cell.row.group : cell.row.item)));
    auto* list = new QListWidget;
    for (const auto& r : recordsBehind(row)) {
        QString about;
        for (const char* key : {"title", "place", "event", "case_number", "checked_unit",
                                "campaign", "description", "requesting_body"})
            if (r.fields.contains(key) && r.fields.at(key).is_string()) {
                about = QString::fromStdString(r.fields.at(key).get<std::string>());
                break;
            }
        list->addItem(QStringLiteral("%1  %2  %3  %4")
                          .arg(QString::fromStdString(r.date), kindLabel(r.kind),
                               QString::fromStdString(r.unit), about));
    }
    if (list->count() == 0)
        list->addItem(tr("No records: the figure is 0."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog.resize(640, 360);
    dialog.exec();
}

bool SummaryView::overrideRow(std::size_t row, double value, const QString& reason) {
    if (!table_ || row >= table_->cells.size())
        return false;
    try {
        db_->setOverride({table_->unit, table_->form.id, table_->from, table_->to,
                          table_->cells[row].row.key, reason.trimmed().toStdString(), value});
    } catch (const std::exception& e) {
        problem_->setText(errorText(e));
        return false;
    }
    recompute();
    emit overridden();
    return true;
}

void SummaryView::askOverride() {
    const int gridRow = grid_->currentRow();
    if (!table_ || gridRow < 0) {
        problem_->setText(tr("Choose the row whose figure is to be overridden."));
        return;
    }
    const std::size_t row = rowOfGrid_[static_cast<std::size_t>(gridRow)];
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Override figure"));
    auto* value = new QDoubleSpinBox;
    value->setRange(0, 1e9);
    value->setDecimals(2);
    value->setValue(table_->cells[row].value);
    auto* reason = new QLineEdit;
    reason->setPlaceholderText(tr("why the reported figure differs from the records"));
    auto* form = new QFormLayout;
    form->addRow(tr("Reported figure"), value);
    form->addRow(tr("Reason"), reason);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (reason->text().trimmed().isEmpty())
            reason->setPlaceholderText(tr("a reason is required"));
        else
            dialog.accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() == QDialog::Accepted)
        overrideRow(row, value->value(), reason->text());
}

void SummaryView::exportTo(const QString& path) {
    if (!table_)
        throw std::runtime_error(problem_->text().toStdString());
    const std::filesystem::path target = path.toStdString();
    if (path.endsWith(".xlsx", Qt::CaseInsensitive))
        records::writeSummaryXlsx(*table_, target);
    else if (path.endsWith(".csv", Qt::CaseInsensitive))
        records::writeSummaryCsv(*table_, target);
    else if (path.endsWith(".pdf", Qt::CaseInsensitive))
        writeSummaryPdf(*table_, target);
    else
        throw std::runtime_error(tr("Choose a file ending in .xlsx, .csv or .pdf.").toStdString());
}

void SummaryView::chooseExport() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export summary table"), QString::fromStdString(table_ ? table_->form.title : ""),
        tr("Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    try {
        exportTo(path);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Export summary table"), errorText(e));
    }
}

} // namespace mapaudit::ui
