#include "mapaudit/security/spot_check_draw.h"

#include "mapaudit/base/atomic_output.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/base/timestamps.h"
#include "mapaudit/records/records_db.h"
#include "mapaudit/records/xlsx_book.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace mapaudit::security {
using nlohmann::json;
namespace {

// mt19937_64's output is fixed by the C++ standard; the distributions are
// not, so the bounded draws are done here: the same seed gives the same draw
// with any compiler.
class Dice {
public:
    explicit Dice(std::uint64_t seed) : engine_(seed) {}
    std::size_t below(std::size_t n) { // uniform in [0, n)
        const std::uint64_t bound = n;
        const std::uint64_t threshold = (0 - bound) % bound;
        for (;;)
            if (const std::uint64_t r = engine_(); r >= threshold)
                return static_cast<std::size_t>(r % bound);
    }
    // The first `k` of `items` become a uniform random sample (partial Fisher-Yates).
    template <typename T> void sample(std::vector<T>& items, std::size_t k) {
        for (std::size_t i = 0; i < k && i < items.size(); ++i)
            std::swap(items[i], items[i + below(items.size() - i)]);
    }

private:
    std::mt19937_64 engine_;
};

std::size_t atLeastRatio(double ratio, std::size_t n) {
    // 0.1 × 30 is 3.0000000000000004 in binary: round before ceiling.
    return static_cast<std::size_t>(std::ceil(ratio * static_cast<double>(n) - 1e-9));
}

std::string stratumOf(const SupervisedUnit& u, const std::string& stratify) {
    return stratify == "industry" ? u.industry : stratify == "category" ? u.category : "";
}

std::string methodText(const Draw& d) {
    const DrawOptions& o = d.options;
    std::string text = "从本单位监管名录 " + std::to_string(d.population) + " 家单位中随机抽取";
    if (o.stratify.empty())
        text += "不少于 " + std::to_string(static_cast<int>(std::lround(o.ratio * 100))) + "%";
    else
        text += std::string("，按") + (o.stratify == "industry" ? "行业" : "单位类别") +
                "分层，每层不少于 " + std::to_string(static_cast<int>(std::lround(o.ratio * 100))) +
                "% 且不少于 " + std::to_string(o.minPerStratum) + " 家";
    text += "，共 " + std::to_string(d.drawn.size()) +
            " 家；每家随机匹配 2 名执法检查人员，有利害关系的人员回避。随机数种子 " +
            std::to_string(*o.seed) +
            "（mt19937-64，名录按统一社会信用代码排序），可据此复核抽取结果。";
    return text;
}

json drawJson(const Draw& d) {
    json units = json::array();
    for (const DrawnUnit& u : d.drawn)
        units.push_back({{"credit_code", u.unit.creditCode},
                         {"name", u.unit.name},
                         {"industry", u.unit.industry},
                         {"category", u.unit.category},
                         {"stratum", u.stratum},
                         {"inspectors", u.inspectors}});
    return {{"population", d.population}, {"drawn", units}, {"method", d.method}};
}

json optionsJson(const DrawOptions& o) {
    return {{"year", o.year},
            {"ratio", o.ratio},
            {"stratify", o.stratify},
            {"min_per_stratum", o.minPerStratum},
            {"seed", std::to_string(*o.seed)},
            {"unit", o.unit},
            {"date", o.date}};
}

} // namespace

