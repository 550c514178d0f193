#include "mapaudit/imagery/map_text_ocr.h"

#include "map_line_removal.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/crs.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"
#include "tesseract_handles.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <numbers>
#include <tesseract/ocrclass.h>
#ifdef MAPAUDIT_HAVE_OPENMP
#include <omp.h>
#endif

namespace mapaudit::imagery {
namespace fs = std::filesystem;

namespace {

// Below this tilt (degrees) Tesseract reads the lines as well as straight
// ones, and a lone line's tilt is not measured better than that.
constexpr double kMinSkew = 1.0;
// Lines lower than this (page pixels) are read again enlarged: Tesseract's
// line recogniser loses small CJK characters.
constexpr int kSmallLine = 24;
constexpr double kEnlargedLineHeight = 36;
// Lines read with at least this confidence are not read again.
constexpr double kGoodConfidence = 0.9;
// How much a reading of a label without the lines through it is preferred.
constexpr double kCrossedPreference = 0.3;
// Parts of a row closer than this many text heights are tried as one line.
constexpr double kJoinGap = 1.3;
// Share of speckled pixels above which a picture is taken as dithered.
constexpr double kDitherShare = 0.05;

std::vector<std::string> languageCodes(const std::string& languages) {
    std::vector<std::string> codes;
    std::string code;
    for (std::size_t i = 0; i <= languages.size(); ++i) {
        if (i == languages.size() || languages[i] == '+') {
            if (code.empty())
                throw InputError(msg("OCR languages '{}': give Tesseract language codes joined "
                                     "by '+', e.g. chi_sim+eng",
                                     languages));
            codes.push_back(code);
            code.clear();
            continue;
        }
        const char c = languages[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
            throw InputError(msg("OCR languages '{}': not a Tesseract language code — use e.g. "
                                 "chi_sim+eng",
                                 languages));
        code += c;
    }
    return codes;
}

std::vector<fs::path> tessdataFolders() {
    std::vector<fs::path> folders;
    if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix) {
        folders.emplace_back(prefix);
        folders.emplace_back(fs::path(prefix) / "tessdata");
    }
    for (const char* p :
         {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
          "/usr/share/tessdata", "/usr/local/share/tessdata", "/usr/share/tesseract/tessdata"})
        folders.emplace_back(p);
    return folders;
}

bool hasLanguage(const fs::path& folder, const std::string& code) {
    std::error_code ec;
    return fs::is_regular_file(folder / (code + ".traineddata"), ec);
}

// "chi_sim" → "tesseract-ocr-chi-sim", the Debian package holding it.
std::string languagePackage(std::string code) {
    std::replace(code.begin(), code.end(), '_', '-');
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return "tesseract-ocr-" + code;
}

// ---- Text as Tesseract gives it to one clean line.

// Characters set without spaces between them in Chinese text.
bool isWide(char32_t c) {
    return isCjkIdeograph(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF);
}

bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000;
}

// One line: trimmed, runs of spaces made one, none between two CJK characters.
std::string cleanLine(const std::string& raw) {
    const std::u32string in = decodeUtf8(raw);
    std::u32string out;
    for (std::size_t i = 0; i < in.size();) {
        if (!isSpace(in[i])) {
            out.push_back(in[i++]);
            continue;
        }
        std::size_t j = i;
        while (j < in.size() && isSpace(in[j]))
            ++j;
        if (!out.empty() && j < in.size() && !(isWide(out.back()) && isWide(in[j])))
            out.push_back(' ');
        i = j;
    }
    return encodeUtf8(out);
}

// A dashed map line comes out as "一一一" or "-—-": dashes and nothing else.
bool onlyDashes(const std::string& text) {
    const std::u32string chars = decodeUtf8(text);
    return !chars.empty() && std::all_of(chars.begin(), chars.end(), [](char32_t c) {
        return c == U'一' || c == U'-' || c == U'—' || c == U'―' || c == U'－' || c == U'_' ||
               c == U'~' || c == U'ー' || c == U'|' || c == U'｜' || c == U' ';
    });
}

// Map lines, hatching and borders come out as "|", "—", "'": no letter in them.
bool hasLetterOrDigit(const std::string& text) {
    for (const char32_t c : decodeUtf8(text))
        if ((c < 0x80 && std::isalnum(static_cast<int>(c))) || (c >= 0xC0 && c <= 0x24F) ||
            isCjkIdeograph(c) || (c >= 0xAC00 && c <= 0xD7AF))
            return true;
    return false;
}

// ---- The picture as a leptonica image.

struct Page {
    PixPtr pix;         // 32-bit RGB
    double scale = 1.0; // page pixels per image pixel
};

// 0-255 from a band's values: bytes as they are, other types stretched.
struct BandScale {
    double offset = 0, factor = 1;
    GByte operator()(float v) const {
        return static_cast<GByte>(
            std::clamp((static_cast<double>(v) - offset) * factor, 0.0, 255.0) + 0.5);
    }
};

BandScale bandScale(GDALRasterBand& band) {
    if (band.GetRasterDataType() == GDT_Byte || band.GetColorTable())
        return {};
    double minMax[2] = {0, 255};
    if (band.ComputeRasterMinMax(TRUE, minMax) != CE_None || minMax[1] <= minMax[0])
        return {};
    return {minMax[0], 255.0 / (minMax[1] - minMax[0])};
}

Page readPage(GDALDataset& ds, const std::string& name, int maxPixels,
              const SubFeedback& progress) {
    const int bands = ds.GetRasterCount();
    if (bands == 0)
        throw InputError(
            msg("{}: is not an image — open a picture of a map (PNG, JPEG, TIFF…)", name));
    const int fullW = ds.GetRasterXSize(), fullH = ds.GetRasterYSize();
    Page page;
    const double pixels = static_cast<double>(fullW) * fullH;
    if (maxPixels > 0 && pixels > maxPixels)
        page.scale = std::sqrt(maxPixels / pixels);
    const int w = std::max(1, static_cast<int>(std::lround(fullW * page.scale)));
    const int h = std::max(1, static_cast<int>(std::lround(fullH * page.scale)));

    std::vector<int> bandMap;
    int alphaBand = 0;
    for (int b = 1; b <= bands; ++b)
        if (ds.GetRasterBand(b)->GetColorInterpretation() == GCI_AlphaBand)
            alphaBand = b;
    const GDALColorTable* palette = bands < 3 ? ds.GetRasterBand(1)->GetColorTable() : nullptr;
    if (bands >= 3)
        bandMap = {1, 2, 3};
    else
        bandMap = {1};
    if (alphaBand > static_cast<int>(bandMap.size()))
        bandMap.push_back(alphaBand);
    const bool hasAlpha = bandMap.size() == 2 || bandMap.size() == 4;
    const auto nb = static_cast<int>(bandMap.size());
    std::vector<BandScale> scales;
    for (const int b : bandMap)
        scales.push_back(bandScale(*ds.GetRasterBand(b)));

    page.pix.reset(pixCreate(w, h, 32));
    if (!page.pix)
        throw InputError(
            msg("{}: too large to read ({} × {} pixels) — lower the OCR pixel limit", name, w, h));
    l_uint32* data = pixGetData(page.pix.get());
    const int wpl = pixGetWpl(page.pix.get());

    const int strip = std::max(1, (1 << 22) / w);
    std::vector<float> buffer(static_cast<std::size_t>(w) * static_cast<std::size_t>(strip) *
                              static_cast<std::size_t>(nb));
    GdalErrorCapture errors;
    for (int y0 = 0; y0 < h; y0 += strip) {
        progress.throwIfCanceled();
        const int rows = std::min(strip, h - y0);
        GDALRasterIOExtraArg extra;
        INIT_RASTERIO_EXTRA_ARG(extra);
        int srcY = y0, srcRows = rows;
        if (page.scale < 1.0) {
            extra.eResampleAlg = palette ? GRIORA_NearestNeighbour : GRIORA_Average;
            extra.bFloatingPointWindowValidity = TRUE;
            extra.dfXOff = 0;
            extra.dfXSize = fullW;
            extra.dfYOff = y0 / page.scale;
            extra.dfYSize = std::min(rows / page.scale, fullH - extra.dfYOff);
            srcY = static_cast<int>(extra.dfYOff);
            srcRows =
                std::min(fullH, static_cast<int>(std::ceil(extra.dfYOff + extra.dfYSize))) - srcY;
        }
        const auto pixelSpace = static_cast<GSpacing>(sizeof(float)) * nb;
        if (ds.RasterIO(GF_Read, 0, srcY, fullW, srcRows, buffer.data(), w, rows, GDT_Float32, nb,
                        bandMap.data(), pixelSpace, pixelSpace * w,
                        static_cast<GSpacing>(sizeof(float)), &extra) != CE_None)
            throw InputError(msg("{}: its pixels could not be read ({}) — check that the file is "
                                 "complete",
                                 name, errors.firstMessage()));
        for (int y = 0; y < rows; ++y) {
            l_uint32* line = data + static_cast<std::ptrdiff_t>(y0 + y) * wpl;
            const float* px = buffer.data() + static_cast<std::size_t>(y) * w * nb;
            for (int x = 0; x < w; ++x, px += nb) {
                double rgb[3];
                if (palette) {
                    const GDALColorEntry* e = palette->GetColorEntry(static_cast<int>(px[0]));
                    rgb[0] = e ? e->c1 : 0;
                    rgb[1] = e ? e->c2 : 0;
                    rgb[2] = e ? e->c3 : 0;
                    if (e && e->c4 < 255 && !hasAlpha)
                        for (double& c : rgb)
                            c = c * e->c4 / 255.0 + 255.0 - e->c4;
                } else {
                    for (int k = 0; k < 3; ++k)
                        rgb[k] =
                            scales[nb >= 3 ? static_cast<std::size_t>(k) : 0](px[nb >= 3 ? k : 0]);
                }
                if (hasAlpha) {
                    const double a = scales.back()(px[nb - 1]) / 255.0;
                    for (double& c : rgb)
                        c = c * a + 255.0 * (1 - a);
                }
                const auto byte = [](double c) {
                    return static_cast<l_uint32>(std::clamp(c + 0.5, 0.0, 255.0));
                };
                line[x] = byte(rgb[0]) << 24 | byte(rgb[1]) << 16 | byte(rgb[2]) << 8;
            }
        }
        progress.setProgress(static_cast<double>(y0 + rows) / h);
    }
    return page;
}

// ---- Tesseract.

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double area() const { return std::max(0.0, x1 - x0) * std::max(0.0, y1 - y0); }
};

