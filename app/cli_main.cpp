// mapaudit-cli: the headless command line, for servers and scripts without Qt.
#include "cli.h"

#include <iostream>

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    return mapaudit::cli::run(args, std::cout, std::cerr);
}
