#include "mapaudit/base/atomic_output.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"

namespace mapaudit {
namespace fs = std::filesystem;

AtomicOutput::AtomicOutput(fs::path target) : target_(std::move(target)) {
    partial_ = target_.parent_path() /
               (target_.stem().string() + ".partial" + target_.extension().string());
    std::error_code ec;
    fs::remove(partial_, ec);
}

AtomicOutput::~AtomicOutput() {
    if (!committed_) {
        std::error_code ec;
        fs::remove(partial_, ec);
    }
}

void AtomicOutput::commit() {
    std::error_code ec;
    fs::rename(partial_, target_, ec);
    if (ec)
        throw InputError(writeFailure(target_, ec.value()));
    committed_ = true;
}

} // namespace mapaudit
