#include "mapaudit/raii/geos_handles.h"

#include <cstdarg>
#include <cstdio>
#include <stdexcept>

namespace mapaudit {
namespace {

void recordMessage(const char* message, void* userdata) {
    auto* target = static_cast<std::string*>(userdata);
    if (target && message)
        *target = message;
}

} // namespace

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
    if (!handle_)
        throw std::runtime_error("GEOS could not be initialised");
    GEOSContext_setErrorMessageHandler_r(handle_, &recordMessage, &lastError_);
    GEOSContext_setNoticeMessageHandler_r(handle_, &recordMessage, &lastError_);
}

GeosContext::~GeosContext() {
    GEOS_finish_r(handle_);
}

} // namespace mapaudit
