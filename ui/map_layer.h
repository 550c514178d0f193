// Layers the canvas can draw. A layer's data is immutable once loaded, so a
// render job in a worker thread can read it while the UI keeps going.
#pragma once

#include "map_viewport.h"
#include "mapaudit/render/drawable_layer.h"

#include <QColor>
#include <QPainter>
#include <QString>
#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace mapaudit::ui {

struct LayerStyle {
    QColor fill{240, 226, 196};
    Qt::BrushStyle fillPattern = Qt::SolidPattern; // Qt::NoBrush: outline only
    QColor stroke{120, 100, 80};
    double strokeWidth = 0.8;
    QList<qreal> dashPattern; // empty: solid line
    QColor halo;              // drawn wider under the line when valid (boundary symbols)
    double pointSize = 6;
    double opacity = 1.0;
    bool labels = true;
    QColor labelColour{40, 40, 40};
};

class MapLayer {
public:
    virtual ~MapLayer() = default;
    virtual QString name() const = 0;
    virtual Extent extent() const = 0;
    // Draws into `painter` (sized as the viewport); checks `cancel` often.
    virtual void render(QPainter& painter, const MapViewport& view,
                        const std::atomic<bool>& cancel) const = 0;
    // Shown in the layer list's tooltip: source, CRS, counts.
    virtual QString description() const = 0;
    // The feature drawn at `map` (within `tolerance` map units of a line or
    // point), topmost first; nullopt when none or for rasters.
    virtual std::optional<std::int64_t> featureAt(QPointF map, double tolerance) const {
        (void)map, (void)tolerance;
        return std::nullopt;
    }
};

class VectorMapLayer : public MapLayer {
public:
    VectorMapLayer(DrawableLayer data, LayerStyle style);
    // The same data drawn another way (the data is shared, not copied).
    std::shared_ptr<VectorMapLayer> restyled(LayerStyle style) const;
    QString name() const override;
    Extent extent() const override { return data_->extent; }
    void render(QPainter& painter, const MapViewport& view,
                const std::atomic<bool>& cancel) const override;
    QString description() const override;
    std::optional<std::int64_t> featureAt(QPointF map, double tolerance) const override;
    const DrawableLayer& data() const { return *data_; }
    const LayerStyle& style() const { return style_; }

private:
    VectorMapLayer(std::shared_ptr<const DrawableLayer> data, LayerStyle style);
    std::shared_ptr<const DrawableLayer> data_;
    LayerStyle style_;
};

// Layers drawn together and laid over the map with one opacity, and only left
// of a swipe line (a share of the view's width) — to compare a picture of a
// map with the reference.
class LayerGroup : public MapLayer {
public:
    LayerGroup(std::vector<std::shared_ptr<const MapLayer>> layers, double opacity, double swipe)
        : layers_(std::move(layers)), opacity_(opacity), swipe_(swipe) {}
    QString name() const override { return QStringLiteral("group"); }
    Extent extent() const override;
    void render(QPainter& painter, const MapViewport& view,
                const std::atomic<bool>& cancel) const override;
    QString description() const override { return name(); }

private:
    std::vector<std::shared_ptr<const MapLayer>> layers_;
    double opacity_, swipe_;
};

class RasterMapLayer : public MapLayer {
public:
    RasterMapLayer(std::filesystem::path path, std::string viewCrs);
    QString name() const override;
    Extent extent() const override { return extent_; }
    void render(QPainter& painter, const MapViewport& view,
                const std::atomic<bool>& cancel) const override;
    QString description() const override;

private:
    std::filesystem::path path_;
    std::string viewCrs_;
    Extent extent_;
};

} // namespace mapaudit::ui
