#include "mapaudit/base/sealed_file.h"

#include "mapaudit/base/error.h"
#include "mapaudit/raii/openssl_handles.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <openssl/rand.h>

namespace mapaudit {
namespace {

constexpr std::string_view kMagic{"MAPAUDIT-SEAL-1\n", 16};
constexpr std::size_t kSalt = 16, kNonce = 12, kTag = 16, kKey = 32;
constexpr std::uint64_t kScryptN = 1u << 15, kScryptR = 8, kScryptP = 1;

std::array<unsigned char, kKey> deriveKey(const std::string& passphrase,
                                          const unsigned char* salt) {
    std::array<unsigned char, kKey> key{};
    if (EVP_PBE_scrypt(passphrase.data(), passphrase.size(), salt, kSalt, kScryptN, kScryptR,
                       kScryptP, 64ull << 20, key.data(), key.size()) != 1)
        throw InputError(msg("the key could not be derived from the passphrase (scrypt failed)"));
    return key;
}

const unsigned char* bytes(const std::string& s, std::size_t at = 0) {
    return reinterpret_cast<const unsigned char*>(s.data()) + at;
}

} // namespace

bool isSealed(const std::string& data) {
    return data.size() >= kMagic.size() &&
           std::string_view(data).substr(0, kMagic.size()) == kMagic;
}

bool isSealedFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(kMagic.size(), '\0');
    return in.read(head.data(), static_cast<std::streamsize>(head.size())) && isSealed(head);
}

std::string seal(const std::string& plain, const std::string& passphrase) {
    if (passphrase.empty())
        throw InputError(msg("an empty passphrase protects nothing — choose one"));
    std::string out(kMagic);
    std::array<unsigned char, kSalt> salt{};
    std::array<unsigned char, kNonce> nonce{};
    if (RAND_bytes(salt.data(), salt.size()) != 1 || RAND_bytes(nonce.data(), nonce.size()) != 1)
        throw InputError(msg("no random numbers available for the encryption"));
    const auto key = deriveKey(passphrase, salt.data());
    out.append(reinterpret_cast<const char*>(salt.data()), salt.size());
    out.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());
    EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    std::string cipher(plain.size(), '\0');
    int written = 0, tail = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce.data()) != 1 ||
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(cipher.data()), &written,
                          bytes(plain), static_cast<int>(plain.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(cipher.data()) + written,
                            &tail) != 1)
        throw InputError(msg("the data could not be encrypted"));
    std::array<unsigned char, kTag> tag{};
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, tag.data()) != 1)
        throw InputError(msg("the data could not be encrypted"));
    out += cipher;
    out.append(reinterpret_cast<const char*>(tag.data()), tag.size());
    return out;
}

std::string unseal(const std::string& sealed, const std::string& passphrase) {
    const std::size_t header = kMagic.size() + kSalt + kNonce;
    if (!isSealed(sealed) || sealed.size() < header + kTag)
        throw InputError(msg("not a sealed MapAudit file, or truncated"));
    const auto key = deriveKey(passphrase, bytes(sealed, kMagic.size()));
    const std::size_t length = sealed.size() - header - kTag;
    std::string plain(length, '\0');
    EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int written = 0, tail = 0;
    std::array<unsigned char, kTag> tag{};
    std::copy_n(bytes(sealed, header + length), kTag, tag.data());
    const bool ok =
        ctx &&
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(),
                           bytes(sealed, kMagic.size() + kSalt)) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &written,
                          bytes(sealed, header), static_cast<int>(length)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + written,
                            &tail) == 1;
    if (!ok)
        throw InputError(msg("wrong passphrase, or the file is damaged — nothing was decrypted"));
    return plain;
}

} // namespace mapaudit
