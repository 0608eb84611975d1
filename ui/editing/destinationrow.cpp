// SPDX-License-Identifier: MIT
#include "editing/destinationrow.h"

#include "edit/weightbalancer.h"
#include "editing/editoricons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>

namespace meshlane::ui {

DestinationRow::DestinationRow(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_swatch(new QLabel(this))
    , m_name(new QLabel(name, this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_spinBox(new QSpinBox(this))
    , m_lock(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    m_name->setMinimumWidth(60);
    m_name->setMaximumWidth(140);
    m_name->setTextFormat(Qt::PlainText);
    m_slider->setRange(0, WeightBalancer::Total);
    m_slider->setPageStep(10);
    m_slider->setTickPosition(QSlider::NoTicks);
    m_slider->setMinimumWidth(100);
    m_spinBox->setRange(0, WeightBalancer::Total);
    m_spinBox->setSuffix(QStringLiteral(" %"));
    // Enter or leaving the field commits: typing "50" must not set 5 first.
    m_spinBox->setKeyboardTracking(false);
    m_spinBox->setAlignment(Qt::AlignRight);
    m_lock->setCheckable(true);
    m_lock->setIcon(EditorIcons::lock());
    m_lock->setAutoRaise(true);
    m_remove->setIcon(EditorIcons::remove());
    m_remove->setAutoRaise(true);
    m_name->setBuddy(m_slider);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_swatch);
    layout->addWidget(m_name);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spinBox);
    layout->addWidget(m_lock);
    layout->addWidget(m_remove);
    setFocusProxy(m_slider);

    connect(m_slider, &QSlider::sliderPressed, this, &DestinationRow::dragStarted);
    connect(m_slider, &QSlider::sliderReleased, this, &DestinationRow::dragFinished);
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (m_slider->isSliderDown()) {
            const QSignalBlocker block(m_spinBox);
            m_spinBox->setValue(value); // the number moves with the hand, not after the edit
            Q_EMIT dragged(value);
        }
        else
            Q_EMIT weightEntered(value);
    });
    connect(m_spinBox, &QSpinBox::valueChanged, this, &DestinationRow::weightEntered);
    connect(m_lock, &QToolButton::toggled, this, [this](bool locked) {
        updateEnabled();
        Q_EMIT lockToggled(locked);
    });
    connect(m_remove, &QToolButton::clicked, this, &DestinationRow::removeRequested);
    retranslate();
}

void DestinationRow::setWeight(int weight)
{
    const QSignalBlocker blockSlider(m_slider);
    const QSignalBlocker blockSpin(m_spinBox);
    m_slider->setValue(weight);
    m_spinBox->setValue(weight);
}

int DestinationRow::weight() const
{
    return m_spinBox->value();
}

void DestinationRow::setLocked(bool locked)
{
    const QSignalBlocker block(m_lock);
    m_lock->setChecked(locked);
    updateEnabled();
}

bool DestinationRow::isLocked() const
{
    return m_lock->isChecked();
}

void DestinationRow::setAdjustable(bool adjustable)
{
    m_adjustable = adjustable;
    updateEnabled();
}

void DestinationRow::setRemovable(bool removable)
{
    m_remove->setEnabled(removable);
}

void DestinationRow::setColor(const QColor &color)
{
    QPixmap swatch(10 * devicePixelRatio(), 10 * devicePixelRatio());
    swatch.setDevicePixelRatio(devicePixelRatio());
    swatch.fill(Qt::transparent);
    QPainter painter(&swatch);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 9, 9), 2, 2);
    painter.end();
    m_swatch->setPixmap(swatch);
}

void DestinationRow::setName(const QString &name, const QString &toolTip)
{
    m_name->setText(name);
    m_name->setToolTip(toolTip);
}

bool DestinationRow::isDragging() const
{
    return m_slider->isSliderDown();
}

void DestinationRow::updateEnabled()
{
    // A locked weight is held where it is; unlock it to move it.
    const bool movable = m_adjustable && !m_lock->isChecked();
    m_slider->setEnabled(movable);
    m_spinBox->setEnabled(movable);
}

void DestinationRow::retranslate()
{
    m_lock->setToolTip(tr("Lock this weight: moving the others leaves it alone"));
    m_remove->setToolTip(tr("Remove this destination (its share goes to the others)"));
    m_slider->setAccessibleName(tr("Weight of %1").arg(m_name->text()));
    m_spinBox->setAccessibleName(tr("Weight of %1").arg(m_name->text()));
}

} // namespace meshlane::ui
