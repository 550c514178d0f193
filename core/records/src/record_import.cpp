#include "mapaudit/records/record_import.h"

#include "mapaudit/base/encoding.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/json_text.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/records/record_kinds.h"
#include "mapaudit/records/table_file.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>

namespace mapaudit::records {
namespace fs = std::filesystem;
namespace {

// A count beyond any bureau's year; sums of millions of such counts still fit
// in 64 bits, so the summary table cannot overflow.
constexpr std::int64_t kMaxCount = 1'000'000'000'000;

const std::set<std::string> kCommonKeys{"id", "kind", "unit", "date", "notes", "classified"};

std::optional<double> number(const nlohmann::json& v) {
    if (v.is_number())
        return v.get<double>();
    if (!v.is_string())
        return std::nullopt;
    const std::string s = v.get<std::string>();
    double d = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return d;
}

std::string text(const nlohmann::json& v) {
    if (v.is_string())
        return v.get<std::string>();
    return v.is_null() ? "" : v.dump();
}

bool blank(const nlohmann::json& v) {
    return v.is_null() || (v.is_string() && v.get<std::string>().empty());
}

} // namespace

bool parseRecord(const nlohmann::json& o, int line,
                 const std::function<bool(const std::string&)>& unitExists, Record& out,
                 std::vector<ImportProblem>& problems) {
    const std::size_t before = problems.size();
    auto problem = [&](const std::string& field, const Message& message, const char* code) {
        problems.push_back({line, field, message, code});
    };
    if (!o.is_object()) {
        problem("", msg("not a JSON object"), "syntax");
        return false;
    }
    auto get = [&](const char* key) { return o.contains(key) ? o.at(key) : nlohmann::json(); };
    const std::string kind = text(get("kind"));
    const KindSpec* spec = findKind(kind);
    if (kind.empty())
        problem("kind", msg("missing"), "missing");
    else if (!spec)
        problem("kind", msg("unknown kind '{}'", kind), "unknown");
    out.kind = kind;
    out.unit = text(get("unit"));
    if (out.unit.empty())
        problem("unit", msg("missing"), "missing");
    else if (!unitExists(out.unit))
        problem("unit", msg("unknown unit '{}' — add it with `mapaudit org add`", out.unit),
                "unknown");
    out.date = text(get("date"));
    if (out.date.empty())
        problem("date", msg("missing"), "missing");
    else if (!isIsoDate(out.date))
        problem("date", msg("'{}' is not a date (YYYY-MM-DD)", out.date), "not_date");
    out.notes = text(get("notes"));
    out.id = text(get("id"));
    if (!out.id.empty() && !isUuid(out.id))
        problem("id", msg("'{}' is not a UUID", out.id), "not_uuid");
    out.fields = nlohmann::json::object();
    if (const nlohmann::json c = get("classified"); !blank(c)) {
        static const std::set<std::string> yes{"true", "yes", "1", "是", "涉密"};
        static const std::set<std::string> no{"false", "no", "0", "否"};
        const std::string t = c.is_boolean() ? (c.get<bool>() ? "true" : "false") : text(c);
        if (yes.count(t))
            out.fields["classified"] = true;
        else if (!no.count(t))
            problem("classified", msg("'{}' is not true/false (是/否)", t), "not_choice");
    }
    if (!spec)
        return problems.size() == before;

    for (const auto& [key, value] : o.items())
        if (!kCommonKeys.count(key) && !spec->field(key) && !blank(value))
            problem(key, msg("not a field of '{}'", kind), "not_field");
    for (const FieldSpec& f : spec->fields) {
        const nlohmann::json v = get(f.name.c_str());
        if (blank(v)) {
            if (f.required)
                problem(f.name, msg("missing"), "missing");
            else if (f.defaultCount)
                out.fields[f.name] =
                    f.type == FieldType::Count
                        ? nlohmann::json(static_cast<std::int64_t>(*f.defaultCount))
                        : nlohmann::json(*f.defaultCount);
            continue;
        }
        switch (f.type) {
        case FieldType::Text:
            out.fields[f.name] = text(v);
            break;
        case FieldType::Choice:
            if (std::find(f.choices.begin(), f.choices.end(), text(v)) == f.choices.end()) {
                std::string allowed;
                for (const auto& c : f.choices)
                    allowed += (allowed.empty() ? "" : ", ") + c;
                problem(f.name, msg("'{}' is not one of {}", text(v), allowed), "not_choice");
            } else {
                out.fields[f.name] = text(v);
            }
            break;
        case FieldType::Count: {
            const auto n = number(v);
            if (!n || *n != std::floor(*n))
                problem(f.name, msg("'{}' is not a whole number", text(v)), "not_whole");
            else if (*n < 0)
                problem(f.name, msg("must not be negative ({})", text(v)), "negative");
            else if (*n > static_cast<double>(kMaxCount))
                problem(f.name,
                        msg("'{}' is too large for a count (at most {}) — check the figure",
                            text(v), kMaxCount),
                        "too_large");
            else
                out.fields[f.name] = static_cast<std::int64_t>(*n);
            break;
        }
        case FieldType::Amount: {
            const auto n = number(v);
            if (!n || !std::isfinite(*n))
                problem(f.name, msg("'{}' is not a number", text(v)), "not_number");
            else if (*n < 0)
                problem(f.name, msg("must not be negative ({})", text(v)), "negative");
            else
                out.fields[f.name] = *n;
            break;
        }
        case FieldType::List:
            if (v.is_array()) {
                out.fields[f.name] = v;
            } else {
                nlohmann::json items = nlohmann::json::array();
                for (std::string& item : splitNonEmpty(text(v), ';'))
                    items.push_back(std::move(item));
                out.fields[f.name] = items;
            }
            break;
        }
    }
    if (problems.size() != before)
        return false;
    if (out.id.empty())
        out.id = contentUuid(out);
    return true;
}

namespace {

void parseJsonLines(std::istream& in, const std::function<bool(const std::string&)>& units,
                    ParsedRecords& out) {
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (const std::string deep = jsonDepthProblem(line); !deep.empty()) {
            out.problems.push_back(
                {n, "", msg("{} — a record is one flat JSON object", deep), "syntax"});
            continue;
        }
        if (const TextGuess text = guessTextEncoding(line);
            text == TextGuess::Gb18030 || text == TextGuess::Unknown) {
            out.problems.push_back(
                {n, "", msg("not UTF-8 text (GBK or another encoding?) — save the file as UTF-8"),
                 "encoding"});
            continue;
        }
        nlohmann::json o;
        try {
            o = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            out.problems.push_back({n, "", msg("not valid JSON ({})", jsonErrorText(e)), "syntax"});
            continue;
        }
        Record r;
        if (parseRecord(o, n, units, r, out.problems))
            out.records.push_back(std::move(r));
    }
}

void parseCsv(const fs::path& path, const std::function<bool(const std::string&)>& units,
              ParsedRecords& out) {
    for (const TableRow& row : readTableFile(path)) {
        nlohmann::json o = nlohmann::json::object();
        for (const auto& [field, text] : row.cells)
            o[field] = text;
        Record r;
        if (parseRecord(o, row.line, units, r, out.problems))
            out.records.push_back(std::move(r));
    }
}

} // namespace

ParsedRecords parseRecordsJsonLines(std::istream& in,
                                    const std::function<bool(const std::string&)>& unitExists) {
    ParsedRecords out;
    parseJsonLines(in, unitExists, out);
    return out;
}

ParsedRecords parseRecordsFile(const fs::path& path,
                               const std::function<bool(const std::string&)>& unitExists) {
    if (!fs::is_regular_file(path))
        throw InputError(msg("{}: no such file — check the path", path));
    ParsedRecords out;
    if (lowerExtension(path) == ".csv" || lowerExtension(path) == ".xlsx") {
        parseCsv(path, unitExists, out);
    } else {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw InputError(msg("{}: cannot be read — check the path and permissions", path));
        parseJsonLines(in, unitExists, out);
    }
    if (out.records.empty() && out.problems.empty())
        throw InputError(msg("{}: holds no records (the file is empty) — check that it is the "
                             "right file",
                             path));
    return out;
}

} // namespace mapaudit::records
