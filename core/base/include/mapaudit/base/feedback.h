// Progress reporting and cancellation for long work (reading, checking,
// repairing). The UI polls or listens; the CLI may pass nothing.
#pragma once

#include <atomic>
#include <functional>

namespace mapaudit {

class Feedback {
public:
    using ProgressListener = std::function<void(double fraction)>;

    void setListener(ProgressListener listener) { listener_ = std::move(listener); }
    // fraction in [0, 1]; values outside are clamped.
    void setProgress(double fraction);
    double progress() const noexcept { return progress_.load(); }

    void cancel() noexcept { canceled_.store(true); }
    bool isCanceled() const noexcept { return canceled_.load(); }
    // Throws Canceled if cancel() was called.
    void throwIfCanceled() const;

private:
    std::atomic<double> progress_{0.0};
    std::atomic<bool> canceled_{false};
    ProgressListener listener_;
};

// Maps part of a parent Feedback's range onto [0, 1] for a sub-task.
class SubFeedback {
public:
    SubFeedback(Feedback* parent, double start, double end) noexcept
        : parent_(parent), start_(start), end_(end) {}
    void setProgress(double fraction) const;
    void throwIfCanceled() const;

private:
    Feedback* parent_;
    double start_;
    double end_;
};

// GDALProgressFunc adapter: pass a Feedback* as the progress argument.
int gdalProgress(double complete, const char* message, void* feedback);

} // namespace mapaudit
