// Attribute text encoding of shapefiles. Chinese shapefiles are very often
// GBK/GB18030 without a .cpg and with no code page in the .dbf header; GDAL
// would then read them as ISO-8859-1. We decide the encoding before opening.
#pragma once

#include "mapaudit/base/message.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace mapaudit {

struct EncodingDecision {
    std::string encoding;   // name for GDAL's ENCODING open option ("" = leave to GDAL)
    std::string source;     // "user", "cpg", "dbf-header", "detected", "default"
    Message reason;         // one line for the report
    bool uncertain = false; // the text could not be classified: the user should choose
};

// `userEncoding` (e.g. "GBK", "UTF-8", "CP936") wins when not empty.
EncodingDecision decideShapefileEncoding(const std::filesystem::path& shpOrDbf,
                                         const std::string& userEncoding = {});

enum class TextGuess { Ascii, Utf8, Gb18030, Unknown };
// Classifies raw bytes: ASCII, valid UTF-8, well-formed GB18030, or neither.
TextGuess guessTextEncoding(std::string_view bytes);
bool isWellFormedGb18030(std::string_view bytes);

} // namespace mapaudit
