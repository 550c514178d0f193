#pragma once

namespace mapaudit {
const char* versionString();
}
