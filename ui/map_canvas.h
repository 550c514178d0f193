// The map canvas: shows the last rendered image at once and asks a worker for
// a new one whenever the view changes. Pan by drag or arrow keys, zoom by
// wheel or +/-.
#pragma once

#include "render_job.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

namespace mapaudit::ui {

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(QWidget* parent = nullptr);

    void setLayers(LayerList layers); // bottom first
    const LayerList& layers() const { return layers_; }
    const MapViewport& viewport() const { return view_; }
    void setViewport(const MapViewport& view);
    void zoomToExtent(const Extent& extent);
    void zoomToFullExtent();
    void zoomBy(double factor);
    Extent fullExtent() const;
    // Scale denominator at the centre of the view (CGCS2000 geographic view).
    double scaleDenominator() const;
    // The finished image for the current view and layers (null while rendering).
    QImage renderedImage() const { return isRendering() ? QImage() : image_; }
    // True from any change of view or layers until its image is finished.
    bool isRendering() const { return imageGeneration_ != requestedGeneration_; }

signals:
    void cursorMoved(QPointF mapPosition);
    void viewChanged();
    void renderFinished();

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void keyPressEvent(QKeyEvent*) override;

private:
    void scheduleRender();
    LayerList layers_;
    MapViewport view_;
    QImage image_;          // last finished render
    MapViewport imageView_; // the view it was rendered for
    // Each change asks for a new image; an image is current when it answers the latest request.
    quint64 requestedGeneration_ = 0;
    quint64 startedGeneration_ = 0;
    quint64 imageGeneration_ = 0;
    MapRenderer renderer_;
    QTimer debounce_;
    QPointF dragStart_;
    bool dragging_ = false;
};

} // namespace mapaudit::ui
