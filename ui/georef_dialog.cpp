#include "georef_dialog.h"

#include "application.h"
#include "image_point_view.h"
#include "map_canvas.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/coordinate_format.h"
#include "mapaudit/imagery/image_preview.h"
#include "mapaudit/refpack/reference_pack.h"
#include "progress_job.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace mapaudit::ui {
namespace {

enum Column { Enabled, Id, Pixel, Line, Lon, Lat, Residual, ColumnCount };
constexpr int kPreviewSide = 3000;
constexpr double kSnapPx = 12; // a click this close to a key point lands on it
// The usual projection of China wall maps: Albers equal-area, 25°N/47°N, 105°E.
constexpr const char* kChinaAlbers =
    "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +ellps=GRS80 +units=m +no_defs";

QImage toQImage(const imagery::ImagePreview& p) {
    QImage image(p.width, p.height, QImage::Format_RGB888);
    for (int y = 0; y < p.height; ++y)
        std::copy_n(p.rgb.data() + static_cast<std::size_t>(y) * p.width * 3, p.width * 3,
                    image.scanLine(y));
    return image;
}

} // namespace

GeorefDialog::GeorefDialog(const QString& image, MapCanvas* canvas, QWidget* parent)
    : QDialog(parent), image_(image), canvas_(canvas), view_(new ImagePointView),
      table_(new QTableWidget(0, ColumnCount)), transform_(new QComboBox), imageCrs_(new QComboBox),
      targetCrs_(new QComboBox), snap_(new QCheckBox), pick_(new QPushButton), rms_(new QLabel),
      warp_(new QPushButton) {
    setWindowTitle(tr("Georeference %1").arg(QFileInfo(image).fileName()));
    const auto preview = imagery::readPreview(image.toStdString(), kPreviewSide);
    view_->setImage(toQImage(preview), QSize(preview.fullWidth, preview.fullHeight));
    keyPoints_ = refpack::keyPoints(refpack::ReferencePack::open(
        refpack::defaultPackPath(), refpack::VerifyMode::MarkUnverified));

    table_->setHorizontalHeaderLabels({tr("On"), tr("Id"), tr("Column"), tr("Row"), tr("Longitude"),
                                       tr("Latitude"), tr("Residual (px)")});
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    transform_->addItem(tr("automatic (by point count)"),
                        static_cast<int>(imagery::Transform::Auto));
    transform_->addItem(tr("affine (polynomial 1)"), static_cast<int>(imagery::Transform::Poly1));
    transform_->addItem(tr("polynomial 2"), static_cast<int>(imagery::Transform::Poly2));
    transform_->addItem(tr("polynomial 3"), static_cast<int>(imagery::Transform::Poly3));
    transform_->addItem(tr("thin plate spline"), static_cast<int>(imagery::Transform::Tps));
    imageCrs_->setEditable(true);
    imageCrs_->addItem(tr("longitude/latitude"), QString());
    imageCrs_->addItem(tr("China wall map (Albers 25°N/47°N, 105°E)"), QString(kChinaAlbers));
    imageCrs_->setToolTip(tr("The projection the picture was drawn in; or type a PROJ string "
                             "or EPSG code"));
    targetCrs_->addItem(tr("CGCS2000 longitude/latitude (EPSG:4490)"), "EPSG:4490");
    targetCrs_->addItem(tr("Web Mercator (EPSG:3857)"), "EPSG:3857");
    snap_->setText(tr("Snap to reference key points"));
    snap_->setChecked(true);
    pick_->setText(tr("Place on the map"));
    pick_->setCheckable(true);
    pick_->setToolTip(tr("After clicking a spot on the picture, click its true position on the "
                         "map (with the reference shown)"));
    auto* load = new QPushButton(tr("Load points…"));
    auto* save = new QPushButton(tr("Save points…"));
    auto* remove = new QPushButton(tr("Delete point"));
    warp_->setText(tr("Warp…"));

    auto* settings = new QFormLayout;
    settings->addRow(tr("Transform"), transform_);
    settings->addRow(tr("Picture's projection"), imageCrs_);
    settings->addRow(tr("Result"), targetCrs_);
    auto* placing = new QHBoxLayout;
    placing->addWidget(pick_);
    placing->addWidget(snap_);
    auto* files = new QHBoxLayout;
    for (auto* b : {load, save, remove, warp_})
        files->addWidget(b);
    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->addWidget(new QLabel(tr("Click a spot on the picture, then its true position "
                                        "on the map, or type its longitude and latitude.")));
    sideLayout->itemAt(0)->widget()->setProperty("wordWrap", true);
    sideLayout->addLayout(placing);
    sideLayout->addWidget(table_, 1);
    sideLayout->addWidget(rms_);
    sideLayout->addLayout(settings);
    sideLayout->addLayout(files);
    auto* split = new QSplitter;
    split->addWidget(view_);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    resize(1200, 720);

    connect(view_, &ImagePointView::pixelClicked, this, &GeorefDialog::addPoint);
    connect(table_, &QTableWidget::cellChanged, this, &GeorefDialog::cellEdited);
    connect(table_, &QTableWidget::currentCellChanged, this, [this](int row, int, int, int) {
        if (row >= 0 && row != selected_) {
            selected_ = row;
            refresh();
        }
    });
    connect(transform_, &QComboBox::currentIndexChanged, this, &GeorefDialog::updateFit);
    connect(imageCrs_, &QComboBox::currentTextChanged, this, &GeorefDialog::updateFit);
    connect(pick_, &QPushButton::toggled, this, &GeorefDialog::pickOnMap);
    connect(canvas_, &MapCanvas::pointPicked, this, [this](QPointF map) {
        if (pick_->isChecked())
            placeFromMap(map);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (selected_ < 0 || selected_ >= static_cast<int>(points_.size()))
            return;
        points_.erase(points_.begin() + selected_);
        selected_ = std::min(selected_, static_cast<int>(points_.size()) - 1);
        updateFit();
    });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Load points"), QFileInfo(image_).absolutePath(),
                                         tr("Control points (*.points *.csv *.vrt)"));
        if (path.isEmpty())
            return;
        try {
            loadPoints(path);
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Load points"), errorText(e));
        }
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save points"), image_ + ".points",
            tr("Control points (*.points);;GDAL VRT with the points as GCPs (*.vrt)"));
        if (path.isEmpty())
            return;
        try {
            savePoints(path);
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Save points"), errorText(e));
        }
    });
    connect(warp_, &QPushButton::clicked, this, &GeorefDialog::chooseWarp);
    updateFit();
}

