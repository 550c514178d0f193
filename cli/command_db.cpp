#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/sealed_file.h"
#include "records_cli.h"

#include <filesystem>
#include <ostream>

namespace mapaudit::cli {

namespace {
namespace fs = std::filesystem;

// The database sealed into DB.sealed (checked by opening it again) and the
// plain files removed; unlock reverses it. A crash leaves one of the two whole.
int lock(const Arguments& a, std::ostream& out) {
    const fs::path db = *a.value("--db");
    const fs::path sealed = db.string() + ".sealed";
    if (!fs::exists(db))
        throw InputError(msg("{}: no such database (locked already? see {})", db, sealed));
    const std::string passphrase = readPassphrase(a.value("--passphrase-file").value_or(""));
    const fs::path copy = db.string() + ".locking";
    fs::remove(copy);
    {
        records::RecordsDb open(db, "lock");
        open.backup(copy); // consistent, WAL included
    }
    const std::string plain = readFileBytes(copy);
    writeFileAtomically(sealed, seal(plain, passphrase));
    if (unseal(readFileBytes(sealed), passphrase) != plain)
        throw InputError(msg("{}: the sealed copy does not read back — the database was left as "
                             "it was",
                             sealed));
    for (const fs::path& p :
         {db, fs::path(db.string() + "-wal"), fs::path(db.string() + "-shm"), copy})
        fs::remove(p);
    out << "locked: " << sealed.string() << " (AES-256-GCM, scrypt key); " << db.string()
        << " removed\n";
    return kExitOk;
}

int unlock(const Arguments& a, std::ostream& out) {
    const fs::path db = *a.value("--db");
    const fs::path sealed = db.string() + ".sealed";
    if (!fs::exists(sealed))
        throw InputError(msg("{}: not found — the database is not locked", sealed));
    if (fs::exists(db))
        throw InputError(msg("{}: exists already — unlocking would overwrite it", db));
    const std::string plain =
        unseal(readFileBytes(sealed), readPassphrase(a.value("--passphrase-file").value_or("")));
    writeFileAtomically(db, plain);
    records::RecordsDb open(db, "unlock"); // refuses anything that is not a records database
    fs::remove(sealed);
    out << "unlocked: " << db.string() << "\n";
    return kExitOk;
}

} // namespace

int commandDb(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    const Arguments a(args, {{}, {"--db", "--user", "--to", "--passphrase-file", "--expect-head"}},
                      "db");
    const auto& pos = a.positional();
    if (pos.size() != 1)
        throw InputError(msg("say what to do: `db verify`, `db backup --to FILE`, `db lock` or "
                             "`db unlock` (with --db DB)"));
    if (!a.value("--db"))
        throw InputError(msg("--db FILE is needed: the records database"));
    if (pos[0] == "lock")
        return lock(a, out);
    if (pos[0] == "unlock")
        return unlock(a, out);
    records::RecordsDb db = openRecordsDb(a);
    if (pos[0] == "verify") {
        std::optional<records::ChainHead> expected;
        if (const auto e = a.value("--expect-head"))
            expected = records::parseHeadText(*e);
        const auto problems = db.verify(expected);
        for (const auto& p : problems)
            out << "TAMPERED " << (p.table.empty() ? "" : p.table + " ") << p.rowId
                << (p.rowId.empty() ? "" : ": ") << p.what << "\n";
        const records::ChainHead head = db.head();
        out << "head: " << head.text() << " (" << head.count << " audit log entries)\n";
        if (const auto kept = db.keptHead())
            out << "kept on this workstation: " << kept->text() << "\n";
        else
            out << "kept on this workstation: none (the database was not written here)\n";
        if (!problems.empty()) {
            out << problems.size() << " problem(s): the database was changed outside MapAudit\n";
            return kExitProblems;
        }
        out << "ok: audit log intact, every record matches it"
            << (expected ? ", the expected head is in it" : "") << "\n";
        return kExitOk;
    }
    if (pos[0] == "backup") {
        const auto to = a.value("--to");
        if (!to)
            throw InputError(msg("--to FILE is needed: where the backup goes"));
        db.backup(*to);
        out << "backed up to " << *to << "\n";
        return kExitOk;
    }
    throw InputError(msg("unknown db action '{}' — use verify, backup, lock or unlock", pos[0]));
}

} // namespace mapaudit::cli
