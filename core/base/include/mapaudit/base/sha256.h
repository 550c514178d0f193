// SHA-256 of a stream of bytes, as lower-case hex.
#pragma once

#include "mapaudit/raii/openssl_handles.h"

#include <string>
#include <string_view>

namespace mapaudit {

class Sha256 {
public:
    Sha256();
    Sha256& update(std::string_view bytes);
    std::string hex(); // finishes the digest; the object is then spent

private:
    EvpMdCtxPtr ctx_;
};

std::string sha256Hex(std::string_view bytes);

} // namespace mapaudit