GeorefDialog::~GeorefDialog() {
    if (feedback_)
        feedback_->cancel();
    if (pick_->isChecked() && canvas_)
        canvas_->setTool(MapCanvas::Tool::Pan);
}

void GeorefDialog::addPoint(QPointF pixel) {
    Point p;
    p.cp.id = "P" + std::to_string(nextId_++);
    p.cp.pixel = pixel.x();
    p.cp.line = pixel.y();
    points_.push_back(p);
    selected_ = static_cast<int>(points_.size()) - 1;
    updateFit();
}

void GeorefDialog::selectPoint(int row) {
    selected_ = row;
    refresh();
}

void GeorefDialog::placeFromMap(QPointF mapPosition) {
    if (!canvas_ || selected_ < 0 || selected_ >= static_cast<int>(points_.size()))
        return;
    QPointF lonLat;
    try {
        lonLat = canvas_->crs().toLonLat(mapPosition);
    } catch (const InputError&) {
        return; // outside the view CRS's area
    }
    if (snap_->isChecked()) {
        const QPointF clicked = canvas_->viewport().toPixel(mapPosition);
        double best = kSnapPx;
        for (const auto& k : keyPoints_) {
            try {
                const QPointF at =
                    canvas_->viewport().toPixel(canvas_->crs().fromLonLat({k.lon, k.lat}));
                const double d = std::hypot(at.x() - clicked.x(), at.y() - clicked.y());
                if (d <= best) {
                    best = d;
                    lonLat = {k.lon, k.lat};
                }
            } catch (const InputError&) {
            }
        }
    }
    Point& p = points_[static_cast<std::size_t>(selected_)];
    p.cp.x = lonLat.x();
    p.cp.y = lonLat.y();
    p.placed = true;
    updateFit();
}

