#include "mapaudit/records/table_file.h"

#include "mapaudit/base/encoding.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"

#include <algorithm>
#include <cctype>
#include <cpl_conv.h>

namespace mapaudit {
namespace fs = std::filesystem;
namespace {

// GDAL's CSV reader is lenient where a lenient read loses data: GBK text comes
// back as mojibake, an unclosed quote swallows every row after it, and cells
// beyond the header are dropped. Such files are refused here, line named.
void checkCsvText(const fs::path& path) {
    std::string text = readFileBytes(path);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.erase(0, 3);
    switch (guessTextEncoding(text)) {
    case TextGuess::Gb18030:
        throw InputError(msg("{}: the text is GBK/GB18030, not UTF-8 — save it as UTF-8 (Excel: "
                             "Save As → \"CSV UTF-8\"; WPS: 另存为 UTF-8) and import it again",
                             path));
    case TextGuess::Unknown:
        throw InputError(msg("{}: the text is not UTF-8 — save it as UTF-8 (Excel: Save As → "
                             "\"CSV UTF-8\") and import it again",
                             path));
    default:
        break;
    }
    const std::string header = text.substr(0, text.find('\n'));
    const char separator = header.find(',') == std::string::npos
                               ? (header.find(';') != std::string::npos    ? ';'
                                  : header.find('\t') != std::string::npos ? '\t'
                                                                           : ',')
                               : ',';
    bool quoted = false;
    int line = 1, rowStart = 1, quoteLine = 0;
    std::size_t cell = 1, lastFilled = 0, headerCells = 0;
    auto endRow = [&] {
        if (headerCells == 0)
            headerCells = cell;
        else if (lastFilled > headerCells) // trailing empty cells are harmless
            throw InputError(msg("{}: line {} has {} cells, the header {} — a cell holds an "
                                 "unquoted '{}'; quote it or remove the extra cells",
                                 path, rowStart, lastFilled, headerCells,
                                 std::string(1, separator)));
        cell = 1;
        lastFilled = 0;
    };
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
            quoteLine = quoted ? line : quoteLine;
            lastFilled = cell;
        } else if (c == '\n') {
            ++line;
            if (!quoted) {
                endRow();
                rowStart = line;
            }
        } else if (c == separator && !quoted) {
            ++cell;
        } else if (c != '\r' && c != ' ') {
            lastFilled = cell;
        }
    }
    if (quoted)
        throw InputError(msg("{}: line {}: a quote (\") is opened and never closed — close it, or "
                             "the rest of the file would be read as one cell",
                             path, quoteLine));
    if (!text.empty() && text.back() != '\n')
        endRow();
}

} // namespace

std::vector<TableRow> readTableFile(const fs::path& path) {
    ensureGdalInitialised();
    if (!fs::is_regular_file(path))
        throw InputError(msg("{}: no such file — check the path", path));
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool xlsx = ext == ".xlsx";
    if (!xlsx && ext != ".csv")
        throw InputError(msg("{}: not a .csv or .xlsx file — save the sheet as one", path));
    precheckInput(path);
    if (!xlsx)
        checkCsvText(path);
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
        throw InputError(msg("{}: not a readable {} file ({})", path, xlsx ? "XLSX" : "CSV",
                             errors.firstMessage()));
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
        throw InputError(msg("{}: could not be read completely ({})", path, errors.firstMessage()));
    return rows;
}

} // namespace mapaudit
