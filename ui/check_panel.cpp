#include "check_panel.h"

#include "application.h"
#include "checklist_view.h"
#include "map_canvas.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/check/check_run.h"
#include "mapaudit/check/report_io.h"
#include "mapaudit/check/review_carry.h"
#include "mapaudit/check/rule_registry.h"
#include "mapaudit/inspection/check_map.h"
#include "mapaudit/refpack/reference_pack.h"
#include "row_table.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace mapaudit::ui {
namespace {

QString kindName(check::MapKind k) {
    switch (k) {
    case check::MapKind::World:
        return CheckPanel::tr("world map");
    case check::MapKind::China:
        return CheckPanel::tr("China as a whole");
    case check::MapKind::ChinaRegion:
        return CheckPanel::tr("part of China");
    case check::MapKind::ForeignNational:
        return CheckPanel::tr("another country");
    case check::MapKind::Regional:
        return CheckPanel::tr("several countries");
    case check::MapKind::Local:
        break;
    }
    return CheckPanel::tr("local or thematic");
}

QString schemeName(const QString& scheme) {
    if (scheme == QLatin1String("country"))
        return CheckPanel::tr("country names or codes");
    if (scheme == QLatin1String("province"))
        return CheckPanel::tr("China's provinces");
    if (scheme == QLatin1String("foreign_subdivision"))
        return CheckPanel::tr("another country's subdivisions");
    if (scheme == QLatin1String("given"))
        return CheckPanel::tr("given");
    return CheckPanel::tr("by the map kind");
}

// The rule's name in the UI's language; its id when the engine does not know it.
QString ruleName(const std::string& id) {
    return QString::fromStdString(check::ruleDisplayName(id, uiIsChinese()));
}

struct Outcome {
    std::optional<check::CheckReport> report;
    QString error;
    bool canceled = false;
    QString fileSha256; // of the files read, for the check history
};

} // namespace

