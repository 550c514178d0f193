#include "mapaudit/check/finding.h"

#include "mapaudit/base/text_util.h"

#include <cmath>

namespace mapaudit::check {

const char* severityName(Severity s) {
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        break;
    }
    return "info";
}

const std::string& placeText(const Finding& f, bool chinese) {
    const std::string& place = chinese ? f.placeZh : f.placeEn;
    return place.empty() ? f.code : place;
}

std::string measureText(const Finding& f, bool chinese) {
    if (!f.measure)
        return {};
    struct Unit {
        const char *id, *zh, *en;
    };
    static constexpr Unit units[] = {{"km2", "平方千米", "km²"},
                                     {"km", "千米", "km"},
                                     {"dashes", "段", "dashes"},
                                     {"places", "处", "places"},
                                     {"sides", "边", "sides"}};
    const double v = *f.measure;
    // Counts read as counts, lengths and areas with one decimal.
    const std::string number = v == std::floor(v) && std::fabs(v) < 1e15
                                   ? std::to_string(static_cast<long long>(v))
                                   : oneDecimal(v);
    for (const Unit& u : units)
        if (f.measureUnit == u.id)
            return number + " " + (chinese ? u.zh : u.en);
    return f.measureUnit.empty() ? number : number + " " + f.measureUnit;
}

} // namespace mapaudit::check
