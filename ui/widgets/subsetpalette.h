// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QString>

namespace meshlane::ui {

// The colour a subset (version) has everywhere: its graph node, the editor's
// row, the live plot's line (mirrored traffic to it dashed) and the split
// chart. "v1" is always blue, "v2" orange, "v3" bluish green...; other names
// get a colour from a hash of the name, so it does not change between runs.
QColor subsetColor(const QString &subset);

} // namespace meshlane::ui
