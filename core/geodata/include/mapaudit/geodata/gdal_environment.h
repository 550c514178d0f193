// Process-wide GDAL set-up and a scoped capture of GDAL's error messages, so
// they become InputError text instead of going to stderr.
#pragma once

#include <cpl_error.h>
#include <string>
#include <vector>

namespace mapaudit {

// Registers drivers and sets MapAudit's GDAL options once; safe to call often.
void ensureGdalInitialised();

// While alive, GDAL errors and warnings raised on this thread are recorded
// here instead of printed.
class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    struct Message {
        CPLErr level;
        std::string text;
    };
    const std::vector<Message>& messages() const noexcept { return messages_; }
    bool hasFailure() const noexcept;
    // The first failure (or, failing that, warning) text, or "": its first
    // line, cut to a readable length.
    std::string firstMessage() const;
    // Every message so, in order.
    std::vector<std::string> lines() const;
    void clear() noexcept { messages_.clear(); }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* text);
    std::vector<Message> messages_;
};

} // namespace mapaudit
