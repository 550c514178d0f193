// File ▸ Georeference image: control points placed by clicking a spot on the
// picture and then its true position — clicked on the map (snapped to a
// reference key point when one is near) or typed as lon/lat, decimal or
// 度分秒. Residuals and RMS follow every change; the points are saved and
// reloaded as GDAL/QGIS .points; the warp runs in the background.
#pragma once

#include "mapaudit/imagery/georeference.h"
#include "mapaudit/refpack/key_points.h"

#include <QDialog>
#include <QPointer>
#include <QThreadPool>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace mapaudit {
class Feedback;
}

namespace mapaudit::ui {

class ImagePointView;
class MapCanvas;

class GeorefDialog : public QDialog {
    Q_OBJECT
public:
    // Throws InputError when `image` cannot be read.
    GeorefDialog(const QString& image, MapCanvas* canvas, QWidget* parent = nullptr);
    ~GeorefDialog() override;

    struct Point {
        imagery::ControlPoint cp;
        bool placed = false; // its true position is known
    };
    const std::vector<Point>& points() const { return points_; }
    ImagePointView* imageView() const { return view_; }
    // A new point at an image pixel; it becomes the selected one.
    void addPoint(QPointF pixel);
    // The selected point's true position: from the map (view CRS, snapped when
    // asked and a key point is within reach) or typed.
    void placeFromMap(QPointF mapPosition);
    // False, with the cell marked, when the text is not an angle.
    bool setLonLat(int row, const QString& lon, const QString& lat);
    void selectPoint(int row);
    void setSnapping(bool on);
    // While on, a click on the map places the selected point.
    void setPlacingOnMap(bool on);
    void setTransform(imagery::Transform t);
    void setImageCrs(const QString& crs);
    void setTargetCrs(const QString& crs);
    // The fit of the placed, enabled points; nullopt (and the reason) when it cannot be made.
    const std::optional<imagery::Fit>& fit() const { return fit_; }
    QString fitProblem() const { return fitProblem_; }
    // Throws InputError.
    void savePoints(const QString& path) const;
    void loadPoints(const QString& path);
    // Starts the warp into `out`; warped(out) or failed(message) follows.
    void warpTo(const QString& out);
    bool isWarping() const { return feedback_ != nullptr; }

signals:
    void warped(QString path);
    void failed(QString message);

private:
    void refresh();
    void updateFit();
    std::vector<imagery::ControlPoint> placedPoints() const;
    imagery::GeoreferenceOptions options() const;
    void cellEdited(int row, int column);
    void pickOnMap(bool on);
    void chooseWarp();

    QString image_;
    QPointer<MapCanvas> canvas_; // the window's: it may go first when the window closes
    std::vector<refpack::KeyPoint> keyPoints_;
    std::vector<Point> points_;
    int selected_ = -1;
    int nextId_ = 1;
    std::optional<imagery::Fit> fit_;
    QString fitProblem_;
    ImagePointView* view_;
    QTableWidget* table_;
    QComboBox* transform_;
    QComboBox* imageCrs_;
    QComboBox* targetCrs_;
    QCheckBox* snap_;
    QPushButton* pick_;
    QLabel* rms_;
    QPushButton* warp_;
    std::shared_ptr<Feedback> feedback_;
    QThreadPool pool_; // last: destroyed first, waiting for the warp
};

} // namespace mapaudit::ui
