// One function per subcommand. Each returns an exit code and throws
// InputError for bad input (turned into exit code 2 by run()).
#pragma once

#include <iosfwd>
#include <string_view>
#include <vector>

namespace mapaudit::cli {

using CommandArgs = std::vector<std::string_view>;

int commandInfo(const CommandArgs& args, std::ostream& out);
int commandValidate(const CommandArgs& args, std::ostream& out);
int commandTransform(const CommandArgs& args, std::ostream& out);
int commandRefpack(const CommandArgs& args, std::ostream& out);
int commandCheck(const CommandArgs& args, std::ostream& out);
int commandRules(const CommandArgs& args, std::ostream& out);
int commandOrg(const CommandArgs& args, std::ostream& out);
int commandRecords(const CommandArgs& args, std::ostream& out);
int commandSummary(const CommandArgs& args, std::ostream& out);
int commandDb(const CommandArgs& args, std::ostream& out);
int commandBundle(const CommandArgs& args, std::ostream& out);
int commandRegister(const CommandArgs& args, std::ostream& out);
int commandDraw(const CommandArgs& args, std::ostream& out);
int commandLedger(const CommandArgs& args, std::ostream& out);
int commandGeoref(const CommandArgs& args, std::ostream& out);
int commandBasemap(const CommandArgs& args, std::ostream& out);

} // namespace mapaudit::cli
