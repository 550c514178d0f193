#include "mapaudit/check/clause_catalogue.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/json_text.h"
#include "mapaudit/base/resources.h"
#include "mapaudit/check/rule_registry.h"

#include <algorithm>
#include <set>

namespace mapaudit::check {
namespace {

using nlohmann::json;

// Reads the catalogue's fields, naming the one that is wrong.
class Reader {
public:
    explicit Reader(std::string origin) : origin_(std::move(origin)) {}

    const std::string& origin() const { return origin_; }
    // `error` names the origin and the field: "<origin>: <field>: … — correct …".
    [[noreturn]] void fail(const Message& error) const { throw InputError(error); }
    std::string text(const json& object, const std::string& where, const char* key,
                     bool required = true) const {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required)
                fail(msg("{}: {}.{}: missing — correct the clause catalogue or reinstall MapAudit",
                         origin_, where, key));
            return {};
        }
        if (!it->is_string())
            fail(msg("{}: {}.{}: must be text — correct the clause catalogue or reinstall "
                     "MapAudit",
                     origin_, where, key));
        const std::string value = it->get<std::string>();
        if (required && value.empty())
            fail(msg("{}: {}.{}: is empty — correct the clause catalogue or reinstall MapAudit",
                     origin_, where, key));
        return value;
    }
    std::vector<std::string> list(const json& object, const std::string& where,
                                  const char* key) const {
        const auto it = object.find(key);
        if (it == object.end())
            return {};
        if (!it->is_array())
            fail(msg("{}: {}.{}: must be a list — correct the clause catalogue or reinstall "
                     "MapAudit",
                     origin_, where, key));
        std::vector<std::string> out;
        for (const json& v : *it) {
            if (!v.is_string())
                fail(msg("{}: {}.{}: must hold text only — correct the clause catalogue or "
                         "reinstall MapAudit",
                         origin_, where, key));
            out.push_back(v.get<std::string>());
        }
        return out;
    }

private:
    std::string origin_;
};

ClauseMode parseMode(const Reader& r, const std::string& where, const std::string& id) {
    if (id == "automatic")
        return ClauseMode::Automatic;
    if (id == "semi_automatic")
        return ClauseMode::SemiAutomatic;
    if (id == "checklist")
        return ClauseMode::ByInspector;
    r.fail(msg("{}: {}.mode: '{}' is not automatic, semi_automatic or checklist — correct the "
               "clause catalogue or reinstall MapAudit",
               r.origin(), where, id));
}

Severity parseSeverity(const Reader& r, const std::string& where, const std::string& id) {
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
        if (id == severityName(s))
            return s;
    r.fail(msg("{}: {}.severity: '{}' is not error, warning or info — correct the clause "
               "catalogue or reinstall MapAudit",
               r.origin(), where, id));
}

} // namespace

const char* clauseModeId(ClauseMode m) {
    switch (m) {
    case ClauseMode::Automatic:
        return "automatic";
    case ClauseMode::SemiAutomatic:
        return "semi_automatic";
    case ClauseMode::ByInspector:
        break;
    }
    return "checklist";
}

const char* clauseModeNameZh(ClauseMode m) {
    switch (m) {
    case ClauseMode::Automatic:
        return "自动";
    case ClauseMode::SemiAutomatic:
        return "半自动（候选，人工确认）";
    case ClauseMode::ByInspector:
        break;
    }
    return "人工核查";
}

bool Clause::appliesTo(MapKind kind) const {
    return std::any_of(mapKinds.begin(), mapKinds.end(),
                       [&](const std::string& k) { return k == "all" || k == mapKindId(kind); });
}

