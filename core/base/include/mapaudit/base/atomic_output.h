// Writing an output file so that it is either complete or absent: write to a
// sibling temporary path, then rename over the target on commit(). A crash or
// an exception before commit() leaves the target as it was.
#pragma once

#include <filesystem>

namespace mapaudit {

class AtomicOutput {
public:
    explicit AtomicOutput(std::filesystem::path target);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    // Same folder and extension as the target (drivers choose by extension).
    const std::filesystem::path& partial() const { return partial_; }
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path partial_;
    bool committed_ = false;
};

} // namespace mapaudit
