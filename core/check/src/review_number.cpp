#include "mapaudit/check/review_number.h"

#include "mapaudit/base/text_util.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <set>
#include <string_view>

namespace mapaudit::check {
namespace {

// One-character abbreviations of China's provincial units (both forms where
// two are in use), as provincial review numbers begin.
constexpr std::array<std::string_view, 39> kProvinces{
    "京", "津", "沪", "渝", "冀", "豫", "云", "滇", "辽", "黑", "湘", "皖", "鲁",
    "新", "苏", "浙", "赣", "鄂", "桂", "甘", "陇", "晋", "蒙", "陕", "秦", "吉",
    "闽", "贵", "黔", "粤", "青", "藏", "川", "蜀", "宁", "琼", "港", "澳", "台"};
constexpr int kFirstYear = 1990;
constexpr std::size_t kMaxNumberDigits = 6;

// The character as the forms are matched; 0 = dropped (white space).
char32_t normalised(char32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        cp -= 0xFEE0; // full-width ASCII
    switch (cp) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case 0x3000:
    case 0x00A0:
        return 0;
    case '[':
    case 0x3010:
    case 0x3014:
    case 0x3016:
        return '(';
    case ']':
    case 0x3011:
    case 0x3015:
    case 0x3017:
        return ')';
    case U'號':
        return U'号';
    case U'審':
        return U'审';
    case U'圖':
        return U'图';
    default:
        return cp;
    }
}

// The normalised text, and for each of its bytes the offset of the source
// character it came from.
struct Normalised {
    std::string text;
    std::vector<std::size_t> source;
};

Normalised normalise(std::string_view s) {
    Normalised n;
    for (std::size_t i = 0; i < s.size();) {
        const Utf8Char d = decodeUtf8At(s, i);
        if (const char32_t cp = normalised(d.codePoint)) {
            const std::size_t before = n.text.size();
            appendUtf8(n.text, cp);
            n.source.insert(n.source.end(), n.text.size() - before, i);
        }
        i += d.length;
    }
    n.source.push_back(s.size());
    return n;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}

bool startsWith(std::string_view s, std::size_t at, std::string_view prefix) {
    return s.substr(at, prefix.size()) == prefix;
}

// The province abbreviation at `at`, or "".
std::string_view provinceAt(std::string_view s, std::size_t at) {
    for (std::string_view p : kProvinces)
        if (startsWith(s, at, p))
            return p;
    return {};
}

constexpr std::string_view kLabel = "审图号";
constexpr std::string_view kHao = "号";

// Reads the number that starts at `at` (its prefix already known to end at
// `afterPrefix`); returns where it ends.
std::size_t readNumber(std::string_view s, std::size_t afterPrefix, int currentYear,
                       ReviewNumber& out) {
    std::size_t i = afterPrefix;
    auto fail = [&](std::string zh, std::string en) {
        out.wellFormed = false;
        out.problemZh = std::move(zh);
        out.problemEn = std::move(en);
        return i;
    };
    if (i >= s.size() || s[i] != '(')
        return fail("年份未用括号标出", "the year is not in brackets");
    ++i;
    const std::size_t yearStart = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    const std::string_view year = s.substr(yearStart, i - yearStart);
    if (i >= s.size() || s[i] != ')')
        return fail("括号未闭合或年份中有其他字符", "the bracket is not closed after the year");
    ++i;
    if (year.size() != 4)
        return fail("年份应为四位数字", "the year must have four digits");
    out.year = std::stoi(std::string(year));
    if (out.year < kFirstYear || out.year > currentYear + 1)
        return fail("年份 " + std::string(year) + " 不在 " + std::to_string(kFirstYear) + "–" +
                        std::to_string(currentYear + 1) + " 之间",
                    "the year " + std::string(year) + " is not between " +
                        std::to_string(kFirstYear) + " and " + std::to_string(currentYear + 1));
    const std::size_t numberStart = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i == numberStart)
        return fail("缺少序号", "the serial number is missing");
    if (i - numberStart > kMaxNumberDigits)
        return fail("序号位数过多", "the serial number has too many digits");
    if (i + 1 < s.size() && s[i] == '-' && isDigit(s[i + 1])) {
        ++i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
    }
    if (!startsWith(s, i, kHao))
        return fail("序号后缺少“号”字", "'号' is missing after the serial number");
    i += kHao.size();
    out.wellFormed = true;
    return i;
}

// A review number's prefix at `at`: "GS", "GS京", "京S", "京SG"; returns its
// end, or npos when none starts there.
std::size_t prefixAt(std::string_view s, std::size_t at, std::string& authority) {
    if (startsWith(s, at, "GS")) {
        std::size_t i = at + 2;
        const std::string_view p = provinceAt(s, i);
        i += p.size();
        authority = "GS" + std::string(p);
        return i;
    }
    const std::string_view p = provinceAt(s, at);
    if (p.empty() || !startsWith(s, at + p.size(), "S"))
        return std::string_view::npos;
    std::size_t i = at + p.size() + 1;
    if (i < s.size() && isUpper(s[i]))
        ++i; // a sub-series letter (鲁SG)
    authority = std::string(p) + "S";
    return i;
}

} // namespace