ClauseCatalogue ClauseCatalogue::parse(const std::string& jsonText, const std::string& origin) {
    const Reader r(origin);
    const json doc = parseJsonText(jsonText, origin, msg("correct the clause catalogue"));
    if (!doc.is_object())
        r.fail(msg("{}: top level: must be an object — correct the clause catalogue or reinstall "
                   "MapAudit",
                   origin));
    ClauseCatalogue cat;
    cat.version_ = r.text(doc, "top level", "catalogue_version");
    const auto documents = doc.find("documents");
    const auto clauses = doc.find("clauses");
    if (documents == doc.end() || !documents->is_array() || documents->empty())
        r.fail(msg("{}: documents: must be a non-empty list — correct the clause catalogue or "
                   "reinstall MapAudit",
                   origin));
    if (clauses == doc.end() || !clauses->is_array() || clauses->empty())
        r.fail(msg("{}: clauses: must be a non-empty list — correct the clause catalogue or "
                   "reinstall MapAudit",
                   origin));
    for (std::size_t i = 0; i < documents->size(); ++i) {
        const json& d = (*documents)[i];
        const std::string where = "documents[" + std::to_string(i) + "]";
        if (!d.is_object())
            r.fail(msg("{}: {}: must be an object — correct the clause catalogue or reinstall "
                       "MapAudit",
                       origin, where));
        LegalDocument out{r.text(d, where, "id"),
                          r.text(d, where, "title_zh"),
                          r.text(d, where, "title_en", false),
                          r.text(d, where, "number", false),
                          r.text(d, where, "issued", false),
                          r.text(d, where, "issuer_zh", false)};
        if (cat.document(out.id))
            r.fail(msg("{}: {}.id: '{}' is given twice — correct the clause catalogue or "
                       "reinstall MapAudit",
                       origin, where, out.id));
        cat.documents_.push_back(std::move(out));
    }
    std::set<std::string> kinds{"all"};
    for (MapKind k : allMapKinds())
        kinds.insert(mapKindId(k));
    for (std::size_t i = 0; i < clauses->size(); ++i) {
        const json& c = (*clauses)[i];
        const std::string where = "clauses[" + std::to_string(i) + "]";
        if (!c.is_object())
            r.fail(msg("{}: {}: must be an object — correct the clause catalogue or reinstall "
                       "MapAudit",
                       origin, where));
        Clause out;
        out.id = r.text(c, where, "id");
        const std::string named = where + " (" + out.id + ")";
        if (cat.find(out.id))
            r.fail(msg("{}: {}.id: '{}' is given twice — correct the clause catalogue or "
                       "reinstall MapAudit",
                       origin, named, out.id));
        out.document = r.text(c, named, "document");
        if (!cat.document(out.document))
            r.fail(msg("{}: {}.document: '{}' is not among the documents — correct the clause "
                       "catalogue or reinstall MapAudit",
                       origin, named, out.document));
        out.section = r.text(c, named, "section");
        out.titleZh = r.text(c, named, "title_zh");
        out.titleEn = r.text(c, named, "title_en", false);
        out.requirementZh = r.text(c, named, "requirement_zh");
        out.requirementEn = r.text(c, named, "requirement_en", false);
        out.textStatus = r.text(c, named, "text_status");
        if (out.textStatus != "quoted" && out.textStatus != "summarised" &&
            out.textStatus != "not_found")
            r.fail(msg("{}: {}.text_status: '{}' is not quoted, summarised or not_found — "
                       "correct the clause catalogue or reinstall MapAudit",
                       origin, named, out.textStatus));
        out.mode = parseMode(r, named, r.text(c, named, "mode"));
        out.mapKinds = r.list(c, named, "map_kinds");
        if (out.mapKinds.empty())
            r.fail(msg("{}: {}.map_kinds: must name at least one kind (or \"all\") — correct the "
                       "clause catalogue or reinstall MapAudit",
                       origin, named));
        for (const std::string& k : out.mapKinds)
            if (!kinds.count(k))
                r.fail(msg("{}: {}.map_kinds: '{}' is not a map kind — correct the clause "
                           "catalogue or reinstall MapAudit",
                           origin, named, k));
        out.severity = parseSeverity(r, named, r.text(c, named, "severity"));
        out.rules = r.list(c, named, "rules");
        for (const std::string& rule : out.rules)
            if (!findRule(rule))
                r.fail(msg("{}: {}.rules: '{}' is not a rule of the check engine — correct the "
                           "clause catalogue or reinstall MapAudit",
                           origin, named, rule));
        if (out.mode != ClauseMode::ByInspector && out.rules.empty())
            r.fail(msg("{}: {}.rules: an automatic or semi-automatic clause names its rules — "
                       "correct the clause catalogue or reinstall MapAudit",
                       origin, named));
        out.codes = r.list(c, named, "codes");
        cat.clauses_.push_back(std::move(out));
    }
    return cat;
}

