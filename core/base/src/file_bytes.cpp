#include "mapaudit/base/file_bytes.h"

#include "mapaudit/base/atomic_output.h"
#include "mapaudit/base/error.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace mapaudit {
namespace fs = std::filesystem;

Message writeFailure(const fs::path& path, int error) {
    std::error_code ec;
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(folder, ec))
        return msg("{}: cannot be written — the folder {} does not exist; create it or choose "
                   "another",
                   path, folder);
    if (error == ENOSPC || error == EDQUOT)
        return msg("{}: cannot be written — the disk is full; free some space or choose another "
                   "disk",
                   path);
    if (error == EACCES || error == EPERM || error == EROFS)
        return msg("{}: cannot be written — no permission to write in {}; choose a folder you can "
                   "write to",
                   path, folder);
    return msg("{}: cannot be written ({}) — check the disk", path,
               error ? std::string(std::strerror(error)) : std::string("write failed"));
}

Message outputFailure(const fs::path& path, const std::string& detail) {
    constexpr std::uintmax_t kNearlyFull = 1 << 20;
    std::error_code ec;
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(folder, ec))
        return writeFailure(path, ENOENT);
    if (const auto space = fs::space(folder, ec); !ec && space.available < kNearlyFull)
        return writeFailure(path, ENOSPC);
    if (detail.empty())
        return msg("{}: cannot be written — check the disk and the folder", path);
    return msg("{}: cannot be written ({}) — check the disk and the folder", path, detail);
}

std::string readFileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(msg("{}: cannot be read — check the path", path));
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    AtomicOutput output(path);
    {
        errno = 0;
        std::ofstream file(output.partial(), std::ios::binary);
        if (!file)
            throw InputError(writeFailure(path, errno));
        file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        file.flush();
        if (!file)
            throw InputError(writeFailure(path, errno));
        file.close();
        if (!file)
            throw InputError(writeFailure(path, errno));
    }
    output.commit();
}

} // namespace mapaudit
