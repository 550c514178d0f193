// Data sealed with a passphrase, for what must be encrypted at rest: the
// records database while MapAudit is closed, and bundles sent between bureaus.
// The key is derived with scrypt (N = 2^15, r = 8, p = 1) from the passphrase
// and a random salt; the data is encrypted and authenticated with AES-256-GCM,
// so a wrong passphrase and a damaged file are both refused, never decrypted
// into garbage. Layout: magic (16 bytes) | salt (16) | nonce (12) | ciphertext | tag (16).
#pragma once

#include <filesystem>
#include <string>

namespace mapaudit {

bool isSealed(const std::string& bytes);
bool isSealedFile(const std::filesystem::path& path);
// Throws InputError for an empty passphrase.
std::string seal(const std::string& plain, const std::string& passphrase);
// Throws InputError("wrong passphrase, or the file is damaged") when it cannot be opened.
std::string unseal(const std::string& sealed, const std::string& passphrase);

} // namespace mapaudit
