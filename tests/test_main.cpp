// Catch2 runner for the core tests. The audit heads MapAudit keeps after every
// write (records/chain_head.h) go to a private folder, never the user's.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::string folder = (fs::temp_directory_path() / "mapaudit-tests-state-XXXXXX").string();
    const bool made = ::mkdtemp(folder.data()) != nullptr;
    if (made)
        ::setenv("MAPAUDIT_STATE_DIR", folder.c_str(), 1);
    const int result = Catch::Session().run(argc, argv);
    std::error_code ec;
    if (made)
        fs::remove_all(folder, ec);
    return result;
}