// The pictures a line can be read from; all but the straightened one have the
// page's pixels.
enum Source { kPage = 0, kStraightened = 1, kWithoutLines = 2 };

struct Line {
    std::string text;
    double confidence = 0;
    Box box;              // in the pixels of the image it was read from
    int source = 0;       // which one: kPage, kStraightened or kWithoutLines
    bool crossed = false; // read without the map lines that ran through it
    // A label that lines ran through reads better without them, however
    // sure Tesseract was of the reading with the lines in.
    double rank() const { return confidence + (crossed ? kCrossedPreference : 0.0); }
};

struct MonitorContext {
    Feedback* feedback;
    SubFeedback progress;
};

bool cancelRequested(void* context, int) {
    const auto* c = static_cast<MonitorContext*>(context);
    return c->feedback && c->feedback->isCanceled();
}

bool reportProgress(tesseract::ETEXT_DESC* monitor, int, int, int, int) {
    static_cast<MonitorContext*>(monitor->cancel_this)
        ->progress.setProgress(monitor->progress / 100.0);
    return true;
}

// Recognises what is set on `api`; throws Canceled when asked to stop.
bool recognise(tesseract::TessBaseAPI& api, Feedback* feedback, const SubFeedback& progress) {
    MonitorContext context{feedback, progress};
    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &cancelRequested;
    monitor.cancel_this = &context;
    monitor.progress_callback2 = &reportProgress;
    const int status = api.Recognize(&monitor);
    if (feedback)
        feedback->throwIfCanceled();
    progress.setProgress(1.0);
    return status == 0;
}