CheckPanel::CheckPanel(QWidget* parent)
    : QWidget(parent), dataset_(new QComboBox), scale_(new QLineEdit), countryField_(new QLineEdit),
      chinaValue_(new QLineEdit), kind_(new QComboBox), run_(new QPushButton),
      cancel_(new QPushButton), progress_(new QProgressBar), summary_(new QLabel),
      profile_(new QLabel), table_(new QTableWidget(0, ColumnCount)), detail_(new QLabel),
      checklistView_(new ChecklistView), pages_(new QTabWidget), severityFilter_(new QComboBox),
      ruleFilter_(new QComboBox), confirm_(new QPushButton), dismiss_(new QPushButton),
      export_(new QPushButton), register_(new QPushButton), pdf_(new QPushButton),
      mark_(new QPushButton), datasetLabel_(new QLabel), scaleLabel_(new QLabel),
      fieldLabel_(new QLabel), valueLabel_(new QLabel), kindLabel_(new QLabel) {
    auto* form = new QFormLayout;
    form->addRow(datasetLabel_, dataset_);
    // What the check assumes: detected unless given. On a short panel it folds
    // away so the findings keep the height; the toggle shows it again.
    settingsToggle_ = new QToolButton;
    settingsToggle_->setCheckable(true);
    settingsToggle_->setChecked(true);
    settingsToggle_->setAutoRaise(true);
    settingsToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    settingsToggle_->setArrowType(Qt::DownArrow);
    settings_ = new QWidget;
    auto* settingsForm = new QFormLayout(settings_);
    settingsForm->setContentsMargins(0, 0, 0, 0);
    settingsForm->addRow(kindLabel_, kind_);
    settingsForm->addRow(scaleLabel_, scale_);
    settingsForm->addRow(fieldLabel_, countryField_);
    settingsForm->addRow(valueLabel_, chinaValue_);
    crs_ = new QLineEdit;
    crsLabel_ = new QLabel;
    settingsForm->addRow(crsLabel_, crs_);
    settingsForm->addRow(profile_); // what the check found: kind, owner, generalisation
    connect(settingsToggle_, &QToolButton::toggled, this, &CheckPanel::showSettings);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    buttons->addWidget(progress_, 1);

    auto* filters = new QHBoxLayout;
    filters->addWidget(severityFilter_, 1);
    filters->addWidget(ruleFilter_, 1);
    auto* decisions = new QHBoxLayout;
    for (auto* b : {confirm_, dismiss_, export_})
        decisions->addWidget(b);
    auto* onward = new QHBoxLayout;
    onward->addWidget(register_);
    onward->addWidget(pdf_);
    auto* findingsPage = new QWidget;
    auto* findingsLayout = new QVBoxLayout(findingsPage);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addLayout(filters);
    findingsLayout->addWidget(table_, 1);
    // The selected finding whole, scrolled when longer than the room it is given.
    detailArea_ = new QScrollArea;
    detailArea_->setWidget(detail_);
    detailArea_->setWidgetResizable(true);
    detailArea_->setFrameShape(QFrame::NoFrame);
    detailArea_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    detailArea_->setVisible(false);
    findingsLayout->addWidget(detailArea_);
    findingsLayout->addLayout(decisions);
    findingsLayout->addWidget(mark_); // a row of its own: the dock is no wider for it
    pages_->addTab(findingsPage, QString());
    pages_->addTab(checklistView_, QString());
    pages_->setDocumentMode(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(settingsToggle_);
    layout->addWidget(settings_);
    layout->addLayout(buttons);
    layout->addWidget(summary_);
    layout->addWidget(pages_, 1);
    layout->addLayout(onward);
    summary_->setWordWrap(true);
    profile_->setWordWrap(true);
    profile_->setVisible(false);
    profile_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    kind_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    kind_->setMinimumContentsLength(6);
    progress_->setRange(0, 100);
    progress_->setValue(0);
    cancel_->setEnabled(false);
    setUpRowTable(table_);
    undo_ = new QUndoStack(this);
    connect(undo_, &QUndoStack::indexChanged, this, &CheckPanel::workChanged);
    // One line a finding, so a dock shows many: the message takes the width
    // left and is cut short (the pane below and the tooltip hold it whole);
    // rule and place are fitted but never crowd it out; the codes stay at the end.
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(RuleColumn, QHeaderView::Interactive);
    table_->horizontalHeader()->setSectionResizeMode(PlaceColumn, QHeaderView::Interactive);
    table_->horizontalHeader()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideRight);
    detail_->setWordWrap(true);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail_->setTextFormat(Qt::PlainText);
    detail_->setVisible(false);
    connect(run_, &QPushButton::clicked, this, &CheckPanel::runCheck);
    // A scale typed by the inspector is theirs: a later default no longer replaces it.
    connect(scale_, &QLineEdit::textEdited, this,
            [this] { scale_->setProperty("fromSettings", false); });
    connect(cancel_, &QPushButton::clicked, this, &CheckPanel::cancelCheck);
    connect(table_, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { selectFinding(row); });
    connect(severityFilter_, &QComboBox::currentIndexChanged, this, &CheckPanel::showReport);
    connect(ruleFilter_, &QComboBox::currentIndexChanged, this, &CheckPanel::showReport);
    connect(confirm_, &QPushButton::clicked, this, [this] {
        if (auto f = currentFinding())
            review(*f, check::ReviewState::Confirmed);
    });
    connect(dismiss_, &QPushButton::clicked, this, &CheckPanel::dismissCurrent);
    connect(export_, &QPushButton::clicked, this, &CheckPanel::chooseExport);
    connect(register_, &QPushButton::clicked, this, &CheckPanel::registerRequested);
    connect(checklistView_, &ChecklistView::answerChosen, this,
            [this](const QString& clause, check::ChecklistAnswer answer, const QString& note) {
                if (!answerChecklist(clause, answer, note))
                    QMessageBox::warning(this, tr("Checklist"), error_);
            });
    connect(pdf_, &QPushButton::clicked, this, &CheckPanel::pdfReportRequested);
    auto* shapes = new QMenu(mark_);
    for (const auto tool :
         {MapCanvas::Tool::SketchPoint, MapCanvas::Tool::SketchLine, MapCanvas::Tool::SketchArea})
        connect(shapes->addAction(QString()), &QAction::triggered, this,
                [this, tool] { emit markRequested(static_cast<int>(tool)); });
    mark_->setMenu(shapes);
    retranslateUi();
}