Draw computeDraw(const std::vector<SupervisedUnit>& units, const std::vector<Inspector>& pool,
                 const DrawOptions& options) {
    if (units.empty())
        throw InputError(
            msg("the register has no units — import it first with `mapaudit register import`"));
    if (!(options.ratio > 0 && options.ratio <= 1))
        throw InputError(msg("the ratio must be above 0 and at most 1 (e.g. 0.1 for 10%)"));
    if (!options.stratify.empty() && options.stratify != "industry" &&
        options.stratify != "category")
        throw InputError(msg("--stratify takes industry or category, not '{}'", options.stratify));
    if (!options.seed)
        throw InputError(msg("a draw needs a seed"));
    Draw d;
    d.options = options;
    d.population = units.size();
    Dice dice(*options.seed);

    // Strata in a fixed order, their units in credit-code order.
    std::map<std::string, std::vector<SupervisedUnit>> strata;
    std::vector<SupervisedUnit> sorted = units;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.creditCode < b.creditCode; });
    for (const SupervisedUnit& u : sorted)
        strata[stratumOf(u, options.stratify)].push_back(u);
    for (auto& [stratum, members] : strata) {
        std::size_t k = atLeastRatio(options.ratio, members.size());
        if (!options.stratify.empty())
            k = std::max(k, std::min<std::size_t>(
                                static_cast<std::size_t>(std::max(0, options.minPerStratum)),
                                members.size()));
        dice.sample(members, k);
        for (std::size_t i = 0; i < k; ++i)
            d.drawn.push_back({members[i], stratum, {}});
    }

    std::vector<Inspector> sortedPool = pool;
    std::sort(sortedPool.begin(), sortedPool.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    for (DrawnUnit& du : d.drawn) {
        std::vector<std::string> eligible;
        for (const Inspector& in : sortedPool)
            if (std::find(in.conflicts.begin(), in.conflicts.end(), du.unit.creditCode) ==
                in.conflicts.end())
                eligible.push_back(in.name);
        if (eligible.size() < 2)
            throw InputError(msg("{} ({}) has {} inspector(s) without a conflict; two are needed — "
                                 "add inspectors with `mapaudit register inspectors`",
                                 du.unit.name, du.unit.creditCode, eligible.size()));
        dice.sample(eligible, 2);
        du.inspectors = {eligible[0], eligible[1]};
    }
    d.method = methodText(d);
    return d;
}

Draw drawSpotChecks(records::RecordsDb& db, DrawOptions options) {
    if (options.year < 2000 || options.year > 2200)
        throw InputError(msg("the year must look like 2026"));
    if (options.date.empty())
        options.date = todayLocal();
    if (!records::isIsoDate(options.date))
        throw InputError(msg("'{}' is not a date (YYYY-MM-DD)", options.date));
    if (!db.findUnit(options.unit))
        throw InputError(msg("unit '{}' does not exist — see `mapaudit org list`", options.unit));
    if (!options.seed)
        options.seed = std::random_device{}() * 0x100000000ULL + std::random_device{}();
    Draw d = computeDraw(supervisedUnits(db), inspectors(db), options);
    const std::string drawnAt = nowUtc();
    d.id = sha256Hex("draw\n" + optionsJson(d.options).dump() + "\n" + drawnAt).substr(0, 32);

    Transaction t(db.database());
    db.auditedWrite("draws", d.id, [&] {
        Statement s(db.database(), "INSERT INTO draws (id, year, drawn_at, drawn_by, parameters, "
                                   "result) VALUES (?,?,?,?,?,?)");
        s.bind(1, d.id).bind(2, std::int64_t(d.options.year)).bind(3, drawnAt);
        s.bind(4, db.actor()).bind(5, optionsJson(d.options).dump()).bind(6, drawJson(d).dump());
        s.step();
    });
    std::vector<records::Record> pending;
    for (const DrawnUnit& du : d.drawn) {
        records::Record r;
        r.kind = "spot_check";
        r.unit = d.options.unit;
        r.date = d.options.date;
        r.fields = {{"checked_unit", du.unit.name},
                    {"industry", industryLabelZh(du.unit.industry)},
                    {"result", "待检查"}};
        r.notes = "双随机抽查 " + d.id.substr(0, 8) + "；统一社会信用代码 " + du.unit.creditCode +
                  "；检查人员 " + du.inspectors[0] + "、" + du.inspectors[1];
        r.id = records::contentUuid(r);
        pending.push_back(std::move(r));
    }
    db.upsert(pending);
    t.commit();
    return d;
}