std::vector<Line> textLines(tesseract::TessBaseAPI& api, int source) {
    std::vector<Line> lines;
    TessResultIteratorPtr it(api.GetIterator());
    if (!it)
        return lines;
    const auto level = tesseract::RIL_TEXTLINE;
    do {
        if (it->Empty(level))
            continue;
        const TessTextPtr raw(it->GetUTF8Text(level));
        int l = 0, t = 0, r = 0, b = 0;
        if (!raw || !it->BoundingBox(level, &l, &t, &r, &b))
            continue;
        Line line{cleanLine(raw.get()),
                  std::clamp(static_cast<double>(it->Confidence(level)) / 100.0, 0.0, 1.0),
                  {double(l), double(t), double(r), double(b)},
                  source};
        // A lone narrow character is a stroke of a map line read as "1" or "|".
        const bool stroke = decodeUtf8(line.text).size() == 1 && 2 * (r - l) <= b - t;
        if (!stroke && hasLetterOrDigit(line.text) && !onlyDashes(line.text))
            lines.push_back(std::move(line));
    } while (it->Next(level));
    return lines;
}

std::vector<Line> readPass(tesseract::TessBaseAPI& api, Pix* pix, int source, Feedback* feedback,
                           const SubFeedback& progress) {
    api.SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
    api.SetImage(pix);
    if (!recognise(api, feedback, progress))
        return {};
    return textLines(api, source);
}

