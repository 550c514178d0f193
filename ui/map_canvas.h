// The map canvas: shows the last rendered image at once and asks a worker for
// a new one whenever the view changes (partial images appear as layers
// finish). Pan by drag or arrow keys, zoom by wheel, +/- or a box (Shift+drag
// or the zoom-box tool); identify and measure tools; scale bar and north arrow.
#pragma once

#include "render_job.h"
#include "view_crs.h"

#include <QImage>
#include <QTimer>
#include <QWidget>
#include <memory>

namespace mapaudit::ui {

class MapTool;

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    // The tools by name (each a class, map_tools.h). Sketch tools draw a
    // finding's geometry by hand (a click; clicks ended by a double click);
    // Pick reports one clicked position.
    enum class Tool {
        Pan,
        ZoomBox,
        Identify,
        MeasureDistance,
        MeasureArea,
        SketchPoint,
        SketchLine,
        SketchArea,
        Pick
    };

    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    void setLayers(LayerList layers); // bottom first
    const LayerList& layers() const { return layers_; }
    // Drawn over the layers: the reference pack, then the highlighted finding.
    void setOverlays(LayerList overlays);
    void setHighlight(std::shared_ptr<const MapLayer> highlight);
    // How the overlays lie over the map: opacity 0-1, and shown only left of
    // a swipe line at `swipe` × the width (1: everywhere).
    void setOverlayAppearance(double opacity, double swipe);
    const ViewCrs& crs() const { return crs_; }
    // Layers must already be in `crs`; the view keeps showing the same place.
    void setCrs(const ViewCrs& crs);
    const MapViewport& viewport() const { return view_; }
    void setViewport(const MapViewport& view);
    void zoomToExtent(const Extent& extent);
    void zoomToLonLat(const Extent& lonLat);
    void zoomToFullExtent();
    void zoomBy(double factor);
    Extent fullExtent() const;
    // On the ground at the view's centre; 0 when unknown.
    double metresPerPixel() const;
    // Scale denominator at the centre of the view.
    double scaleDenominator() const;
    // The finished image for the current view and layers (null while rendering).
    QImage renderedImage() const { return isRendering() ? QImage() : image_; }
    // True from any change of view or layers until its image is finished.
    bool isRendering() const { return imageGeneration_ != requestedGeneration_; }
    // The canvas as shown, with scale bar and north arrow (for evidence and reports).
    QImage snapshot();

    Tool tool() const { return tool_; }
    void setTool(Tool tool);
    const MapTool& toolObject() const { return *toolObject_; }
    // The measured or sketched path (map coordinates), its length in metres and, for the
    // area tool, the enclosed area in square metres (on the ellipsoid).
    const QList<QPointF>& measurePoints() const;
    double measuredLength() const;
    double measuredArea() const;
    void clearMeasurement();

signals:
    void cursorMoved(QPointF mapPosition);
    // The mouse has left the map: no position to show.
    void cursorLeft();
    void viewChanged();
    void renderFinished();
    void identifyRequested(QPointF mapPosition, double toleranceMapUnits);
    void measurementChanged();
    // A sketch is finished: its points in map coordinates (one for a point).
    void sketchFinished(QList<QPointF> mapPoints);
    void pointPicked(QPointF mapPosition);

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void leaveEvent(QEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;
    void keyPressEvent(QKeyEvent*) override;

private:
    void scheduleRender();
    std::vector<XY> measureLonLat() const;

    LayerList layers_, overlays_;
    std::shared_ptr<const MapLayer> highlight_;
    double overlayOpacity_ = 1.0, swipe_ = 1.0;
    ViewCrs crs_ = ViewCrs::geographic();
    MapViewport view_;
    QImage image_;          // last finished (or partial) render
    MapViewport imageView_; // the view it was rendered for
    // Each change asks for a new image; an image is current when it answers the latest request.
    quint64 requestedGeneration_ = 0;
    quint64 startedGeneration_ = 0;
    quint64 imageGeneration_ = 0;
    MapRenderer renderer_;
    QTimer debounce_;
    Tool tool_ = Tool::Pan;
    std::unique_ptr<MapTool> toolObject_;
};

} // namespace mapaudit::ui
