#include "records_panel.h"

#include "mapaudit/records/record_kinds.h"
#include "record_form.h"
#include "record_labels.h"
#include "row_table.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mapaudit::ui {
namespace {

// The first text field a kind has (title, place, event, …): what the record is about.
QString headline(const records::Record& r) {
    if (const auto* spec = records::findKind(r.kind))
        for (const auto& f : spec->fields)
            if (f.type == records::FieldType::Text && r.fields.contains(f.name) &&
                r.fields.at(f.name).is_string())
                return QString::fromStdString(r.fields.at(f.name).get<std::string>());
    return {};
}

QString statusOf(const records::Record& r) {
    return r.fields.contains("status") && r.fields.at("status").is_string()
               ? QString::fromStdString(r.fields.at("status").get<std::string>())
               : QString();
}

} // namespace

RecordsPanel::RecordsPanel(QWidget* parent)
    : QWidget(parent), kind_(new QComboBox), unit_(new QComboBox), from_(new QLineEdit),
      to_(new QLineEdit), status_(new QLineEdit), message_(new QLabel),
      table_(new QTableWidget(0, 5)), evidence_(new QListWidget), new_(new QPushButton),
      edit_(new QPushButton), delete_(new QPushButton), attach_(new QPushButton),
      saveEvidence_(new QPushButton), history_(new QPushButton), kindLabel_(new QLabel),
      unitLabel_(new QLabel), periodLabel_(new QLabel), statusLabel_(new QLabel),
      evidenceLabel_(new QLabel) {
    auto* filters = new QGridLayout;
    filters->addWidget(kindLabel_, 0, 0);
    filters->addWidget(kind_, 0, 1, 1, 3);
    filters->addWidget(unitLabel_, 1, 0);
    filters->addWidget(unit_, 1, 1, 1, 3);
    filters->addWidget(periodLabel_, 2, 0);
    filters->addWidget(from_, 2, 1);
    filters->addWidget(new QLabel(QStringLiteral("–")), 2, 2);
    filters->addWidget(to_, 2, 3);
    filters->addWidget(statusLabel_, 3, 0);
    filters->addWidget(status_, 3, 1, 1, 3);
    for (auto* e : {from_, to_})
        e->setPlaceholderText("YYYY-MM-DD");
    auto* buttons = new QHBoxLayout;
    for (auto* b : {new_, edit_, delete_, history_})
        buttons->addWidget(b);
    auto* evidenceButtons = new QHBoxLayout;
    evidenceButtons->addWidget(evidenceLabel_, 1);
    evidenceButtons->addWidget(attach_);
    evidenceButtons->addWidget(saveEvidence_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(message_);
    layout->addWidget(table_, 3);
    layout->addLayout(buttons);
    layout->addLayout(evidenceButtons);
    layout->addWidget(evidence_, 1);
    message_->setWordWrap(true);
    setUpRowTable(table_);

    connect(kind_, &QComboBox::currentIndexChanged, this, &RecordsPanel::refresh);
    connect(unit_, &QComboBox::currentIndexChanged, this, &RecordsPanel::refresh);
    for (auto* e : {from_, to_, status_})
        connect(e, &QLineEdit::editingFinished, this, &RecordsPanel::refresh);
    connect(new_, &QPushButton::clicked, this, &RecordsPanel::newRecord);
    connect(edit_, &QPushButton::clicked, this, &RecordsPanel::editRecord);
    connect(table_, &QTableWidget::cellDoubleClicked, this, &RecordsPanel::editRecord);
    connect(delete_, &QPushButton::clicked, this, &RecordsPanel::deleteRecord);
    connect(attach_, &QPushButton::clicked, this, &RecordsPanel::attachEvidence);
    connect(saveEvidence_, &QPushButton::clicked, this, &RecordsPanel::saveEvidence);
    connect(history_, &QPushButton::clicked, this, &RecordsPanel::showHistory);
    connect(table_, &QTableWidget::currentCellChanged, this, &RecordsPanel::showEvidence);
    retranslateUi();
}

void RecordsPanel::retranslateUi() {
    kindLabel_->setText(tr("Kind"));
    unitLabel_->setText(tr("Unit"));
    periodLabel_->setText(tr("Period"));
    statusLabel_->setText(tr("Status"));
    status_->setPlaceholderText(tr("any"));
    evidenceLabel_->setText(tr("Evidence"));
    new_->setText(tr("New…"));
    edit_->setText(tr("Edit…"));
    delete_->setText(tr("Delete"));
    history_->setText(tr("History"));
    attach_->setText(tr("Attach…"));
    saveEvidence_->setText(tr("Save as…"));
    table_->setHorizontalHeaderLabels(
        {tr("Date"), tr("Kind"), tr("Unit"), tr("About"), tr("Status")});
    const QString kind = kind_->currentData().toString();
    const QSignalBlocker block(kind_);
    kind_->clear();
    kind_->addItem(tr("all kinds"), QString());
    for (const auto& k : records::recordKinds())
        kind_->addItem(kindLabel(k.name), QString::fromStdString(k.name));
    kind_->setCurrentIndex(std::max(0, kind_->findData(kind)));
    refresh();
}

void RecordsPanel::setDatabase(records::RecordsDb* db) {
    db_ = db;
    refresh();
}

void RecordsPanel::setFilter(const QString& kind, const QString& unit, const QString& from,
                             const QString& to, const QString& status) {
    {
        const QSignalBlocker a(kind_), b(unit_);
        kind_->setCurrentIndex(std::max(0, kind_->findData(kind)));
        unit_->setCurrentIndex(std::max(0, unit_->findData(unit)));
        from_->setText(from);
        to_->setText(to);
        status_->setText(status);
    }
    refresh();
}

void RecordsPanel::refresh() {
    for (auto* w : std::initializer_list<QWidget*>{new_, edit_, delete_, attach_, saveEvidence_,
                                                   history_, kind_, unit_})
        w->setEnabled(db_ != nullptr);
    table_->setRowCount(0);
    shown_.clear();
    evidence_->clear();
    if (!db_) {
        message_->setText(tr("No records database: choose one in Settings ▸ Preferences."));
        return;
    }
    {
        const QString unit = unit_->currentData().toString();
        const QSignalBlocker block(unit_);
        unit_->clear();
        unit_->addItem(tr("all units"), QString());
        for (const auto& u : db_->units())
            unit_->addItem(QString::fromStdString(u.name), QString::fromStdString(u.name));
        unit_->setCurrentIndex(std::max(0, unit_->findData(unit)));
    }
    records::RecordFilter filter;
    auto optional = [](const QString& s) {
        return s.trimmed().isEmpty() ? std::nullopt : std::optional(s.trimmed().toStdString());
    };
    filter.kind = optional(kind_->currentData().toString());
    filter.unit = optional(unit_->currentData().toString());
    filter.from = optional(from_->text());
    filter.to = optional(to_->text());
    for (const auto& d : {filter.from, filter.to})
        if (d && !records::isIsoDate(*d)) {
            message_->setText(tr("Enter the period's dates as YYYY-MM-DD."));
            return;
        }
    const QString status = status_->text().trimmed();
    for (auto& r : db_->list(filter))
        if (status.isEmpty() || statusOf(r).contains(status, Qt::CaseInsensitive))
            shown_.push_back(std::move(r));
    message_->setText(tr("%n record(s)", nullptr, static_cast<int>(shown_.size())));
    table_->setRowCount(static_cast<int>(shown_.size()));
    for (int i = 0; i < table_->rowCount(); ++i) {
        const auto& r = shown_[static_cast<std::size_t>(i)];
        const QStringList cells{QString::fromStdString(r.date), kindLabel(r.kind),
                                QString::fromStdString(r.unit), headline(r), statusOf(r)};
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    table_->resizeColumnsToContents();
}

const records::Record* RecordsPanel::current() const {
    const int row = table_->currentRow();
    return row >= 0 && row < static_cast<int>(shown_.size())
               ? &shown_[static_cast<std::size_t>(row)]
               : nullptr;
}

void RecordsPanel::openForm(const records::Record& r) {
    RecordForm form(*db_, r, this);
    if (form.exec() == QDialog::Accepted) {
        refresh();
        emit recordsChanged();
    }
}

void RecordsPanel::newRecord() {
    if (!db_)
        return;
    openForm(newRecordDraft(kind_->currentData().toString().toStdString(),
                            unit_->currentData().toString(), inspector_));
}

void RecordsPanel::editRecord() {
    if (const records::Record* r = current(); db_ && r)
        openForm(*r);
}

void RecordsPanel::deleteRecord() {
    const records::Record* r = current();
    if (!db_ || !r)
        return;
    if (QMessageBox::question(this, tr("Delete record"),
                              tr("Delete this record and its evidence? The audit log keeps a "
                                 "line saying who deleted it and when.")) != QMessageBox::Yes)
        return;
    db_->remove(r->id);
    refresh();
    emit recordsChanged();
}

void RecordsPanel::attachEvidence() {
    const records::Record* r = current();
    if (!db_ || !r)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Attach evidence"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Attach evidence"),
                             tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return;
    }
    const QByteArray bytes = file.readAll();
    db_->attach(r->id, QFileInfo(path).fileName().toStdString(), bytes.toStdString());
    showEvidence();
}

