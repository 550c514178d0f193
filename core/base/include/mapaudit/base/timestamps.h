// The current time as text, for records, audit entries and build metadata.
#pragma once

#include <string>

namespace mapaudit {

// "2026-11-21T19:54:54Z"
std::string nowUtc();
// The local calendar date, "2026-11-21".
std::string todayLocal();

} // namespace mapaudit
