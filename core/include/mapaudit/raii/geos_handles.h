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

struct GeosGeometryDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const noexcept {
        if (g)
            GEOSGeom_destroy_r(ctx, g);
    }
};
using GeosGeometryPtr = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;

struct GeosPreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const noexcept {
        if (g)
            GEOSPreparedGeom_destroy_r(ctx, g);
    }
};
using GeosPreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

struct GeosWkbReaderDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSWKBReader* r) const noexcept {
        if (r)
            GEOSWKBReader_destroy_r(ctx, r);
    }
};
using GeosWkbReaderPtr = std::unique_ptr<GEOSWKBReader, GeosWkbReaderDeleter>;

struct GeosWkbWriterDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSWKBWriter* w) const noexcept {
        if (w)
            GEOSWKBWriter_destroy_r(ctx, w);
    }
};
using GeosWkbWriterPtr = std::unique_ptr<GEOSWKBWriter, GeosWkbWriterDeleter>;

struct GeosMakeValidParamsDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSMakeValidParams* p) const noexcept {
        if (p)
            GEOSMakeValidParams_destroy_r(ctx, p);
    }
};
using GeosMakeValidParamsPtr = std::unique_ptr<GEOSMakeValidParams, GeosMakeValidParamsDeleter>;

// Buffers (strings, WKB) that GEOS allocates and the caller must GEOSFree_r.
struct GeosBufferFreer {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(void* p) const noexcept {
        if (p)
            GEOSFree_r(ctx, p);
    }
};
using GeosCharPtr = std::unique_ptr<char, GeosBufferFreer>;
using GeosBytePtr = std::unique_ptr<unsigned char, GeosBufferFreer>;

inline GeosGeometryPtr adopt(const GeosContext& c, GEOSGeometry* g) {
    return GeosGeometryPtr(g, GeosGeometryDeleter{c.handle()});
}

} // namespace mapaudit
