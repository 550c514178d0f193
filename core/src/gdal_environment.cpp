#include "mapaudit/gdal_environment.h"

#include <cpl_conv.h>
#include <gdal.h>
#include <mutex>
#include <ogr_api.h>

namespace mapaudit {

void ensureGdalInitialised() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Offline workstation: never let a driver reach for the network.
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none");
        CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "NO");
        // A shapefile with a missing .shx is an error to report, not to repair silently.
        CPLSetConfigOption("SHAPE_RESTORE_SHX", "NO");
        // Detailed country maps come as one GeoJSON object of hundreds of MB;
        // GDAL's default 200 MB limit would refuse them.
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    });
}

GdalErrorCapture::GdalErrorCapture() {
    CPLPushErrorHandlerEx(&GdalErrorCapture::handler, this);
}

GdalErrorCapture::~GdalErrorCapture() {
    CPLPopErrorHandler();
}

void CPL_STDCALL GdalErrorCapture::handler(CPLErr level, CPLErrorNum, const char* text) {
    auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
    if (self && level >= CE_Warning)
        self->messages_.push_back({level, text ? text : ""});
}

bool GdalErrorCapture::hasFailure() const noexcept {
    for (const auto& m : messages_)
        if (m.level >= CE_Failure)
            return true;
    return false;
}

std::string GdalErrorCapture::firstMessage() const {
    for (const auto& m : messages_)
        if (m.level >= CE_Failure)
            return m.text;
    return messages_.empty() ? std::string() : messages_.front().text;
}

} // namespace mapaudit
