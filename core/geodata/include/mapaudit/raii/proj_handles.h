// Owning handles for PROJ. A PJ_CONTEXT and the PJ objects made in it belong
// to one thread at a time.
#pragma once

#include <memory>
#include <proj.h>

namespace mapaudit {

struct ProjContextDestroyer {
    void operator()(PJ_CONTEXT* c) const noexcept {
        if (c)
            proj_context_destroy(c);
    }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDestroyer>;

struct ProjDestroyer {
    void operator()(PJ* p) const noexcept {
        if (p)
            proj_destroy(p);
    }
};
using ProjPtr = std::unique_ptr<PJ, ProjDestroyer>;

} // namespace mapaudit
