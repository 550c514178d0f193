#include "check_panel.h"

#include "mapaudit/error.h"
#include "mapaudit/feedback.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/text_util.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <ogr_geometry.h>

namespace mapaudit::ui {
namespace {

struct Outcome {
    std::optional<check::CheckReport> report;
    QString error;
    bool canceled = false;
};

std::optional<Extent> extentOfWkt(const std::string& wkt) {
    OGRGeometry* g = nullptr;
    if (wkt.empty() || OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) != OGRERR_NONE)
        return std::nullopt;
    OGREnvelope env;
    g->getEnvelope(&env);
    OGRGeometryFactory::destroyGeometry(g);
    return Extent{env.MinX, env.MinY, env.MaxX, env.MaxY};
}

} // namespace

CheckPanel::CheckPanel(QWidget* parent)
    : QWidget(parent), dataset_(new QComboBox), scale_(new QLineEdit), countryField_(new QLineEdit),
      chinaValue_(new QLineEdit), run_(new QPushButton), cancel_(new QPushButton),
      progress_(new QProgressBar), summary_(new QLabel), table_(new QTableWidget(0, 5)),
      datasetLabel_(new QLabel), scaleLabel_(new QLabel), fieldLabel_(new QLabel),
      valueLabel_(new QLabel) {
    auto* form = new QFormLayout;
    form->addRow(datasetLabel_, dataset_);
    form->addRow(scaleLabel_, scale_);
    form->addRow(fieldLabel_, countryField_);
    form->addRow(valueLabel_, chinaValue_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    buttons->addWidget(progress_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    summary_->setWordWrap(true);
    progress_->setRange(0, 100);
    progress_->setValue(0);
    cancel_->setEnabled(false);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    connect(run_, &QPushButton::clicked, this, &CheckPanel::runCheck);
    connect(cancel_, &QPushButton::clicked, this, &CheckPanel::cancelCheck);
    connect(table_, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { selectFinding(row); });
    retranslateUi();
}

CheckPanel::~CheckPanel() {
    if (feedback_)
        feedback_->cancel();
}

void CheckPanel::retranslateUi() {
    datasetLabel_->setText(tr("Map"));
    scaleLabel_->setText(tr("Scale"));
    scale_->setPlaceholderText(tr("estimated, or e.g. 1:1000000"));
    fieldLabel_->setText(tr("Country field"));
    countryField_->setPlaceholderText(tr("detected"));
    valueLabel_->setText(tr("China value"));
    chinaValue_->setPlaceholderText(tr("detected"));
    run_->setText(tr("Check"));
    cancel_->setText(tr("Cancel"));
    table_->setHorizontalHeaderLabels(
        {tr("Severity"), tr("Rule"), tr("Region"), tr("Finding"), tr("Measure")});
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

check::CheckOptions CheckPanel::options() const {
    check::CheckOptions o;
    o.scale = check::parseScale(scale_->text().trimmed().toStdString());
    o.countryField = countryField_->text().trimmed().toStdString();
    o.chinaValue = chinaValue_->text().trimmed().toStdString();
    return o;
}

void CheckPanel::runCheck() {
    if (isRunning() || dataset_->currentIndex() < 0)
        return;
    if (!scale_->text().trimmed().isEmpty() &&
        !check::parseScale(scale_->text().trimmed().toStdString())) {
        error_ = tr("The scale must look like 1:1000000.");
        report_.reset();
        showReport();
        return;
    }
    const std::string path = dataset_->currentData().toString().toStdString();
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
        report_ = std::move(outcome.report);
        error_ = outcome.canceled ? tr("The check was canceled.") : outcome.error;
        showReport();
        emit checkFinished();
    });
    watcher->setFuture(QtConcurrent::run([path, opts, feedback]() -> Outcome {
        try {
            // GDAL datasets are not shared between threads: this check's own pack.
            const auto pack = refpack::ReferencePack::open(refpack::defaultPackPath(),
                                                           refpack::VerifyMode::MarkUnverified);
            return {check::checkDataset(path, pack, opts, feedback.get()), {}, false};
        } catch (const Canceled&) {
            return {std::nullopt, {}, true};
        } catch (const std::exception& e) {
            return {std::nullopt, QString::fromStdString(e.what()), false};
        }
    }));
}

void CheckPanel::cancelCheck() {
    if (feedback_)
        feedback_->cancel();
}

void CheckPanel::showReport() {
    table_->setRowCount(0);
    if (!report_) {
        summary_->setText(error_);
        return;
    }
    const check::CheckReport& r = *report_;
    // The findings carry both languages; show the one the UI speaks.
    const bool chinese = tr("Check") != "Check";
    summary_->setText((r.isProblem() ? tr("Problem map: %1 findings") : tr("Passed: %1 findings"))
                          .arg(r.findings.size()) +
                      " · " +
                      tr("scale 1:%1%2, tolerance %3 km")
                          .arg(static_cast<qlonglong>(r.scaleDenominator))
                          .arg(r.scaleEstimated ? tr(" (estimated)") : QString())
                          .arg(QString::fromStdString(oneDecimal(r.toleranceKm))));
    table_->setRowCount(static_cast<int>(r.findings.size()));
    for (int i = 0; i < table_->rowCount(); ++i) {
        const check::Finding& f = r.findings[static_cast<std::size_t>(i)];
        const QString severity = f.severity == check::Severity::Error     ? tr("error")
                                 : f.severity == check::Severity::Warning ? tr("warning")
                                                                          : tr("info");
        const QString measure =
            f.measure ? QString::fromStdString(oneDecimal(*f.measure) + " " +
                                               (f.measureUnit == "km2" ? "km²" : f.measureUnit))
                      : QString();
        const QStringList cells{
            severity, QString::fromStdString(f.rule), QString::fromStdString(f.code),
            QString::fromStdString(chinese ? f.messageZh : f.messageEn), measure};
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(i, c, new QTableWidgetItem(cells[c]));
        table_->item(i, 3)->setToolTip(QString::fromStdString(f.basis));
    }
    table_->resizeColumnsToContents();
}

void CheckPanel::selectFinding(int row) {
    if (!report_ || row < 0 || row >= static_cast<int>(report_->findings.size()))
        return;
    if (auto extent = extentOfWkt(report_->findings[static_cast<std::size_t>(row)].geometryWkt))
        emit findingSelected(*extent);
}

} // namespace mapaudit::ui
