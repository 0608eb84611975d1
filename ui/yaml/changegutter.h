// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace meshlane::ui {

class MarkedTextView;

// The strip left of a MarkedTextView where changed lines are marked. It only
// forwards painting: the view knows where its lines are.
class ChangeGutter : public QWidget
{
    Q_OBJECT

public:
    explicit ChangeGutter(MarkedTextView *view);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    MarkedTextView *m_view;
};

} // namespace meshlane::ui
