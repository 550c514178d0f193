#include "arguments.h"
#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/imagery/georeference.h"

#include <cstdio>
#include <ostream>

namespace mapaudit::cli {

int commandGeoref(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(
        args,
        {{"--fit-only"}, {"--gcp", "--out", "--transform", "--points-crs", "--image-crs", "--to"}},
        "georef");
    const std::string& image = a.requireOne("IMAGE");
    const auto gcp = a.value("--gcp");
    if (!gcp)
        throw InputError(
            msg("--gcp FILE is needed: the control points (.points or CSV id,pixel,line,x,y)"));
    imagery::GeoreferenceOptions o;
    o.transform = imagery::parseTransform(a.value("--transform").value_or("auto"));
    o.pointsCrs = a.value("--points-crs").value_or(o.pointsCrs);
    o.imageCrs = a.value("--image-crs").value_or("");
    o.targetCrs = a.value("--to").value_or(o.targetCrs);
    const auto points = imagery::readControlPoints(*gcp);
    imagery::Fit fit;
    if (a.flag("--fit-only")) {
        fit = imagery::fitControlPoints(points, o);
    } else {
        const auto target = a.value("--out");
        if (!target)
            throw InputError(msg("--out FILE.tif is needed (or --fit-only to see the residuals)"));
        Feedback feedback;
        fit = imagery::georeference(image, points, o, *target, &feedback);
        out << "wrote " << *target << "\n";
    }
    out << "transform " << imagery::transformName(fit.transform)
        << (fit.leaveOneOut ? " (residuals: each point predicted from the others)" : "") << "\n";
    std::size_t i = 0;
    char text[64];
    for (const auto& p : points)
        if (p.enabled) {
            std::snprintf(text, sizeof text, "%.2f", fit.residualsPx[i++]);
            out << "  point " << (p.id.empty() ? std::to_string(i) : p.id) << "  residual " << text
                << " px\n";
        }
    std::snprintf(text, sizeof text, "%.2f", fit.rmsPx);
    out << "RMS " << text << " px\n";
    return kExitOk;
}

} // namespace mapaudit::cli
