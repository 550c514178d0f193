#include "arguments.h"
#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/check/clause_catalogue.h"
#include "mapaudit/check/rule_registry.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace mapaudit::cli {
namespace {

using check::Clause;
using check::ClauseCatalogue;
using check::RuleInfo;

nlohmann::json clauseIds(const std::vector<const Clause*>& clauses) {
    nlohmann::json ids = nlohmann::json::array();
    for (const Clause* c : clauses)
        ids.push_back(c->id);
    return ids;
}

nlohmann::json catalogueJson(const ClauseCatalogue& cat) {
    nlohmann::json documents = nlohmann::json::array(), rules = nlohmann::json::array(),
                   clauses = nlohmann::json::array();
    for (const check::LegalDocument& d : cat.documents())
        documents.push_back({{"id", d.id},
                             {"title_zh", d.titleZh},
                             {"title_en", d.titleEn},
                             {"number", d.number},
                             {"issued", d.issued},
                             {"issuer_zh", d.issuerZh}});
    for (const RuleInfo& r : check::ruleCatalogue())
        rules.push_back({{"id", r.id},
                         {"name_zh", r.nameZh},
                         {"name_en", r.nameEn},
                         {"severity", check::severityName(r.severity)},
                         {"applies_to_zh", r.appliesToZh},
                         {"applies_to", r.appliesTo},
                         {"severity_policy_zh", r.severityPolicyZh},
                         {"severity_policy", r.severityPolicy},
                         {"clauses", clauseIds(cat.clausesOf(r.id))}});
    for (const Clause& c : cat.clauses())
        clauses.push_back({{"id", c.id},
                           {"document", c.document},
                           {"section", c.section},
                           {"citation_zh", cat.citationZh(c)},
                           {"citation_en", cat.citationEn(c)},
                           {"title_zh", c.titleZh},
                           {"title_en", c.titleEn},
                           {"requirement_zh", c.requirementZh},
                           {"requirement_en", c.requirementEn},
                           {"text_status", c.textStatus},
                           {"mode", check::clauseModeId(c.mode)},
                           {"map_kinds", c.mapKinds},
                           {"severity", check::severityName(c.severity)},
                           {"rules", c.rules}});
    return {{"catalogue_version", cat.version()},
            {"documents", documents},
            {"rules", rules},
            {"clauses", clauses}};
}

void printCatalogue(const ClauseCatalogue& cat, bool zh, std::ostream& out) {
    out << (zh ? "规则\n" : "Rules\n");
    for (const RuleInfo& r : check::ruleCatalogue()) {
        out << "  " << r.id << "  " << (zh ? r.nameZh : r.nameEn) << " ["
            << check::severityName(r.severity) << "]\n"
            << "    " << (zh ? "适用：" : "applies to: ") << (zh ? r.appliesToZh : r.appliesTo)
            << "\n"
            << "    " << (zh ? "严重程度：" : "severity: ")
            << (zh ? r.severityPolicyZh : r.severityPolicy) << "\n";
        for (const Clause* c : cat.clausesOf(r.id))
            out << "    " << (zh ? "依据：" : "basis: ") << c->id << " "
                << (zh ? cat.citationZh(*c) : cat.citationEn(*c)) << "\n";
    }
    out << (zh ? "\n条款（目录版本 " : "\nClauses (catalogue ") << cat.version()
        << (zh ? "）\n" : ")\n");
    for (const Clause& c : cat.clauses()) {
        out << "  " << c.id << "  " << (zh ? cat.citationZh(c) : cat.citationEn(c)) << "  "
            << (zh || c.titleEn.empty() ? c.titleZh : c.titleEn) << " ["
            << (zh ? check::clauseModeNameZh(c.mode) : check::clauseModeId(c.mode)) << "]\n"
            << "    " << (zh || c.requirementEn.empty() ? c.requirementZh : c.requirementEn)
            << "\n";
    }
}

} // namespace

int commandRules(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args, {{"--json"}, {"--lang"}}, "rules");
    const std::string lang = a.value("--lang").value_or("zh");
    if (lang != "zh" && lang != "en")
        throw InputError(msg("--lang must be zh or en"));
    const ClauseCatalogue& cat = check::clauseCatalogue();
    if (a.flag("--json"))
        out << catalogueJson(cat).dump(2) << "\n";
    else
        printCatalogue(cat, lang == "zh", out);
    return kExitOk;
}

} // namespace mapaudit::cli