std::vector<Draw> recordedDraws(records::RecordsDb& db, int year) {
    Statement s(db.database(),
                "SELECT id, parameters, result FROM draws WHERE year = ? ORDER BY drawn_at");
    s.bind(1, std::int64_t(year));
    std::vector<Draw> out;
    while (s.step()) {
        Draw d;
        d.id = s.columnText(0);
        const json p = json::parse(s.columnText(1)), r = json::parse(s.columnText(2));
        d.options.year = p.at("year");
        d.options.ratio = p.at("ratio");
        d.options.stratify = p.at("stratify");
        d.options.minPerStratum = p.at("min_per_stratum");
        d.options.seed = std::stoull(p.at("seed").get<std::string>());
        d.options.unit = p.at("unit");
        d.options.date = p.at("date");
        d.population = r.at("population");
        d.method = r.at("method");
        for (const json& u : r.at("drawn")) {
            DrawnUnit du;
            du.unit.creditCode = u.at("credit_code");
            du.unit.name = u.at("name");
            du.unit.industry = u.at("industry");
            du.unit.category = u.at("category");
            du.stratum = u.at("stratum");
            du.inspectors = u.at("inspectors").get<std::vector<std::string>>();
            d.drawn.push_back(std::move(du));
        }
        out.push_back(std::move(d));
    }
    return out;
}

SpotCheckRatio spotCheckRatio(records::RecordsDb& db, int year) {
    SpotCheckRatio r;
    r.registered = static_cast<std::size_t>(
        db.database().queryInt("SELECT COUNT(*) FROM supervised_units").value_or(0));
    Statement s(db.database(),
                "SELECT COUNT(DISTINCT u.id) FROM supervised_units u JOIN records r ON "
                "r.kind = 'spot_check' AND json_extract(r.fields, '$.checked_unit') = u.name "
                "AND r.date BETWEEN ? AND ?");
    s.bind(1, std::to_string(year) + "-01-01").bind(2, std::to_string(year) + "-12-31");
    s.step();
    r.checked = static_cast<std::size_t>(s.columnInt(0));
    return r;
}

void writeDrawNoticeXlsx(const Draw& d, const std::filesystem::path& path) {
    AtomicOutput output(path);
    {
        XlsxBook book(output.partial(), path);
        lxw_worksheet* sheet = book.addSheet("抽查结果公示");
        lxw_format* title = book.format(true, 16, LXW_ALIGN_CENTER, false);
        lxw_format* text = book.format(false, 11, LXW_ALIGN_LEFT, false);
        lxw_format* header = book.format(true, 11, LXW_ALIGN_CENTER, true);
        lxw_format* cell = book.format(false, 11, LXW_ALIGN_LEFT, true);
        lxw_format* number = book.format(false, 11, LXW_ALIGN_CENTER, true);
        const double widths[] = {6, 36, 24, 10, 22};
        for (lxw_col_t c = 0; c < 5; ++c)
            worksheet_set_column(sheet, c, c, widths[c], nullptr);
        const std::string heading =
            std::to_string(d.options.year) + "年度地理信息安全监管“双随机、一公开”抽查结果公示";
        worksheet_merge_range(sheet, 0, 0, 0, 4, heading.c_str(), title);
        worksheet_merge_range(
            sheet, 1, 0, 1, 4,
            ("抽查单位：" + d.options.unit + "    抽取日期：" + d.options.date).c_str(), text);
        worksheet_merge_range(sheet, 2, 0, 2, 4, ("抽取方法：" + d.method).c_str(), text);
        worksheet_set_row(sheet, 2, 48, nullptr);
        const char* columns[] = {"序号", "被抽查单位", "统一社会信用代码", "行业", "检查人员"};
        for (lxw_col_t c = 0; c < 5; ++c)
            worksheet_write_string(sheet, 3, c, columns[c], header);
        for (std::size_t i = 0; i < d.drawn.size(); ++i) {
            const DrawnUnit& u = d.drawn[i];
            const auto row = static_cast<lxw_row_t>(4 + i);
            worksheet_write_number(sheet, row, 0, static_cast<double>(i + 1), number);
            worksheet_write_string(sheet, row, 1, u.unit.name.c_str(), cell);
            worksheet_write_string(sheet, row, 2, u.unit.creditCode.c_str(), cell);
            worksheet_write_string(sheet, row, 3, industryLabelZh(u.unit.industry).c_str(), cell);
            worksheet_write_string(sheet, row, 4,
                                   (u.inspectors[0] + "、" + u.inspectors[1]).c_str(), cell);
        }
        book.close();
    }
    output.commit();
}

} // namespace mapaudit::security
