#include "mapaudit/version.h"

namespace mapaudit {
const char* versionString() {
    return MAPAUDIT_VERSION;
}
} // namespace mapaudit