// The tilt of the text (degrees, clockwise positive as leptonica turns), from
// the lines just read only: the map's own lines would mislead it.
std::optional<double> textSkew(tesseract::TessBaseAPI& api, const std::vector<Line>& lines) {
    const PixPtr binary(api.GetThresholdedImage());
    if (!binary || lines.empty())
        return std::nullopt;
    const int w = pixGetWidth(binary.get()), h = pixGetHeight(binary.get());
    const PixPtr mask(pixCreate(w, h, 1));
    if (!mask)
        return std::nullopt;
    for (const Line& line : lines) {
        const auto x = static_cast<int>(line.box.x0), y = static_cast<int>(line.box.y0);
        pixRasterop(mask.get(), x, y, static_cast<int>(line.box.x1) - x,
                    static_cast<int>(line.box.y1) - y, PIX_SRC, binary.get(), x, y);
    }
    l_float32 angle = 0, confidence = 0;
    if (pixFindSkewSweepAndSearch(mask.get(), &angle, &confidence, 1, 1, 7.0f, 0.5f, 0.01f) != 0 ||
        confidence <= 0)
        return std::nullopt;
    return static_cast<double>(angle);
}

// The colour along the page's edge: per channel, the median.
l_uint32 edgeColour(Pix* pix) {
    const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    const l_uint32* data = pixGetData(pix);
    std::vector<l_uint32> edge;
    for (int x = 0; x < w; ++x) {
        edge.push_back(data[x]);
        edge.push_back(data[static_cast<std::ptrdiff_t>(h - 1) * wpl + x]);
    }
    for (int y = 0; y < h; ++y) {
        edge.push_back(data[static_cast<std::ptrdiff_t>(y) * wpl]);
        edge.push_back(data[static_cast<std::ptrdiff_t>(y) * wpl + w - 1]);
    }
    l_uint32 colour = 0;
    for (const int shift : {24, 16, 8}) {
        std::vector<l_uint32> channel;
        for (const l_uint32 v : edge)
            channel.push_back((v >> shift) & 0xFF);
        std::nth_element(channel.begin(),
                         channel.begin() + static_cast<std::ptrdiff_t>(channel.size() / 2),
                         channel.end());
        colour |= channel[channel.size() / 2] << shift;
    }
    return colour;
}

// The page turned by `degrees` (clockwise), enlarged to keep its corners;
// what lies outside the page takes the colour of its edge, so that the new
// edges do not read as a line of text.
PixPtr turned(Pix* page, double degrees) {
    const int w = pixGetWidth(page), h = pixGetHeight(page);
    const auto radians = static_cast<l_float32>(degrees * std::numbers::pi / 180);
    PixPtr out(pixRotate(page, radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, w, h));
    const PixPtr inside(pixCreate(w, h, 8));
    if (!out || !inside)
        return out;
    pixSetAllArbitrary(inside.get(), 255);
    const PixPtr turnedInside(
        pixRotate(inside.get(), radians, L_ROTATE_AREA_MAP, L_BRING_IN_BLACK, w, h));
    const PixPtr outside(turnedInside ? pixThresholdToBinary(turnedInside.get(), 128) : nullptr);
    if (outside && pixGetWidth(outside.get()) == pixGetWidth(out.get()) &&
        pixGetHeight(outside.get()) == pixGetHeight(out.get()))
        pixSetMasked(out.get(), outside.get(), edgeColour(page));
    return out;
}

