#include "security_view.h"

#include "application.h"
#include "draw_notice_pdf.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/security/classified_ledger.h"
#include "mapaudit/security/spot_check_draw.h"
#include "row_table.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <map>

namespace mapaudit::ui {
namespace {

QTableWidget* makeTable(const QStringList& headers) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    setUpRowTable(t);
    return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells, const QColor& colour = {}) {
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (colour.isValid())
            item->setForeground(colour);
        t->setItem(row, c, item);
    }
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

const QColor kOverdue(176, 0, 32), kSoon(180, 100, 0);

} // namespace

SecurityView::SecurityView(std::shared_ptr<records::RecordsDb> db, const QString& bureau,
                           QWidget* parent)
    : QDialog(parent), db_(std::move(db)), bureau_(bureau), tabs_(new QTabWidget),
      message_(new QLabel) {
    setWindowTitle(tr("Geographic-information security supervision"));
    tabs_->addTab(registerPage(), tr("Register"));
    tabs_->addTab(drawPage(), tr("Random spot checks"));
    tabs_->addTab(ledgerPage(), tr("Classified-results ledger"));
    tabs_->addTab(dashboardPage(), tr("Deadlines"));
    message_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_, 1);
    layout->addWidget(message_);
    layout->addWidget(buttons);
    resize(1000, 680);
    refresh();
}

QString SecurityView::today() const {
    return q(todayLocal());
}

QString SecurityView::message() const {
    return message_->text();
}

QString SecurityView::ratioText() const {
    return ratioLabel_->text();
}

void SecurityView::showPage(Page page) {
    tabs_->setCurrentIndex(static_cast<int>(page));
}

