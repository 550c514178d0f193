// Map lines taken off a black-and-white picture of a map, so that the labels
// they run through can be read: boundaries, roads and rivers drawn across a
// name make Tesseract read the name as strokes ("一一钓鱼岛") or not at all.
#pragma once

#include "tesseract_handles.h"

namespace mapaudit::imagery {

struct LineRemovalOptions {
    // A run of ink at least this long (pixels) in one direction is a map
    // line; longer than the strokes of any label the picture is read for.
    int minLength = 56;
    // Lines thicker than this (pixels, across the run) are areas, not lines.
    int maxWidth = 6;
};

struct LinesRemoved {
    PixPtr page;    // the picture with the lines painted over; null when it has none
    PixPtr removed; // 1 bit per pixel: the pixels painted over
};

// `page` is the picture (32-bit RGB), `binary` the same in black and white
// (1 bit per pixel, ink set). Long thin runs of ink, solid or dashed, are
// painted over with the paper around them, except where their colour is that
// of the letters they cross.
LinesRemoved withoutMapLines(Pix* page, Pix* binary, const LineRemovalOptions& options = {});

} // namespace mapaudit::imagery
