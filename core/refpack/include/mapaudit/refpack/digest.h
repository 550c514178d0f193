// Content digests of reference-pack layers: SHA-256 over the features in the
// order of the layer's key field, each as its fields (sorted by name) and its
// geometry as ISO WKT with 9 decimals. Independent of the file's bytes, so a
// rebuild gives the same digest and an edited vertex a different one.
#pragma once

#include <string>

class OGRLayer;

namespace mapaudit::refpack {

std::string layerDigest(OGRLayer& layer, const std::string& keyField);
// Over "name=digest\n" of every layer, in schema order.
std::string packDigest(const std::string& concatenatedLayerDigests);

} // namespace mapaudit::refpack
