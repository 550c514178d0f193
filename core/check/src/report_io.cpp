#include "mapaudit/check/report_io.h"

#include "mapaudit/base/atomic_output.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/geodata/gdal_environment.h"
#include "mapaudit/raii/gdal_handles.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace mapaudit::check {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

OgrGeometryPtr fromWkt(const std::string& wkt) {
    if (wkt.empty())
        return nullptr;
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) != OGRERR_NONE)
        return nullptr;
    return OgrGeometryPtr(g);
}

json geometryJson(const std::string& wkt) {
    OgrGeometryPtr g = fromWkt(wkt);
    if (!g)
        return nullptr;
    CplCharPtr text(g->exportToJson());
    return text ? json::parse(text.get()) : json(nullptr);
}

} // namespace

json reportJson(const CheckReport& r) {
    json findings = json::array();
    for (const Finding& f : r.findings)
        findings.push_back({{"id", f.id},
                            {"rule", f.rule},
                            {"code", f.code},
                            {"place_zh", f.placeZh},
                            {"place_en", f.placeEn},
                            {"severity", severityName(f.severity)},
                            {"message_zh", f.messageZh},
                            {"message_en", f.messageEn},
                            {"clause", f.clause.empty() ? json(nullptr) : json(f.clause)},
                            {"basis", f.basis},
                            {"measure", f.measure ? json(*f.measure) : json(nullptr)},
                            {"measure_unit", f.measureUnit},
                            {"feature_ids", f.featureIds},
                            {"geometry", geometryJson(f.geometryWkt)},
                            {"confidence", f.confidence ? json(*f.confidence) : json(nullptr)},
                            {"needs_confirmation", f.needsConfirmation},
                            {"origin", f.manual ? "manual" : "automatic"},
                            {"note", f.manual ? json(f.note) : json(nullptr)}});
    json notes = json::array();
    for (const ReadingNote& n : r.readingNotes)
        notes.push_back({{"zh", n.zh}, {"en", n.en}});
    json reviewNumbers = json::array();
    for (const ReviewNumberSeen& n : r.reviewNumbers)
        reviewNumbers.push_back(
            {{"text", n.text}, {"origin", n.origin}, {"well_formed", n.wellFormed}});
    return {{"dataset", r.dataset},
            {"layers", r.layers},
            {"features_read", r.featuresRead},
            {"reading_notes", notes},
            {"review_numbers", reviewNumbers},
            {"country",
             {{"field", r.country.field.empty() ? json(nullptr) : json(r.country.field)},
              {"value", r.country.value.empty() ? json(nullptr) : json(r.country.value)},
              {"reason", r.country.reason}}},
            {"profile", r.fromImage ? json(nullptr) : profileJson(r.profile)},
            {"scale",
             {{"denominator", r.scaleDenominator},
              {"estimated", r.scaleEstimated},
              {"tolerance_km", r.toleranceKm},
              {"line_tolerance_km", r.lineToleranceKm}}},
            {"reference_pack",
             {{"id", r.packId},
              {"version", r.packVersion},
              {"digest", r.packDigest},
              {"verified", r.packVerified}}},
            {"verdict", r.verdict()},
            {"crs", "EPSG:4490"},
            {"findings", findings}};
}

std::string scaleText(const CheckReport& r, const std::string& language) {
    const bool zh = language != "en";
    if (r.scaleDenominator <= 0)
        return zh ? "未知（图片未配准）" : "unknown (not georeferenced)";
    const char* estimated = r.fromImage
                                ? (zh ? "（按像元大小估算）" : " (estimated from the pixel size)")
                                : (zh ? "（按节点间距估算）" : " (estimated from vertex spacing)");
    std::ostringstream o;
    o << "1:" << static_cast<long long>(r.scaleDenominator) << (r.scaleEstimated ? estimated : "")
      << (zh ? "，容差 " : ", tolerance ") << oneDecimal(r.toleranceKm) << " km";
    if (r.lineToleranceKm > r.toleranceKm)
        o << (zh ? "（国界与断续线 " : " (border and dashed line ") << oneDecimal(r.lineToleranceKm)
          << " km" << (zh ? "）" : ")");
    return o.str();
}

