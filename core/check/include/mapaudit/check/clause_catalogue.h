// The clauses a problem-map inspection rests on, each with its document and
// section: data in resources/check/clauses.json. A finding cites the clause
// its rule (and code) implements; what a machine cannot judge is a checklist
// item the inspector marks. Clause ids (GKNR-5.2, DTGLTL-8 …) are stable
// interface, like rule ids.
#pragma once

#include "mapaudit/check/finding.h"
#include "mapaudit/check/map_profile.h"

#include <optional>
#include <string>
#include <vector>

namespace mapaudit::check {

// Stable identifiers: "automatic", "semi_automatic", "checklist".
enum class ClauseMode { Automatic, SemiAutomatic, ByInspector }; // the last: a checklist item
const char* clauseModeId(ClauseMode m);
const char* clauseModeNameZh(ClauseMode m);

struct LegalDocument {
    std::string id, titleZh, titleEn, number, issued, issuerZh;
};

struct Clause {
    std::string id, document, section;
    std::string titleZh, titleEn, requirementZh, requirementEn;
    std::string textStatus; // "quoted", "summarised", "not_found"
    ClauseMode mode = ClauseMode::ByInspector;
    std::vector<std::string> mapKinds; // kind ids, or "all"
    Severity severity = Severity::Error;
    std::vector<std::string> rules; // engine rule ids implementing it
    std::vector<std::string> codes; // the finding codes it is cited for (empty: any)
    bool appliesTo(MapKind kind) const;
};

class ClauseCatalogue {
public:
    // Parses and validates; throws InputError "<origin>: clauses[3].mode: …".
    static ClauseCatalogue parse(const std::string& jsonText, const std::string& origin);

    const std::string& version() const { return version_; }
    const std::vector<LegalDocument>& documents() const { return documents_; }
    const std::vector<Clause>& clauses() const { return clauses_; }
    const Clause* find(const std::string& id) const;
    const LegalDocument* document(const std::string& id) const;
    // The clause a finding of `rule` with `code` on a map of `kind` rests on:
    // of the clauses naming the rule and the code or no codes, those applying
    // to `kind` first, a clause naming the code before one naming none.
    const Clause* clauseFor(const std::string& rule, const std::string& code,
                            std::optional<MapKind> kind = std::nullopt) const;
    // Every clause citing `rule`.
    std::vector<const Clause*> clausesOf(const std::string& rule) const;
    // The checklist items for a map of `kind`, in catalogue order.
    std::vector<const Clause*> checklist(MapKind kind) const;
    // 《公开地图内容表示规范》五（二）
    std::string citationZh(const Clause& clause) const;
    std::string citationEn(const Clause& clause) const;
    // The citation and the requirement: what a finding's basis says.
    std::string basisZh(const Clause& clause) const;

private:
    std::string version_;
    std::vector<LegalDocument> documents_;
    std::vector<Clause> clauses_;
};

// resources/check/clauses.json, read once. Throws InputError when it is
// missing or invalid.
const ClauseCatalogue& clauseCatalogue();

// Sets each finding's clause and basis from the catalogue (findings whose
// rule no clause cites keep theirs); `kind`: the checked map's.
void citeClauses(std::vector<Finding>& findings, std::optional<MapKind> kind = std::nullopt);

} // namespace mapaudit::check