const Clause* ClauseCatalogue::find(const std::string& id) const {
    const auto it =
        std::find_if(clauses_.begin(), clauses_.end(), [&](const Clause& c) { return c.id == id; });
    return it == clauses_.end() ? nullptr : &*it;
}

const LegalDocument* ClauseCatalogue::document(const std::string& id) const {
    const auto it = std::find_if(documents_.begin(), documents_.end(),
                                 [&](const LegalDocument& d) { return d.id == id; });
    return it == documents_.end() ? nullptr : &*it;
}

const Clause* ClauseCatalogue::clauseFor(const std::string& rule, const std::string& code,
                                         std::optional<MapKind> kind) const {
    // Best first: the kind applying and the code named, the kind applying
    // and no codes, the code named, no codes.
    const Clause* best[4] = {};
    for (const Clause& c : clauses_) {
        if (std::find(c.rules.begin(), c.rules.end(), rule) == c.rules.end())
            continue;
        const bool kindApplies = !kind || c.appliesTo(*kind);
        const bool codeNamed = std::find(c.codes.begin(), c.codes.end(), code) != c.codes.end();
        if (!codeNamed && !c.codes.empty())
            continue;
        const int rank = (kindApplies ? 0 : 2) + (codeNamed ? 0 : 1);
        if (rank >= 0 && !best[rank])
            best[rank] = &c;
    }
    for (const Clause* c : best)
        if (c)
            return c;
    return nullptr;
}

std::vector<const Clause*> ClauseCatalogue::clausesOf(const std::string& rule) const {
    std::vector<const Clause*> out;
    for (const Clause& c : clauses_)
        if (std::find(c.rules.begin(), c.rules.end(), rule) != c.rules.end())
            out.push_back(&c);
    return out;
}

std::vector<const Clause*> ClauseCatalogue::checklist(MapKind kind) const {
    std::vector<const Clause*> out;
    for (const Clause& c : clauses_)
        if (c.mode == ClauseMode::ByInspector && c.appliesTo(kind))
            out.push_back(&c);
    return out;
}

std::string ClauseCatalogue::citationZh(const Clause& clause) const {
    const LegalDocument* d = document(clause.document);
    return "《" + (d ? d->titleZh : clause.document) + "》" + clause.section;
}

std::string ClauseCatalogue::citationEn(const Clause& clause) const {
    const LegalDocument* d = document(clause.document);
    const std::string title = d && !d->titleEn.empty() ? d->titleEn : clause.document;
    return title + ", " + clause.section;
}

std::string ClauseCatalogue::basisZh(const Clause& clause) const {
    return citationZh(clause) + "：" + clause.requirementZh;
}

const ClauseCatalogue& clauseCatalogue() {
    static const ClauseCatalogue catalogue = [] {
        const auto path = resourceDir() / "check" / "clauses.json";
        return ClauseCatalogue::parse(readFileBytes(path), path.string());
    }();
    return catalogue;
}

void citeClauses(std::vector<Finding>& findings, std::optional<MapKind> kind) {
    const ClauseCatalogue& cat = clauseCatalogue();
    for (Finding& f : findings) {
        if (!f.clause.empty()) {
            if (const Clause* c = cat.find(f.clause))
                f.basis = cat.basisZh(*c);
            continue;
        }
        if (const Clause* c = cat.clauseFor(f.rule, f.code, kind)) {
            f.clause = c->id;
            f.basis = cat.basisZh(*c);
        }
    }
}

} // namespace mapaudit::check
