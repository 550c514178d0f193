#include "mapaudit/geodata/geos_interrupt.h"

#include "mapaudit/base/feedback.h"

#include <geos_c.h>
#include <mutex>

namespace mapaudit {
namespace {

thread_local const Feedback* current = nullptr;

void checkCurrent() {
    if (current && current->isCanceled())
        GEOS_interruptRequest();
}

} // namespace

GeosInterruptGuard::GeosInterruptGuard(const Feedback* feedback) : previous_(current) {
    static std::once_flag once;
    std::call_once(once, [] { GEOS_interruptRegisterCallback(&checkCurrent); });
    current = feedback;
}

GeosInterruptGuard::~GeosInterruptGuard() {
    current = previous_;
}

} // namespace mapaudit
