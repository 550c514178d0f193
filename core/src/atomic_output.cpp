#include "mapaudit/atomic_output.h"

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
    fs::rename(partial_, target_);
    committed_ = true;
}

} // namespace mapaudit
