// How long checkDataset takes to return after Feedback::cancel(), with the
// cancel arriving at several moments of a check (opening, reading, rules).
// Usage: mapaudit-cancel-bench DATASET [SECONDS…]
#include "mapaudit/base/error.h"
#include "mapaudit/base/feedback.h"
#include "mapaudit/inspection/check_map.h"
#include "mapaudit/refpack/reference_pack.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <thread>
#include <vector>

using namespace mapaudit;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DATASET [SECONDS…]\n", argv[0]);
        return 2;
    }
    std::vector<double> delays;
    for (int i = 2; i < argc; ++i)
        delays.push_back(std::atof(argv[i]));
    if (delays.empty())
        delays = {0.05, 0.5, 2, 8, 16, 20};

    std::printf("%10s %12s %10s  %s\n", "cancel at", "returned in", "progress", "outcome");
    double worstMs = 0;
    for (const double delay : delays) {
        Feedback feedback;
        const refpack::ReferencePack pack =
            refpack::ReferencePack::open(refpack::defaultPackPath());
        std::string outcome = "finished before the cancel";
        Clock::time_point returned;
        std::thread worker([&] {
            try {
                inspection::checkMap(argv[1], pack, {}, &feedback);
            } catch (const Canceled&) {
                outcome = "canceled";
            } catch (const std::exception& e) {
                outcome = std::string("failed: ") + e.what();
            }
            returned = Clock::now();
        });
        std::this_thread::sleep_for(std::chrono::duration<double>(delay));
        const double progress = feedback.progress();
        const Clock::time_point canceled = Clock::now();
        feedback.cancel();
        worker.join();
        const double ms =
            std::chrono::duration<double, std::milli>(std::max(returned, canceled) - canceled)
                .count();
        if (outcome == "canceled")
            worstMs = std::max(worstMs, ms);
        std::printf("%9.2fs %10.1fms %9.0f%%  %s\n", delay, ms, progress * 100, outcome.c_str());
        std::fflush(stdout);
    }
    std::printf("worst cancel latency: %.1f ms (target <= 100 ms)\n", worstMs);
    return 0;
}
