#include "mapaudit/refpack/digest.h"

#include "mapaudit/base/sha256.h"
#include "mapaudit/raii/gdal_handles.h"

#include <algorithm>
#include <map>
#include <vector>

namespace mapaudit::refpack {
namespace {

std::string canonicalFeature(OGRFeature& f) {
    std::map<std::string, std::string> fields;
    OGRFeatureDefn* defn = f.GetDefnRef();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        fields[defn->GetFieldDefn(i)->GetNameRef()] =
            f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "<null>";
    std::string out;
    for (const auto& [name, value] : fields)
        out += name + "=" + value + "\n";
    if (const OGRGeometry* g = f.GetGeometryRef()) {
        OGRWktOptions options;
        options.variant = wkbVariantIso;
        options.format = OGRWktFormat::F;
        options.precision = 9;
        OGRErr err = OGRERR_NONE;
        out += "geometry=" + g->exportToWkt(options, &err) + "\n";
    } else {
        out += "geometry=<null>\n";
    }
    return out;
}

} // namespace

std::string layerDigest(OGRLayer& layer, const std::string& keyField) {
    std::vector<std::pair<std::string, std::string>> keyed; // key, canonical text
    layer.ResetReading();
    for (OgrFeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
        const int k = f->GetFieldIndex(keyField.c_str());
        std::string text = canonicalFeature(*f);
        keyed.emplace_back(k >= 0 ? f->GetFieldAsString(k) : std::string(), std::move(text));
    }
    layer.ResetReading(); // leave the layer ready for its next reader
    // Sort by key, then by content, so equal keys still give one order.
    std::sort(keyed.begin(), keyed.end());
    Sha256 sha;
    for (const auto& [key, text] : keyed)
        sha.update(text).update("\x1e");
    return sha.hex();
}

std::string packDigest(const std::string& concatenatedLayerDigests) {
    return sha256Hex(concatenatedLayerDigests);
}

} // namespace mapaudit::refpack
