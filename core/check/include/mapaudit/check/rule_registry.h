// The rule registry: every rule the engine reports, in report order, with its
// names, the map kinds it applies to, how its severity is decided, the
// function that runs it and its share of the check's progress. The clauses a
// rule implements are in the clause catalogue (clause_catalogue.h). The CLI's
// `mapaudit rules`, the manual-finding list, the README rule table and the
// engine's run loop all read this one table.
#pragma once

#include "mapaudit/check/finding.h"

#include <string>
#include <vector>

namespace mapaudit::check {

struct CheckContext; // the state of one check run (internal to core)
using RuleFunction = void (*)(CheckContext&);

struct RuleInfo {
    const char* id;
    const char* nameZh;
    const char* nameEn;
    Severity severity;       // the most severe it gives
    const char* appliesToZh; // the map kinds it applies to, in words
    const char* appliesTo;
    const char* severityPolicyZh; // when it gives less
    const char* severityPolicy;
    RuleFunction run;      // null: reported by another's run or while reading
    double progressWeight; // share of the rules' progress
};

// Every rule, in report order.
const std::vector<RuleInfo>& ruleCatalogue();
// The rule with this id, or nullptr.
const RuleInfo* findRule(const std::string& id);
// The rule's name in the language (中国领土表示为他国), or the id when no rule has it.
std::string ruleDisplayName(const std::string& id, bool chinese);

} // namespace mapaudit::check
