// The 双随机 public notice (一公开) as an A4 PDF, Chinese fonts embedded.
#pragma once

#include "mapaudit/security/spot_check_draw.h"

#include <filesystem>

namespace mapaudit::ui {

// Needs a QGuiApplication (offscreen is enough). Written whole or not at all.
void writeDrawNoticePdf(const security::Draw& draw, const std::filesystem::path& path);

} // namespace mapaudit::ui
