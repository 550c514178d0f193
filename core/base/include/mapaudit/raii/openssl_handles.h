// Owning handles for OpenSSL's libcrypto (digests, ciphers).
#pragma once

#include <memory>
#include <openssl/evp.h>

namespace mapaudit {

struct EvpMdCtxFreer {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, EvpMdCtxFreer>;

struct EvpCipherCtxFreer {
    void operator()(EVP_CIPHER_CTX* c) const noexcept { EVP_CIPHER_CTX_free(c); }
};
using EvpCipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, EvpCipherCtxFreer>;

} // namespace mapaudit
