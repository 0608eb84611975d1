// SPDX-License-Identifier: MIT
#include "widgets/subsetpalette.h"

#include <array>

namespace meshlane::ui {

namespace {

// PatternFly's chart colours, as Kiali uses them, most distinct first.
constexpr std::array<QRgb, 8> kPalette{0x0066cc, 0xec7a08, 0x3e8635, 0x5752d1,
                                       0x009596, 0xc9190b, 0xf0ab00, 0x6a6e73};

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
