// MainWindow: the view — its CRS, the reference pack and its overlay, the
// bookmarks — and the status bar that describes it (cursor, scale,
// measurement, pack).
#include "application.h"
#include "check_panel.h"
#include "layer_tree_model.h"
#include "main_window.h"
#include "map_canvas.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/geodata/coordinate_format.h"
#include "mapaudit/refpack/reference_pack.h"
#include "reference_panel.h"

#include <QAction>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace mapaudit::ui {

void MainWindow::setViewCrs(const ViewCrs& crs) {
    if (crs.definition() == canvas_->crs().definition())
        return;
    std::optional<Extent> shown;
    if (canvas_->viewport().isValid()) {
        try {
            const Extent e = canvas_->viewport().extent();
            const QPointF a = canvas_->crs().toLonLat({e.minX, e.minY});
            const QPointF b = canvas_->crs().toLonLat({e.maxX, e.maxY});
            shown = Extent{a.x(), a.y(), b.x(), b.y()};
        } catch (const InputError&) {
            // the old view reached beyond the old CRS: show everything
        }
    }
    const QStringList paths = openPaths_;
    layerModel_->clearLayers();
    openPaths_.clear();
    canvas_->setCrs(crs);
    reprojectTo_ = shown;
    overlay_ = {};
    layerModel_->setReferenceLayers(overlay_.layers);
    updateOverlays();
    loadOverlay();
    highlightFinding(std::size_t(-1));
    crsLabel_->setText(crs.label());
    crsGeographicAction_->setChecked(crs.isGeographic());
    crsMercatorAction_->setChecked(crs.definition() == ViewCrs::webMercator().definition());
    crsGaussKrugerAction_->setChecked(!crs.isGeographic() &&
                                      crs.definition() != ViewCrs::webMercator().definition());
    if (paths.isEmpty()) {
        if (shown)
            canvas_->zoomToLonLat(*shown);
        reprojectTo_.reset();
    } else {
        openFiles(paths);
    }
}

// Opening verifies every layer digest (about a second): done off the UI thread.
void MainWindow::loadReferencePack() {
    auto* watcher = new QFutureWatcher<PackStatus>(this);
    connect(watcher, &QFutureWatcher<PackStatus>::finished, this, [this, watcher] {
        pack_ = watcher->result();
        watcher->deleteLater();
        showPackStatus();
        emit referencePackChecked();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, []() -> PackStatus {
        PackStatus st;
        st.loaded = true;
        try {
            const auto pack = refpack::ReferencePack::open(refpack::defaultPackPath(),
                                                           refpack::VerifyMode::MarkUnverified);
            const auto grade = pack.metadata().find("grade");
            st.id = QString::fromStdString(pack.id());
            st.version = QString::fromStdString(pack.version());
            st.digest = QString::fromStdString(pack.digest());
            st.path = QString::fromStdString(pack.path());
            st.grade =
                grade == pack.metadata().end() ? QString() : QString::fromStdString(grade->second);
            st.verified = pack.verified();
        } catch (const std::exception& e) {
            st.error = errorText(e);
        }
        return st;
    }));
}

void MainWindow::loadOverlay() {
    struct Outcome {
        std::optional<ReferenceOverlay> overlay;
        QString error;
    };
    const quint64 generation = ++overlayGeneration_;
    const std::string crs = canvas_->crs().definition();
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (generation != overlayGeneration_)
            return; // the CRS changed while it loaded
        if (!outcome.overlay) {
            statusBar()->showMessage(tr("Reference overlay not available: %1").arg(outcome.error));
            return;
        }
        overlay_ = std::move(*outcome.overlay);
        layerModel_->setReferenceLayers(overlay_.layers);
        referencePanel_->setBookmarks(overlay_.bookmarks);
        populateBookmarksMenu();
        updateOverlays();
        emit overlayLoaded();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [crs]() -> Outcome {
        try {
            return {loadReferenceOverlay(refpack::defaultPackPath(), crs), {}};
        } catch (const std::exception& e) {
            return {std::nullopt, errorText(e)};
        }
    }));
}

void MainWindow::updateOverlays() {
    LayerList shown;
    for (std::size_t i = 0; i < kReferenceItemCount; ++i)
        if (overlay_.layers[i] && referencePanel_->isShown(static_cast<ReferenceItem>(i)))
            shown.push_back(overlay_.layers[i]);
    canvas_->setOverlays(std::move(shown));
}

QString MainWindow::referencePackBadge() const {
    return packLabel_->text();
}

void MainWindow::showPackStatus() {
    if (!pack_.loaded) {
        packLabel_->clear();
        return;
    }
    if (!pack_.error.isEmpty()) {
        packLabel_->setText(tr("Reference pack: not available"));
        packLabel_->setToolTip(pack_.error);
        return;
    }
    const QString grade = pack_.grade == "demonstration"
                              ? tr("demonstration grade, not an official standard map")
                              : pack_.grade;
    packLabel_->setText(tr("Reference: %1 %2 (%3; %4)")
                            .arg(pack_.id, pack_.version, grade,
                                 pack_.verified ? tr("verified") : tr("UNVERIFIED")));
    packLabel_->setToolTip(tr("%1\nSHA-256 %2").arg(pack_.path, pack_.digest));
}

void MainWindow::populateBookmarksMenu() {
    bookmarksMenu_->clear();
    for (const Bookmark& b : overlay_.bookmarks) {
        const Extent e = b.lonLat;
        bookmarksMenu_->addAction(uiIsChinese() ? b.labelZh : b.labelEn, this,
                                  [this, e] { canvas_->zoomToLonLat(e); });
    }
    bookmarksMenu_->setEnabled(!overlay_.bookmarks.empty());
}

QString MainWindow::cursorText() const {
    return cursorLabel_->text();
}

void MainWindow::showCursor(QPointF map) {
    QPointF ll;
    try {
        ll = canvas_->crs().toLonLat(map);
    } catch (const InputError&) {
        cursorLabel_->clear();
        return;
    }
    QString text = QStringLiteral("%1   %2 %3")
                       .arg(QString::fromStdString(formatLonLat(ll.x(), ll.y())),
                            QString::fromStdString(formatDms(ll.x(), false)),
                            QString::fromStdString(formatDms(ll.y(), true)));
    if (!canvas_->crs().isGeographic())
        text += QStringLiteral("   x %1  y %2").arg(map.x(), 0, 'f', 1).arg(map.y(), 0, 'f', 1);
    cursorLabel_->setText(text);
}

void MainWindow::showScale() {
    const double d = canvas_->scaleDenominator();
    scaleLabel_->setText(d > 0 ? tr("Scale %1").arg(QString::fromStdString(formatScale(d)))
                               : QString());
}

void MainWindow::showMeasurement() {
    const auto tool = canvas_->tool();
    if (canvas_->measurePoints().size() < 2 ||
        (tool != MapCanvas::Tool::MeasureDistance && tool != MapCanvas::Tool::MeasureArea)) {
        measureLabel_->clear();
        return;
    }
    const double km = canvas_->measuredLength() / 1000.0;
    if (tool == MapCanvas::Tool::MeasureDistance)
        measureLabel_->setText(tr("Distance %1 km").arg(km, 0, 'f', 3));
    else
        measureLabel_->setText(tr("Area %1 km², perimeter %2 km")
                                   .arg(canvas_->measuredArea() / 1e6, 0, 'f', 3)
                                   .arg(km, 0, 'f', 3));
}

} // namespace mapaudit::ui
