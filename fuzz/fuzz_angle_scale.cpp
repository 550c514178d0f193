// Angles and scales as inspectors type them: parseAngle (coordinate_format.cpp:
// "116°23'27.6\"E", "116度23分27.6秒", "39 54.4 N"), parseScale (check_engine.cpp:
// "1:1,000,000"), parseNumber (text_util.cpp) and the names parseTransform and
// parseMapKind. What an angle reads as must survive being written as DMS and
// read back; a scale must be a finite denominator.
#include "fuzz_support.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/check/check_engine.h"
#include "mapaudit/check/map_profile.h"
#include "mapaudit/geodata/coordinate_format.h"
#include "mapaudit/imagery/georeference.h"

#include <cmath>

using namespace mapaudit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text(data, size);
    if (const auto angle = parseAngle(text)) {
        if (!std::isfinite(*angle))
            fuzz::fail("parseAngle gave a non-finite angle");
        if (std::fabs(*angle) <= 360) {
            const bool latitude = size % 2;
            const std::string dms = formatDms(*angle, latitude, 2);
            const auto back = parseAngle(dms);
            if (!back || std::fabs(*back - *angle) > 0.006 / 3600)
                fuzz::fail("'" + dms + "' does not read back as " + std::to_string(*angle));
            (void)formatLonLat(*angle, *angle / 4);
        }
    }
    if (const auto scale = check::parseScale(text)) {
        if (!std::isfinite(*scale) || *scale < 100)
            fuzz::fail("parseScale gave " + std::to_string(*scale));
        (void)formatScale(*scale);
    }
    if (const auto number = parseNumber(text))
        (void)formatScale(*number);
    try {
        (void)imagery::parseTransform(text);
    } catch (const InputError&) {
    }
    (void)check::parseMapKind(text);
    return 0;
}
