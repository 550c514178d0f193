#include "arguments.h"
#include "cli.h"
#include "commands.h"
#include "mapaudit/check/rule_registry.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace mapaudit::cli {

int commandRules(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args, {{"--json"}, {"--lang"}}, "rules");
    const bool zh = a.value("--lang").value_or("zh") != "en";
    if (a.flag("--json")) {
        nlohmann::json rules = nlohmann::json::array();
        for (const check::RuleInfo& r : check::ruleCatalogue())
            rules.push_back({{"id", r.id},
                             {"name_zh", r.nameZh},
                             {"name_en", r.nameEn},
                             {"severity", check::severityName(r.severity)},
                             {"applies_to_zh", r.appliesToZh},
                             {"applies_to", r.appliesTo},
                             {"severity_policy_zh", r.severityPolicyZh},
                             {"severity_policy", r.severityPolicy},
                             {"basis", r.basis}});
        out << rules.dump(2) << "\n";
        return kExitOk;
    }
    for (const check::RuleInfo& r : check::ruleCatalogue()) {
        out << r.id << "  " << (zh ? r.nameZh : r.nameEn) << " [" << check::severityName(r.severity)
            << "]\n"
            << "  " << (zh ? "适用：" : "applies to: ") << (zh ? r.appliesToZh : r.appliesTo)
            << "\n"
            << "  " << (zh ? "严重程度：" : "severity: ")
            << (zh ? r.severityPolicyZh : r.severityPolicy) << "\n"
            << "  " << (zh ? "依据：" : "basis: ") << r.basis << "\n";
    }
    return kExitOk;
}

} // namespace mapaudit::cli
