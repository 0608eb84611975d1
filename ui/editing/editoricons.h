// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>

namespace meshlane::ui {

// Small icons the editors need, painted rather than shipped as files: they
// follow the palette's text colour and stay sharp at any device pixel ratio.
class EditorIcons
{
public:
    static QIcon lock(); // checked: closed padlock; unchecked: open one
    static QIcon remove();
    static QIcon add();
    static QIcon moveUp();
    static QIcon moveDown();
    static QIcon copy();
};

} // namespace meshlane::ui
