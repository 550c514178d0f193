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
        throw InputError("--db FILE is needed: the records database (created when absent)");
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
    std::string message = file + ": " + std::to_string(problems.size()) +
                          " problem(s), nothing imported — correct the file and import it "
                          "again:";
    for (const auto& p : problems)
        message += "\n  line " + std::to_string(p.line) +
                   (p.field.empty() ? "" : ", field " + p.field) + ": " + p.message;
    throw InputError(message);
}

std::string readPassphrase(const std::string& passphraseFile) {
    if (!passphraseFile.empty()) {
        std::ifstream in(passphraseFile);
        std::string line;
        if (!in || !std::getline(in, line) || line.empty())
            throw InputError(passphraseFile + ": no passphrase on its first line");
        return line;
    }
    if (const char* env = std::getenv("MAPAUDIT_PASSPHRASE"); env && *env)
        return env;
    if (!isatty(STDIN_FILENO))
        throw InputError("a passphrase is needed: --passphrase-file FILE or $MAPAUDIT_PASSPHRASE");
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
        throw InputError("no passphrase given");
    return line;
}

} // namespace mapaudit::cli