QWidget* SecurityView::registerPage() {
    auto* page = new QWidget;
    units_ = makeTable({tr("Unit"), tr("Credit code"), tr("Category"), tr("Grade"), tr("Industry"),
                        tr("Outside the area")});
    inspectors_ = makeTable({tr("Inspector"), tr("Conflicts")});
    auto* importUnits = new QPushButton(tr("Import register…"));
    auto* importInspectors = new QPushButton(tr("Import inspectors…"));
    connect(importUnits, &QPushButton::clicked, this, [this] { importSheet("register"); });
    connect(importInspectors, &QPushButton::clicked, this, [this] { importSheet("inspectors"); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(importUnits);
    buttons->addWidget(importInspectors);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(units_, 3);
    layout->addWidget(inspectors_, 1);
    return page;
}

QWidget* SecurityView::drawPage() {
    auto* page = new QWidget;
    year_ = new QSpinBox;
    year_->setRange(2000, 2200);
    year_->setValue(QDate::currentDate().year());
    ratio_ = new QDoubleSpinBox;
    ratio_->setRange(0.01, 1.0);
    ratio_->setSingleStep(0.05);
    ratio_->setValue(0.1);
    stratify_ = new QComboBox;
    stratify_->addItem(tr("no strata"), QString());
    stratify_->addItem(tr("by industry"), "industry");
    stratify_->addItem(tr("by category"), "category");
    minimum_ = new QSpinBox;
    minimum_->setRange(0, 100);
    minimum_->setValue(1);
    seed_ = new QLineEdit;
    seed_->setPlaceholderText(tr("random (recorded)"));
    auto* draw = new QPushButton(tr("Draw"));
    auto* notice = new QPushButton(tr("Public notice (XLSX or PDF)…"));
    connect(draw, &QPushButton::clicked, this, [this] {
        drawNow(year_->value(), ratio_->value(), stratify_->currentData().toString(),
                minimum_->value(), seed_->text());
    });
    connect(notice, &QPushButton::clicked, this, &SecurityView::exportNotice);
    connect(year_, &QSpinBox::valueChanged, this, &SecurityView::showDraws);
    auto* form = new QFormLayout;
    form->addRow(tr("Year"), year_);
    form->addRow(tr("At least"), ratio_);
    form->addRow(tr("Strata"), stratify_);
    form->addRow(tr("Minimum per stratum"), minimum_);
    form->addRow(tr("Seed"), seed_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(draw);
    buttons->addWidget(notice);
    buttons->addStretch();
    ratioLabel_ = new QLabel;
    method_ = new QLabel;
    method_->setWordWrap(true);
    drawn_ = makeTable({tr("Unit"), tr("Credit code"), tr("Industry"), tr("Inspectors")});
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(ratioLabel_);
    layout->addWidget(method_);
    layout->addWidget(drawn_, 1);
    return page;
}

QWidget* SecurityView::ledgerPage() {
    auto* page = new QWidget;
    ledger_ = makeTable({tr("Id"), tr("Holder"), tr("Results"), tr("Secrecy"), tr("Received"),
                         tr("Destroy by"), tr("State")});
    auto* buttons = new QHBoxLayout;
    for (const auto& [label, what] :
         std::initializer_list<std::pair<QString, QString>>{{tr("Import receipts…"), "import"},
                                                            {tr("Register copy or scan…"), "copy"},
                                                            {tr("Record destruction…"), "destroy"},
                                                            {tr("Record transfer…"), "transfer"}}) {
        auto* b = new QPushButton(label);
        connect(b, &QPushButton::clicked, this, [this, what = what] { ledgerAction(what); });
        buttons->addWidget(b);
    }
    buttons->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(ledger_, 1);
    return page;
}

QWidget* SecurityView::dashboardPage() {
    auto* page = new QWidget;
    due_ = makeTable({tr("State"), tr("Holder"), tr("Results"), tr("Destroy by"), tr("Days")});
    staff_ = makeTable({tr("Certificate"), tr("Name"), tr("Reminder")});
    auto* clues = new QPushButton(tr("Enter overdue items as clues"));
    connect(clues, &QPushButton::clicked, this, [this] {
        const int added = overdueToClues();
        message_->setText(tr("%n new clue record(s).", nullptr, added));
    });
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Classified results to destroy (six months after the project "
                                    "completes)")));
    layout->addWidget(due_, 2);
    layout->addWidget(clues, 0, Qt::AlignLeft);
    layout->addWidget(new QLabel(tr("Certified staff (certificates valid five years; yearly "
                                    "training)")));
    layout->addWidget(staff_, 1);
    return page;
}

void SecurityView::refresh() {
    const auto units = security::supervisedUnits(*db_);
    units_->setRowCount(static_cast<int>(units.size()));
    for (int i = 0; i < units_->rowCount(); ++i) {
        const auto& u = units[static_cast<std::size_t>(i)];
        setRow(units_, i,
               {q(u.name), q(u.creditCode), q(security::categoryLabelZh(u.category)), q(u.grade),
                q(security::industryLabelZh(u.industry)), u.nonLocal ? tr("yes") : QString()});
    }
    const auto pool = security::inspectors(*db_);
    inspectors_->setRowCount(static_cast<int>(pool.size()));
    for (int i = 0; i < inspectors_->rowCount(); ++i) {
        const auto& in = pool[static_cast<std::size_t>(i)];
        QStringList conflicts;
        for (const auto& c : in.conflicts)
            conflicts << q(c);
        setRow(inspectors_, i, {q(in.name), conflicts.join(QStringLiteral("；"))});
    }
    showDraws();

    std::map<std::string, std::string> names; // credit code → unit name
    for (const auto& u : units)
        names[u.creditCode] = u.name;
    auto holder = [&](const std::string& code) {
        const auto it = names.find(code);
        return q(it == names.end() ? code : it->second);
    };
    const std::string now = todayLocal();
    const auto items = security::ledgerItems(*db_);
    ledger_->setRowCount(static_cast<int>(items.size()));
    for (int i = 0; i < ledger_->rowCount(); ++i) {
        const auto& it = items[static_cast<std::size_t>(i)];
        const auto state = security::dueState(it, now);
        QString stateText = state == security::DueState::Destroyed
                                ? tr("destroyed %1").arg(q(it.destroyed))
                            : state == security::DueState::Overdue ? tr("overdue")
                            : state == security::DueState::DueSoon ? tr("due soon")
                                                                   : tr("held");
        if (!it.transfers.empty())
            stateText += tr("; transferred (violation)");
        setRow(ledger_, i,
               {q(it.id.substr(0, 8)), holder(it.holder), q(it.items), q(it.secrecy),
                q(it.received), q(security::destructionDue(it)), stateText},
               state == security::DueState::Overdue || !it.transfers.empty() ? kOverdue
               : state == security::DueState::DueSoon                        ? kSoon
                                                                             : QColor());
        ledger_->item(i, 0)->setData(Qt::UserRole, q(it.id));
    }
    const auto due = security::destructionDashboard(*db_, now);
    due_->setRowCount(static_cast<int>(due.size()));
    for (int i = 0; i < due_->rowCount(); ++i) {
        const auto& e = due[static_cast<std::size_t>(i)];
        const bool late = e.state == security::DueState::Overdue;
        setRow(due_, i,
               {late ? tr("overdue") : tr("due soon"), holder(e.item.holder), q(e.item.items),
                q(e.due), QString::number(e.daysLeft)},
               late ? kOverdue : kSoon);
    }
    const auto reminders = security::staffReminders(*db_, now);
    staff_->setRowCount(static_cast<int>(reminders.size()));
    for (int i = 0; i < staff_->rowCount(); ++i) {
        const auto& r = reminders[static_cast<std::size_t>(i)];
        using Kind = security::StaffReminder::Kind;
        const QString what =
            r.kind == Kind::CertificateExpired ? tr("certificate expired on %1").arg(q(r.expiry))
            : r.kind == Kind::CertificateExpiring
                ? tr("certificate expires on %1 (in %2 days)").arg(q(r.expiry)).arg(r.daysLeft)
                : tr("no training recorded in %1").arg(q(r.year));
        setRow(staff_, i, {q(r.staff.certificate), q(r.staff.name), what},
               r.kind == Kind::CertificateExpired ? kOverdue : QColor());
    }
    for (auto* t : {units_, inspectors_, ledger_, due_, staff_})
        t->resizeColumnsToContents();
}

void SecurityView::showDraws() {
    const auto ratio = security::spotCheckRatio(*db_, year_->value());
    ratioLabel_->setText(tr("%1: spot checks for %2 of %3 registered units (%4%)")
                             .arg(year_->value())
                             .arg(ratio.checked)
                             .arg(ratio.registered)
                             .arg(QString::fromStdString(oneDecimal(ratio.ratio() * 100))) +
                         (ratio.belowTarget() ? tr(" — below the required 10%") : QString()));
    ratioLabel_->setStyleSheet(ratio.belowTarget() ? "color: #b00020; font-weight: bold" : "");
    const auto draws = security::recordedDraws(*db_, year_->value());
    drawn_->setRowCount(0);
    method_->clear();
    if (draws.empty())
        return;
    const security::Draw& d = draws.back();
    method_->setText(tr("Last draw, %1: %2").arg(q(d.options.date), q(d.method)));
    drawn_->setRowCount(static_cast<int>(d.drawn.size()));
    for (int i = 0; i < drawn_->rowCount(); ++i) {
        const auto& u = d.drawn[static_cast<std::size_t>(i)];
        setRow(drawn_, i,
               {q(u.unit.name), q(u.unit.creditCode), q(security::industryLabelZh(u.unit.industry)),
                q(u.inspectors[0] + "、" + u.inspectors[1])});
    }
    drawn_->resizeColumnsToContents();
}

bool SecurityView::drawNow(int year, double ratio, const QString& stratify, int minimum,
                           const QString& seed) {
    security::DrawOptions o;
    o.year = year;
    o.ratio = ratio;
    o.stratify = stratify.toStdString();
    o.minPerStratum = minimum;
    o.unit = bureau_.toStdString();
    if (!seed.trimmed().isEmpty()) {
        bool ok = false;
        o.seed = seed.trimmed().toULongLong(&ok);
        if (!ok) {
            message_->setText(tr("The seed must be a whole number, or left empty."));
            return false;
        }
    }
    try {
        const security::Draw d = security::drawSpotChecks(*db_, o);
        year_->setValue(year);
        message_->setText(tr("Drew %1 of %2 units with seed %3; each is now a pending spot "
                             "check in the records.")
                              .arg(d.drawn.size())
                              .arg(d.population)
                              .arg(QString::number(*d.options.seed)));
    } catch (const std::exception& e) {
        message_->setText(errorText(e));
        return false;
    }
    refresh();
    return true;
}

int SecurityView::overdueToClues() {
    const records::RecordFilter clues{std::string("clue"), {}, {}, {}};
    const std::size_t before = db_->list(clues).size();
    const std::string now = todayLocal();
    try {
        for (const auto& e : security::destructionDashboard(*db_, now))
            if (e.state == security::DueState::Overdue) // entered once: again, nothing changes
                security::clueForOverdue(*db_, e.item.id, bureau_.toStdString(), now);
    } catch (const std::exception& e) {
        message_->setText(errorText(e));
    }
    return static_cast<int>(db_->list(clues).size() - before);
}

void SecurityView::exportNotice() {
    const auto draws = security::recordedDraws(*db_, year_->value());
    if (draws.empty()) {
        message_->setText(tr("No draw in %1 yet.").arg(year_->value()));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Public notice"), tr("%1-spot-check-notice.xlsx").arg(year_->value()),
        tr("Excel workbook (*.xlsx);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    try {
        if (path.endsWith(".pdf", Qt::CaseInsensitive))
            writeDrawNoticePdf(draws.back(), path.toStdString());
        else
            security::writeDrawNoticeXlsx(draws.back(), path.toStdString());
        message_->setText(tr("Public notice written: %1").arg(path));
    } catch (const std::exception& e) {
        message_->setText(errorText(e));
    }
}

void SecurityView::importSheet(const QString& what) {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import"), QString(), tr("Sheets (*.csv *.xlsx)"));
    if (path.isEmpty())
        return;
    try {
        std::vector<records::ImportProblem> problems;
        records::ImportCounts counts;
        if (what == "register") {
            const auto parsed = security::parseRegisterFile(path.toStdString());
            problems = parsed.problems;
            if (problems.empty())
                counts = security::importRegister(*db_, parsed.units);
        } else if (what == "inspectors") {
            const auto parsed = security::parseInspectorFile(path.toStdString());
            problems = parsed.problems;
            if (problems.empty())
                counts = security::importInspectors(*db_, parsed.inspectors);
        } else {
            const auto parsed = security::parseLedgerFile(path.toStdString());
            problems = parsed.problems;
            if (problems.empty())
                counts = security::importLedger(*db_, parsed.items);
        }
        if (!problems.empty()) {
            QStringList lines;
            for (const auto& p : problems)
                lines << tr("row %1, %2: %3").arg(p.line).arg(q(p.field), q(p.message));
            QMessageBox::warning(this, tr("Nothing imported"),
                                 tr("%n problem(s); correct the sheet and import it again:",
                                    nullptr, static_cast<int>(problems.size())) +
                                     "\n" + lines.join('\n'));
            return;
        }
        message_->setText(tr("Imported: %1 added, %2 updated, %3 unchanged.")
                              .arg(counts.added)
                              .arg(counts.updated)
                              .arg(counts.unchanged));
    } catch (const std::exception& e) {
        message_->setText(errorText(e));
    }
    refresh();
}

void SecurityView::ledgerAction(const QString& what) {
    if (what == "import") {
        importSheet("ledger");
        return;
    }
    const int row = ledger_->currentRow();
    if (row < 0) {
        message_->setText(tr("Choose an item in the ledger first."));
        return;
    }
    const std::string id = ledger_->item(row, 0)->data(Qt::UserRole).toString().toStdString();
    bool ok = false;
    const QString date = QInputDialog::getText(this, tr("Date"), tr("Date (YYYY-MM-DD)"),
                                               QLineEdit::Normal, today(), &ok);
    if (!ok)
        return;
    try {
        if (what == "copy") {
            const QString text = QInputDialog::getText(this, tr("Register copy or scan"),
                                                       tr("What was made (e.g. 扫描件)"));
            security::registerCopy(*db_, id, date.toStdString(), text.toStdString());
        } else if (what == "destroy") {
            const QString method =
                QInputDialog::getText(this, tr("Record destruction"), tr("Method"));
            const QString witnesses =
                QInputDialog::getText(this, tr("Record destruction"), tr("Witnesses (监销人)"));
            security::recordDestruction(*db_, id, date.toStdString(), method.toStdString(),
                                        witnesses.toStdString());
        } else if (what == "transfer") {
            const QString to =
                QInputDialog::getText(this, tr("Record transfer"), tr("Transferred or lent to"));
            security::recordTransfer(*db_, id, to.toStdString(), date.toStdString());
        }
        message_->clear();
    } catch (const std::exception& e) {
        message_->setText(errorText(e));
    }
    refresh();
}

} // namespace mapaudit::ui