CheckPanel::~CheckPanel() {
    if (feedback_)
        feedback_->cancel();
    // Its destructor clears it, which must not reach the window being destroyed around it.
    undo_->blockSignals(true);
}

void CheckPanel::retranslateUi() {
    datasetLabel_->setText(tr("Map"));
    scaleLabel_->setText(tr("Scale"));
    scale_->setPlaceholderText(tr("estimated, or e.g. 1:1000000"));
    fieldLabel_->setText(tr("Owner field"));
    countryField_->setPlaceholderText(tr("detected"));
    valueLabel_->setText(tr("China value"));
    kindLabel_->setText(tr("Map kind"));
    {
        const QString current = kind_->currentData().toString();
        const QSignalBlocker block(kind_);
        kind_->clear();
        kind_->addItem(tr("detected"), QString());
        for (check::MapKind k : check::allMapKinds())
            kind_->addItem(kindName(k), QString::fromLatin1(check::mapKindId(k)));
        kind_->setCurrentIndex(std::max(0, kind_->findData(current)));
    }
    chinaValue_->setPlaceholderText(tr("detected"));
    crsLabel_->setText(tr("Coordinate system"));
    settingsToggle_->setText(tr("Check settings"));
    settingsToggle_->setToolTip(tr("Map kind, scale, owner field and coordinate system: detected "
                                   "unless given here"));
    crs_->setPlaceholderText(tr("as the file declares; else e.g. EPSG:4490"));
    crs_->setToolTip(tr("Only for a map whose coordinate system cannot be read or is missing: "
                        "what its coordinates are (EPSG:4490 CGCS2000, EPSG:4326 WGS 84, "
                        "EPSG:4528 CGCS2000 Gauss-Krüger zone 40, …). The report says it was "
                        "taken so."));
    run_->setText(tr("Check"));
    cancel_->setText(tr("Cancel"));
    table_->setHorizontalHeaderLabels({tr("Severity"), tr("Rule"), tr("Place"), tr("Finding"),
                                       tr("Measure"), tr("Review"), tr("Rule id"), tr("Code")});
    confirm_->setText(tr("Confirm"));
    dismiss_->setText(tr("Dismiss…"));
    export_->setText(tr("Export…"));
    register_->setText(tr("Register as problem map…"));
    pdf_->setText(tr("PDF report…"));
    pages_->setTabText(0, tr("Findings"));
    pages_->setTabText(1, tr("Checklist"));
    checklistView_->retranslateUi();
    mark_->setText(tr("Mark a finding"));
    mark_->setToolTip(tr("Draw a point, line or area on the map and describe the problem"));
    const QStringList shapes{tr("Point"), tr("Line"), tr("Area")};
    for (int i = 0; i < shapes.size(); ++i)
        mark_->menu()->actions()[i]->setText(shapes[i]);
    fillFilters();
    if (report_ || !error_.isEmpty())
        showReport();
}

void CheckPanel::setDatasets(const QStringList& paths) {
    const QString current = dataset_->currentData().toString();
    dataset_->clear();
    for (const QString& p : paths)
        dataset_->addItem(QFileInfo(p).fileName(), p);
    const int keep = dataset_->findData(current);
    dataset_->setCurrentIndex(keep >= 0 ? keep : dataset_->count() - 1);
}

QString CheckPanel::selectedDataset() const {
    return dataset_->currentData().toString();
}

void CheckPanel::selectDataset(const QString& path) {
    if (const int index = dataset_->findData(path); index >= 0)
        dataset_->setCurrentIndex(index);
}

check::CheckOptions CheckPanel::options() const {
    check::CheckOptions o;
    o.scale = check::parseScale(scale_->text().trimmed().toStdString());
    o.countryField = countryField_->text().trimmed().toStdString();
    o.chinaValue = chinaValue_->text().trimmed().toStdString();
    o.kind = check::parseMapKind(kind_->currentData().toString().toStdString());
    o.assumeCrs = crs_->text().trimmed().toStdString();
    return o;
}

void CheckPanel::setAssumedCrs(const QString& crs) {
    crs_->setText(crs);
}

