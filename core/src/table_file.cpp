#include "mapaudit/table_file.h"

#include "mapaudit/dataset_open.h"
#include "mapaudit/error.h"
#include "mapaudit/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"

#include <algorithm>
#include <cctype>
#include <cpl_conv.h>

namespace mapaudit {
namespace fs = std::filesystem;

std::vector<TableRow> readTableFile(const fs::path& path) {
    ensureGdalInitialised();
    if (!fs::is_regular_file(path))
        throw InputError(path.string() + ": no such file — check the path");
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool xlsx = ext == ".xlsx";
    if (!xlsx && ext != ".csv")
        throw InputError(path.string() + ": not a .csv or .xlsx file — save the sheet as one");
    precheckInput(path);
    const char* csvDrivers[] = {"CSV", nullptr};
    const char* xlsxDrivers[] = {"XLSX", nullptr};
    const char* csvOptions[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES",
                                "EMPTY_STRING_AS_NULL=YES", nullptr};
    // GDAL 3.6's XLSX driver takes these as configuration, not open, options.
    const CPLConfigOptionSetter headers("OGR_XLSX_HEADERS", "FORCE", false);
    const CPLConfigOptionSetter asText("OGR_XLSX_FIELD_TYPES", "STRING", false);
    GdalErrorCapture errors;
    GdalDatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                        xlsx ? xlsxDrivers : csvDrivers,
                                        xlsx ? nullptr : csvOptions, nullptr));
    if (!ds || ds->GetLayerCount() < 1)
        throw InputError(path.string() + ": not a readable " + (xlsx ? "XLSX" : "CSV") + " file (" +
                         errors.firstMessage() + ")");
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<TableRow> rows;
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        TableRow row;
        // GDAL numbers CSV rows from 1 after the header, XLSX rows as the sheet does.
        row.line = static_cast<int>(f->GetFID()) + (xlsx ? 0 : 1);
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (f->IsFieldSetAndNotNull(i)) {
                std::string text = f->GetFieldAsString(i);
                if (!text.empty())
                    row.cells[defn->GetFieldDefn(i)->GetNameRef()] = std::move(text);
            }
        if (!row.cells.empty())
            rows.push_back(std::move(row));
    }
    if (errors.hasFailure())
        throw InputError(path.string() + ": could not be read completely (" +
                         errors.firstMessage() + ")");
    return rows;
}

} // namespace mapaudit
