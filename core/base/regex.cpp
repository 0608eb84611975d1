// SPDX-License-Identifier: MIT
#include "base/regex.h"

namespace meshlane {

Result<std::shared_ptr<const RE2>> compileRegex(const std::string &pattern)
{
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const RE2>(pattern, options);
    if (!regex->ok())
        return Result<std::shared_ptr<const RE2>>::failure(regex->error());
    return regex;
}

} // namespace meshlane