void CheckPanel::runCheck() {
    if (isRunning() || dataset_->currentIndex() < 0)
        return;
    if (!scale_->text().trimmed().isEmpty() &&
        !check::parseScale(scale_->text().trimmed().toStdString())) {
        error_ = tr("The scale must look like 1:1000000.");
        showReport(); // an earlier result and the work on it stay
        return;
    }
    checkedPath_ = dataset_->currentData().toString();
    const std::string path = checkedPath_.toStdString();
    const check::CheckOptions opts = options();
    feedback_ = std::make_shared<Feedback>();
    auto feedback = feedback_;
    feedback->setListener([this, feedback](double f) {
        QMetaObject::invokeMethod(
            this,
            [this, feedback, f] {
                if (feedback_ == feedback)
                    progress_->setValue(int(f * 100));
            },
            Qt::QueuedConnection);
    });
    run_->setEnabled(false);
    cancel_->setEnabled(true);
    progress_->setValue(0);
    summary_->setText(tr("Checking…"));
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, feedback] {
        Outcome outcome = watcher->result();
        watcher->deleteLater();
        feedback->setListener({});
        feedback_.reset();
        run_->setEnabled(true);
        cancel_->setEnabled(false);
        progress_->setValue(outcome.report ? 100 : 0);
        // The same map checked again: the inspector's work on it carries over.
        const bool unsaved = hasUnsavedWork();
        std::optional<check::CheckReport> earlier = std::move(report_);
        report_ = std::move(outcome.report);
        if (report_) {
            runId_ = QUuid::createUuid().toString(QUuid::WithoutBraces);
            checkedAt_ = QString::fromStdString(nowUtc());
            fileSha256_ = outcome.fileSha256;
        }
        undo_->clear();
        carryText_.clear();
        carriedUnsaved_ = false;
        if (report_ && earlier && earlier->dataset == report_->dataset)
            carryFrom(*earlier, reviews_, checklist_, unsaved);
        else if (report_ || !earlier) {
            reviews_.clear();
            checklist_ = report_ ? check::checklistFor(*report_) : check::Checklist{};
        } else { // canceled or failed: the earlier result and the work on it stay
            report_ = std::move(earlier);
            carriedUnsaved_ = unsaved;
        }
        checklistView_->show(checklist_);
        error_ = outcome.canceled ? tr("The check was canceled.") : outcome.error;
        // The engine names the command line's option; here it is a field of the panel.
        if (error_.contains(QLatin1String("--assume-crs")))
            error_ += "\n" + tr("Enter what the coordinates are in the Coordinate system field "
                                "(e.g. EPSG:4490) and check again.");
        if (report_) { // what was detected or estimated, shown where it can be changed
            const auto& c = report_->country;
            countryField_->setPlaceholderText(c.field.empty() ? tr("none: follows the map kind")
                                                              : QString::fromStdString(c.field));
            chinaValue_->setPlaceholderText(QString::fromStdString(c.value));
            scale_->setPlaceholderText(
                tr("estimated 1:%1").arg(static_cast<qlonglong>(report_->scaleDenominator)));
        }
        fillFilters();
        showReport();
        emit unsavedWorkChanged();
        emit checkFinished();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [path, opts, feedback]() -> Outcome {
        try {
            // GDAL datasets are not shared between threads: this check's own pack.
            const auto pack = refpack::ReferencePack::open(refpack::defaultPackPath(),
                                                           refpack::VerifyMode::MarkUnverified);
            // The fingerprint first: the history names the files as they were checked.
            const std::string sha256 = check::datasetSha256(path);
            return {inspection::checkMap(path, pack, opts, feedback.get()),
                    {},
                    false,
                    QString::fromStdString(sha256)};
        } catch (const Canceled&) {
            return {std::nullopt, {}, true, {}};
        } catch (const std::exception& e) {
            return {std::nullopt, errorText(e), false, {}};
        }
    }));
}

void CheckPanel::cancelCheck() {
    if (feedback_)
        feedback_->cancel();
}

void CheckPanel::setKind(const QString& kindId) {
    kind_->setCurrentIndex(std::max(0, kind_->findData(kindId)));
}

QString CheckPanel::profileText() const {
    return profile_->text();
}