void RecordsPanel::showEvidence() {
    evidence_->clear();
    const records::Record* r = current();
    if (!db_ || !r)
        return;
    for (const auto& e : db_->evidence(r->id)) {
        auto* item = new QListWidgetItem(tr("%1 (%2 bytes, SHA-256 %3…)")
                                             .arg(QString::fromStdString(e.fileName))
                                             .arg(e.size)
                                             .arg(QString::fromStdString(e.sha256.substr(0, 12))),
                                         evidence_);
        item->setData(Qt::UserRole, QString::fromStdString(e.id));
        item->setData(Qt::UserRole + 1, QString::fromStdString(e.fileName));
    }
}

void RecordsPanel::saveEvidence() {
    const QListWidgetItem* item = evidence_->currentItem();
    if (!db_ || !item)
        return;
    if (const records::Record* r = current(); r && records::isClassified(*r)) {
        QMessageBox::information(this, tr("Save evidence"),
                                 tr("This record is marked classified: its evidence is not "
                                    "written out unencrypted. Send it in an encrypted bundle."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save evidence"),
                                                      item->data(Qt::UserRole + 1).toString());
    if (path.isEmpty())
        return;
    QFile file(path);
    const std::string content =
        db_->evidenceContent(item->data(Qt::UserRole).toString().toStdString());
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(content.data(), static_cast<qint64>(content.size())) !=
            static_cast<qint64>(content.size()))
        QMessageBox::warning(this, tr("Save evidence"),
                             tr("%1 cannot be written: %2").arg(path, file.errorString()));
}

QStringList RecordsPanel::historyLines() const {
    QStringList lines;
    const records::Record* r = current();
    if (!db_ || !r)
        return lines;
    for (const auto& e : db_->history(r->id))
        lines << tr("%1  %2  %3 %4")
                     .arg(QString::fromStdString(e.at), QString::fromStdString(e.actor),
                          QString::fromStdString(e.action),
                          e.table == "evidence" ? tr("evidence") : tr("record"));
    return lines;
}

void RecordsPanel::showHistory() {
    if (!current())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Edit history"));
    auto* text = new QPlainTextEdit(historyLines().join('\n'));
    text->setReadOnly(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(560, 320);
    dialog.exec();
}

} // namespace mapaudit::ui
