// SPDX-License-Identifier: MIT
#include "base/percenttext.h"

#include <charconv>

namespace meshlane {

std::string percentText(double probability)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, probability * 100.0, std::chars_format::fixed, 2);
    std::string text(buffer, result.ptr);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    return text + " %";
}

} // namespace meshlane
