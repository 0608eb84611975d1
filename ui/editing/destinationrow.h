// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace meshlane::ui {

// One destination of a route in the weight editor: name, slider, spin box
// (both 0-100), lock toggle and remove button. It only reports what the user
// did; RouteEditor decides the weights and the Document applies them.
class DestinationRow : public QWidget
{
    Q_OBJECT

public:
    explicit DestinationRow(const QString &name, QWidget *parent = nullptr);
    // The destination's colour, as the graph, the plot and the chart show it.
    void setColor(const QColor &color);

    // From the document: never re-emitted as a user action.
    void setWeight(int weight);
    int weight() const;
    void setLocked(bool locked);
    bool isLocked() const;
    // Whether the weight may be moved (false for a lone destination or when
    // every other one is locked) and whether the row may go.
    void setAdjustable(bool adjustable);
    void setRemovable(bool removable);
    void setName(const QString &name, const QString &toolTip);
    void retranslate();

    QSlider *slider() const { return m_slider; }
    QSpinBox *spinBox() const { return m_spinBox; }
    QToolButton *lockButton() const { return m_lock; }
    QToolButton *removeButton() const { return m_remove; }
    bool isDragging() const;

Q_SIGNALS:
    void dragStarted();
    void dragged(int value);  // while the slider is held
    void dragFinished();
    void weightEntered(int value); // spin box, or the slider by keyboard or wheel
    void lockToggled(bool locked);
    void removeRequested();

private:
    void updateEnabled();

    QLabel *m_swatch;
    QLabel *m_name;
    QSlider *m_slider;
    QSpinBox *m_spinBox;
    QToolButton *m_lock;
    QToolButton *m_remove;
    bool m_adjustable = true;
};

} // namespace meshlane::ui