// Where a point of the page turned by `degrees` (leptonica, enlarged to keep
// the corners) lies on the page.
struct Unrotate {
    double cx, cy, rcx, rcy, cosA, sinA;
    Unrotate(Pix* page, Pix* rotated, double degrees)
        : cx(pixGetWidth(page) / 2.0), cy(pixGetHeight(page) / 2.0),
          rcx(pixGetWidth(rotated) / 2.0), rcy(pixGetHeight(rotated) / 2.0),
          cosA(std::cos(degrees * std::numbers::pi / 180)),
          sinA(std::sin(degrees * std::numbers::pi / 180)) {}
    Box operator()(const Box& b) const {
        Box out{1e300, 1e300, -1e300, -1e300};
        for (const double x : {b.x0, b.x1})
            for (const double y : {b.y0, b.y1}) {
                const double dx = x - rcx, dy = y - rcy;
                const double px = cx + dx * cosA + dy * sinA, py = cy - dx * sinA + dy * cosA;
                out = {std::min(out.x0, px), std::min(out.y0, py), std::max(out.x1, px),
                       std::max(out.y1, py)};
            }
        return out;
    }
};

bool sameLine(const Box& a, const Box& b) {
    const Box i{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1),
                std::min(a.y1, b.y1)};
    const double smaller = std::min(a.area(), b.area());
    return smaller > 0 && i.area() > 0.5 * smaller;
}

using BoxPtr = std::unique_ptr<BOX, decltype([](BOX* b) { boxDestroy(&b); })>;

// Whether lines were painted over across `box`: more removed pixels in it
// than its height (a line through it, not a speck at its edge).
bool crossedByLines(Pix* removed, const Box& box) {
    const int x0 = std::max(0, static_cast<int>(box.x0));
    const int y0 = std::max(0, static_cast<int>(box.y0));
    const int x1 = std::min(pixGetWidth(removed), static_cast<int>(std::ceil(box.x1)));
    const int y1 = std::min(pixGetHeight(removed), static_cast<int>(std::ceil(box.y1)));
    const l_uint32* data = pixGetData(removed);
    const int wpl = pixGetWpl(removed);
    int count = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            count += GET_DATA_BIT(data + static_cast<std::ptrdiff_t>(y) * wpl, x) ? 1 : 0;
    return count > y1 - y0;
}

// The text in `box` of `source` read alone as one line, enlarged when small.
std::optional<Line> rereadBox(tesseract::TessBaseAPI& api, Pix* source, int sourceIndex,
                              const Box& box, Feedback* feedback) {
    const double height = box.y1 - box.y0;
    const double margin = std::max(2.0, height / 4);
    const int x0 = std::max(0, static_cast<int>(box.x0 - margin));
    const int y0 = std::max(0, static_cast<int>(box.y0 - margin));
    const int x1 = std::min(pixGetWidth(source), static_cast<int>(box.x1 + margin));
    const int y1 = std::min(pixGetHeight(source), static_cast<int>(box.y1 + margin));
    const BoxPtr clip(boxCreate(x0, y0, x1 - x0, y1 - y0));
    PixPtr crop(pixClipRectangle(source, clip.get(), nullptr));
    if (!crop)
        return std::nullopt;
    const double factor = height < kSmallLine ? std::min(3.0, kEnlargedLineHeight / height) : 1.0;
    if (factor != 1.0) {
        const auto f = static_cast<l_float32>(factor);
        crop.reset(pixScale(crop.get(), f, f));
        if (!crop)
            return std::nullopt;
    }
    api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    api.SetImage(crop.get());
    if (!recognise(api, feedback, SubFeedback(nullptr, 0, 1)))
        return std::nullopt;
    std::vector<Line> again = textLines(api, sourceIndex);
    if (again.size() != 1)
        return std::nullopt;
    const Box& read = again[0].box;
    again[0].box = {x0 + read.x0 / factor, y0 + read.y0 / factor, x0 + read.x1 / factor,
                    y0 + read.y1 / factor};
    return std::move(again[0]);
}

// Small lines read again alone, enlarged; the better reading is kept.
void rereadSmallLines(tesseract::TessBaseAPI& api, std::vector<Line>& lines,
                      const std::vector<Pix*>& sources, Feedback* feedback,
                      const SubFeedback& progress) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        progress.setProgress(static_cast<double>(i) / static_cast<double>(lines.size()));
        Line& line = lines[i];
        const double height = line.box.y1 - line.box.y0;
        if (line.confidence >= kGoodConfidence || height >= kSmallLine || height < 4)
            continue;
        std::optional<Line> again = rereadBox(api, sources[static_cast<std::size_t>(line.source)],
                                              line.source, line.box, feedback);
        if (again && again->confidence > line.confidence) {
            again->crossed = line.crossed;
            line = std::move(*again);
        }
    }
    progress.setProgress(1.0);
}

