#include "mapaudit/check/report_read.h"

#include "mapaudit/base/error.h"
#include "mapaudit/raii/gdal_handles.h"

#include <ogr_geometry.h>

namespace mapaudit::check {
using nlohmann::json;
namespace {

// What a field should have been, when it is not.
enum class Want {
    Object,
    Present,
    NotNull,
    Text,
    Number,
    TrueOrFalse,
    List,
    ListOfTexts,
    GeoJsonGeometry,
    SeverityName,
    ReviewStateName,
    MapKindId,
    TwoNumbers,
    FourNumbers,
    FilledIn,
    ChecklistAnswerId,
};

// What the field should have been, as words to put in the sentence below.
Message wanted(Want want) {
    switch (want) {
    case Want::Object:
        return msg("an object");
    case Want::Text:
        return msg("text");
    case Want::Number:
        return msg("a number");
    case Want::TrueOrFalse:
        return msg("true or false");
    case Want::List:
        return msg("a list");
    case Want::ListOfTexts:
        return msg("a list of texts");
    case Want::GeoJsonGeometry:
        return msg("GeoJSON geometry");
    case Want::SeverityName:
        return msg("error, warning or info");
    case Want::ReviewStateName:
        return msg("open, confirmed or dismissed");
    case Want::MapKindId:
        return msg("a map kind");
    case Want::TwoNumbers:
        return msg("two numbers");
    case Want::FourNumbers:
        return msg("four numbers");
    case Want::ChecklistAnswerId:
    case Want::Present:
    case Want::NotNull:
    case Want::FilledIn:
        break;
    }
    return msg("open, conforms, does_not_conform or not_applicable");
}

// "<source>: field <field> is not <what> — …"; a field missing, null or empty says so.
Message wrongField(Want want, const std::string& source, const std::string& field) {
    switch (want) {
    case Want::Present:
        return msg("{}: field {} is missing — this is not a MapAudit check report, or it was "
                   "edited",
                   source, field);
    case Want::NotNull:
    case Want::FilledIn:
        return msg("{}: field {} is empty — this is not a MapAudit check report, or it was edited",
                   source, field);
    default:
        return msg("{}: field {} is not {} — this is not a MapAudit check report, or it was "
                   "edited",
                   source, field, wanted(want));
    }
}

// Reads one JSON object's fields, naming the path of a bad one.
class Fields {
public:
    Fields(const json& object, std::string path, const std::string& source)
        : o_(object), path_(std::move(path)), source_(source) {
        if (!o_.is_object())
            fail("", Want::Object);
    }
    const json& at(const std::string& key, bool nullable = false) const {
        const auto it = o_.find(key);
        if (it == o_.end())
            fail(key, Want::Present);
        if (it->is_null() && !nullable)
            fail(key, Want::NotNull);
        return *it;
    }
    std::string text(const std::string& key) const {
        const json& v = at(key, true);
        if (v.is_null())
            return "";
        if (!v.is_string())
            fail(key, Want::Text);
        return v.get<std::string>();
    }
    double number(const std::string& key) const {
        const json& v = at(key);
        if (!v.is_number())
            fail(key, Want::Number);
        return v.get<double>();
    }
    std::optional<double> optionalNumber(const std::string& key) const {
        return at(key, true).is_null() ? std::nullopt : std::optional<double>(number(key));
    }
    bool flag(const std::string& key) const {
        const json& v = at(key);
        if (!v.is_boolean())
            fail(key, Want::TrueOrFalse);
        return v.get<bool>();
    }
    std::vector<std::string> texts(const std::string& key) const {
        std::vector<std::string> out;
        const json& v = at(key);
        if (!v.is_array())
            fail(key, Want::List);
        for (const json& x : v) {
            if (!x.is_string())
                fail(key, Want::ListOfTexts);
            out.push_back(x.get<std::string>());
        }
        return out;
    }
    const json& list(const std::string& key) const {
        const json& v = at(key);
        if (!v.is_array())
            fail(key, Want::List);
        return v;
    }
    Fields object(const std::string& key) const { return Fields(at(key), name(key), source_); }
    Fields item(const std::string& key, std::size_t i) const {
        return Fields(list(key)[i], name(key) + "[" + std::to_string(i) + "]", source_);
    }
    [[noreturn]] void fail(const std::string& key, Want what) const {
        throw InputError(wrongField(what, source_, key.empty() ? path_ : name(key)));
    }

private:
    std::string name(const std::string& key) const {
        return path_.empty() ? key : path_ + "." + key;
    }
    const json& o_;
    std::string path_;
    const std::string& source_;
};

std::string wktOf(const json& geojson, const Fields& f) {
    if (geojson.is_null())
        return "";
    OgrGeometryPtr g(OGRGeometryFactory::createFromGeoJson(geojson.dump().c_str()));
    if (!g)
        f.fail("geometry", Want::GeoJsonGeometry);
    char* wkt = nullptr;
    g->exportToWkt(&wkt, wkbVariantIso);
    CplCharPtr owned(wkt);
    return wkt ? std::string(wkt) : std::string();
}

Severity severityOf(const Fields& f) {
    const std::string s = f.text("severity");
    for (Severity v : {Severity::Error, Severity::Warning, Severity::Info})
        if (s == severityName(v))
            return v;
    f.fail("severity", Want::SeverityName);
}

ReviewState reviewStateOf(const Fields& f) {
    const std::string s = f.text("state");
    for (ReviewState v : {ReviewState::Open, ReviewState::Confirmed, ReviewState::Dismissed})
        if (s == reviewStateName(v))
            return v;
    f.fail("state", Want::ReviewStateName);
}

MapProfile profileOf(const Fields& p) {
    MapProfile out;
    const auto kind = parseMapKind(p.text("kind"));
    if (!kind)
        p.fail("kind", Want::MapKindId);
    out.kind = *kind;
    out.kindGiven = p.flag("kind_given");
    out.kindEvidence = p.text("kind_evidence");
    out.mainlandShare = p.number("mainland_share");
    out.shareInChina = p.number("share_in_china");
    out.lonSpan = p.number("lon_span");
    const Fields o = p.object("owner");
    out.owner.field = o.text("field");
    out.owner.scheme = o.text("scheme");
    out.owner.chinaValues = o.texts("china_values");
    out.owner.foreignValues = o.texts("foreign_values");
    out.owner.foreignCountry = o.text("foreign_country");
    out.owner.provinces = o.texts("provinces");
    out.owner.confidence = o.number("confidence");
    out.owner.evidence = o.text("evidence");
    const Fields g = p.object("generalisation");
    out.generalisation.baselineKm = g.number("baseline_km");
    out.generalisation.medianKm = g.number("median_km");
    out.generalisation.samples = static_cast<int>(g.number("samples"));
    out.generalisation.evidence = g.text("evidence");
    if (!p.at("inset", true).is_null()) {
        const Fields i = p.object("inset");
        InsetRole inset;
        inset.how = i.text("how");
        inset.layers = i.texts("layers");
        inset.scale = i.number("scale");
        const json& offset = i.list("offset");
        if (offset.size() != 2 || !offset[0].is_number() || !offset[1].is_number())
            i.fail("offset", Want::TwoNumbers);
        inset.offsetX = offset[0].get<double>();
        inset.offsetY = offset[1].get<double>();
        inset.dashesMatched = static_cast<int>(i.number("dashes_matched"));
        const json& frame = i.at("true_frame", true);
        if (!frame.is_null()) {
            if (!frame.is_array() || frame.size() != 4)
                i.fail("true_frame", Want::FourNumbers);
            for (const json& x : frame)
                if (!x.is_number())
                    i.fail("true_frame", Want::FourNumbers);
            inset.trueFrame = InsetRole::Frame{frame[0].get<double>(), frame[1].get<double>(),
                                               frame[2].get<double>(), frame[3].get<double>()};
        }
        inset.evidence = i.text("evidence");
        out.inset = inset;
    }
    const Fields r = p.object("roles");
    out.roles.dashesAsLines = static_cast<int>(r.number("dashes_as_lines"));
    out.roles.dashesAsPolygons = static_cast<int>(r.number("dashes_as_polygons"));
    out.roles.labels = static_cast<int>(r.number("labels"));
    out.roles.labelLayers = r.texts("label_layers");
    out.roles.evidence = r.text("evidence");
    out.drawsLand = p.flag("draws_land");
    out.seconds = p.number("seconds");
    return out;
}

} // namespace

ReviewedReport readReviewedReport(const json& in, const std::string& source) {
    const Fields top(in, "", source);
    ReviewedReport out;
    CheckReport& r = out.report;
    r.dataset = top.text("dataset");
    r.layers = top.texts("layers");
    r.featuresRead = static_cast<std::int64_t>(top.number("features_read"));
    for (std::size_t i = 0; i < top.list("reading_notes").size(); ++i) {
        const Fields n = top.item("reading_notes", i);
        r.readingNotes.push_back({n.text("zh"), n.text("en")});
    }
    for (std::size_t i = 0; i < top.list("review_numbers").size(); ++i) {
        const Fields n = top.item("review_numbers", i);
        r.reviewNumbers.push_back({n.text("text"), n.text("origin"), n.flag("well_formed")});
    }
    const Fields country = top.object("country");
    r.country = {country.text("field"), country.text("value"), country.text("reason")};
    r.fromImage = top.at("profile", true).is_null();
    if (!r.fromImage)
        r.profile = profileOf(top.object("profile"));
    const Fields scale = top.object("scale");
    r.scaleDenominator = scale.number("denominator");
    r.scaleEstimated = scale.flag("estimated");
    r.toleranceKm = scale.number("tolerance_km");
    r.lineToleranceKm = scale.optionalNumber("line_tolerance_km").value_or(r.toleranceKm);
    const Fields pack = top.object("reference_pack");
    r.packId = pack.text("id");
    r.packVersion = pack.text("version");
    r.packDigest = pack.text("digest");
    r.packVerified = pack.flag("verified");
    for (std::size_t i = 0; i < top.list("findings").size(); ++i) {
        const Fields f = top.item("findings", i);
        Finding x;
        x.id = f.text("id");
        x.rule = f.text("rule");
        if (x.id.empty() || x.rule.empty())
            f.fail(x.id.empty() ? "id" : "rule", Want::FilledIn);
        x.code = f.text("code");
        x.placeZh = f.text("place_zh");
        x.placeEn = f.text("place_en");
        x.severity = severityOf(f);
        x.messageZh = f.text("message_zh");
        x.messageEn = f.text("message_en");
        x.clause = f.text("clause");
        x.basis = f.text("basis");
        x.measure = f.optionalNumber("measure");
        x.measureUnit = f.text("measure_unit");
        x.featureIds = f.texts("feature_ids");
        x.geometryWkt = wktOf(f.at("geometry", true), f);
        x.confidence = f.optionalNumber("confidence");
        x.needsConfirmation = f.flag("needs_confirmation");
        x.manual = f.text("origin") == "manual";
        x.note = f.text("note");
        if (in["findings"][i].contains("review")) {
            const Fields rv = f.object("review");
            FindingReview review{reviewStateOf(rv), rv.text("reason"), rv.text("by"),
                                 rv.text("at")};
            if (review.state != ReviewState::Open || !review.by.empty())
                out.reviews[x.id] = review;
        }
        r.findings.push_back(std::move(x));
    }
    if (in.contains("checklist"))
        for (std::size_t i = 0; i < top.list("checklist").size(); ++i) {
            const Fields c = top.item("checklist", i);
            const auto answer = parseChecklistAnswer(c.text("answer"));
            if (!answer)
                c.fail("answer", Want::ChecklistAnswerId);
            out.checklist.push_back({c.text("clause"), *answer, c.text("note"), c.text("by"),
                                     c.text("at"), c.text("finding_id")});
        }
    return out;
}

} // namespace mapaudit::check
