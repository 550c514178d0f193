#include "map_line_removal.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <numbers>
#include <vector>

namespace mapaudit::imagery {
namespace {

// Directions tried (half a turn): a line is followed within a pixel aside,
// so at 5° steps one of them stays on any straight line.
constexpr int kDirections = 36;

struct Mask {
    int w = 0, h = 0;
    std::vector<std::uint8_t> ink;
    bool at(int x, int y) const {
        return x >= 0 && y >= 0 && x < w && y < h &&
               ink[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                   static_cast<std::size_t>(x)] != 0;
    }
};

Mask maskOf(Pix* binary) {
    Mask m;
    m.w = pixGetWidth(binary);
    m.h = pixGetHeight(binary);
    m.ink.assign(static_cast<std::size_t>(m.w) * static_cast<std::size_t>(m.h), 0);
    const l_uint32* data = pixGetData(binary);
    const int wpl = pixGetWpl(binary);
    for (int y = 0; y < m.h; ++y) {
        const l_uint32* row = data + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = 0; x < m.w; ++x)
            m.ink[static_cast<std::size_t>(y) * static_cast<std::size_t>(m.w) +
                  static_cast<std::size_t>(x)] = GET_DATA_BIT(row, x) ? 1 : 0;
    }
    return m;
}

// Calls `use(members, across)` for each connected piece of ink (8
// neighbours): its pixels and the diagonal of its bounding box.
template <typename Use> void forEachPiece(const Mask& m, Use use) {
    std::vector<std::uint8_t> seen(m.ink.size(), 0);
    std::vector<std::size_t> stack, members;
    for (std::size_t start = 0; start < m.ink.size(); ++start) {
        if (!m.ink[start] || seen[start])
            continue;
        seen[start] = 1;
        stack.assign(1, start);
        members.clear();
        int x0 = m.w, y0 = m.h, x1 = -1, y1 = -1;
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            members.push_back(i);
            const int x = static_cast<int>(i % static_cast<std::size_t>(m.w));
            const int y = static_cast<int>(i / static_cast<std::size_t>(m.w));
            x0 = std::min(x0, x);
            x1 = std::max(x1, x);
            y0 = std::min(y0, y);
            y1 = std::max(y1, y);
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx)
                    if (m.at(x + dx, y + dy)) {
                        const std::size_t j =
                            static_cast<std::size_t>(y + dy) * static_cast<std::size_t>(m.w) +
                            static_cast<std::size_t>(x + dx);
                        if (!seen[j]) {
                            seen[j] = 1;
                            stack.push_back(j);
                        }
                    }
        }
        use(members, std::hypot(x1 - x0 + 1, y1 - y0 + 1));
    }
}

// How far ink goes from (x, y) along (dx, dy), following it a pixel aside at
// a time (lines are antialiased and gently curved) but not turning away by
// more than about ten degrees; gaps up to `maxGap` pixels are crossed.
int runLength(const Mask& m, int x, int y, double dx, double dy, int limit, int maxGap = 1) {
    const double nx = -dy, ny = dx;
    double px = x, py = y;
    int reached = 0, misses = 0, aside = 0;
    for (int t = 1; t <= limit; ++t) {
        px += dx;
        py += dy;
        bool hit = false;
        for (const int off : {0, 1, -1}) {
            if (std::abs(aside + off) > 2 + t / 6)
                continue;
            if (m.at(static_cast<int>(std::lround(px + off * nx)),
                     static_cast<int>(std::lround(py + off * ny)))) {
                px += off * nx;
                py += off * ny;
                aside += off;
                hit = true;
                break;
            }
        }
        if (hit) {
            reached = t;
            misses = 0;
        } else if (++misses > maxGap) {
            break;
        }
    }
    return reached;
}

// Ink straight through (x, y) along (dx, dy), both ways, no gap crossed.
int thickness(const Mask& m, int x, int y, double dx, double dy, int limit) {
    int count = 1;
    for (const int sign : {1, -1})
        for (int t = 1; t <= limit && count <= limit; ++t) {
            if (!m.at(static_cast<int>(std::lround(x + sign * t * dx)),
                      static_cast<int>(std::lround(y + sign * t * dy))))
                break;
            ++count;
        }
    return count;
}

