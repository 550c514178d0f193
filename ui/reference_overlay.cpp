#include "reference_overlay.h"

#include "mapaudit/base/error.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/raii/gdal_handles.h"

#include <QObject>

namespace mapaudit::ui {
namespace {

struct LayerSource {
    const char* layer;
    const char* filter; // OGR attribute filter, "" for all
};

constexpr std::array<LayerSource, kReferenceItemCount> kSources{{
    {"territory", ""},
    {"land_border", ""},
    {"regions", "kind = 'border_area'"},
    {"key_islands", ""},
    {"scs_dashes", ""},
}};

LayerStyle styleFor(ReferenceItem item) {
    LayerStyle s;
    s.labels = false;
    switch (item) {
    case ReferenceItem::Territory:
        s.fillPattern = Qt::NoBrush;
        s.stroke = QColor(200, 30, 30);
        s.strokeWidth = 1.2;
        break;
    case ReferenceItem::LandBorder:
        // 国界 symbol: dash, dot, dash over a pale halo.
        s.stroke = QColor(120, 20, 110);
        s.strokeWidth = 1.6;
        s.dashPattern = {6, 2, 1, 2};
        s.halo = QColor(255, 210, 240, 200);
        break;
    case ReferenceItem::DisputedAreas:
        s.fill = QColor(220, 40, 40, 160);
        s.fillPattern = Qt::BDiagPattern;
        s.stroke = QColor(220, 40, 40);
        s.strokeWidth = 1.0;
        s.dashPattern = {3, 3};
        break;
    case ReferenceItem::KeyIslands:
        s.fill = QColor(230, 30, 30);
        s.stroke = QColor(255, 255, 255);
        s.pointSize = 7; // unlabelled: the map's own labels stay readable
        break;
    case ReferenceItem::Dashes:
        s.stroke = QColor(120, 20, 110);
        s.strokeWidth = 2.5;
        break;
    }
    return s;
}

struct BookmarkSource {
    const char* labelZh;
    const char* labelEn;
    const char* layer;
    const char* code;
};

constexpr std::array<BookmarkSource, 7> kBookmarks{{
    {"台湾", "Taiwan", "regions", "taiwan"},
    {"藏南", "South Tibet", "regions", "zangnan"},
    {"阿克赛钦", "Aksai Chin", "regions", "aksaichin"},
    {"钓鱼岛", "Diaoyu Dao", "regions", "diaoyu"},
    {"南海诸岛", "South China Sea Islands", "regions", "nanhai"},
    {"黄岩岛", "Huangyan Dao", "key_islands", "huangyan_dao"},
    {"曾母暗沙", "Zengmu Ansha", "key_islands", "zengmu_ansha"},
}};

// Points get a neighbourhood of about 60 km so the bookmark shows where they lie.
constexpr double kPointMarginDegrees = 0.5;

Extent extentOf(GDALDataset& ds, const BookmarkSource& b) {
    OGRLayer* layer = ds.GetLayerByName(b.layer);
    if (!layer)
        throw InputError(std::string("the reference pack has no layer '") + b.layer + "'");
    // The features' own envelopes: GeoPackage answers GetExtent from its
    // contents table, whatever the attribute filter.
    layer->SetAttributeFilter((std::string("code = '") + b.code + "'").c_str());
    layer->ResetReading();
    OGREnvelope env;
    bool found = false;
    for (OgrFeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()))
        if (const OGRGeometry* g = f->GetGeometryRef()) {
            OGREnvelope e;
            g->getEnvelope(&e);
            env.Merge(e);
            found = true;
        }
    layer->SetAttributeFilter(nullptr);
    if (!found)
        throw InputError(std::string("the reference pack has no '") + b.code + "' in '" + b.layer +
                         "'");
    const double m = (env.MaxX - env.MinX) < 1e-9 ? kPointMarginDegrees : 0.0;
    return {env.MinX - m, env.MinY - m, env.MaxX + m, env.MaxY + m};
}

} // namespace

QString referenceItemLabel(ReferenceItem item) {
    switch (item) {
    case ReferenceItem::Territory:
        return QObject::tr("Territory outline");
    case ReferenceItem::LandBorder:
        return QObject::tr("Land border");
    case ReferenceItem::DisputedAreas:
        return QObject::tr("Disputed border areas");
    case ReferenceItem::KeyIslands:
        return QObject::tr("Key islands");
    case ReferenceItem::Dashes:
        return QObject::tr("South China Sea dashed line");
    }
    return {};
}

ReferenceOverlay loadReferenceOverlay(const std::filesystem::path& pack,
                                      const std::string& viewCrs) {
    OpenedDataset opened = openDataset(pack);
    GDALDataset& ds = *opened.dataset;
    ReferenceOverlay out;
    for (std::size_t i = 0; i < kReferenceItemCount; ++i) {
        const LayerSource& source = kSources[i];
        OGRLayer* layer = ds.GetLayerByName(source.layer);
        if (!layer)
            throw InputError(pack.string() + ": the reference pack has no layer '" + source.layer +
                             "'");
        int index = 0;
        while (ds.GetLayer(index) != layer)
            ++index;
        layer->SetAttributeFilter(*source.filter ? source.filter : nullptr);
        DrawableLayer data = readDrawableLayer(ds, index, viewCrs, "name_zh", nullptr);
        layer->SetAttributeFilter(nullptr);
        data.name = referenceItemLabel(static_cast<ReferenceItem>(i)).toStdString();
        out.layers[i] =
            std::make_shared<VectorMapLayer>(std::move(data), styleFor(ReferenceItem(i)));
    }
    for (const BookmarkSource& b : kBookmarks)
        out.bookmarks.push_back(
            {QString::fromUtf8(b.labelZh), QString::fromUtf8(b.labelEn), extentOf(ds, b)});
    return out;
}

} // namespace mapaudit::ui
