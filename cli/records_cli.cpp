#include "records_cli.h"

#include "mapaudit/base/error.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace mapaudit::cli {

records::RecordsDb openRecordsDb(const Arguments& a) {
    const auto db = a.value("--db");
    if (!db)
        throw InputError(msg("--db FILE is needed: the records database (created when absent)"));
    std::string actor = a.value("--user").value_or("");
    if (actor.empty())
        if (const char* user = std::getenv("USER"))
            actor = user;
    return records::RecordsDb(*db, actor.empty() ? "unknown" : actor);
}

void printImported(std::ostream& out, const std::string& file, const records::ImportCounts& c) {
    out << "imported " << file << ": " << c.added << " added, " << c.updated << " updated, "
        << c.unchanged << " unchanged\n";
}

void rejectImport(const std::string& file, const std::vector<records::ImportProblem>& problems) {
    // A line per problem, each in the user's language: a message whose template
    // is only placeholders, one for each line.
    std::vector<MessageArg> lines;
    std::string placeholders;
    for (const auto& p : problems) {
        lines.emplace_back(p.field.empty()
                               ? msg("\n  line {}: {}", p.line, p.userMessage)
                               : msg("\n  line {}, field {}: {}", p.line, p.field, p.userMessage));
        placeholders += "{}";
    }
    throw InputError(msg("{}: {} problem(s), nothing imported — correct the file and import it "
                         "again:{}",
                         file, problems.size(), Message(placeholders, std::move(lines))));
}

std::string readPassphrase(const std::string& passphraseFile) {
    if (!passphraseFile.empty()) {
        std::ifstream in(passphraseFile);
        std::string line;
        if (!in || !std::getline(in, line) || line.empty())
            throw InputError(msg("{}: no passphrase on its first line", passphraseFile));
        return line;
    }
    if (const char* env = std::getenv("MAPAUDIT_PASSPHRASE"); env && *env)
        return env;
    if (!isatty(STDIN_FILENO))
        throw InputError(
            msg("a passphrase is needed: --passphrase-file FILE or $MAPAUDIT_PASSPHRASE"));
    std::cerr << "passphrase: " << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    if (line.empty())
        throw InputError(msg("no passphrase given"));
    return line;
}

} // namespace mapaudit::cli