// The pieces of ink sorted in one pass: those at least a line's length
// across (only they can hold a solid line), and those that can be dashes of
// a dashed line (thin, longer than wide, shorter than a line).
struct Pieces {
    std::vector<std::uint8_t> inLong; // per pixel
    Mask dashes;
};

Pieces sortPieces(const Mask& m, const LineRemovalOptions& options) {
    Pieces out{std::vector<std::uint8_t>(m.ink.size(), 0),
               Mask{m.w, m.h, std::vector<std::uint8_t>(m.ink.size(), 0)}};
    forEachPiece(m, [&](const std::vector<std::size_t>& members, double across) {
        const double width = static_cast<double>(members.size()) / across;
        if (across >= options.minLength) {
            for (const std::size_t i : members)
                out.inLong[i] = 1;
        } else if (across >= 4 && width <= options.maxWidth / 2.0 && across >= 2.5 * width) {
            for (const std::size_t i : members)
                out.dashes.ink[i] = 1;
        }
    });
    return out;
}

// The pixels of `ink` on runs at least `options.minLength` long.
std::vector<std::size_t> linePixels(const Mask& ink, const std::vector<std::uint8_t>* only,
                                    int maxGap, const LineRemovalOptions& options) {
    std::array<std::pair<double, double>, kDirections> directions{};
    for (int k = 0; k < kDirections; ++k) {
        const double a = k * std::numbers::pi / kDirections;
        directions[static_cast<std::size_t>(k)] = {std::cos(a), std::sin(a)};
    }
    // Across a line of width w at any angle, the horizontal or the vertical
    // cut is at most w·√2.
    const int crossCut = static_cast<int>(std::ceil(options.maxWidth * std::numbers::sqrt2));
    const int length = options.minLength;
    std::vector<std::size_t> found;
    for (int y = 0; y < ink.h; ++y)
        for (int x = 0; x < ink.w; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(ink.w) +
                                  static_cast<std::size_t>(x);
            if (!ink.ink[i] || (only && !(*only)[i]))
                continue;
            if (thickness(ink, x, y, 1, 0, crossCut) > crossCut &&
                thickness(ink, x, y, 0, 1, crossCut) > crossCut)
                continue;
            for (const auto& [dx, dy] : directions) {
                if (thickness(ink, x, y, -dy, dx, options.maxWidth) > options.maxWidth)
                    continue;
                const int ahead = runLength(ink, x, y, dx, dy, length, maxGap);
                if (ahead + 1 >= length ||
                    ahead + 1 + runLength(ink, x, y, -dx, -dy, length - ahead - 1, maxGap) >=
                        length) {
                    found.push_back(i);
                    break;
                }
            }
        }
    return found;
}

// Colour channels of a 32-bit leptonica pixel.
std::array<int, 3> rgbOf(l_uint32 v) {
    return {static_cast<int>((v >> 24) & 0xFF), static_cast<int>((v >> 16) & 0xFF),
            static_cast<int>((v >> 8) & 0xFF)};
}

int distance2(const std::array<double, 3>& a, const std::array<int, 3>& b) {
    double d = 0;
    for (std::size_t k = 0; k < 3; ++k)
        d += (a[k] - b[k]) * (a[k] - b[k]);
    return static_cast<int>(d);
}

struct Mean {
    std::array<double, 3> sum{};
    int n = 0;
    void add(const std::array<int, 3>& c) {
        for (std::size_t k = 0; k < 3; ++k)
            sum[k] += c[k];
        ++n;
    }
    std::array<double, 3> value() const { return {sum[0] / n, sum[1] / n, sum[2] / n}; }
};

} // namespace

