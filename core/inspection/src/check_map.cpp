#include "mapaudit/inspection/check_map.h"

#include "mapaudit/imagery/raster_checks.h"

namespace mapaudit::inspection {

check::CheckReport checkMap(const std::filesystem::path& path, const refpack::ReferencePack& pack,
                            const check::CheckOptions& options, Feedback* feedback) {
    if (imagery::isRasterOnly(path))
        return imagery::checkRasterMap(path, pack, {options.scale, options.toleranceMm}, feedback);
    return check::checkDataset(path, pack, options, feedback);
}

} // namespace mapaudit::inspection