bool GeorefDialog::setLonLat(int row, const QString& lon, const QString& lat) {
    if (row < 0 || row >= static_cast<int>(points_.size()))
        return false;
    const auto x = parseAngle(lon.trimmed().toStdString());
    const auto y = parseAngle(lat.trimmed().toStdString());
    const bool ok = x && y && std::abs(*x) <= 180 && std::abs(*y) <= 90;
    if (ok) {
        Point& p = points_[static_cast<std::size_t>(row)];
        p.cp.x = *x;
        p.cp.y = *y;
        p.placed = true;
        updateFit();
    } else {
        const QSignalBlocker block(table_);
        for (int c : {Lon, Lat})
            if (QTableWidgetItem* item = table_->item(row, c))
                item->setBackground(QColor(255, 210, 210));
        rms_->setText(tr("Row %1: '%2, %3' is not a longitude and latitude (e.g. 116.39 or "
                         "116°23'24\"E)")
                          .arg(row + 1)
                          .arg(lon, lat));
    }
    return ok;
}

void GeorefDialog::cellEdited(int row, int column) {
    if (row < 0 || row >= static_cast<int>(points_.size()))
        return;
    if (column == Enabled) {
        points_[static_cast<std::size_t>(row)].cp.enabled =
            table_->item(row, Enabled)->checkState() == Qt::Checked;
        updateFit();
    } else if (column == Lon || column == Lat) {
        const QString lon = table_->item(row, Lon)->text(), lat = table_->item(row, Lat)->text();
        if (!lon.trimmed().isEmpty() && !lat.trimmed().isEmpty())
            setLonLat(row, lon, lat);
    }
}

void GeorefDialog::setSnapping(bool on) {
    snap_->setChecked(on);
}

void GeorefDialog::setPlacingOnMap(bool on) {
    pick_->setChecked(on);
}

void GeorefDialog::setTransform(imagery::Transform t) {
    transform_->setCurrentIndex(transform_->findData(static_cast<int>(t)));
}

void GeorefDialog::setImageCrs(const QString& crs) {
    const int known = imageCrs_->findData(crs);
    if (known >= 0)
        imageCrs_->setCurrentIndex(known);
    else
        imageCrs_->setEditText(crs);
}

void GeorefDialog::setTargetCrs(const QString& crs) {
    targetCrs_->setCurrentIndex(std::max(0, targetCrs_->findData(crs)));
}

std::vector<imagery::ControlPoint> GeorefDialog::placedPoints() const {
    std::vector<imagery::ControlPoint> out;
    for (const Point& p : points_)
        if (p.placed)
            out.push_back(p.cp);
    return out;
}

imagery::GeoreferenceOptions GeorefDialog::options() const {
    imagery::GeoreferenceOptions o;
    o.transform = static_cast<imagery::Transform>(transform_->currentData().toInt());
    // A chosen entry carries its PROJ string; typed text is the CRS itself.
    const int chosen = imageCrs_->findText(imageCrs_->currentText());
    o.imageCrs =
        (chosen >= 0 ? imageCrs_->itemData(chosen).toString() : imageCrs_->currentText().trimmed())
            .toStdString();
    o.targetCrs = targetCrs_->currentData().toString().toStdString();
    return o;
}

void GeorefDialog::updateFit() {
    fit_.reset();
    fitProblem_.clear();
    try {
        fit_ = imagery::fitControlPoints(placedPoints(), options());
    } catch (const InputError& e) {
        fitProblem_ = errorText(e);
    }
    refresh();
}

