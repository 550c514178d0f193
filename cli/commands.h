// One function per subcommand. Each returns an exit code and throws
// InputError for bad input (turned into exit code 2 by run()).
#pragma once

#include <iosfwd>
#include <string_view>
#include <vector>

namespace mapaudit::cli {

using CommandArgs = std::vector<std::string_view>;

int commandInfo(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandValidate(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandTransform(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandRefpack(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandCheck(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandRules(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandOrg(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandRecords(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandSummary(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandDb(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandBundle(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandRegister(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandDraw(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandLedger(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandGeoref(const CommandArgs& args, std::ostream& out, std::ostream& err);
int commandBasemap(const CommandArgs& args, std::ostream& out, std::ostream& err);

} // namespace mapaudit::cli
