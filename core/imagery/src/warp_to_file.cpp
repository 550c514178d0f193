#include "warp_to_file.h"

#include "mapaudit/base/atomic_output.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/geodata/gdal_environment.h"

#include <algorithm>
#include <gdal_utils.h>
#include <memory>

namespace mapaudit::imagery {

void warpToFile(GDALDataset& source, const WarpJob& job, const std::filesystem::path& out,
                Feedback* feedback) {
    std::vector<std::string> args = job.args;
    // Reading, warping and writing overlap, and the warp itself runs on every core.
    args.insert(args.end(), {"-multi", "-wo", "NUM_THREADS=ALL_CPUS"});
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    GdalErrorCapture errors;
    std::unique_ptr<GDALWarpAppOptions, decltype(&GDALWarpAppOptionsFree)> options(
        GDALWarpAppOptionsNew(argv.data(), nullptr), GDALWarpAppOptionsFree);
    if (feedback)
        GDALWarpAppOptionsSetProgress(options.get(), gdalProgress, feedback);
    AtomicOutput output(out);
    {
        GDALDatasetH handle = GDALDataset::ToHandle(&source);
        int usageError = FALSE;
        GdalDatasetPtr warped(GDALDataset::FromHandle(
            GDALWarp(output.partial().c_str(), nullptr, 1, &handle, options.get(), &usageError)));
        if (feedback)
            feedback->throwIfCanceled();
        if (!warped)
            throw InputError(job.warpFailed(out, errors.firstMessage()));
        const CPLConfigOptionSetter threads("GDAL_NUM_THREADS", "ALL_CPUS", false);
        std::vector<int> levels;
        for (int f = 2; std::max(warped->GetRasterXSize(), warped->GetRasterYSize()) / f >=
                        job.smallestOverviewPx;
             f *= 2)
            levels.push_back(f);
        if (!levels.empty() &&
            warped->BuildOverviews("AVERAGE", static_cast<int>(levels.size()), levels.data(), 0,
                                   nullptr, nullptr, nullptr) != CE_None)
            throw InputError(job.overviewsFailed(out, errors.firstMessage()));
    }
    output.commit();
}

} // namespace mapaudit::imagery