void CheckPanel::showProfile() {
    if (!report_ || report_->fromImage) {
        profile_->clear();
        profile_->setToolTip({});
        profile_->setVisible(false);
        return;
    }
    const check::MapProfile& p = report_->profile;
    const check::OwnerAttribution& o = p.owner;
    QString owner = o.field.empty() ? tr("no owner field") : QString::fromStdString(o.field);
    owner +=
        QStringLiteral(" (") + schemeName(QString::fromStdString(o.scheme)) + QStringLiteral(")");
    QString text = tr("Map kind: %1%2 · owner: %3")
                       .arg(kindName(p.kind), p.kindGiven ? tr(" (given)") : QString(), owner);
    if (p.generalisation.baselineKm > 0)
        text += QStringLiteral(" · ") +
                tr("generalised by %1 km")
                    .arg(QString::fromStdString(oneDecimal(p.generalisation.baselineKm)));
    if (p.inset)
        text += QStringLiteral(" · ") + tr("South China Sea inset found");
    profile_->setText(text);
    QStringList evidence{QString::fromStdString(p.kindEvidence), QString::fromStdString(o.evidence),
                         QString::fromStdString(p.generalisation.evidence)};
    if (p.inset)
        evidence << QString::fromStdString(p.inset->evidence);
    profile_->setToolTip(evidence.join(QLatin1Char('\n')));
    profile_->setVisible(true);
}

namespace {
QString severityText(check::Severity s) {
    return s == check::Severity::Error     ? CheckPanel::tr("error")
           : s == check::Severity::Warning ? CheckPanel::tr("warning")
                                           : CheckPanel::tr("info");
}
} // namespace

void CheckPanel::fillFilters() {
    const QString severity = severityFilter_->currentData().toString();
    const QString rule = ruleFilter_->currentData().toString();
    const QSignalBlocker a(severityFilter_), b(ruleFilter_);
    severityFilter_->clear();
    severityFilter_->addItem(tr("all severities"), QString());
    for (auto s : {check::Severity::Error, check::Severity::Warning, check::Severity::Info})
        severityFilter_->addItem(severityText(s), QString::fromLatin1(check::severityName(s)));
    ruleFilter_->clear();
    ruleFilter_->addItem(tr("all rules"), QString());
    if (report_) {
        QStringList rules;
        for (const auto& f : report_->findings)
            if (!rules.contains(QString::fromStdString(f.rule)))
                rules << QString::fromStdString(f.rule);
        for (const QString& r : rules)
            ruleFilter_->addItem(ruleName(r.toStdString()), r);
    }
    severityFilter_->setCurrentIndex(std::max(0, severityFilter_->findData(severity)));
    ruleFilter_->setCurrentIndex(std::max(0, ruleFilter_->findData(rule)));
}

void CheckPanel::setFilter(const QString& severity, const QString& rule) {
    {
        const QSignalBlocker a(severityFilter_), b(ruleFilter_);
        severityFilter_->setCurrentIndex(std::max(0, severityFilter_->findData(severity)));
        ruleFilter_->setCurrentIndex(std::max(0, ruleFilter_->findData(rule)));
    }
    showReport();
}

std::vector<std::size_t> CheckPanel::shownFindings() const {
    std::vector<std::size_t> out;
    for (int row = 0; row < table_->rowCount(); ++row)
        out.push_back(table_->item(row, 0)->data(Qt::UserRole).value<qulonglong>());
    return out;
}

void CheckPanel::setDefaultScale(const QString& scale) {
    if (scale_->text().trimmed().isEmpty() || scale_->property("fromSettings").toBool()) {
        scale_->setText(scale);
        scale_->setProperty("fromSettings", true);
    }
}

