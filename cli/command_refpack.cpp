#include "arguments.h"
#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/resources.h"
#include "mapaudit/refpack/builder.h"
#include "mapaudit/refpack/importer.h"
#include "mapaudit/refpack/reference_pack.h"
#include "mapaudit/refpack/schema.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace mapaudit::cli {
namespace {

void printPack(const refpack::ReferencePack& pack, bool json, std::ostream& out) {
    if (json) {
        nlohmann::json j{{"path", pack.path()},         {"pack_id", pack.id()},
                         {"version", pack.version()},   {"digest", pack.digest()},
                         {"verified", pack.verified()}, {"problems", pack.problems()},
                         {"counts", pack.counts()},     {"metadata", pack.metadata()}};
        out << j.dump(2) << "\n";
        return;
    }
    const auto meta = [&](const char* key) {
        const auto it = pack.metadata().find(key);
        return it == pack.metadata().end() ? std::string("?") : it->second;
    };
    out << "Reference pack: " << pack.path() << "\n"
        << "  id:       " << pack.id() << "\n"
        << "  version:  " << pack.version() << "\n"
        << "  grade:    " << meta("grade") << "\n"
        << "  built:    " << meta("build_time") << "\n"
        << "  digest:   " << pack.digest() << "\n"
        << "  status:   " << (pack.verified() ? "verified — all layer digests match" : "UNVERIFIED")
        << "\n";
    for (const auto& p : pack.problems())
        out << "    problem: " << p << "\n";
    out << "  layers:\n";
    for (const auto& [name, count] : pack.counts())
        out << "    " << name << ": " << count << "\n";
    if (meta("grade") == "demonstration")
        out << "  This is a demonstration-grade pack built from public data (good to a few km),\n"
               "  not an official standard map. Build one from official data with `refpack "
               "import`.\n";
}

void printReport(const std::string& output, const refpack::BuildReport& report, std::ostream& out) {
    out << "Built " << output << "\n";
    for (const auto& [layer, count] : report.counts)
        out << "  " << layer << ": " << count << " features, sha256 " << report.digests.at(layer)
            << "\n";
    out << "  pack digest: " << report.digest << "\n";
}

int refpackBuild(const CommandArgs& args, std::ostream& out) {
    const Arguments a(args, {{}, {"--sources", "--out", "--id", "--version", "--built-at"}},
                      "refpack build");
    refpack::BuildOptions options;
    options.sourcesDir =
        a.value("--sources").value_or((resourceDir() / "reference/sources").string());
    options.output = a.value("--out").value_or(refpack::defaultPackPath().string());
    options.packId = a.value("--id").value_or(options.packId);
    options.version = a.value("--version").value_or(options.version);
    options.builtAt = a.value("--built-at").value_or("");
    printReport(options.output.string(), refpack::buildReferencePack(options), out);
    return kExitOk;
}

int refpackImport(const CommandArgs& args, std::ostream& out) {
    const Arguments a(args, {{}, {"--mapping", "--out", "--built-at"}}, "refpack import");
    const auto mapping = a.value("--mapping");
    const auto output = a.value("--out");
    if (!mapping || !output)
        throw InputError(msg("refpack import needs --mapping MAPPING.json and --out PACK.gpkg"));
    refpack::ImportOptions options{*mapping, *output, a.value("--built-at").value_or("")};
    printReport(*output, refpack::importReferencePack(options), out);
    return kExitOk;
}

// `info` always exits 0; `verify` exits 4 when the pack is altered or incomplete.
int refpackShow(const CommandArgs& args, std::ostream& out, const char* name, bool strictExit) {
    const Arguments a(args, {{"--json"}, {}}, std::string("refpack ") + name);
    const std::string path =
        a.positional().empty() ? refpack::defaultPackPath().string() : a.requireOne("PACK");
    const auto pack = refpack::ReferencePack::open(path, refpack::VerifyMode::MarkUnverified);
    printPack(pack, a.flag("--json"), out);
    return pack.verified() || !strictExit ? kExitOk : kExitProblems;
}

} // namespace

int commandRefpack(const CommandArgs& args, std::ostream& out, std::ostream& /*err*/) {
    if (args.empty())
        throw InputError(msg("refpack needs a subcommand: build, import, info or verify — see "
                             "`mapaudit refpack --help`"));
    const CommandArgs rest(args.begin() + 1, args.end());
    if (args[0] == "build")
        return refpackBuild(rest, out);
    if (args[0] == "import")
        return refpackImport(rest, out);
    if (args[0] == "info")
        return refpackShow(rest, out, "info", false);
    if (args[0] == "verify")
        return refpackShow(rest, out, "verify", true);
    throw InputError(msg("unknown refpack subcommand '{}' — use build, import, info or verify",
                         std::string(args[0])));
}

} // namespace mapaudit::cli
