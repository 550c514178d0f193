#include "mapaudit/check/check_run.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/sha256.h"

#include <algorithm>
#include <fstream>

namespace mapaudit::check {
namespace fs = std::filesystem;
namespace {

void addFile(Sha256& digest, const fs::path& file, const std::string& name) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw InputError(msg("{}: cannot be read to fingerprint it — check that the file is "
                             "there and readable",
                             file));
    digest.update(name).update(std::string_view("\n", 1));
    std::string buffer(1 << 16, '\0');
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        digest.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    }
}

} // namespace

std::string datasetSha256(const fs::path& path) {
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(path, ec)) {
        for (auto it = fs::recursive_directory_iterator(path, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            if (it->is_regular_file(ec))
                files.push_back(it->path());
    } else if (fs::is_regular_file(path, ec)) {
        const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
        for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
             it.increment(ec))
            if (it->is_regular_file(ec) && it->path().stem() == path.stem())
                files.push_back(it->path());
    }
    if (files.empty())
        throw InputError(msg("{}: no such file or directory — it cannot be fingerprinted", path));
    std::sort(files.begin(), files.end());
    const fs::path base = fs::is_directory(path, ec) ? path : path.parent_path();
    Sha256 digest;
    for (const fs::path& f : files)
        addFile(digest, f, f.lexically_relative(base).generic_string());
    return digest.hex();
}

records::CheckRun checkRunOf(const CheckReport& report, const FindingReviews& reviews,
                             const Checklist& checklist, const CheckRunContext& context) {
    records::CheckRun run;
    run.id = context.id;
    run.checkedAt = context.checkedAt;
    run.savedAt = context.savedAt;
    run.inspector = context.inspector;
    run.filePath = context.file.string();
    run.fileSha256 = context.fileSha256;
    run.mapKind = report.fromImage ? "picture" : mapKindId(report.profile.kind);
    run.pack = report.packId + " " + report.packVersion;
    run.packDigest = report.packDigest;
    run.verdict = report.verdict();
    run.findings = static_cast<std::int64_t>(report.findings.size());
    for (const Finding& f : report.findings) {
        const auto it = reviews.find(f.id);
        if (it == reviews.end())
            continue;
        run.confirmed += it->second.state == ReviewState::Confirmed;
        run.dismissed += it->second.state == ReviewState::Dismissed;
    }
    run.report = reviewedReportJson(report, reviews, checklist).dump();
    return run;
}

} // namespace mapaudit::check