std::string reportText(const CheckReport& r, const std::string& language) {
    const bool zh = language != "en";
    std::ostringstream o;
    o << (zh ? "核查：" : "Checked: ") << r.dataset << "\n";
    if (r.fromImage) {
        o << (zh ? "  图像：按颜色核查，结果须目视核实\n"
                 : "  Image: checked by its colours; findings need confirming by eye\n");
    } else {
        o << (zh ? "  图层：" : "  Layers: ");
        for (std::size_t i = 0; i < r.layers.size(); ++i)
            o << (i ? ", " : "") << r.layers[i];
        o << (zh ? "（" : " (") << r.featuresRead << (zh ? " 个要素）\n" : " features)\n");
        for (const ReadingNote& n : r.readingNotes)
            o << (zh ? "  读取说明：" : "  Reading note: ") << (zh ? n.zh : n.en) << "\n";
        o << profileText(r.profile, language);
    }
    o << (zh ? "  比例尺：" : "  Scale: ") << scaleText(r, language) << "\n";
    o << (zh ? "  参考数据：" : "  Reference: ") << r.packId << " " << r.packVersion << " ("
      << r.packDigest.substr(0, 16) << "…, "
      << (r.packVerified ? (zh ? "已校验" : "verified") : (zh ? "未通过校验" : "UNVERIFIED"))
      << ")\n";
    if (!r.reviewNumbers.empty()) {
        o << (zh ? "  审图号：" : "  Review number: ");
        for (std::size_t i = 0; i < r.reviewNumbers.size(); ++i) {
            const ReviewNumberSeen& n = r.reviewNumbers[i];
            o << (i ? "; " : "") << n.text << (zh ? "（" : " (") << n.origin
              << (n.wellFormed ? "" : (zh ? "，格式不正确" : ", malformed")) << (zh ? "）" : ")");
        }
        o << "\n";
    }
    const auto toConfirm = std::count_if(r.findings.begin(), r.findings.end(),
                                         [](const Finding& f) { return f.needsConfirmation; });
    o << (zh ? "  结论：" : "  Verdict: ");
    if (r.isProblem())
        o << (zh ? "问题地图" : "PROBLEM MAP");
    else if (toConfirm > 0)
        o << (zh ? "疑似问题 " : "") << toConfirm
          << (zh ? " 处，待目视核实" : " suspected problem(s) to confirm by eye");
    else
        o << (zh ? "未发现错误" : "pass");
    o << "\n";
    for (const Finding& f : r.findings) {
        o << "  " << f.id << " [" << severityName(f.severity) << "] " << f.rule << " " << f.code
          << ": " << (zh ? f.messageZh : f.messageEn);
        if (!f.featureIds.empty())
            o << " {" << f.featureIds.front() << (f.featureIds.size() > 1 ? ", …" : "") << "}";
        if (f.confidence)
            o << (zh ? "（置信度 " : " (confidence ") << oneDecimal(*f.confidence * 100) << "%"
              << (zh ? "）" : ")");
        if (!f.clause.empty())
            o << (zh ? " 〔依据 " : " [clause ") << f.clause << (zh ? "〕" : "]");
        o << "\n";
    }
    return o.str();
}

void writeFindingsLayer(const CheckReport& r, const fs::path& path) {
    ensureGdalInitialised();
    const std::string ext = path.extension().string();
    const char* driverName = ext == ".gpkg" ? "GPKG" : "GeoJSON";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    AtomicOutput out(path);
    {
        GdalErrorCapture errors;
        GdalDatasetPtr ds(driver->Create(out.partial().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            throw InputError(outputFailure(path, errors.firstMessage()));
        OGRSpatialReference srs;
        srs.importFromEPSG(4490);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRLayer* layer = ds->CreateLayer("findings", &srs, wkbUnknown, nullptr);
        for (const char* name :
             {"finding_id", "rule", "code", "place_zh", "place_en", "severity", "message_zh",
              "message_en", "clause", "basis", "measure_unit", "feature_ids", "origin", "note"}) {
            OGRFieldDefn field(name, OFTString);
            layer->CreateField(&field);
        }
        OGRFieldDefn measure("measure", OFTReal);
        layer->CreateField(&measure);
        // GeoJSON has no transactions; a GeoPackage writes faster in one.
        const bool inTransaction = ds->StartTransaction() == OGRERR_NONE;
        for (const Finding& f : r.findings) {
            OgrFeaturePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            std::string ids;
            for (const auto& id : f.featureIds)
                ids += (ids.empty() ? "" : ";") + id;
            const std::pair<const char*, std::string> values[] = {
                {"finding_id", f.id},
                {"rule", f.rule},
                {"code", f.code},
                {"place_zh", f.placeZh},
                {"place_en", f.placeEn},
                {"severity", severityName(f.severity)},
                {"message_zh", f.messageZh},
                {"message_en", f.messageEn},
                {"clause", f.clause},
                {"basis", f.basis},
                {"measure_unit", f.measureUnit},
                {"feature_ids", ids},
                {"origin", f.manual ? "manual" : "automatic"},
                {"note", f.note}};
            for (const auto& [name, value] : values)
                feature->SetField(name, value.c_str());
            if (f.measure)
                feature->SetField("measure", *f.measure);
            if (OgrGeometryPtr g = fromWkt(f.geometryWkt)) {
                g->assignSpatialReference(&srs);
                feature->SetGeometryDirectly(g.release());
            }
            if (layer->CreateFeature(feature.get()) != OGRERR_NONE)
                throw InputError(
                    outputFailure(path, "finding " + f.id + ": " + errors.firstMessage()));
        }
        if (inTransaction && ds->CommitTransaction() != OGRERR_NONE)
            throw InputError(outputFailure(path, errors.firstMessage()));
    }
    out.commit();
}

} // namespace mapaudit::check
