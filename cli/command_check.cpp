#include "arguments.h"
#include "cli.h"
#include "commands.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"
#include "mapaudit/base/text_util.h"
#include "mapaudit/check/report_io.h"
#include "mapaudit/inspection/check_map.h"
#include "mapaudit/refpack/reference_pack.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <mutex>
#include <ostream>
#include <set>
#include <thread>

namespace mapaudit::cli {
namespace fs = std::filesystem;
namespace {

const std::set<std::string> kMapExtensions{".shp", ".gpkg", ".geojson", ".json", ".topojson",
                                           ".kml", ".kmz",  ".tab",     ".mif",  ".dxf",
                                           ".csv", ".gdb",  ".fgb"};

// Folders expand to the map files inside them (a .gdb folder is one dataset).
std::vector<fs::path> expandInputs(const std::vector<std::string>& args) {
    std::vector<fs::path> out;
    for (const auto& a : args) {
        const fs::path p(a);
        std::error_code ec;
        if (fs::is_directory(p, ec) && lowerExtension(p) != ".gdb") {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(p, ec);
                 it != fs::recursive_directory_iterator(); ++it) {
                if (it->is_directory() && lowerExtension(it->path()) == ".gdb") {
                    found.push_back(it->path());
                    it.disable_recursion_pending();
                } else if (it->is_regular_file() &&
                           kMapExtensions.count(lowerExtension(it->path()))) {
                    found.push_back(it->path());
                }
            }
            std::sort(found.begin(), found.end());
            if (found.empty())
                out.push_back(p); // reported as unreadable, with the reason
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(p);
        }
    }
    return out;
}

double scaleArgument(const std::string& text) {
    if (const auto v = check::parseScale(text))
        return *v;
    throw InputError(msg("--scale '{}' is not a scale — write it as 1:1000000", text));
}

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::string item;
    for (char ch : s + ",") {
        if (ch == ',') {
            if (!item.empty())
                out.push_back(item);
            item.clear();
        } else {
            item += ch;
        }
    }
    return out;
}

struct Outcome {
    fs::path path;
    std::optional<check::CheckReport> report;
    // The map could not be checked; or checked, but its --json or --findings
    // could not be written. Shown in the language of --lang.
    std::optional<Message> error, outputError;
};

} // namespace

