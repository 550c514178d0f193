#include "mapaudit/geodata/gdal_environment.h"

#include <cpl_conv.h>
#include <cpl_string.h>
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
        // What matters of GDAL's messages reaches the inspector through
        // GdalErrorCapture, in a sentence of MapAudit's; the rest would be raw
        // "ERROR 1: …" lines on stderr. CPL_DEBUG=ON shows them all again.
        if (!CPLTestBool(CPLGetConfigOption("CPL_DEBUG", "NO")))
            CPLSetErrorHandler(CPLQuietErrorHandler);
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

namespace {

// Drivers' messages can carry a whole SQL statement or file dump; an inspector
// gets its first line, cut to a readable length.
std::string oneLine(const std::string& text) {
    constexpr std::size_t kMaxChars = 160;
    std::string line = text.substr(0, text.find_first_of("\r\n"));
    if (line.size() > kMaxChars) {
        std::size_t cut = kMaxChars;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 character
        line = line.substr(0, cut) + "…";
    }
    return line;
}

} // namespace

std::string GdalErrorCapture::firstMessage() const {
    for (const auto& m : messages_)
        if (m.level >= CE_Failure)
            return oneLine(m.text);
    return messages_.empty() ? std::string() : oneLine(messages_.front().text);
}

std::vector<std::string> GdalErrorCapture::lines() const {
    std::vector<std::string> out;
    for (const auto& m : messages_)
        out.push_back(oneLine(m.text));
    return out;
}

} // namespace mapaudit
