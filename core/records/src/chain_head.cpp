#include "mapaudit/records/chain_head.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/json_text.h"
#include "mapaudit/base/sha256.h"
#include "mapaudit/raii/sqlite_handles.h"

#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace mapaudit::records {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kShownHexDigits = 16;

std::string queryText(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK)
        return {};
    SqliteStmtPtr stmt(raw);
    if (sqlite3_step(stmt.get()) != SQLITE_ROW)
        return {};
    const auto* text = sqlite3_column_text(stmt.get(), 0);
    return text ? reinterpret_cast<const char*>(text) : "";
}

fs::path canonicalOrAsIs(const fs::path& p) {
    std::error_code ec;
    const fs::path a = fs::weakly_canonical(p, ec);
    return ec ? p : a;
}

} // namespace

std::string ChainHead::text() const {
    return std::to_string(count) + ":" + hash.substr(0, kShownHexDigits);
}

ChainHead parseHeadText(const std::string& text) {
    const auto colon = text.find(':');
    const auto bad = [&] {
        return InputError(msg("--expect-head '{}' is not a head — write it as printed on the "
                              "summary, bundle or report: N:HEX (the entry count and at least 16 "
                              "hex digits)",
                              text));
    };
    if (colon == std::string::npos || colon == 0 || colon > 18)
        throw bad();
    ChainHead head;
    for (std::size_t i = 0; i < colon; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            throw bad();
        head.count = head.count * 10 + (text[i] - '0');
    }
    head.hash = text.substr(colon + 1);
    if (head.hash.size() < kShownHexDigits || head.hash.size() > 64)
        throw bad();
    for (char& c : head.hash) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            throw bad();
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return head;
}

ChainHead readChainHead(sqlite3* db) {
    ChainHead head;
    const std::string last =
        queryText(db, "SELECT seq || ' ' || hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (const auto space = last.find(' '); space != std::string::npos) {
        head.count = std::atoll(last.substr(0, space).c_str());
        head.hash = last.substr(space + 1);
    }
    head.identity = queryText(db, "SELECT hash FROM audit_log WHERE seq = 1");
    return head;
}

fs::path stateDir() {
    if (const char* own = std::getenv("MAPAUDIT_STATE_DIR"); own && *own)
        return own;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
        return fs::path(xdg) / "mapaudit";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "state" / "mapaudit";
}

KeptHeads::KeptHeads(fs::path folder) : folder_(std::move(folder)) {}

fs::path KeptHeads::fileFor(const fs::path& path) const {
    return folder_ / (sha256Hex(canonicalOrAsIs(path).string()).substr(0, 32) + ".json");
}

bool KeptHeads::keep(const fs::path& path, const ChainHead& head) const {
    if (head.identity.empty())
        return true; // an empty chain: nothing to keep
    try {
        if (const auto kept = find(path);
            kept && kept->identity == head.identity && kept->count >= head.count)
            return true;
        std::error_code ec;
        fs::create_directories(folder_, ec);
        const nlohmann::json j{{"path", canonicalOrAsIs(path).string()},
                               {"identity", head.identity},
                               {"count", head.count},
                               {"hash", head.hash}};
        writeFileAtomically(fileFor(path), j.dump(1) + "\n");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

std::optional<ChainHead> KeptHeads::find(const fs::path& path) const {
    const fs::path file = fileFor(path);
    std::error_code ec;
    if (!fs::exists(file, ec))
        return std::nullopt;
    try {
        const nlohmann::json j =
            parseJsonText(readFileBytes(file), file.string(), msg("delete it"));
        ChainHead h;
        h.identity = j.at("identity").get<std::string>();
        h.count = j.at("count").get<std::int64_t>();
        h.hash = j.at("hash").get<std::string>();
        return h;
    } catch (const std::exception&) {
        return std::nullopt; // a damaged file keeps nothing
    }
}

void KeptHeads::forget(const fs::path& path) const {
    std::error_code ec;
    fs::remove(fileFor(path), ec);
}

} // namespace mapaudit::records
