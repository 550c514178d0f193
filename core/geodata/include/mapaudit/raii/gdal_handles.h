// Owning handles for GDAL/OGR objects. Everything GDAL hands out that must be
// released goes through one of these aliases; no raw owning pointers.
#pragma once

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <memory>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace mapaudit {

struct GdalDatasetCloser {
    void operator()(GDALDataset* ds) const noexcept {
        if (ds)
            GDALClose(GDALDataset::ToHandle(ds));
    }
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

struct OgrFeatureDeleter {
    void operator()(OGRFeature* f) const noexcept { OGRFeature::DestroyFeature(f); }
};
using OgrFeaturePtr = std::unique_ptr<OGRFeature, OgrFeatureDeleter>;

struct OgrGeometryDeleter {
    void operator()(OGRGeometry* g) const noexcept { OGRGeometryFactory::destroyGeometry(g); }
};
using OgrGeometryPtr = std::unique_ptr<OGRGeometry, OgrGeometryDeleter>;

struct OgrSpatialReferenceReleaser {
    void operator()(OGRSpatialReference* s) const noexcept {
        if (s)
            s->Release();
    }
};
using OgrSpatialReferencePtr = std::unique_ptr<OGRSpatialReference, OgrSpatialReferenceReleaser>;

struct CoordinateTransformationDeleter {
    void operator()(OGRCoordinateTransformation* ct) const noexcept {
        OGRCoordinateTransformation::DestroyCT(ct);
    }
};
using CoordinateTransformationPtr =
    std::unique_ptr<OGRCoordinateTransformation, CoordinateTransformationDeleter>;

struct CplFreer {
    void operator()(void* p) const noexcept { CPLFree(p); }
};
using CplCharPtr = std::unique_ptr<char, CplFreer>;

struct CslDestroyer {
    void operator()(char** list) const noexcept { CSLDestroy(list); }
};
using CslPtr = std::unique_ptr<char*, CslDestroyer>;

} // namespace mapaudit
