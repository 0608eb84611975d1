// SPDX-License-Identifier: MIT
#include "widgets/subsetpalette.h"

#include <array>

namespace meshlane::ui {

namespace {

// Okabe and Ito's palette, which people with any common colour-vision
// deficiency can tell apart, ordered so that neighbouring versions differ most
// (blue, orange, bluish green, vermillion, reddish purple, sky blue, a dark
// yellow readable on white, grey).
constexpr std::array<QRgb, 8> kPalette{0x0072b2, 0xe69f00, 0x009e73, 0xd55e00,
                                       0xcc79a7, 0x56b4e9, 0xb59c00, 0x5f5f5f};

// The number a version-like name ends with ("v2", "canary-3", "2"), or -1.
int trailingNumber(const QString &name)
{
    int start = int(name.size());
    while (start > 0 && name[start - 1].isDigit())
        --start;
    if (start == name.size() || name.size() - start > 6)
        return -1;
    return name.mid(start).toInt();
}

} // namespace

QColor subsetColor(const QString &subset)
{
    const int number = trailingNumber(subset);
    if (number > 0)
        return QColor(kPalette[size_t(number - 1) % kPalette.size()]);
    // FNV-1a: qHash is seeded per process, which would change colours between runs.
    quint32 hash = 2166136261u;
    for (const QChar c : subset) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return QColor(kPalette[hash % kPalette.size()]);
}

} // namespace meshlane::ui
