#include "mapaudit/base/feedback.h"

#include "mapaudit/base/error.h"

#include <algorithm>

namespace mapaudit {

void Feedback::setProgress(double fraction) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    progress_.store(fraction);
    if (listener_)
        listener_(fraction);
}

void Feedback::throwIfCanceled() const {
    if (isCanceled())
        throw Canceled();
}

void SubFeedback::setProgress(double fraction) const {
    if (parent_)
        parent_->setProgress(start_ + (end_ - start_) * std::clamp(fraction, 0.0, 1.0));
}

void SubFeedback::throwIfCanceled() const {
    if (parent_)
        parent_->throwIfCanceled();
}

int gdalProgress(double complete, const char*, void* feedback) {
    auto* fb = static_cast<Feedback*>(feedback);
    if (!fb)
        return 1;
    fb->setProgress(complete);
    return fb->isCanceled() ? 0 : 1; // GDAL: 0 = stop
}

} // namespace mapaudit
