// Threads that must not hold up the caller — an abandoned GDAL read, freeing
// a canceled check's geometry — are handed over here and joined at exit, so
// none is still running when the libraries shut down (internal).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace mapaudit::check {

// `done` is set by the thread when it has nothing left to do.
void handOver(std::thread thread, std::shared_ptr<const std::atomic<bool>> done);
// Runs `work` on a new thread handed over at once.
void runInBackground(std::function<void()> work);

} // namespace mapaudit::check