void CheckPanel::showReport() {
    const int previous = table_->currentRow() >= 0
                             ? table_->item(table_->currentRow(), 0)->data(Qt::UserRole).toInt()
                             : -1;
    const QSignalBlocker block(table_);
    table_->setRowCount(0);
    for (auto* b : {confirm_, dismiss_, export_, register_, pdf_, mark_})
        b->setEnabled(report_.has_value());
    showProfile();
    if (!report_) {
        summary_->setText(error_);
        return;
    }
    const check::CheckReport& r = *report_;
    const bool chinese = uiIsChinese();
    summary_->setText(
        (r.isProblem() ? tr("Problem map: %1 findings") : tr("Passed: %1 findings"))
            .arg(r.findings.size()) +
        " · " +
        tr("scale %1").arg(QString::fromStdString(check::scaleText(r, chinese ? "zh" : "en"))));
    if (!error_.isEmpty()) // a later check failed or was canceled: this is the earlier one
        summary_->setText(error_ + " " + tr("The findings shown are those of the check before."));
    else if (!carryText_.isEmpty())
        summary_->setText(summary_->text() + "\n" + carryText_);
    const QString severity = severityFilter_->currentData().toString();
    const QString rule = ruleFilter_->currentData().toString();
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const check::Finding& f = r.findings[i];
        if ((!severity.isEmpty() && severity != QLatin1String(check::severityName(f.severity))) ||
            (!rule.isEmpty() && rule != QString::fromStdString(f.rule)))
            continue;
        const QString measure = QString::fromStdString(check::measureText(f, chinese));
        QString decision;
        if (const auto it = reviews_.find(f.id); it != reviews_.end())
            decision = it->second.state == check::ReviewState::Confirmed ? tr("confirmed")
                       : it->second.state == check::ReviewState::Dismissed
                           ? tr("dismissed: %1").arg(QString::fromStdString(it->second.reason))
                           : QString();
        const QStringList cells{severityText(f.severity),
                                ruleName(f.rule),
                                QString::fromStdString(check::placeText(f, chinese)),
                                QString::fromStdString(chinese ? f.messageZh : f.messageEn),
                                measure,
                                decision,
                                QString::fromStdString(f.rule),
                                QString::fromStdString(f.code)};
        const int row = table_->rowCount();
        table_->insertRow(row);
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(row, c, new QTableWidgetItem(cells[c]));
        table_->item(row, 0)->setIcon(style()->standardIcon(
            f.severity == check::Severity::Error     ? QStyle::SP_MessageBoxCritical
            : f.severity == check::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                     : QStyle::SP_MessageBoxInformation));
        table_->item(row, 0)->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(i));
        table_->item(row, MessageColumn)
            ->setToolTip(cells[MessageColumn] + QStringLiteral("\n\n") +
                         QString::fromStdString(f.basis));
        if (static_cast<int>(i) == previous)
            table_->setCurrentCell(row, 0);
    }
    // About eight Chinese characters at most, the rest of a long name elided.
    const int widest = fontMetrics().horizontalAdvance(QString(8, QChar(0x4E2D))) + 16;
    for (const int column : {RuleColumn, PlaceColumn}) {
        table_->resizeColumnToContents(column);
        table_->setColumnWidth(column, std::min(table_->columnWidth(column), widest));
    }
    showDetail();
}

QString CheckPanel::detailText() const {
    const auto index = currentFinding();
    if (!index)
        return {};
    const check::Finding& f = report_->findings[*index];
    const bool chinese = uiIsChinese();
    QString text = QStringLiteral("%1 · %2 · %3\n%4")
                       .arg(QString::fromStdString(f.id), ruleName(f.rule),
                            QString::fromStdString(check::placeText(f, chinese)),
                            QString::fromStdString(chinese ? f.messageZh : f.messageEn));
    if (f.measure)
        text +=
            "\n" + tr("Measure: %1").arg(QString::fromStdString(check::measureText(f, chinese)));
    if (!f.basis.empty())
        text += "\n" + tr("Basis: %1").arg(QString::fromStdString(f.basis));
    return text;
}

void CheckPanel::showDetail() {
    const QString text = detailText();
    detail_->setText(text);
    detail_->setVisible(!text.isEmpty());
    detailArea_->setVisible(!text.isEmpty());
    fitDetail();
}

std::optional<std::size_t> CheckPanel::currentFinding() const {
    const int row = table_->currentRow();
    if (!report_ || row < 0)
        return std::nullopt;
    return table_->item(row, 0)->data(Qt::UserRole).value<qulonglong>();
}

