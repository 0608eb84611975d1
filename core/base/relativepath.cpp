// SPDX-License-Identifier: MIT
#include "base/relativepath.h"

namespace meshlane {

Result<void> checkSafeRelativePath(const std::string &path)
{
    const auto refuse = [&](const char *reason) {
        return Result<void>::failure("unsafe path '" + path + "': " + reason);
    };
    if (path.empty())
        return refuse("empty");
    if (path.front() == '/')
        return refuse("absolute");
    for (const char c : path) {
        if (c == '\\')
            return refuse("backslash");
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return refuse("control character");
    }
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        const std::string component = path.substr(start, end - start);
        if (component.empty() || component == "." || component == "..")
            return refuse("empty, '.' or '..' component");
        start = end + 1;
    }
    return {};
}

} // namespace meshlane
