#include "map_decorations.h"

#include <QCoreApplication>
#include <QPainterPath>
#include <cmath>

namespace mapaudit::ui {
namespace {

constexpr int kScaleBarTargetPx = 120;

// 1, 2 or 5 times a power of ten, at most `limit`.
double niceLength(double limit) {
    const double power = std::pow(10.0, std::floor(std::log10(limit)));
    for (double f : {5.0, 2.0, 1.0})
        if (f * power <= limit)
            return f * power;
    return power;
}

QString lengthText(double metres) {
    return metres >= 1000
               ? QCoreApplication::translate("MapDecorations", "%1 km")
                     .arg(metres / 1000.0, 0, 'g', 6)
               : QCoreApplication::translate("MapDecorations", "%1 m").arg(metres, 0, 'g', 6);
}

} // namespace

void drawScaleBar(QPainter& p, QSize size, double metresPerPixel) {
    if (!(metresPerPixel > 0) || !std::isfinite(metresPerPixel))
        return;
    const double metres = niceLength(kScaleBarTargetPx * metresPerPixel);
    const double px = metres / metresPerPixel;
    const QPointF origin(16, size.height() - 18);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 200));
    p.drawRect(QRectF(origin + QPointF(-6, -16), QSizeF(px + 12 + 70, 24)));
    p.setPen(QPen(Qt::black, 2));
    p.drawLine(origin, origin + QPointF(px, 0));
    p.drawLine(origin, origin + QPointF(0, -6));
    p.drawLine(origin + QPointF(px, 0), origin + QPointF(px, -6));
    p.drawText(QRectF(origin + QPointF(px + 6, -16), QSizeF(70, 20)), Qt::AlignVCenter,
               lengthText(metres));
    p.restore();
}

void drawNorthArrow(QPainter& p, QSize size) {
    const QPointF tip(size.width() - 30, 14);
    QPainterPath arrow;
    arrow.moveTo(tip);
    arrow.lineTo(tip + QPointF(10, 30));
    arrow.lineTo(tip + QPointF(0, 23));
    arrow.lineTo(tip + QPointF(-10, 30));
    arrow.closeSubpath();
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(Qt::black, 1));
    p.setBrush(Qt::black);
    p.drawPath(arrow);
    p.drawText(QRectF(tip + QPointF(-12, 30), QSizeF(24, 18)), Qt::AlignCenter,
               QCoreApplication::translate("MapDecorations", "N"));
    p.restore();
}

} // namespace mapaudit::ui
