#include "country.h"

#include "owner_codes.h"

#include <array>

namespace mapaudit::check {
namespace {

constexpr std::array kSovereigntyFields{"sovereignt", "sov_a3", "sovereignty"};

} // namespace

bool claimsSovereignty(const InputFeature& f) {
    for (const auto& [name, value] : f.fields)
        if ((normalised(name) == "type" || normalised(name) == "featurecla") &&
            normalised(value) == "sovereign country")
            return true;
    return false;
}

bool sovereigntyIsChina(const InputFeature& f) {
    for (const auto& [name, value] : f.fields)
        for (const char* field : kSovereigntyFields)
            if (normalised(name) == field && classifyValue(value).cls == ValueClass::ChinaNation)
                return true;
    return false;
}

} // namespace mapaudit::check
