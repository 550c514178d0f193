// A workbook being written with libxlsxwriter (internal to core): the file,
// its cell formats in the forms' style (SimSun, thin borders), and closing
// with a clear error.
#pragma once

#include "mapaudit/base/error.h"
#include "mapaudit/base/file_bytes.h"

#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>
#include <xlsxwriter.h>

namespace mapaudit {

class XlsxBook {
public:
    // `file` is where libxlsxwriter writes; `shownPath` is named in errors.
    XlsxBook(const std::filesystem::path& file, const std::filesystem::path& shownPath)
        : book_(workbook_new(file.c_str())), shownPath_(shownPath.string()) {
        if (!book_)
            throw InputError(msg("{}: could not be created — check the folder", shownPath_));
    }
    lxw_worksheet* addSheet(const std::string& name) {
        return workbook_add_worksheet(book_.get(), name.c_str());
    }
    lxw_format* format(bool bold, double size, lxw_format_alignments align, bool border) {
        lxw_format* f = workbook_add_format(book_.get());
        format_set_font_name(f, "SimSun");
        format_set_font_size(f, size);
        if (bold)
            format_set_bold(f);
        format_set_align(f, align);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        format_set_text_wrap(f);
        if (border)
            format_set_border(f, LXW_BORDER_THIN);
        return f;
    }
    void close() {
        lxw_error result = LXW_NO_ERROR;
        {
            // libxlsxwriter prints its own "[ERROR] …" lines; the inspector
            // gets one sentence instead.
            const QuietStderr quiet;
            result = workbook_close(book_.release());
        }
        if (result != LXW_NO_ERROR)
            throw InputError(outputFailure(shownPath_, lxw_strerror(result)));
    }

private:
    class QuietStderr {
    public:
        QuietStderr() : saved_(::dup(STDERR_FILENO)) {
            const int null = ::open("/dev/null", O_WRONLY);
            if (saved_ >= 0 && null >= 0)
                ::dup2(null, STDERR_FILENO);
            if (null >= 0)
                ::close(null);
        }
        ~QuietStderr() {
            if (saved_ >= 0) {
                ::dup2(saved_, STDERR_FILENO);
                ::close(saved_);
            }
        }
        QuietStderr(const QuietStderr&) = delete;
        QuietStderr& operator=(const QuietStderr&) = delete;

    private:
        int saved_;
    };
    struct Closer {
        void operator()(lxw_workbook* w) const {
            if (w) {
                const QuietStderr quiet;
                workbook_close(w);
            }
        }
    };
    std::unique_ptr<lxw_workbook, Closer> book_;
    std::string shownPath_;
};

} // namespace mapaudit