// Lines of the page that map lines ran through are read again, alone, off
// the picture without them; such a reading is added and preferred.
void rereadCrossedLines(tesseract::TessBaseAPI& api, std::vector<Line>& lines,
                        const LinesRemoved& withoutLines, Feedback* feedback,
                        const SubFeedback& progress) {
    std::vector<Line> again;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        progress.setProgress(static_cast<double>(i) / static_cast<double>(lines.size()));
        const Line& line = lines[i];
        if (line.source != kPage || !crossedByLines(withoutLines.removed.get(), line.box))
            continue;
        if (std::optional<Line> read =
                rereadBox(api, withoutLines.page.get(), kWithoutLines, line.box, feedback)) {
            read->crossed = true;
            again.push_back(std::move(*read));
        }
    }
    lines.insert(lines.end(), again.begin(), again.end());
    progress.setProgress(1.0);
}

// Do `a` and `b` (a left of b) look like parts of one label split at a wide
// gap, such as the full-width colon of a review number?
bool sameRow(const Box& a, const Box& b) {
    const double ha = a.y1 - a.y0, hb = b.y1 - b.y0;
    const double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    const double gap = b.x0 - a.x1;
    return std::max(ha, hb) < 1.6 * std::min(ha, hb) && overlap > 0.6 * std::min(ha, hb) &&
           gap > -0.2 * std::max(ha, hb) && gap < kJoinGap * std::max(ha, hb);
}

// Lines of one page split within a label are read again as one line; the
// joined reading replaces the parts when it is about as confident.
void joinFragments(tesseract::TessBaseAPI& api, std::vector<Line>& lines, Pix* source,
                   int sourceIndex, Feedback* feedback) {
    std::vector<Line> page, others;
    for (Line& l : lines)
        (l.source == sourceIndex ? page : others).push_back(std::move(l));
    std::sort(page.begin(), page.end(),
              [](const Line& a, const Line& b) { return a.box.x0 < b.box.x0; });
    std::vector<bool> used(page.size(), false);
    std::vector<Line> result;
    for (std::size_t i = 0; i < page.size(); ++i) {
        if (used[i])
            continue;
        std::vector<std::size_t> group{i};
        for (std::size_t j = i + 1; j < page.size(); ++j)
            if (!used[j] && sameRow(page[group.back()].box, page[j].box))
                group.push_back(j);
        std::optional<Line> joined;
        if (group.size() > 1) {
            Box all = page[i].box;
            double weakest = 1;
            for (const std::size_t k : group) {
                const Box& b = page[k].box;
                all = {std::min(all.x0, b.x0), std::min(all.y0, b.y0), std::max(all.x1, b.x1),
                       std::max(all.y1, b.y1)};
                weakest = std::min(weakest, page[k].confidence);
            }
            joined = rereadBox(api, source, sourceIndex, all, feedback);
            if (joined && joined->confidence < weakest - 0.05)
                joined.reset();
        }
        if (joined) {
            for (const std::size_t k : group)
                used[k] = true;
            result.push_back(std::move(*joined));
        } else {
            used[i] = true;
            result.push_back(std::move(page[i]));
        }
    }
    for (Line& l : others)
        result.push_back(std::move(l));
    lines = std::move(result);
}

// Dithered pictures (paletted exports) are speckled: most pixels differ
// sharply from both neighbours. Tesseract's thresholding sees only noise
// there; a 3 × 3 mean gives back the flat colours.
bool isDithered(Pix* pix) {
    const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    const l_uint32* data = pixGetData(pix);
    const auto grey = [](l_uint32 v) {
        return static_cast<int>((v >> 24) & 0xFF) + static_cast<int>((v >> 16) & 0xFF) +
               static_cast<int>((v >> 8) & 0xFF);
    };
    long samples = 0, speckles = 0;
    for (int y = 0; y < h; y += 4) {
        const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = 1; x + 1 < w; ++x) {
            const int m = grey(line[x]), l = grey(line[x - 1]), r = grey(line[x + 1]);
            ++samples;
            if (std::abs(m - l) > 45 && std::abs(m - r) > 45 && (m > l) == (m > r))
                ++speckles;
        }
    }
    return samples > 0 &&
           static_cast<double>(speckles) > kDitherShare * static_cast<double>(samples);
}

