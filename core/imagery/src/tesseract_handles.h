// Owning handles for Tesseract and leptonica objects.
#pragma once

#include <leptonica/allheaders.h>
#include <memory>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

namespace mapaudit {

// End() frees the language models before the object goes.
struct TessBaseApiEnder {
    void operator()(tesseract::TessBaseAPI* api) const noexcept {
        if (api) {
            api->End();
            delete api;
        }
    }
};
using TessBaseApiPtr = std::unique_ptr<tesseract::TessBaseAPI, TessBaseApiEnder>;

using TessResultIteratorPtr = std::unique_ptr<tesseract::ResultIterator>;

// Text Tesseract hands out is allocated with new[].
using TessTextPtr = std::unique_ptr<char[]>;

struct PixDestroyer {
    void operator()(Pix* pix) const noexcept { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDestroyer>;

} // namespace mapaudit
