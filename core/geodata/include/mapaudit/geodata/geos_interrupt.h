// Lets Cancel stop long GEOS operations (MakeValid, overlay, buffer of large
// geometries) on this thread: while a guard is alive, GEOS's interrupt check
// asks this thread's Feedback. GEOS 3.11's interrupt flag is process-wide, so
// a cancel may also stop GEOS work running on other threads at that moment.
#pragma once

namespace mapaudit {

class Feedback;

class GeosInterruptGuard {
public:
    explicit GeosInterruptGuard(const Feedback* feedback);
    ~GeosInterruptGuard();
    GeosInterruptGuard(const GeosInterruptGuard&) = delete;
    GeosInterruptGuard& operator=(const GeosInterruptGuard&) = delete;

private:
    const Feedback* previous_;
};

} // namespace mapaudit
