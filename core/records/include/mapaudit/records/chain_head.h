// The head of the records database's audit chain — how many entries it has and
// the hash of the last — and the copies of it kept outside the database, so a
// deletion of the newest entries (rows and their log lines together) or a log
// rewritten from the start is found: by `db verify --expect-head` against a
// head printed on a summary, bundle or report, and against the head this
// workstation keeps in its state folder after every write.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

struct sqlite3;

namespace mapaudit::records {

struct ChainHead {
    std::int64_t count = 0; // entries; the last one's sequence number
    std::string hash;       // SHA-256 hex of the last entry ("" when empty)
    std::string identity;   // hash of entry 1: which chain this is

    // "N:" and the first 16 hex digits of the hash: what documents print and
    // `db verify --expect-head` takes.
    std::string text() const;
};

// Inverse of ChainHead::text (at least 16 hex digits); InputError otherwise.
ChainHead parseHeadText(const std::string& text);

// The head of the chain in `db` (an audit_log table).
ChainHead readChainHead(sqlite3* db);

// $MAPAUDIT_STATE_DIR, else $XDG_STATE_HOME/mapaudit, else ~/.local/state/mapaudit.
std::filesystem::path stateDir();

// The heads kept on this workstation, one file per database file (by its
// canonical path).
class KeptHeads {
public:
    explicit KeptHeads(std::filesystem::path folder = stateDir() / "audit-heads");

    // Remembers `head` for the database at `path` unless a longer head of the
    // same chain is kept already. Best effort: a failure is reported as false.
    bool keep(const std::filesystem::path& path, const ChainHead& head) const;
    std::optional<ChainHead> find(const std::filesystem::path& path) const;
    // Forgets what was kept for `path` (a new database made there).
    void forget(const std::filesystem::path& path) const;

private:
    std::filesystem::path fileFor(const std::filesystem::path& path) const;
    std::filesystem::path folder_;
};

} // namespace mapaudit::records
