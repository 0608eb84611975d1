// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QString>

namespace meshlane::ui {

// The colour a subset (version) has in every chart, whatever else is shown:
// "v1" is always blue, "v2" orange, "v3" green...; other names get a colour
// from a hash of the name, so it does not change between runs either.
QColor subsetColor(const QString &subset);

} // namespace meshlane::ui
