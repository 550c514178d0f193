#include "mapaudit/base/encoding.h"

#include "mapaudit/base/text_util.h"

#include <array>
#include <cstdint>
#include <fstream>
#include <optional>
#include <vector>

namespace mapaudit {
namespace fs = std::filesystem;
namespace {

// dBASE language driver ids meaning "no particular code page": 0 (none) and
// 0x57 (ANSI, written by ArcGIS whatever the system code page was — on a
// Chinese Windows that is GBK).
constexpr unsigned char kLdidNone = 0x00;
constexpr unsigned char kLdidAnsi = 0x57;
constexpr std::size_t kMaxSampleBytes = 4 * 1024 * 1024;

std::optional<fs::path> sibling(const fs::path& p, std::initializer_list<const char*> exts) {
    for (const char* ext : exts) {
        fs::path candidate = p;
        candidate.replace_extension(ext);
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec))
            return candidate;
    }
    return std::nullopt;
}

std::uint16_t le16(const unsigned char* b) {
    return static_cast<std::uint16_t>(b[0] | (b[1] << 8));
}
std::uint32_t le32(const unsigned char* b) {
    return static_cast<std::uint32_t>(b[0]) | (static_cast<std::uint32_t>(b[1]) << 8) |
           (static_cast<std::uint32_t>(b[2]) << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
}

struct DbfSample {
    unsigned char ldid = 0;
    std::string text; // raw bytes of the character fields of the first records
    bool readable = false;
};

DbfSample sampleDbf(const fs::path& dbf) {
    DbfSample out;
    std::ifstream in(dbf, std::ios::binary);
    std::array<unsigned char, 32> header{};
    if (!in.read(reinterpret_cast<char*>(header.data()), header.size()))
        return out;
    out.ldid = header[29];
    const std::uint32_t records = le32(&header[4]);
    const std::uint16_t headerLength = le16(&header[8]);
    const std::uint16_t recordLength = le16(&header[10]);
    if (headerLength < 33 || recordLength == 0)
        return out;

    struct CharField {
        std::size_t offset, length;
    };
    std::vector<CharField> fields;
    std::size_t offset = 1; // each record starts with the deletion flag
    std::array<unsigned char, 32> descriptor{};
    for (std::size_t pos = 32; pos + 32 <= headerLength; pos += 32) {
        if (!in.read(reinterpret_cast<char*>(descriptor.data()), 1) || descriptor[0] == 0x0D)
            break;
        if (!in.read(reinterpret_cast<char*>(descriptor.data()) + 1, 31))
            return out;
        const std::size_t length = descriptor[16];
        if (descriptor[11] == 'C')
            fields.push_back({offset, length});
        offset += length;
    }
    out.readable = true;
    if (fields.empty())
        return out;

    in.seekg(headerLength);
    std::vector<char> record(recordLength);
    for (std::uint32_t i = 0; i < records && out.text.size() < kMaxSampleBytes; ++i) {
        if (!in.read(record.data(), recordLength))
            break;
        for (const auto& f : fields)
            if (f.offset + f.length <= record.size()) {
                out.text.append(record.data() + f.offset, f.length);
                out.text.push_back(' ');
            }
    }
    return out;
}

} // namespace

bool isWellFormedGb18030(std::string_view s) {
    auto in = [](unsigned char c, int lo, int hi) { return c >= lo && c <= hi; };
    for (std::size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        if (!in(b0, 0x81, 0xFE) || i + 1 >= s.size())
            return false;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if (in(b1, 0x40, 0x7E) || in(b1, 0x80, 0xFE)) {
            i += 2;
            continue;
        }
        if (in(b1, 0x30, 0x39) && i + 3 < s.size() &&
            in(static_cast<unsigned char>(s[i + 2]), 0x81, 0xFE) &&
            in(static_cast<unsigned char>(s[i + 3]), 0x30, 0x39)) {
            i += 4;
            continue;
        }
        return false;
    }
    return true;
}

TextGuess guessTextEncoding(std::string_view bytes) {
    bool ascii = true;
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii)
        return TextGuess::Ascii;
    // Strict: GDAL's CPLIsUTF8 lets encoded surrogates (ED A0 80) through, which JSON and Qt
    // refuse.
    if (isWellFormedUtf8(bytes))
        return TextGuess::Utf8;
    if (isWellFormedGb18030(bytes))
        return TextGuess::Gb18030;
    return TextGuess::Unknown;
}

EncodingDecision decideShapefileEncoding(const fs::path& path, const std::string& userEncoding) {
    if (!userEncoding.empty())
        return {userEncoding, "user", msg("set by the user (--encoding {})", userEncoding)};
    const auto dbf = sibling(path, {".dbf", ".DBF"});
    if (!dbf)
        return {};
    if (auto cpg = sibling(path, {".cpg", ".CPG"})) {
        std::ifstream in(*cpg);
        std::string name;
        std::getline(in, name);
        return {"", "cpg", msg("from {} ({})", cpg->filename(), name)};
    }
    const DbfSample sample = sampleDbf(*dbf);
    if (!sample.readable)
        return {"", "default", msg("the .dbf header is unreadable; GDAL's default used")};
    if (sample.ldid != kLdidNone && sample.ldid != kLdidAnsi)
        return {"", "dbf-header",
                msg("code page from the .dbf header (language driver id {})",
                    static_cast<int>(sample.ldid))};

    switch (guessTextEncoding(sample.text)) {
    case TextGuess::Ascii:
        return {"", "default", msg("attribute text is plain ASCII")};
    case TextGuess::Utf8:
        return {"UTF-8", "detected", msg("no .cpg; attribute text is valid UTF-8")};
    case TextGuess::Gb18030:
        return {"GB18030", "detected",
                msg("no .cpg and no code page in the .dbf; attribute text is GBK/GB18030, not "
                    "UTF-8 (override with --encoding)")};
    case TextGuess::Unknown:
        break;
    }
    return {"", "default",
            msg("no .cpg; attribute text is neither UTF-8 nor GBK — read as ISO-8859-1; give the "
                "right one with --encoding"),
            true};
}

} // namespace mapaudit
