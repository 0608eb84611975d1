// SPDX-License-Identifier: MIT
#include "base/ipprefix.h"

#include <cctype>
#include <vector>

namespace meshlane {

namespace {

bool parseV4(const std::string &text, uint8_t *out)
{
    int part = 0;
    size_t i = 0;
    while (part < 4) {
        size_t digits = 0;
        int value = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            // Leading zeros are ambiguous (octal to some parsers); Go's netip rejects them.
            if (digits == 1 && value == 0)
                return false;
            value = value * 10 + (text[i] - '0');
            if (value > 255)
                return false;
            ++digits;
            ++i;
        }
        if (digits == 0)
            return false;
        out[part++] = uint8_t(value);
        if (part < 4) {
            if (i >= text.size() || text[i] != '.')
                return false;
            ++i;
        }
    }
    return i == text.size();
}

bool parseGroups(const std::string &text, std::vector<uint16_t> &groups, bool allowTrailingV4, bool *hadV4,
                 uint8_t *v4)
{
    if (text.empty())
        return true;
    size_t start = 0;
    while (true) {
        const size_t colon = text.find(':', start);
        const std::string group = text.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (colon == std::string::npos && allowTrailingV4 && group.find('.') != std::string::npos) {
            if (!parseV4(group, v4))
                return false;
            *hadV4 = true;
            return true;
        }
        if (group.empty() || group.size() > 4)
            return false;
        uint32_t value = 0;
        for (char c : group) {
            if (!std::isxdigit(static_cast<unsigned char>(c)))
                return false;
            value = value * 16 + uint32_t(std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                                                                                       : std::tolower(c) - 'a' + 10);
        }
        groups.push_back(uint16_t(value));
        if (colon == std::string::npos)
            return true;
        start = colon + 1;
    }
}

bool parseV6(const std::string &text, uint8_t *out)
{
    const size_t gap = text.find("::");
    std::vector<uint16_t> head, tail;
    bool hadV4 = false;
    uint8_t v4[4] = {};
    if (gap == std::string::npos) {
        if (!parseGroups(text, head, true, &hadV4, v4))
            return false;
    } else {
        if (text.find("::", gap + 1) != std::string::npos)
            return false;
        if (!parseGroups(text.substr(0, gap), head, false, &hadV4, v4)
            || !parseGroups(text.substr(gap + 2), tail, true, &hadV4, v4))
            return false;
    }
    const size_t groups = head.size() + tail.size() + (hadV4 ? 2 : 0);
    if (gap == std::string::npos ? groups != 8 : groups > 7)
        return false;
    std::vector<uint16_t> all = head;
    all.resize(8 - tail.size() - (hadV4 ? 2 : 0), 0);
    all.insert(all.end(), tail.begin(), tail.end());
    for (size_t g = 0; g < all.size(); ++g) {
        out[2 * g] = uint8_t(all[g] >> 8);
        out[2 * g + 1] = uint8_t(all[g] & 0xff);
    }
    if (hadV4)
        std::copy(v4, v4 + 4, out + 12);
    return true;
}

} // namespace

std::optional<IpPrefix> IpPrefix::address(const std::string &text)
{
    IpPrefix prefix;
    if (text.find(':') != std::string::npos) {
        if (!parseV6(text, prefix.m_bytes.data()))
            return std::nullopt;
        prefix.m_v6 = true;
        prefix.m_length = 128;
        return prefix;
    }
    if (!parseV4(text, prefix.m_bytes.data()))
        return std::nullopt;
    prefix.m_length = 32;
    return prefix;
}

std::optional<IpPrefix> IpPrefix::parse(const std::string &text)
{
    const size_t slash = text.find('/');
    if (slash == std::string::npos || text.find('/', slash + 1) != std::string::npos)
        return address(text);
    std::optional<IpPrefix> prefix = address(text.substr(0, slash));
    const std::string bits = text.substr(slash + 1);
    if (!prefix || bits.empty() || bits.size() > 3)
        return std::nullopt;
    int length = 0;
    for (char c : bits) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        length = length * 10 + (c - '0');
    }
    if (length > prefix->m_length || (bits.size() > 1 && bits[0] == '0'))
        return std::nullopt;
    prefix->m_length = length;
    return prefix;
}

bool IpPrefix::contains(const IpPrefix &other) const
{
    if (other.m_v6 != m_v6 || other.m_length < m_length)
        return false;
    for (int bit = 0; bit < m_length; ++bit) {
        const uint8_t mask = uint8_t(0x80 >> (bit % 8));
        if ((m_bytes[size_t(bit / 8)] & mask) != (other.m_bytes[size_t(bit / 8)] & mask))
            return false;
    }
    return true;
}

} // namespace meshlane
