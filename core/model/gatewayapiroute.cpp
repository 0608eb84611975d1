// SPDX-License-Identifier: MIT
#include "model/gatewayapiroute.h"

namespace meshlane {

int64_t parseGatewayDurationMs(const std::string &text)
{
    // ^([0-9]{1,5}(h|m|s|ms)){1,4}$
    int64_t total = 0;
    int parts = 0;
    size_t i = 0;
    while (i < text.size()) {
        size_t digits = 0;
        int64_t value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 6) {
            value = value * 10 + (text[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0 || digits > 5 || i >= text.size())
            return -1;
        if (text.compare(i, 2, "ms") == 0) {
            total += value;
            i += 2;
        } else if (text[i] == 'h') {
            total += value * 3'600'000;
            ++i;
        } else if (text[i] == 'm') {
            total += value * 60'000;
            ++i;
        } else if (text[i] == 's') {
            total += value * 1000;
            ++i;
        } else {
            return -1;
        }
        if (++parts > 4)
            return -1;
    }
    return parts == 0 ? -1 : total;
}

} // namespace meshlane
