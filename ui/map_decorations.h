// What every map picture carries besides its layers: a scale bar and a north
// arrow. Drawn on the canvas and on report and evidence images alike.
#pragma once

#include <QPainter>
#include <QSize>

namespace mapaudit::ui {

// Bottom left; a 1-2-5 length near 120 px. Nothing when the scale is unknown.
void drawScaleBar(QPainter& p, QSize size, double metresPerPixel);
// Top right.
void drawNorthArrow(QPainter& p, QSize size);

} // namespace mapaudit::ui