// Tesseract's recogniser spreads each line over ten OpenMP threads that wait
// by spinning: on a two-core laptop a picture read so took 30 s, on one
// thread 4 s. Its parallel regions ask for their threads by number, so only
// making every region inactive keeps them to one; OMP_THREAD_LIMIT, when
// set, decides instead.
void oneRecogniserThread() {
#ifdef MAPAUDIT_HAVE_OPENMP
    if (!std::getenv("OMP_THREAD_LIMIT"))
        omp_set_max_active_levels(0);
#endif
}

// Tesseract's diagnostics ("Estimating resolution…") go to a process-wide
// file: set it once, before any reading, so no two threads write it.
void silenceTesseract() {
    static std::once_flag once;
    std::call_once(once, [] {
        tesseract::TessBaseAPI api;
        api.SetVariable("debug_file", "/dev/null");
    });
}

std::optional<std::array<double, 6>> geoTransform(GDALDataset& ds) {
    std::array<double, 6> gt{};
    if (ds.GetGeoTransform(gt.data()) != CE_None || !ds.GetSpatialRef())
        return std::nullopt;
    return gt;
}

} // namespace

fs::path findTessdata(const std::string& languages) {
    const std::vector<std::string> codes = languageCodes(languages);
    const std::vector<fs::path> folders = tessdataFolders();
    for (const fs::path& folder : folders)
        if (std::all_of(codes.begin(), codes.end(),
                        [&](const std::string& c) { return hasLanguage(folder, c); }))
            return folder;
    std::string missing, packages, looked;
    for (const std::string& c : codes)
        if (std::none_of(folders.begin(), folders.end(),
                         [&](const fs::path& f) { return hasLanguage(f, c); })) {
            missing += (missing.empty() ? "" : ", ") + c + ".traineddata";
            packages += (packages.empty() ? "" : " ") + languagePackage(c);
        }
    for (const fs::path& f : folders)
        looked += (looked.empty() ? "" : ", ") + f.string();
    if (missing.empty())
        throw InputError(msg("OCR language data for {} is spread over several folders ({}) — put "
                             "the .traineddata files in one folder and set TESSDATA_PREFIX to it",
                             languages, looked));
    throw InputError(msg("OCR language data {} not found (looked in {}) — install {}, or set "
                         "TESSDATA_PREFIX to the folder holding it",
                         missing, looked, packages));
}

