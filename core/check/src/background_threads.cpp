#include "background_threads.h"

#include <mutex>
#include <vector>

namespace mapaudit::check {
namespace {

class Registry {
public:
    void add(std::thread thread, std::shared_ptr<const std::atomic<bool>> done) {
        const std::lock_guard lock(mutex_);
        std::erase_if(threads_, [](Entry& e) {
            if (!e.done->load())
                return false;
            e.thread.join(); // finished or about to
            return true;
        });
        threads_.push_back({std::move(thread), std::move(done)});
    }
    ~Registry() {
        for (Entry& e : threads_)
            e.thread.join();
    }

private:
    struct Entry {
        std::thread thread;
        std::shared_ptr<const std::atomic<bool>> done;
    };
    std::mutex mutex_;
    std::vector<Entry> threads_;
};

Registry& registry() {
    static Registry r;
    return r;
}

} // namespace

void handOver(std::thread thread, std::shared_ptr<const std::atomic<bool>> done) {
    registry().add(std::move(thread), std::move(done));
}

void runInBackground(std::function<void()> work) {
    auto done = std::make_shared<std::atomic<bool>>(false);
    std::thread thread([work = std::move(work), done] {
        work();
        done->store(true);
    });
    handOver(std::move(thread), std::move(done));
}

} // namespace mapaudit::check
