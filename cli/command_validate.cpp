#include "arguments.h"
#include "cli.h"
#include "commands.h"
#include "mapaudit/geodata/dataset_info.h"
#include "mapaudit/geodata/dataset_open.h"
#include "mapaudit/geodata/geometry_validity.h"

#include <iomanip>
#include <limits>
#include <nlohmann/json.hpp>
#include <ostream>

namespace mapaudit::cli {

int commandValidate(const CommandArgs& args, std::ostream& out, std::ostream& err) {
    const Arguments a(args, {{"--json"}, {"--repair", "--encoding"}}, "validate");
    const std::string path = a.requireOne("PATH");
    DescribeOptions options;
    options.encoding = a.value("--encoding").value_or("");
    options.maxInvalidListed = std::numeric_limits<std::size_t>::max();
    const DatasetInfo info = describeDataset(path, options);
    for (const Message& w : info.warnings)
        err << "mapaudit validate: "
            << (messageLanguage() == Language::Chinese ? "注意：" : "warning: ") << w.text()
            << "\n";

    std::int64_t invalid = 0;
    nlohmann::json layers = nlohmann::json::array();
    for (const auto& l : info.layers) {
        invalid += l.validity->invalid;
        nlohmann::json items = nlohmann::json::array();
        for (const auto& e : l.validity->examples)
            items.push_back({{"fid", e.fid},
                             {"reason", e.reason},
                             {"location", e.location ? nlohmann::json::array(
                                                           {e.location->first, e.location->second})
                                                     : nlohmann::json(nullptr)}});
        layers.push_back({{"layer", l.name},
                          {"checked", l.validity->checked},
                          {"invalid", l.validity->invalid},
                          {"items", items}});
    }

    std::optional<RepairReport> repair;
    if (auto target = a.value("--repair")) {
        OpenedDataset opened = openDataset(path, OpenOptions{options.encoding, false});
        repair = writeRepairedCopy(*opened.dataset, *target);
    }

    if (a.flag("--json")) {
        nlohmann::json j{{"path", path}, {"invalid", invalid}, {"layers", layers}};
        if (repair) {
            nlohmann::json r = nlohmann::json::array();
            for (const auto& l : repair->layers)
                r.push_back({{"layer", l.name},
                             {"features", l.features},
                             {"repaired", l.repaired},
                             {"dropped", l.dropped}});
            j["repair"] = {{"output", *a.value("--repair")}, {"layers", r}};
        }
        out << j.dump(2) << "\n";
    } else {
        for (const auto& l : layers) {
            out << "Layer " << l["layer"].get<std::string>() << ": " << l["invalid"]
                << " invalid of " << l["checked"] << "\n";
            for (const auto& e : l["items"]) {
                out << "  fid " << e["fid"] << ": " << e["reason"].get<std::string>();
                if (!e["location"].is_null())
                    out << std::fixed << std::setprecision(6) << " at "
                        << e["location"][0].get<double>() << ", " << e["location"][1].get<double>();
                out << "\n";
            }
        }
        if (repair) {
            out << "Repaired copy: " << *a.value("--repair") << "\n";
            for (const auto& l : repair->layers)
                out << "  " << l.name << ": " << l.features << " features, " << l.repaired
                    << " repaired, " << l.dropped << " collapsed to no geometry\n";
        }
    }
    return invalid > 0 && !repair ? kExitProblems : kExitOk;
}

} // namespace mapaudit::cli