LinesRemoved withoutMapLines(Pix* page, Pix* binary, const LineRemovalOptions& options) {
    if (!page || !binary || pixGetDepth(page) != 32 || pixGetDepth(binary) != 1 ||
        pixGetWidth(page) != pixGetWidth(binary) || pixGetHeight(page) != pixGetHeight(binary))
        return {};
    const Mask m = maskOf(binary);
    const Pieces pieces = sortPieces(m, options);
    std::vector<std::size_t> onLine = linePixels(m, &pieces.inLong, 1, options);
    // Dashed lines: the dashes in a row, gaps crossed.
    const std::vector<std::size_t> dashed = linePixels(pieces.dashes, nullptr, 10, options);
    onLine.insert(onLine.end(), dashed.begin(), dashed.end());
    if (onLine.empty())
        return {};

    std::vector<std::uint8_t> line(m.ink.size(), 0);
    for (const std::size_t i : onLine)
        line[i] = 1;
    const auto index = [&](int x, int y) {
        return static_cast<std::size_t>(y) * static_cast<std::size_t>(m.w) +
               static_cast<std::size_t>(x);
    };
    const auto isText = [&](int x, int y) { return m.at(x, y) && !line[index(x, y)]; };

    // Each line pixel is painted over with the paper around it, unless its
    // colour is that of the letters beside it rather than the line's: where a
    // line of another colour crosses a stroke, the stroke stays.
    const l_uint32* src = pixGetData(page);
    const int srcWpl = pixGetWpl(page);
    const auto colourAt = [&](int x, int y) {
        return rgbOf(src[static_cast<std::ptrdiff_t>(y) * srcWpl + x]);
    };
    LinesRemoved out;
    out.page.reset(pixCopy(nullptr, page));
    out.removed.reset(pixCreate(m.w, m.h, 1));
    if (!out.page || !out.removed)
        return {};
    l_uint32* dst = pixGetData(out.page.get());
    l_uint32* removed = pixGetData(out.removed.get());
    const int dstWpl = pixGetWpl(out.page.get()), removedWpl = pixGetWpl(out.removed.get());
    constexpr int r = 5;
    for (const std::size_t i : onLine) {
        const int x = static_cast<int>(i % static_cast<std::size_t>(m.w));
        const int y = static_cast<int>(i / static_cast<std::size_t>(m.w));
        Mean paper, text, pure;
        for (int dy = -r; dy <= r; ++dy)
            for (int dx = -r; dx <= r; ++dx) {
                const int qx = x + dx, qy = y + dy;
                if (qx < 0 || qy < 0 || qx >= m.w || qy >= m.h)
                    continue;
                const std::array<int, 3> c = colourAt(qx, qy);
                if (!m.at(qx, qy)) {
                    paper.add(c);
                } else if (!line[index(qx, qy)]) {
                    text.add(c);
                } else {
                    bool nearText = false;
                    for (int ey = -1; ey <= 1 && !nearText; ++ey)
                        for (int ex = -1; ex <= 1 && !nearText; ++ex)
                            nearText = isText(qx + ex, qy + ey);
                    if (!nearText)
                        pure.add(c);
                }
            }
        const std::array<int, 3> own = colourAt(x, y);
        if (text.n > 0 && pure.n > 0 &&
            2 * distance2(text.value(), own) < distance2(pure.value(), own))
            continue;
        if (paper.n == 0)
            continue;
        const std::array<double, 3> fill = paper.value();
        const auto byte = [](double v) {
            return static_cast<l_uint32>(std::clamp(v + 0.5, 0.0, 255.0));
        };
        dst[static_cast<std::ptrdiff_t>(y) * dstWpl + x] =
            byte(fill[0]) << 24 | byte(fill[1]) << 16 | byte(fill[2]) << 8;
        SET_DATA_BIT(removed + static_cast<std::ptrdiff_t>(y) * removedWpl, x);
        // The line's antialiased edge, lighter than ink, goes too.
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                const int qx = x + dx, qy = y + dy;
                if (qx >= 0 && qy >= 0 && qx < m.w && qy < m.h && !m.at(qx, qy))
                    dst[static_cast<std::ptrdiff_t>(qy) * dstWpl + qx] =
                        byte(fill[0]) << 24 | byte(fill[1]) << 16 | byte(fill[2]) << 8;
            }
    }
    return out;
}

} // namespace mapaudit::imagery
