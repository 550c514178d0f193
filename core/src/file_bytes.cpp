#include "mapaudit/file_bytes.h"

#include "mapaudit/atomic_output.h"
#include "mapaudit/error.h"

#include <fstream>
#include <sstream>

namespace mapaudit {

std::string readFileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path.string() + ": cannot be read — check the path");
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    AtomicOutput output(path);
    {
        std::ofstream file(output.partial(), std::ios::binary);
        file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!file.flush())
            throw InputError(path.string() + ": could not be written — check the disk");
    }
    output.commit();
}

} // namespace mapaudit
