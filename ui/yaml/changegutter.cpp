// SPDX-License-Identifier: MIT
#include "yaml/changegutter.h"

#include "yaml/markedtextview.h"

namespace meshlane::ui {

ChangeGutter::ChangeGutter(MarkedTextView *view)
    : QWidget(view)
    , m_view(view)
{
}

QSize ChangeGutter::sizeHint() const
{
    return {m_view->gutterWidth(), 0};
}

void ChangeGutter::paintEvent(QPaintEvent *event)
{
    m_view->paintGutter(this, event);
}

} // namespace meshlane::ui
