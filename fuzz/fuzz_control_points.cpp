// Control points (georeference.cpp: parseControlPoints, as readControlPoints
// reads a QGIS .points file or a CSV id,pixel,line,x,y), then the fit of what
// was read (fitControlPoints, through GDAL's GCP and TPS transformers). The
// first byte chooses the format. InputError naming the line, or saying the
// points do not determine a transform, is the documented answer.
#include "fuzz_support.h"
#include "mapaudit/base/error.h"
#include "mapaudit/imagery/georeference.h"

#include <sstream>

using namespace mapaudit;
using namespace mapaudit::imagery;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::quietGdal();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const bool qgis = data[0] & 1;
    std::istringstream in(fuzz::text(data + 1, size - 1));
    std::vector<ControlPoint> points;
    try {
        points = parseControlPoints(in, qgis, qgis ? "fuzz.points" : "fuzz.csv");
    } catch (const InputError&) {
        return 0;
    }
    if (points.empty())
        fuzz::fail("no points and no error");
    if (points.size() > 40) // the fit is quadratic in the points (leave-one-out TPS)
        return 0;
    GeoreferenceOptions options;
    options.transform = static_cast<Transform>((data[0] >> 1) % 5);
    try {
        const Fit fit = fitControlPoints(points, options);
        std::size_t enabled = 0;
        for (const ControlPoint& p : points)
            enabled += p.enabled;
        if (fit.residualsPx.size() != enabled)
            fuzz::fail("a residual per enabled point expected");
    } catch (const InputError&) {
    }
    return 0;
}