void GeorefDialog::refresh() {
    const QSignalBlocker block(table_);
    table_->setRowCount(static_cast<int>(points_.size()));
    std::size_t residual = 0; // residuals follow the placed, enabled points in order
    QList<ImagePointView::Marker> markers;
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const Point& p = points_[i];
        const int row = static_cast<int>(i);
        QString residualText;
        if (p.placed && p.cp.enabled && fit_ && residual < fit_->residualsPx.size())
            residualText = QString::number(fit_->residualsPx[residual++], 'f', 2);
        const QStringList cells{QString(),
                                QString::fromStdString(p.cp.id),
                                QString::number(p.cp.pixel, 'f', 1),
                                QString::number(p.cp.line, 'f', 1),
                                p.placed ? QString::number(p.cp.x, 'f', 6) : QString(),
                                p.placed ? QString::number(p.cp.y, 'f', 6) : QString(),
                                residualText};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c != Lon && c != Lat)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            table_->setItem(row, c, item);
        }
        table_->item(row, Enabled)->setCheckState(p.cp.enabled ? Qt::Checked : Qt::Unchecked);
        markers.append({QString::fromStdString(p.cp.id), QPointF(p.cp.pixel, p.cp.line), p.placed,
                        row == selected_});
    }
    if (selected_ >= 0 && selected_ < table_->rowCount())
        table_->selectRow(selected_);
    table_->resizeColumnsToContents();
    view_->setMarkers(markers);
    if (fit_)
        rms_->setText(tr("%1: RMS %2 px%3")
                          .arg(imagery::transformName(fit_->transform))
                          .arg(fit_->rmsPx, 0, 'f', 2)
                          .arg(fit_->leaveOneOut ? tr(" (each point predicted from the others)")
                                                 : QString()));
    else
        rms_->setText(
            fitProblem_.contains("needs at least")
                ? tr("Place at least %1 points to fit (%2 placed).")
                      .arg(imagery::minimumPoints(options().transform == imagery::Transform::Auto
                                                      ? imagery::Transform::Poly1
                                                      : options().transform))
                      .arg(placedPoints().size())
                : fitProblem_);
    warp_->setEnabled(fit_.has_value() && !isWarping());
}

void GeorefDialog::pickOnMap(bool on) {
    if (canvas_)
        canvas_->setTool(on ? MapCanvas::Tool::Pick : MapCanvas::Tool::Pan);
}

void GeorefDialog::savePoints(const QString& path) const {
    std::vector<imagery::ControlPoint> placed = placedPoints();
    if (placed.empty())
        throw InputError(tr("no point has its true position yet").toStdString());
    if (path.endsWith(".vrt", Qt::CaseInsensitive))
        imagery::writeControlPointsVrt(image_.toStdString(), placed, path.toStdString());
    else
        imagery::writeControlPoints(placed, path.toStdString());
}

void GeorefDialog::loadPoints(const QString& path) {
    const auto loaded = imagery::readControlPoints(path.toStdString());
    points_.clear();
    for (const auto& cp : loaded)
        points_.push_back({cp, true});
    nextId_ = static_cast<int>(points_.size()) + 1;
    selected_ = points_.empty() ? -1 : 0;
    updateFit();
}

void GeorefDialog::chooseWarp() {
    const QString out =
        QFileDialog::getSaveFileName(this, tr("Warp"),
                                     QFileInfo(image_).absolutePath() + "/" +
                                         QFileInfo(image_).completeBaseName() + "-georef.tif",
                                     tr("GeoTIFF (*.tif)"));
    if (!out.isEmpty())
        warpTo(out);
}

void GeorefDialog::warpTo(const QString& out) {
    if (isWarping() || !fit_)
        return;
    auto feedback = std::make_shared<Feedback>();
    feedback_ = feedback;
    warp_->setEnabled(false);
    const std::string image = image_.toStdString(), target = out.toStdString();
    const auto points = placedPoints();
    const auto opts = options();
    runWithProgress(
        this, pool_, tr("Warping %1…").arg(QFileInfo(image_).fileName()), feedback,
        [=](Feedback* f) { imagery::georeference(image, points, opts, target, f); },
        tr("The warp was canceled; nothing was written."),
        [this, out](const QString& error) {
            feedback_.reset();
            refresh();
            if (error.isEmpty())
                emit warped(out);
            else
                emit failed(error);
        });
}

} // namespace mapaudit::ui
