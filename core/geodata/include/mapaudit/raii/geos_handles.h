// Owning handles for the GEOS C API (re-entrant `_r` functions only).
// A GeosContext belongs to one thread; every geometry made in it carries the
// context in its deleter so it is always freed by the context that made it.
#pragma once

#include <geos_c.h>
#include <memory>
#include <string>

namespace mapaudit {

class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const noexcept { return handle_; }
    // Text of the last GEOS error or notice raised in this context.
    const std::string& lastError() const noexcept { return lastError_; }

private:
    GEOSContextHandle_t handle_;
    std::string lastError_;
};

// Deleter for any GEOS object freed by `Destroy(context, object)`.
template <typename T, auto Destroy> struct GeosDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(T* p) const noexcept {
        if (p)
            Destroy(ctx, p);
    }
};

using GeosGeometryDeleter = GeosDeleter<GEOSGeometry, &GEOSGeom_destroy_r>;
using GeosGeometryPtr = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;

using GeosPreparedDeleter = GeosDeleter<const GEOSPreparedGeometry, &GEOSPreparedGeom_destroy_r>;
using GeosPreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

using GeosWkbReaderDeleter = GeosDeleter<GEOSWKBReader, &GEOSWKBReader_destroy_r>;
using GeosWkbReaderPtr = std::unique_ptr<GEOSWKBReader, GeosWkbReaderDeleter>;

using GeosWkbWriterDeleter = GeosDeleter<GEOSWKBWriter, &GEOSWKBWriter_destroy_r>;
using GeosWkbWriterPtr = std::unique_ptr<GEOSWKBWriter, GeosWkbWriterDeleter>;

using GeosStrTreePtr =
    std::unique_ptr<GEOSSTRtree, GeosDeleter<GEOSSTRtree, &GEOSSTRtree_destroy_r>>;

using GeosWktWriterPtr =
    std::unique_ptr<GEOSWKTWriter, GeosDeleter<GEOSWKTWriter, &GEOSWKTWriter_destroy_r>>;

using GeosMakeValidParamsDeleter = GeosDeleter<GEOSMakeValidParams, &GEOSMakeValidParams_destroy_r>;
using GeosMakeValidParamsPtr = std::unique_ptr<GEOSMakeValidParams, GeosMakeValidParamsDeleter>;

// Buffers (strings, WKB) that GEOS allocates and the caller must GEOSFree_r.
using GeosBufferFreer = GeosDeleter<void, &GEOSFree_r>;
using GeosCharPtr = std::unique_ptr<char, GeosBufferFreer>;
using GeosBytePtr = std::unique_ptr<unsigned char, GeosBufferFreer>;

inline GeosGeometryPtr adopt(const GeosContext& c, GEOSGeometry* g) {
    return GeosGeometryPtr(g, GeosGeometryDeleter{c.handle()});
}

} // namespace mapaudit
