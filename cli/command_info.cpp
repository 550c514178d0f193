#include "arguments.h"
#include "cli.h"
#include "commands.h"
#include "info_format.h"
#include "mapaudit/geodata/dataset_info.h"

#include <ostream>

namespace mapaudit::cli {

int commandInfo(const CommandArgs& args, std::ostream& out, std::ostream& err) {
    const Arguments a(args, {{"--json", "--no-validity"}, {"--encoding"}}, "info");
    DescribeOptions options;
    options.encoding = a.value("--encoding").value_or("");
    options.checkValidity = !a.flag("--no-validity");
    const DatasetInfo info = describeDataset(a.requireOne("PATH"), options);
    for (const Message& w : info.warnings)
        err << "mapaudit info: "
            << (messageLanguage() == Language::Chinese ? "注意：" : "warning: ") << w.text()
            << "\n";
    if (a.flag("--json"))
        out << toJson(info).dump(2) << "\n";
    else
        out << toText(info);
    return kExitOk;
}

} // namespace mapaudit::cli