bool CheckPanel::review(std::size_t finding, check::ReviewState state, const QString& reason) {
    if (!report_ || finding >= report_->findings.size())
        return false;
    if (state == check::ReviewState::Dismissed && reason.trimmed().isEmpty())
        return false;
    InspectionState before = inspectionState(false);
    const std::string& id = report_->findings[finding].id;
    reviews_[id] = {state, reason.trimmed().toStdString(), inspector_.toStdString(), nowUtc()};
    pushEdit(state == check::ReviewState::Dismissed
                 ? tr("Dismiss %1").arg(QString::fromStdString(id))
                 : tr("Confirm %1").arg(QString::fromStdString(id)),
             std::move(before), false);
    showReport();
    emit reviewsChanged();
    return true;
}

InspectionState CheckPanel::inspectionState(bool withFindings) const {
    InspectionState s;
    if (withFindings && report_)
        s.findings = report_->findings;
    s.reviews = reviews_;
    s.checklist = checklist_;
    return s;
}

void CheckPanel::restore(const InspectionState& state) {
    if (!report_)
        return;
    if (state.findings)
        report_->findings = *state.findings;
    reviews_ = state.reviews;
    checklist_ = state.checklist;
    showWork();
}

void CheckPanel::showWork() {
    checklistView_->show(checklist_);
    fillFilters();
    showReport();
    emit reviewsChanged();
}

void CheckPanel::pushEdit(const QString& text, InspectionState before, bool findingsChanged) {
    InspectionState after = inspectionState(findingsChanged);
    undo_->push(new InspectionEdit(text, std::move(before), std::move(after),
                                   [this](const InspectionState& s) { restore(s); }));
}

void CheckPanel::carryFrom(const check::CheckReport& before, const check::FindingReviews& reviews,
                           const check::Checklist& checklist, bool unsaved) {
    check::CarriedInspection carried = check::carryInspection(before, reviews, checklist, *report_);
    reviews_ = std::move(carried.reviews);
    checklist_ = std::move(carried.checklist);
    carriedUnsaved_ = unsaved && carried.carried > 0;
    if (carried.carried == 0 && carried.droppedFindings.empty() && carried.droppedAnswers.empty())
        return;
    QStringList gone;
    for (const std::string& id : carried.droppedFindings)
        gone << QString::fromStdString(id);
    for (const std::string& clause : carried.droppedAnswers)
        gone << QString::fromStdString(clause);
    carryText_ = tr("Checked again: %n decision(s) and answer(s) kept", nullptr,
                    static_cast<int>(carried.carried));
    if (!gone.isEmpty())
        carryText_ += "; " + tr("no longer apply: %1").arg(gone.join(QStringLiteral(", ")));
}

void CheckPanel::openRun(check::ReviewedReport run, const QString& path, const QString& runId,
                         const QString& checkedAt, const QString& fileSha256) {
    if (isRunning())
        cancelCheck();
    report_ = std::move(run.report);
    reviews_ = std::move(run.reviews);
    checklist_ = std::move(run.checklist);
    runId_ = runId;
    checkedAt_ = checkedAt;
    fileSha256_ = fileSha256;
    checkedPath_ = path;
    const int index = dataset_->findData(path);
    if (index >= 0)
        dataset_->setCurrentIndex(index);
    undo_->clear();
    carryText_.clear();
    carriedUnsaved_ = false;
    error_.clear();
    progress_->setValue(0);
    showWork();
    emit unsavedWorkChanged();
    emit checkFinished();
}

bool CheckPanel::settingsShown() const {
    return !settings_->isHidden();
}

void CheckPanel::fitDetail() {
    // Whole up to a few lines (fewer on a short panel), then scrolled.
    const int lines = compact_ ? 3 : 6;
    const int needed = detail_->heightForWidth(detailArea_->viewport()->width());
    detailArea_->setFixedHeight(std::min(needed > 0 ? needed : detail_->sizeHint().height(),
                                         lines * detail_->fontMetrics().lineSpacing() + 8));
}

void CheckPanel::showSettings(bool shown) {
    settings_->setVisible(shown);
    settingsToggle_->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    if (settingsToggle_->isChecked() != shown)
        settingsToggle_->setChecked(shown);
}

void CheckPanel::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    const bool compact = height() < kCompactHeight;
    if (compact != compact_) { // fold on becoming short, unfold on becoming tall
        compact_ = compact;
        showSettings(!compact);
    }
    if (detailArea_->isVisible())
        fitDetail();
}

