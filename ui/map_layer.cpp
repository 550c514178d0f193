#include "map_layer.h"

#include "mapaudit/render/raster_window.h"

#include <QFileInfo>
#include <QImage>
#include <QLineF>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <optional>

namespace mapaudit::ui {
namespace {

// Level of detail: vertices closer than this many pixels to the last kept one
// are skipped, so layers with millions of vertices stay interactive.
constexpr double kMinVertexSpacingPx = 0.6;

QPolygonF toScreen(const std::vector<XY>& pts, const MapViewport& view) {
    QPolygonF out;
    out.reserve(static_cast<qsizetype>(pts.size()));
    QPointF last;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const QPointF p = view.toPixel({pts[i].x, pts[i].y});
        if (i == 0 || i + 1 == pts.size() ||
            std::abs(p.x() - last.x()) + std::abs(p.y() - last.y()) >= kMinVertexSpacingPx) {
            out.append(p);
            last = p;
        }
    }
    return out;
}

QRectF boundsOf(const std::vector<XY>& part) {
    double minX = part[0].x, maxX = minX, minY = part[0].y, maxY = minY;
    for (const auto& p : part) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

QRectF boundsOf(const DrawableFeature& f) {
    QRectF r = boundsOf(f.parts[0]);
    for (std::size_t i = 1; i < f.parts.size(); ++i)
        r = r.united(boundsOf(f.parts[i]));
    return r;
}

// Unlike QRectF::intersects, true for empty rectangles (a point, a straight
// horizontal line) lying within or on the other.
bool overlaps(const QRectF& a, const QRectF& b) {
    return a.left() <= b.right() && b.left() <= a.right() && a.top() <= b.bottom() &&
           b.top() <= a.bottom();
}

// Areas are labelled in their largest ring (always an outer ring: a hole is
// smaller than its shell), not in the middle of all parts.
const std::vector<XY>& largestRing(const DrawableFeature& f) {
    const std::vector<XY>* best = &f.parts[0];
    double bestArea = -1;
    for (const auto& ring : f.parts) {
        const QRectF r = boundsOf(ring);
        if (r.width() * r.height() > bestArea) {
            bestArea = r.width() * r.height();
            best = &ring;
        }
    }
    return *best;
}

// Where an area's label goes: inside the part of its largest ring that is on
// screen, so a place zoomed into still shows its name; nothing when less than
// kMinLabelledWidthPx of it shows. The middle of that part when it lies inside
// the ring, else the point of a 5×5 grid over it nearest the middle that does.
constexpr double kMinLabelledWidthPx = 60;
std::optional<QPointF> areaLabelPoint(const DrawableFeature& f, const MapViewport& view) {
    const QPolygonF ring = toScreen(largestRing(f), view);
    const QRectF visible = ring.boundingRect() & QRectF(QPointF(0, 0), QSizeF(view.size()));
    if (visible.width() <= kMinLabelledWidthPx || visible.height() <= 0)
        return std::nullopt;
    const QPointF middle = visible.center();
    if (ring.containsPoint(middle, Qt::OddEvenFill))
        return middle;
    std::optional<QPointF> best;
    double bestDistance = 0;
    for (int i = 1; i <= 5; ++i)
        for (int j = 1; j <= 5; ++j) {
            const QPointF p(visible.left() + visible.width() * i / 6,
                            visible.top() + visible.height() * j / 6);
            const double d = QLineF(p, middle).length();
            if ((!best || d < bestDistance) && ring.containsPoint(p, Qt::OddEvenFill)) {
                best = p;
                bestDistance = d;
            }
        }
    return best;
}

} // namespace

VectorMapLayer::VectorMapLayer(DrawableLayer data, LayerStyle style)
    : data_(std::make_shared<const DrawableLayer>(std::move(data))), style_(style) {}

VectorMapLayer::VectorMapLayer(std::shared_ptr<const DrawableLayer> data, LayerStyle style)
    : data_(std::move(data)), style_(style) {}

std::shared_ptr<VectorMapLayer> VectorMapLayer::restyled(LayerStyle style) const {
    return std::shared_ptr<VectorMapLayer>(new VectorMapLayer(data_, style));
}

QString VectorMapLayer::name() const {
    return QString::fromStdString(data_->name);
}

QString VectorMapLayer::description() const {
    return QObject::tr("%1\nLayer %2: %n feature(s)\nCRS: %3", nullptr,
                       static_cast<int>(data_->features.size()))
        .arg(QString::fromStdString(data_->sourcePath), name(),
             QString::fromStdString(data_->sourceCrs.label()));
}

void VectorMapLayer::render(QPainter& painter, const MapViewport& view,
                            const std::atomic<bool>& cancel) const {
    const Extent ve = view.extent();
    const QRectF viewRect(QPointF(ve.minX, ve.minY), QPointF(ve.maxX, ve.maxY));
    painter.setOpacity(style_.opacity);
    painter.setRenderHint(QPainter::Antialiasing, true);
    QPen pen(style_.stroke, style_.strokeWidth);
    pen.setCosmetic(true);
    if (!style_.dashPattern.isEmpty())
        pen.setDashPattern(style_.dashPattern);
    QPen haloPen(style_.halo, style_.strokeWidth * 2.5);
    haloPen.setCosmetic(true);
    painter.setPen(pen);
    const QBrush fill(style_.fill, style_.fillPattern);

    struct Label {
        QPointF at;
        QString text;
    };
    std::vector<Label> labels;
    std::size_t n = 0;
    for (const auto& f : data_->features) {
        if ((++n & 0xFF) == 0 && cancel.load())
            return;
        const QRectF bounds = boundsOf(f);
        if (!overlaps(bounds, viewRect))
            continue;
        switch (f.dimension) {
        case Dimension::Area: {
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (const auto& ring : f.parts)
                path.addPolygon(toScreen(ring, view));
            painter.setBrush(fill);
            painter.drawPath(path);
            if (style_.labels && !f.label.empty())
                if (const auto at = areaLabelPoint(f, view))
                    labels.push_back({*at, QString::fromStdString(f.label)});
            break;
        }
        case Dimension::Line:
            painter.setBrush(Qt::NoBrush);
            for (const auto& line : f.parts) {
                const QPolygonF screen = toScreen(line, view);
                if (style_.halo.isValid()) {
                    painter.setPen(haloPen);
                    painter.drawPolyline(screen);
                    painter.setPen(pen);
                }
                painter.drawPolyline(screen);
            }
            break;
        case Dimension::Point:
            painter.setBrush(fill);
            for (const auto& p : f.parts[0]) {
                const QPointF s = view.toPixel({p.x, p.y});
                painter.drawEllipse(s, style_.pointSize / 2, style_.pointSize / 2);
            }
            if (style_.labels && !f.label.empty()) {
                const QPointF s = view.toPixel({f.parts[0][0].x, f.parts[0][0].y});
                labels.push_back({s + QPointF(style_.pointSize, -style_.pointSize / 2),
                                  QString::fromStdString(f.label)});
            }
            break;
        }
    }
    painter.setOpacity(1.0);
    painter.setPen(style_.labelColour);
    // Greedy placement: a label that would overlap one already drawn is left out.
    std::vector<QRectF> placed;
    for (const auto& l : labels) {
        const QRectF r = painter.boundingRect(QRectF(l.at, QSizeF(0, 0)), Qt::TextDontClip, l.text)
                             .translated(0, -painter.fontMetrics().height() / 2.0);
        if (std::any_of(placed.begin(), placed.end(),
                        [&](const QRectF& p) { return p.intersects(r); }))
            continue;
        placed.push_back(r);
        painter.drawText(r, l.text);
    }
}

std::optional<std::int64_t> VectorMapLayer::featureAt(QPointF map, double tolerance) const {
    const QRectF probe(map - QPointF(tolerance, tolerance), QSizeF(2 * tolerance, 2 * tolerance));
    // Later features are drawn over earlier ones: search from the top.
    for (auto f = data_->features.rbegin(); f != data_->features.rend(); ++f) {
        if (!overlaps(boundsOf(*f), probe))
            continue;
        if (f->dimension == Dimension::Area) {
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (const auto& ring : f->parts) {
                QPolygonF polygon;
                for (const auto& p : ring)
                    polygon << QPointF(p.x, p.y);
                path.addPolygon(polygon);
            }
            if (path.contains(map))
                return f->fid;
            continue;
        }
        for (const auto& part : f->parts)
            for (std::size_t i = 0; i < part.size(); ++i) {
                const QPointF a(part[i].x, part[i].y);
                if (f->dimension == Dimension::Point || i + 1 == part.size()) {
                    if (QLineF(a, map).length() <= tolerance)
                        return f->fid;
                    continue;
                }
                // Distance from `map` to the segment a–b.
                const QPointF b(part[i + 1].x, part[i + 1].y), ab = b - a;
                const double len2 = QPointF::dotProduct(ab, ab);
                const double t =
                    len2 > 0 ? std::clamp(QPointF::dotProduct(map - a, ab) / len2, 0.0, 1.0) : 0;
                if (QLineF(a + t * ab, map).length() <= tolerance)
                    return f->fid;
            }
    }
    return std::nullopt;
}

Extent LayerGroup::extent() const {
    Extent e{0, 0, -1, -1};
    for (const auto& l : layers_)
        e = e.united(l->extent());
    return e;
}

void LayerGroup::render(QPainter& painter, const MapViewport& view,
                        const std::atomic<bool>& cancel) const {
    QImage drawn(view.size(), QImage::Format_ARGB32_Premultiplied);
    drawn.fill(Qt::transparent);
    {
        QPainter p(&drawn);
        for (const auto& l : layers_) {
            if (cancel.load())
                return;
            l->render(p, view, cancel);
        }
    }
    painter.save();
    painter.setOpacity(opacity_);
    painter.setClipRect(QRectF(0, 0, view.size().width() * swipe_, view.size().height()));
    painter.drawImage(0, 0, drawn);
    painter.restore();
}

RasterMapLayer::RasterMapLayer(std::filesystem::path path, std::string viewCrs)
    : path_(std::move(path)), viewCrs_(std::move(viewCrs)),
      extent_(rasterViewExtent(path_, viewCrs_)) {}

QString RasterMapLayer::name() const {
    return QFileInfo(QString::fromStdString(path_.string())).fileName();
}

QString RasterMapLayer::description() const {
    return QObject::tr("%1\nRaster").arg(QString::fromStdString(path_.string()));
}

void RasterMapLayer::render(QPainter& painter, const MapViewport& view,
                            const std::atomic<bool>& cancel) const {
    if (cancel.load())
        return;
    const auto window =
        readRasterWindow(path_, viewCrs_, view.extent(), view.size().width(), view.size().height());
    if (!window || cancel.load())
        return;
    const QImage image(window->rgba.data(), window->width, window->height, window->width * 4,
                       QImage::Format_RGBA8888);
    const QRectF target(view.toPixel({window->extent.minX, window->extent.maxY}),
                        view.toPixel({window->extent.maxX, window->extent.minY}));
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(target, image);
}

} // namespace mapaudit::ui
