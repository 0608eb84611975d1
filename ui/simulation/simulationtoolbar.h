// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QToolBar>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace meshlane::ui {

class SimulationRunner;

// The simulation's controls: Play/Pause (Space), restart, traffic mix from a
// file or the default one, the rate in requests per simulated second and the
// speed of simulated time. The actions also go into the Simulation menu.
class SimulationToolBar : public QToolBar
{
    Q_OBJECT

public:
    explicit SimulationToolBar(SimulationRunner *runner, QWidget *parent = nullptr);

    QAction *playPauseAction() const { return m_playPause; }
    QAction *restartAction() const { return m_restart; }
    QAction *loadMixAction() const { return m_loadMix; }
    QAction *defaultMixAction() const { return m_defaultMix; }
    QList<QAction *> menuActions() const; // in menu order, separators included
    QDoubleSpinBox *rateBox() const { return m_rate; }
    QComboBox *speedBox() const { return m_speed; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();
    void chooseMixFile();

    SimulationRunner *m_runner;
    QAction *m_playPause;
    QAction *m_restart;
    QAction *m_loadMix;
    QAction *m_defaultMix;
    QAction *m_separator;
    QLabel *m_rateLabel;
    QDoubleSpinBox *m_rate;
    QLabel *m_speedLabel;
    QComboBox *m_speed;
};

} // namespace meshlane::ui