int commandCheck(const CommandArgs& args, std::ostream& out, std::ostream& err) {
    const Arguments a(
        args,
        {{},
         {"--scale", "--layer", "--country-field", "--owner-field", "--china-value", "--kind",
          "--encoding", "--pack", "--json", "--findings", "--lang", "--jobs", "--assume-crs"}},
        "check");
    if (a.positional().empty())
        throw InputError(
            msg("give the map file(s) or folder(s) to check — see `mapaudit check --help`"));
    check::CheckOptions options;
    if (auto s = a.value("--scale"))
        options.scale = scaleArgument(*s);
    if (auto l = a.value("--layer"))
        options.layers = splitList(*l);
    // --country-field is the older name of --owner-field.
    options.countryField =
        a.value("--owner-field").value_or(a.value("--country-field").value_or(""));
    options.chinaValue = a.value("--china-value").value_or("");
    if (auto k = a.value("--kind")) {
        options.kind = check::parseMapKind(*k);
        if (!options.kind) {
            std::string ids;
            for (check::MapKind kind : check::allMapKinds())
                ids += std::string(ids.empty() ? "" : ", ") + check::mapKindId(kind);
            throw InputError(msg("--kind '{}' is not a map kind — use one of {}", *k, ids));
        }
    }
    options.encoding = a.value("--encoding").value_or("");
    options.assumeCrs = a.value("--assume-crs").value_or("");
    if (!options.chinaValue.empty() && options.countryField.empty())
        throw InputError(msg("--china-value needs --owner-field"));
    const std::string lang = a.value("--lang").value_or("zh");
    if (lang != "zh" && lang != "en")
        throw InputError(msg("--lang must be zh or en"));
    const fs::path packPath = a.value("--pack").value_or(refpack::defaultPackPath().string());
    // Opened here once so a broken pack stops everything with its reason.
    refpack::ReferencePack::open(packPath, refpack::VerifyMode::MarkUnverified);

    const std::vector<fs::path> inputs = expandInputs(a.positional());
    const bool batch = inputs.size() > 1;
    const auto jsonOut = a.value("--json");
    const auto findingsOut = a.value("--findings");
    if (batch) {
        for (const auto& dir : {jsonOut, findingsOut})
            if (dir) {
                std::error_code ec;
                fs::create_directories(*dir, ec);
                if (ec)
                    throw InputError(msg("{}: the folder cannot be created ({}) — choose a "
                                         "folder you can write to",
                                         *dir, ec.message()));
            }
    }

    std::vector<Outcome> outcomes(inputs.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        // GDAL datasets are not shared between threads: one pack per worker.
        std::optional<refpack::ReferencePack> pack;
        for (std::size_t i = next++; i < inputs.size(); i = next++) {
            Outcome& o = outcomes[i];
            o.path = inputs[i];
            try {
                if (!pack)
                    pack.emplace(refpack::ReferencePack::open(packPath,
                                                              refpack::VerifyMode::MarkUnverified));
                o.report = inspection::checkMap(inputs[i], *pack, options);
                const std::string stem = inputs[i].stem().string();
                if (jsonOut) {
                    const fs::path target =
                        batch ? fs::path(*jsonOut) / (stem + ".json") : fs::path(*jsonOut);
                    writeFileAtomically(target, check::reportJson(*o.report).dump(2) + "\n");
                }
                if (findingsOut) {
                    const fs::path target = batch
                                                ? fs::path(*findingsOut) / (stem + ".findings.gpkg")
                                                : fs::path(*findingsOut);
                    check::writeFindingsLayer(*o.report, target);
                }
            } catch (const InputError& e) {
                (o.report ? o.outputError : o.error) = e.asMessage();
            } catch (const std::exception& e) {
                // One file's failure must not take the batch down.
                o.error = msg("{}: internal error while checking ({}) — please report this with "
                              "the file",
                              o.path, e.what());
            }
        }
    };
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    unsigned jobs = hardware;
    if (const auto text = a.value("--jobs")) {
        const auto n = parseNumber(*text);
        if (!n || *n < 1 || *n > 256 || *n != std::floor(*n))
            throw InputError(msg("--jobs '{}' is not a number of threads from 1 to 256", *text));
        jobs = static_cast<unsigned>(*n);
    }
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < std::min<std::size_t>(jobs, inputs.size()); ++t)
        threads.emplace_back(worker);
    for (auto& t : threads)
        t.join();

    int exitCode = kExitOk;
    bool anyProblem = false, anyFailed = false;
    for (const Outcome& o : outcomes) {
        if (o.report) {
            for (const check::ReadingNote& n : o.report->readingNotes)
                err << "mapaudit check: note: " << (lang == "zh" ? n.zh : n.en) << "\n";
            out << check::reportText(*o.report, lang);
            anyProblem = anyProblem || o.report->isProblem();
        } else {
            err << "mapaudit check: " << (lang == "zh" ? "无法核查：" : "could not check: ")
                << o.error->text() << "\n";
            anyFailed = true;
        }
        if (o.outputError) {
            err << "mapaudit check: " << o.outputError->text() << "\n";
            anyFailed = true;
        }
        if (batch)
            out << "\n";
    }
    if (batch) {
        out << (lang == "zh" ? "汇总：" : "Summary:") << "\n";
        for (const Outcome& o : outcomes) {
            out << "  " << std::left << std::setw(12)
                << (!o.report               ? (lang == "zh" ? "无法核查" : "not checked")
                    : o.report->isProblem() ? (lang == "zh" ? "问题地图" : "problem")
                                            : (lang == "zh" ? "未发现错误" : "pass"))
                << " " << o.path.string();
            if (o.report)
                out << "  (" << o.report->findings.size()
                    << (lang == "zh" ? " 项发现)" : " findings)");
            out << "\n";
        }
    }
    if (anyFailed)
        exitCode = kExitInput;
    else if (anyProblem)
        exitCode = kExitProblems;
    return exitCode;
}

} // namespace mapaudit::cli
