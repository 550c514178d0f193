// Unified social credit codes (credit_code.cpp): creditCodeProblem,
// creditCodeCheckCharacter, normalizeCreditCode. A code the checker accepts
// must carry the check character its first 17 call for, and completing any 17
// characters with that character must not be refused for the final check.
#include "fuzz_support.h"
#include "mapaudit/security/credit_code.h"

using namespace mapaudit::security;
namespace fuzz = mapaudit::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string code = fuzz::text(data, size);
    const std::string problem = creditCodeProblem(code);
    const std::string normal = normalizeCreditCode(code);
    if (problem.empty()) {
        const auto check = creditCodeCheckCharacter(normal.substr(0, 17));
        if (normal.size() != 18 || !check || *check != normal[17])
            fuzz::fail("accepted '" + normal + "' with a wrong check character");
        if (!creditCodeProblem(normal).empty())
            fuzz::fail("the normalized code is refused");
    }
    if (normal.size() >= 17)
        if (const auto check = creditCodeCheckCharacter(normal.substr(0, 17))) {
            const std::string completed = normal.substr(0, 17) + *check;
            if (creditCodeProblem(completed).find("check character (18)") != std::string::npos)
                fuzz::fail("'" + completed + "' refused for its own check character");
        }
    return 0;
}