bool CheckPanel::hasUnsavedWork() const {
    return report_ && (!undo_->isClean() || carriedUnsaved_);
}

void CheckPanel::markSaved() {
    undo_->setClean();
    carriedUnsaved_ = false;
    emit unsavedWorkChanged();
}

void CheckPanel::addManualFinding(const check::ManualFindingInput& input,
                                  const std::vector<check::CodeInfo>& codes) {
    if (!report_)
        throw InputError("there is no check report: check the map first");
    InspectionState before = inspectionState(true);
    const check::Finding& added = check::addManualFinding(*report_, input, codes);
    reviews_[added.id] = {check::ReviewState::Confirmed, input.note, inspector_.toStdString(),
                          nowUtc()};
    pushEdit(tr("Mark %1 by hand").arg(QString::fromStdString(added.id)), std::move(before), true);
    const std::size_t index = report_->findings.size() - 1;
    fillFilters();
    showReport();
    for (int row = 0; row < table_->rowCount(); ++row)
        if (table_->item(row, 0)->data(Qt::UserRole).value<qulonglong>() == index)
            table_->setCurrentCell(row, 0);
    emit reviewsChanged();
}

void CheckPanel::showPage(int page) {
    pages_->setCurrentIndex(page);
}

bool CheckPanel::answerChecklist(const QString& clause, check::ChecklistAnswer answer,
                                 const QString& note) {
    if (!report_)
        return false;
    check::ChecklistAnswerInput in;
    in.clause = clause.toStdString();
    in.answer = answer;
    in.note = note.trimmed().toStdString();
    in.by = inspector_.toStdString();
    in.at = nowUtc();
    InspectionState before = inspectionState(true);
    try {
        check::answerChecklist(*report_, checklist_, in);
    } catch (const InputError& e) {
        error_ = errorText(e);
        checklistView_->show(checklist_);
        return false;
    }
    // A 不符合 is a finding the inspector made: confirmed, like one drawn by hand.
    for (const check::ChecklistItem& i : checklist_)
        if (i.clause == in.clause && !i.findingId.empty())
            reviews_[i.findingId] = {check::ReviewState::Confirmed, in.note, in.by, in.at};
    pushEdit(tr("Answer %1").arg(clause), std::move(before), true);
    showWork();
    return true;
}

void CheckPanel::dismissCurrent() {
    const auto f = currentFinding();
    if (!f)
        return;
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Dismiss finding"),
                              tr("Why is %1 not a problem? (kept with the record)")
                                  .arg(QString::fromStdString(report_->findings[*f].id)),
                              QLineEdit::Normal, QString(), &ok);
    if (ok && !review(*f, check::ReviewState::Dismissed, reason))
        QMessageBox::information(this, tr("Dismiss finding"),
                                 tr("A dismissed finding needs a reason."));
}

void CheckPanel::exportTo(const QString& path) {
    if (!report_)
        throw InputError("there is no check report to export yet");
    const std::filesystem::path target = path.toStdString();
    if (path.endsWith(".json", Qt::CaseInsensitive)) {
        writeFileAtomically(
            target, check::reviewedReportJson(*report_, reviews_, checklist_).dump(2) + "\n");
        markSaved(); // the decisions are in the file
    } else {
        check::writeFindingsLayer(*report_, target);
    }
}

void CheckPanel::chooseExport() {
    if (!report_)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export findings"), QFileInfo(checkedPath_).completeBaseName() + "-findings.gpkg",
        tr("Findings as GeoPackage (*.gpkg);;Findings as GeoJSON (*.geojson);;"
           "Check report with decisions (*.json)"));
    if (path.isEmpty())
        return;
    try {
        exportTo(path);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Export findings"), errorText(e));
    }
}

void CheckPanel::selectFinding(int row) {
    showDetail();
    if (!report_ || row < 0 || row >= table_->rowCount()) {
        emit findingSelected(std::size_t(-1));
        return;
    }
    emit findingSelected(table_->item(row, 0)->data(Qt::UserRole).value<qulonglong>());
}

} // namespace mapaudit::ui
