// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutplan.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace meshlane::ui {

// The values of one plan step: its kind and what that kind takes (a weight,
// a pause's duration or none, a mirror percentage, a header route). Edits
// are offered with stepEdited() when a value is committed (Enter, focus out,
// a choice), so one change is one undo step, not one per keystroke.
class RolloutStepEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutStepEditor(QWidget *parent = nullptr);

    // Shows `step` without emitting stepEdited().
    void setStep(const RolloutStep &step);
    RolloutStep step() const;

    QComboBox *kindBox() const { return m_kind; }
    QSpinBox *weightBox() const { return m_weight; }
    QLineEdit *durationEdit() const { return m_duration; }
    QCheckBox *untilPromotedBox() const { return m_untilPromoted; }
    QDoubleSpinBox *mirrorBox() const { return m_mirror; }

Q_SIGNALS:
    void stepEdited(const RolloutStep &step);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void commit();
    void showKind();

    QComboBox *m_kind;
    QStackedWidget *m_pages;
    QSpinBox *m_weight;
    QLineEdit *m_duration;
    QCheckBox *m_untilPromoted;
    QDoubleSpinBox *m_mirror;
    QLineEdit *m_routeName;
    QLineEdit *m_headerName;
    QLineEdit *m_headerValue;
    RolloutStep m_shown;
    bool m_updating = false;
};

} // namespace meshlane::ui
