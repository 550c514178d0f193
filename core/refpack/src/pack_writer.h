// Writing the pack's GeoPackage (internal to the builder).
#pragma once

#include "mapaudit/raii/gdal_handles.h"
#include "mapaudit/raii/geos_handles.h"

#include <map>
#include <string>
#include <vector>

namespace mapaudit::refpack {

struct FieldSpec {
    std::string name;
    OGRFieldType type = OFTString;
};

struct Row {
    std::map<std::string, std::string> values; // converted to the field's type by OGR
    GeosGeometryPtr geometry;
};

// Creates `name` in `ds` (EPSG:4490) and writes `rows` in one transaction.
void writeLayer(const GeosContext& ctx, GDALDataset& ds, const std::string& name,
                OGRwkbGeometryType type, const std::vector<FieldSpec>& fields,
                std::vector<Row>& rows);

// A non-spatial key/value table.
void writeMetadata(GDALDataset& ds, const std::string& table,
                   const std::vector<std::pair<std::string, std::string>>& entries);

} // namespace mapaudit::refpack