std::vector<MapText> readMapText(const fs::path& image, const MapTextOptions& options,
                                 Feedback* feedback) {
    if (feedback)
        feedback->throwIfCanceled();
    const fs::path tessdata = findTessdata(options.languages);
    ensureGdalInitialised();
    const OpenedDataset opened = openDataset(image);
    GDALDataset& ds = *opened.dataset;
    const std::string name = image.string();
    Page page = readPage(ds, name, options.maxPixels, SubFeedback(feedback, 0, 0.1));
    if (isDithered(page.pix.get()))
        if (PixPtr smooth{pixBlockconv(page.pix.get(), 1, 1)})
            page.pix = std::move(smooth);

    silenceTesseract();
    oneRecogniserThread();
    const TessBaseApiPtr api(new tesseract::TessBaseAPI);
    if (api->Init(tessdata.c_str(), options.languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
        throw InputError(msg("OCR language data for {} in {} could not be loaded — reinstall the "
                             "tesseract-ocr language packages",
                             options.languages, tessdata));

    std::vector<Line> lines =
        readPass(*api, page.pix.get(), kPage, feedback, SubFeedback(feedback, 0.1, 0.35));
    // Map lines through labels break their reading; the page as Tesseract saw
    // it in black and white tells where the lines are, and the page with them
    // painted over is read too.
    const PixPtr seen(api->GetThresholdedImage());
    const LinesRemoved withoutLines = seen && options.readWithoutLines
                                          ? withoutMapLines(page.pix.get(), seen.get())
                                          : LinesRemoved{};
    // Labels stand on land and sea of different colours: the global threshold
    // (Otsu) can put a pale sea on the dark side and lose a label on it (a
    // lone review number on the sea), a local one (Sauvola) loses others. Both
    // readings are kept, the better one per line.
    api->SetVariable("thresholding_method", "2");
    std::vector<Line> local =
        readPass(*api, page.pix.get(), kPage, feedback, SubFeedback(feedback, 0.35, 0.5));
    api->SetVariable("thresholding_method", "0");
    lines.insert(lines.end(), local.begin(), local.end());
    // Tesseract straightens lines only within a block; a crooked scan reads
    // better turned straight. Both readings are kept, the better one per line.
    PixPtr straight;
    const std::optional<double> skew = textSkew(*api, lines);
    joinFragments(*api, lines, page.pix.get(), kPage, feedback);
    if (skew && std::abs(*skew) >= kMinSkew)
        straight = turned(page.pix.get(), *skew);
    if (straight) {
        std::vector<Line> more = readPass(*api, straight.get(), kStraightened, feedback,
                                          SubFeedback(feedback, 0.5, 0.7));
        joinFragments(*api, more, straight.get(), kStraightened, feedback);
        lines.insert(lines.end(), more.begin(), more.end());
    }
    if (withoutLines.page) {
        std::vector<Line> more = readPass(*api, withoutLines.page.get(), kWithoutLines, feedback,
                                          SubFeedback(feedback, 0.7, 0.78));
        api->SetVariable("thresholding_method", "2");
        std::vector<Line> sauvola = readPass(*api, withoutLines.page.get(), kWithoutLines, feedback,
                                             SubFeedback(feedback, 0.78, 0.85));
        api->SetVariable("thresholding_method", "0");
        more.insert(more.end(), sauvola.begin(), sauvola.end());
        joinFragments(*api, more, withoutLines.page.get(), kWithoutLines, feedback);
        for (Line& l : more)
            l.crossed = crossedByLines(withoutLines.removed.get(), l.box);
        lines.insert(lines.end(), more.begin(), more.end());
    }
    const std::vector<Pix*> sources{page.pix.get(), straight.get(), withoutLines.page.get()};
    rereadSmallLines(*api, lines, sources, feedback, SubFeedback(feedback, 0.85, 0.95));
    if (withoutLines.page)
        rereadCrossedLines(*api, lines, withoutLines, feedback, SubFeedback(feedback, 0.95, 1.0));

    // One reading per place on the page: the most confident.
    const Unrotate fromStraight = straight ? Unrotate(page.pix.get(), straight.get(), *skew)
                                           : Unrotate(page.pix.get(), page.pix.get(), 0);
    const auto onPage = [&](const Line& l) {
        return l.source == kStraightened ? fromStraight(l.box) : l.box;
    };
    std::sort(lines.begin(), lines.end(),
              [](const Line& a, const Line& b) { return a.rank() > b.rank(); });
    std::vector<Box> taken;
    std::vector<MapText> result;
    const std::optional<std::array<double, 6>> gt = geoTransform(ds);
    std::unique_ptr<CrsTransform> toLonLat;
    if (gt) {
        try {
            char* raw = nullptr;
            ds.GetSpatialRef()->exportToWkt(&raw);
            const CplCharPtr wkt(raw);
            toLonLat = std::make_unique<CrsTransform>(wkt.get(), "EPSG:4490");
        } catch (const InputError&) {
            // A CRS PROJ cannot take to CGCS2000: the text without places.
        }
    }
    for (const Line& line : lines) {
        const Box box = onPage(line);
        if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return sameLine(t, box); }))
            continue;
        taken.push_back(box);
        if (line.confidence < options.minConfidence)
            continue;
        MapText text;
        text.text = line.text;
        text.confidence = line.confidence;
        text.x = std::max(0, static_cast<int>(std::floor(box.x0 / page.scale)));
        text.y = std::max(0, static_cast<int>(std::floor(box.y0 / page.scale)));
        text.width =
            std::min(ds.GetRasterXSize(), static_cast<int>(std::ceil(box.x1 / page.scale))) -
            text.x;
        text.height =
            std::min(ds.GetRasterYSize(), static_cast<int>(std::ceil(box.y1 / page.scale))) -
            text.y;
        if (toLonLat) {
            const double px = (box.x0 + box.x1) / 2 / page.scale,
                         py = (box.y0 + box.y1) / 2 / page.scale;
            try {
                const CrsTransform::Point p =
                    toLonLat->forward((*gt)[0] + px * (*gt)[1] + py * (*gt)[2],
                                      (*gt)[3] + px * (*gt)[4] + py * (*gt)[5]);
                text.lon = p.x;
                text.lat = p.y;
            } catch (const InputError&) {
                // Outside the area of the image's CRS: no place for this line.
            }
        }
        result.push_back(std::move(text));
    }
    std::sort(result.begin(), result.end(), [](const MapText& a, const MapText& b) {
        return a.y != b.y ? a.y < b.y : a.x < b.x;
    });
    if (feedback)
        feedback->setProgress(1.0);
    return result;
}

} // namespace mapaudit::imagery
