#include "mapaudit/base/timestamps.h"

#include <chrono>
#include <ctime>

namespace mapaudit {
namespace {

std::tm now(bool utc) {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    if (utc)
        gmtime_r(&t, &tm);
    else
        localtime_r(&t, &tm);
    return tm;
}

} // namespace

std::string nowUtc() {
    const std::tm tm = now(true);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

std::string todayLocal() {
    const std::tm tm = now(false);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

} // namespace mapaudit