std::string normaliseReviewText(const std::string& text) {
    return normalise(text).text;
}

std::vector<ReviewNumber> findReviewNumbers(const std::string& text, int currentYear) {
    std::vector<ReviewNumber> found;
    // Most texts are names: nothing to do without an S or the label.
    if (text.find('S') == std::string::npos && text.find("\xEF\xBC\xB3") == std::string::npos &&
        text.find("审图") == std::string::npos && text.find("審圖") == std::string::npos)
        return found;
    const Normalised n = normalise(text);
    const std::string_view s = n.text;
    auto original = [&](std::size_t from, std::size_t to) {
        return text.substr(n.source[from], n.source[to] - n.source[from]);
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const bool labelled = startsWith(s, i, kLabel);
        std::size_t start = i, at = i;
        if (labelled) {
            at = i + kLabel.size();
            if (at < s.size() && s[at] == ':')
                ++at;
        }
        ReviewNumber r;
        const std::size_t afterPrefix = prefixAt(s, at, r.authority);
        if (afterPrefix == std::string_view::npos) {
            if (labelled) {
                r.problemZh = "“审图号”后没有可识别的编号";
                r.problemEn = "no number follows '审图号'";
                r.text = trim(original(start, std::min(s.size(), at + 24)));
                r.canonical = std::string(s.substr(start, at - start));
                found.push_back(std::move(r));
                i = at;
                continue;
            }
            i += decodeUtf8At(s, i).length;
            continue;
        }
        // A bare "GS" or "京S" in a word is no review number; one followed by
        // a bracket or a digit, or after the label, is read as one.
        const bool looksLikeOne = labelled || (afterPrefix < s.size() &&
                                               (s[afterPrefix] == '(' || isDigit(s[afterPrefix])));
        if (!looksLikeOne || (at > 0 && !labelled && isUpper(s[at - 1]))) {
            i = afterPrefix;
            continue;
        }
        const std::size_t end = readNumber(s, afterPrefix, currentYear, r);
        const std::size_t stop = std::max(end, afterPrefix);
        r.canonical = std::string(s.substr(at, stop - at));
        r.text = trim(original(start, stop));
        found.push_back(std::move(r));
        i = stop;
    }
    return found;
}

} // namespace mapaudit::check

namespace mapaudit::check {

int currentYear() {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int>(std::chrono::year_month_day(today).year());
}

std::vector<Finding> judgeReviewNumbers(const std::vector<TextOnMap>& texts, bool required,
                                        int year, std::vector<ReviewNumberSeen>& seen) {
    std::vector<Finding> malformed;
    std::set<std::string> reported;
    bool wellFormed = false;
    for (const TextOnMap& t : texts)
        for (const ReviewNumber& r : findReviewNumbers(t.text, year)) {
            seen.push_back({r.text, t.origin, r.wellFormed});
            wellFormed = wellFormed || r.wellFormed;
            if (r.wellFormed || !reported.insert(r.canonical).second)
                continue;
            Finding f;
            f.rule = kReviewNoMalformed;
            f.code = "map";
            f.severity = Severity::Warning;
            f.messageZh = "审图号“" + r.text + "”格式不正确：" + r.problemZh +
                          "（应为 GS(年份)序号号、GS京(年份)序号号 或 省份简称S(年份)序号号；见于" +
                          t.origin + "）";
            f.messageEn = "review number '" + r.text + "' is malformed: " + r.problemEn +
                          " (the forms are GS(year)serial号, GS京(year)serial号 or a province's "
                          "abbreviation + S(year)serial号; in " +
                          t.origin + ")";
            f.featureIds = t.featureIds;
            f.geometryWkt = t.geometryWkt;
            f.confidence = t.confidence;
            f.needsConfirmation = t.confidence.has_value();
            malformed.push_back(std::move(f));
        }
    if (wellFormed)
        return {};
    if (!malformed.empty() || !required)
        return malformed;
    Finding f;
    f.rule = kReviewNoMissing;
    f.code = "map";
    f.severity = Severity::Warning;
    f.messageZh =
        "地图的属性、元数据和注记中均未发现审图号：公开地图应当载明审图号（景区图、街区图等"
        "内容简单的地图除外），请核实地图是否经审核、审图号是否标注在图面其他位置";
    f.messageEn =
        "no review number (审图号) in the map's attributes, metadata or labels: a public "
        "map must show it unless it is a simple map exempt from review; check whether the "
        "map was reviewed and whether the number stands elsewhere on it";
    return {f};
}

} // namespace mapaudit::check
