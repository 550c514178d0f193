#include "mapaudit/security/supervised_register.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/records/table_file.h"
#include "mapaudit/security/credit_code.h"
#include "sheet_columns.h"

#include <algorithm>
#include <map>
#include <set>

namespace mapaudit::security {
using records::ImportProblem;
namespace {

const std::map<std::string, std::string> kCategoryZh{{"surveying", "测绘资质单位"},
                                                     {"classified_user", "涉密成果使用单位"},
                                                     {"both", "测绘资质单位、涉密成果使用单位"}};
const std::map<std::string, std::string> kIndustryZh{{"power", "电力"},
                                                     {"geology_mining", "地矿"},
                                                     {"water", "水利"},
                                                     {"transport", "交通"},
                                                     {"other", "其他"}};
// Other ways bureaus write them.
const std::map<std::string, std::string> kCategoryAliases{
    {"两者", "both"},
    {"测绘资质单位及涉密成果使用单位", "both"},
    {"测绘资质", "surveying"},
    {"涉密成果使用", "classified_user"}};
const std::map<std::string, std::string> kIndustryAliases{{"地质矿产", "geology_mining"},
                                                          {"地质", "geology_mining"},
                                                          {"矿产", "geology_mining"},
                                                          {"交通运输", "transport"},
                                                          {"电网", "power"}};

const SheetColumns kRegisterColumns{
    {"name", {"name", "单位名称", "名称"}},
    {"credit_code", {"credit_code", "统一社会信用代码", "信用代码"}},
    {"category", {"category", "类别", "单位类别"}},
    {"grade", {"grade", "资质等级"}},
    {"industry", {"industry", "行业"}},
    {"address", {"address", "地址"}},
    {"contact", {"contact", "联系人", "联系方式"}},
    {"non_local", {"non_local", "外地单位", "是否外地"}},
};
const SheetColumns kInspectorColumns{
    {"name", {"name", "姓名"}},
    {"conflicts", {"conflicts", "回避单位", "回避"}},
};

std::string codeFor(const std::string& text, const std::map<std::string, std::string>& labelsZh,
                    const std::map<std::string, std::string>& aliases) {
    if (labelsZh.count(text))
        return text;
    for (const auto& [code, zh] : labelsZh)
        if (zh == text)
            return code;
    const auto alias = aliases.find(text);
    return alias == aliases.end() ? "" : alias->second;
}

std::string choices(const std::map<std::string, std::string>& labelsZh) {
    std::string out;
    for (const auto& [code, zh] : labelsZh)
        out += (out.empty() ? "" : ", ") + zh + " (" + code + ")";
    return out;
}

std::string rowId(const std::string& kind, const std::string& key) {
    return sha256Hex(kind + "\n" + key).substr(0, 32);
}

} // namespace

const std::vector<std::string>& unitCategories() {
    static const std::vector<std::string> v{"surveying", "classified_user", "both"};
    return v;
}
const std::vector<std::string>& industries() {
    static const std::vector<std::string> v{"power", "geology_mining", "water", "transport",
                                            "other"};
    return v;
}
std::string categoryLabelZh(const std::string& c) {
    const auto it = kCategoryZh.find(c);
    return it == kCategoryZh.end() ? c : it->second;
}
std::string industryLabelZh(const std::string& i) {
    const auto it = kIndustryZh.find(i);
    return it == kIndustryZh.end() ? i : it->second;
}

ParsedRegister parseRegisterFile(const std::filesystem::path& path) {
    ParsedRegister out;
    std::map<std::string, int> seen; // credit code → first line
    for (const TableRow& row : readTableFile(path)) {
        const std::size_t before = out.problems.size();
        auto problem = [&](const std::string& field, const Message& message, const char* code) {
            out.problems.push_back({row.line, field, message, code});
        };
        auto cells = cellsByKey(row, kRegisterColumns, out.problems);
        SupervisedUnit u;
        u.name = cells["name"];
        if (u.name.empty())
            problem("name", msg("missing"), "missing");
        u.creditCode = normalizeCreditCode(cells["credit_code"]);
        if (u.creditCode.empty())
            problem("credit_code", msg("missing"), "missing");
        else if (u.creditCode.find("E+") != std::string::npos)
            problem("credit_code",
                    msg("'{}' was stored as a number, which loses the last digits — format the "
                        "column as text and type the code again",
                        cells["credit_code"]),
                    "not_credit_code");
        else if (const auto why = creditCodeIssue(u.creditCode))
            problem("credit_code", msg("'{}' {}", u.creditCode, *why), "not_credit_code");
        else if (const auto [it, fresh] = seen.emplace(u.creditCode, row.line); !fresh)
            problem("credit_code", msg("'{}' is on line {} already", u.creditCode, it->second),
                    "duplicate");
        u.category = codeFor(cells["category"], kCategoryZh, kCategoryAliases);
        if (cells["category"].empty())
            problem("category", msg("missing"), "missing");
        else if (u.category.empty())
            problem("category",
                    msg("'{}' is not one of {}", cells["category"], choices(kCategoryZh)),
                    "not_choice");
        u.industry = cells["industry"].empty()
                         ? "other"
                         : codeFor(cells["industry"], kIndustryZh, kIndustryAliases);
        if (u.industry.empty())
            problem("industry",
                    msg("'{}' is not one of {}", cells["industry"], choices(kIndustryZh)),
                    "not_choice");
        u.grade = cells["grade"];
        u.address = cells["address"];
        u.contact = cells["contact"];
        const std::string nonLocal = cells["non_local"];
        static const std::set<std::string> yes{"是", "yes", "Yes", "YES", "y", "true", "1", "外地"};
        static const std::set<std::string> no{"",  "否",    "no", "No",  "NO",
                                              "n", "false", "0",  "本地"};
        if (yes.count(nonLocal))
            u.nonLocal = true;
        else if (!no.count(nonLocal))
            problem("non_local", msg("'{}' is not 是/否 (yes/no)", nonLocal), "not_choice");
        if (out.problems.size() == before)
            out.units.push_back(std::move(u));
    }
    if (out.units.empty() && out.problems.empty())
        out.problems.push_back({1, "", msg("the sheet has no units"), "syntax"});
    return out;
}

ParsedInspectors parseInspectorFile(const std::filesystem::path& path) {
    ParsedInspectors out;
    std::set<std::string> names;
    for (const TableRow& row : readTableFile(path)) {
        const std::size_t before = out.problems.size();
        auto cells = cellsByKey(row, kInspectorColumns, out.problems);
        Inspector in;
        in.name = cells["name"];
        if (in.name.empty())
            out.problems.push_back({row.line, "name", msg("missing"), "missing"});
        else if (!names.insert(in.name).second)
            out.problems.push_back(
                {row.line, "name", msg("'{}' is listed twice", in.name), "duplicate"});
        for (const std::string& part : splitNonEmpty(cells["conflicts"], ';')) {
            const std::string code = normalizeCreditCode(part);
            if (code.empty())
                continue;
            if (const auto why = creditCodeIssue(code))
                out.problems.push_back(
                    {row.line, "conflicts", msg("'{}' {}", code, *why), "not_credit_code"});
            else
                in.conflicts.push_back(code);
        }
        std::sort(in.conflicts.begin(), in.conflicts.end());
        if (out.problems.size() == before)
            out.inspectors.push_back(std::move(in));
    }
    return out;
}

records::ImportCounts importRegister(records::RecordsDb& db,
                                     const std::vector<SupervisedUnit>& units) {
    records::ImportCounts counts;
    Transaction t(db.database());
    for (const SupervisedUnit& u : units) {
        const std::string id = rowId("supervised_unit", u.creditCode);
        counts.tally(db.auditedWrite("supervised_units", id, [&] {
            Statement s(db.database(),
                        "INSERT INTO supervised_units (id, credit_code, name, category, grade, "
                        "industry, address, contact, non_local) VALUES (?,?,?,?,?,?,?,?,?) "
                        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, category = "
                        "excluded.category, grade = excluded.grade, industry = excluded.industry, "
                        "address = excluded.address, contact = excluded.contact, non_local = "
                        "excluded.non_local");
            s.bind(1, id).bind(2, u.creditCode).bind(3, u.name).bind(4, u.category);
            s.bind(5, u.grade).bind(6, u.industry).bind(7, u.address).bind(8, u.contact);
            s.bind(9, std::int64_t(u.nonLocal ? 1 : 0));
            s.step();
        }));
    }
    t.commit();
    return counts;
}

records::ImportCounts importInspectors(records::RecordsDb& db, const std::vector<Inspector>& list) {
    records::ImportCounts counts;
    Transaction t(db.database());
    for (const Inspector& in : list) {
        const std::string id = rowId("inspector", in.name);
        counts.tally(db.auditedWrite("inspectors", id, [&] {
            Statement s(db.database(), "INSERT INTO inspectors (id, name, conflicts) VALUES "
                                       "(?,?,?) ON CONFLICT(id) DO UPDATE SET conflicts = "
                                       "excluded.conflicts");
            s.bind(1, id).bind(2, in.name).bind(3, nlohmann::json(in.conflicts).dump());
            s.step();
        }));
    }
    t.commit();
    return counts;
}

std::vector<SupervisedUnit> supervisedUnits(records::RecordsDb& db) {
    Statement s(db.database(), "SELECT credit_code, name, category, grade, industry, address, "
                               "contact, non_local FROM supervised_units ORDER BY credit_code");
    std::vector<SupervisedUnit> out;
    while (s.step())
        out.push_back({s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3),
                       s.columnText(4), s.columnText(5), s.columnText(6), s.columnInt(7) != 0});
    return out;
}

std::vector<Inspector> inspectors(records::RecordsDb& db) {
    Statement s(db.database(), "SELECT name, conflicts FROM inspectors ORDER BY name");
    std::vector<Inspector> out;
    while (s.step())
        out.push_back({s.columnText(0),
                       nlohmann::json::parse(s.columnText(1)).get<std::vector<std::string>>()});
    return out;
}

} // namespace mapaudit::security
