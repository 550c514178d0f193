// A picture being georeferenced: shown whole to begin with, zoomed by the
// wheel about the cursor and panned with the right or middle button. A left
// click reports the image pixel under it (full resolution); the control
// points are drawn over the picture with their ids.
#pragma once

#include <QImage>
#include <QList>
#include <QWidget>

namespace mapaudit::ui {

class ImagePointView : public QWidget {
    Q_OBJECT
public:
    struct Marker {
        QString id;
        QPointF pixel;       // of the full image
        bool placed = false; // has its true position
        bool selected = false;
    };

    explicit ImagePointView(QWidget* parent = nullptr);
    // `preview` shows an image of `fullSize` pixels.
    void setImage(QImage preview, QSize fullSize);
    void setMarkers(QList<Marker> markers);
    // Widget position of a full-resolution image pixel, and back.
    QPointF toWidget(QPointF pixel) const;
    QPointF toPixel(QPointF widget) const;
    void zoomAt(QPointF widget, double factor);
    void showWhole();

signals:
    void pixelClicked(QPointF pixel);

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;

private:
    QImage preview_;
    QSize fullSize_;
    QList<Marker> markers_;
    double scale_ = 1; // widget pixels per full-image pixel
    QPointF origin_;   // widget position of the image's top-left corner
    QPointF dragFrom_;
    bool dragging_ = false, shownWhole_ = true;
};

} // namespace mapaudit::ui
