#include "mapaudit/records/bundle.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/json_text.h"
#include "mapaudit/base/sealed_file.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/records/record_import.h"

#include <array>
#include <functional>
#include <openssl/evp.h>
#include <optional>
#include <set>

namespace mapaudit::records {
namespace fs = std::filesystem;
namespace {

constexpr const char* kFormat = "mapaudit-records-bundle";
constexpr int kVersion = 1;
constexpr std::array kParts{"units", "records", "overrides", "evidence"};

std::string toBase64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::optional<std::string> fromBase64(const std::string& text) {
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::string out(3 * (text.size() / 4) + 1, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
    if (n < 0)
        return std::nullopt;
    // EVP_DecodeBlock counts the padding as data.
    std::size_t size = static_cast<std::size_t>(n);
    for (std::size_t i = text.size(); i > 0 && text[i - 1] == '='; --i)
        --size;
    out.resize(size);
    return out;
}

nlohmann::json recordJson(const Record& r) {
    return {{"id", r.id},     {"kind", r.kind},   {"unit", r.unit},
            {"date", r.date}, {"notes", r.notes}, {"fields", r.fields}};
}

} // namespace

BundleCounts exportBundle(RecordsDb& db, const std::string& unitName, const fs::path& out,
                          const std::string& passphrase) {
    const auto unit = db.findUnit(unitName);
    if (!unit)
        throw InputError(msg("unit '{}' does not exist — see `mapaudit org list`", unitName));
    std::map<std::string, Unit> byId;
    for (const Unit& u : db.units())
        byId[u.id] = u;
    BundleCounts counts;
    nlohmann::json parts = {{"units", nlohmann::json::array()},
                            {"records", nlohmann::json::array()},
                            {"overrides", nlohmann::json::array()},
                            {"evidence", nlohmann::json::array()}};
    std::set<std::string> included; // unit names
    // Top-down (the query walks breadth first), so an importer meets every
    // parent before its subunits.
    for (const std::string& id : db.unitAndSubunitIds(unit->id)) {
        const Unit& u = byId.at(id);
        included.insert(u.name);
        parts["units"].push_back(
            {{"name", u.name},
             {"parent",
              u.parentId.empty() ? nlohmann::json() : nlohmann::json(byId.at(u.parentId).name)}});
        ++counts.units;
    }
    std::int64_t classified = 0;
    for (const Record& r : db.list({}))
        if (included.count(r.unit)) {
            parts["records"].push_back(recordJson(r));
            ++counts.records.added;
            classified += isClassified(r);
        }
    if (classified > 0 && passphrase.empty())
        throw InputError(msg("{} record(s) of the bundle are marked classified: export it "
                             "encrypted (--encrypt); nothing was written",
                             classified));
    for (const Override& o : db.allOverrides())
        if (included.count(o.unit)) {
            parts["overrides"].push_back({{"unit", o.unit},
                                          {"template", o.templateId},
                                          {"from", o.from},
                                          {"to", o.to},
                                          {"row", o.rowKey},
                                          {"value", o.value},
                                          {"reason", o.reason}});
            ++counts.overrides;
        }
    for (const auto& r : parts["records"])
        for (const Evidence& e : db.evidence(r.at("id"))) {
            parts["evidence"].push_back({{"id", e.id},
                                         {"record_id", e.recordId},
                                         {"file_name", e.fileName},
                                         {"sha256", e.sha256},
                                         {"added_at", e.addedAt},
                                         {"content", toBase64(db.evidenceContent(e.id))}});
            ++counts.evidence;
        }
    // The sender's audit head: the receiver can ask for `db verify --expect-head`
    // on the sending database later.
    nlohmann::json manifest = {{"unit", unitName},
                               {"schema_version", RecordsDb::kSchemaVersion},
                               {"audit_head", db.head().text()},
                               {"parts", nlohmann::json::array()}};
    for (const char* name : kParts)
        manifest["parts"].push_back({{"name", name},
                                     {"count", parts[name].size()},
                                     {"sha256", sha256Hex(parts[name].dump())}});
    const nlohmann::json bundle = {{"format", kFormat},
                                   {"version", kVersion},
                                   {"manifest", manifest},
                                   {"manifest_sha256", sha256Hex(manifest.dump())},
                                   {"parts", parts}};
    const std::string text = bundle.dump() + "\n";
    writeFileAtomically(out, passphrase.empty() ? text : seal(text, passphrase));
    return counts;
}

namespace {

// Throws the InputError of a damaged bundle, saying why.
using Reject = std::function<void(const Message&)>;

void checkIntegrity(const nlohmann::json& bundle, const Reject& reject) {
    if (!bundle.is_object() || bundle.value("format", "") != kFormat)
        reject(msg("not a MapAudit records bundle"));
    if (bundle.value("version", 0) != kVersion)
        reject(msg("bundle version {} is not supported",
                   bundle.value("version", nlohmann::json()).dump()));
    const nlohmann::json& manifest = bundle.at("manifest");
    if (bundle.value("manifest_sha256", "") != sha256Hex(manifest.dump()))
        reject(msg("the manifest does not match its SHA-256"));
    const nlohmann::json& parts = bundle.at("parts");
    if (manifest.at("parts").size() != kParts.size())
        reject(msg("the manifest does not list every part"));
    for (const auto& part : manifest.at("parts")) {
        const std::string name = part.at("name");
        if (!parts.contains(name) || !parts.at(name).is_array())
            reject(msg("part '{}' is missing", name));
        if (sha256Hex(parts.at(name).dump()) != part.at("sha256").get<std::string>() ||
            parts.at(name).size() != part.at("count").get<std::size_t>())
            reject(msg("part '{}' does not match its SHA-256 in the manifest", name));
    }
}

BundleCounts apply(RecordsDb& db, const nlohmann::json& parts, const Reject& reject) {
    BundleCounts counts;
    Transaction t(db.database());
    // Units in the bundle's order: parents come before their subunits.
    for (const auto& u : parts.at("units")) {
        const std::string name = u.at("name");
        if (db.findUnit(name))
            continue;
        const std::string parent =
            u.at("parent").is_string() ? u.at("parent").get<std::string>() : "";
        db.addUnit(name, db.findUnit(parent) ? parent : "");
        ++counts.units;
    }
    std::vector<Record> records;
    std::vector<ImportProblem> problems;
    int index = 0;
    const auto known = [&](const std::string& u) { return db.findUnit(u).has_value(); };
    for (const auto& r : parts.at("records")) {
        nlohmann::json flat = r.at("fields");
        for (const char* key : {"id", "kind", "unit", "date", "notes"})
            flat[key] = r.at(key);
        Record record;
        if (parseRecord(flat, ++index, known, record, problems))
            records.push_back(std::move(record));
    }
    if (!problems.empty())
        reject(msg("record {} is not valid ({}: {})", problems[0].line, problems[0].field,
                   problems[0].userMessage));
    counts.records = db.upsert(records);
    for (const auto& o : parts.at("overrides"))
        if (db.setOverride({o.at("unit"), o.at("template"), o.at("from"), o.at("to"), o.at("row"),
                            o.at("reason"), o.at("value").get<double>()}))
            ++counts.overrides;
    for (const auto& e : parts.at("evidence")) {
        const auto content = fromBase64(e.at("content").get<std::string>());
        if (!content || sha256Hex(*content) != e.at("sha256").get<std::string>())
            reject(msg("evidence '{}' does not match its SHA-256",
                       e.at("file_name").get<std::string>()));
        if (db.attach(e.at("record_id"), e.at("file_name"), *content, e.at("added_at")))
            ++counts.evidence;
    }
    t.commit();
    return counts;
}

} // namespace

BundleCounts importBundle(RecordsDb& db, const fs::path& path, const std::string& passphrase) {
    return importBundleBytes(db, readFileBytes(path), path.string(), passphrase);
}

BundleCounts importBundleBytes(RecordsDb& db, std::string text, const std::string& origin,
                               const std::string& passphrase) {
    if (isSealed(text)) {
        if (passphrase.empty())
            throw InputError(msg("{}: the bundle is encrypted — give its passphrase", origin));
        try {
            text = unseal(text, passphrase);
        } catch (const InputError& e) {
            // unseal's own message, in the same language as the rest.
            throw InputError(msg("{}: {}", origin, e.asMessage()));
        }
    }
    const Reject reject = [&](const Message& why) {
        throw InputError(msg("{}: {} — nothing imported; the bundle was altered or damaged, ask "
                             "for it again",
                             origin, why));
    };
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError(msg("{}: the file is empty (0 bytes) — the copy is incomplete; ask for "
                             "the bundle again",
                             origin));
    if (const std::string deep = jsonDepthProblem(text); !deep.empty())
        throw InputError(msg("{}: {} — nothing imported; the bundle was altered or damaged, ask "
                             "for it again",
                             origin, deep));
    nlohmann::json bundle;
    try {
        bundle = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        reject(msg("not complete JSON (truncated?)"));
    }
    try {
        checkIntegrity(bundle, reject);
        return apply(db, bundle.at("parts"), reject);
    } catch (const nlohmann::json::exception& e) {
        reject(msg("not a MapAudit bundle as written ({})", jsonErrorText(e)));
    }
    return {};
}

} // namespace mapaudit::records
