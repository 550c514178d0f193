#include "mapaudit/render/attribute_table.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/raii/gdal_handles.h"

namespace mapaudit {

AttributeTable readAttributeTable(const std::filesystem::path& path, const std::string& layerName,
                                  std::size_t maxRows, Feedback* feedback) {
    OpenedDataset opened = openDataset(path);
    OGRLayer* layer = opened.dataset->GetLayerByName(layerName.c_str());
    if (!layer)
        throw InputError(msg("{}: no layer '{}' — it may have been renamed; open the file again",
                             path.string(), layerName));
    AttributeTable table;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        table.fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    table.featureCount = layer->GetFeatureCount(true);
    const double total = static_cast<double>(std::max<std::int64_t>(
        1, std::min<std::int64_t>(table.featureCount, static_cast<std::int64_t>(maxRows))));
    layer->ResetReading();
    for (OgrFeaturePtr f(layer->GetNextFeature()); f && table.rows.size() < maxRows;
         f.reset(layer->GetNextFeature())) {
        std::vector<std::string> row;
        row.reserve(table.fields.size());
        for (int i = 0; i < f->GetFieldCount(); ++i)
            row.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        table.fids.push_back(f->GetFID());
        table.rows.push_back(std::move(row));
        if (feedback && table.rows.size() % 1024 == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(static_cast<double>(table.rows.size()) / total);
        }
    }
    // A count the driver could not give cheaply (-1) is what was read.
    if (table.featureCount < static_cast<std::int64_t>(table.rows.size()))
        table.featureCount = static_cast<std::int64_t>(table.rows.size());
    if (feedback)
        feedback->setProgress(1.0);
    return table;
}

} // namespace mapaudit
