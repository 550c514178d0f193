#include "mapaudit/base/version.h"

namespace mapaudit {
const char* versionString() {
    return MAPAUDIT_VERSION;
}
} // namespace mapaudit
