// SPDX-License-Identifier: MIT
#include "simulation/simulationtoolbar.h"

#include "simulation/simulationrunner.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QStyle>

namespace meshlane::ui {

namespace {

constexpr double kSpeeds[] = {0.5, 1, 2, 5, 10};

} // namespace

SimulationToolBar::SimulationToolBar(SimulationRunner *runner, QWidget *parent)
    : QToolBar(parent)
    , m_runner(runner)
    , m_playPause(new QAction(this))
    , m_restart(new QAction(this))
    , m_loadMix(new QAction(this))
    , m_defaultMix(new QAction(this))
    , m_separator(new QAction(this))
    , m_rateLabel(new QLabel(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_speedLabel(new QLabel(this))
    , m_speed(new QComboBox(this))
{
    setObjectName(QStringLiteral("SimulationToolBar"));
    setIconSize(QSize(16, 16));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_separator->setSeparator(true);
    m_playPause->setShortcut(Qt::Key_Space);
    m_restart->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_loadMix->setShortcut(Qt::CTRL | Qt::Key_T);

    m_rate->setRange(1, 100'000);
    m_rate->setDecimals(0);
    m_rate->setSingleStep(10);
    m_rate->setValue(runner->requestsPerSecond());
    m_rate->setKeyboardTracking(false); // typing "250" must not run at 2 and 25 first
    for (double speed : kSpeeds)
        m_speed->addItem(QString(), speed);
    m_speed->setCurrentIndex(m_speed->findData(runner->speed()));

    addAction(m_playPause);
    addAction(m_restart);
    addSeparator();
    addWidget(m_rateLabel);
    addWidget(m_rate);
    addWidget(m_speedLabel);
    addWidget(m_speed);

    connect(m_playPause, &QAction::triggered, this, [this] { m_runner->setPaused(!m_runner->isPaused()); });
    connect(m_restart, &QAction::triggered, m_runner, &SimulationRunner::restart);
    connect(m_loadMix, &QAction::triggered, this, &SimulationToolBar::chooseMixFile);
    connect(m_defaultMix, &QAction::triggered, m_runner, &SimulationRunner::useDefaultTrafficMix);
    connect(m_rate, &QDoubleSpinBox::valueChanged, m_runner, &SimulationRunner::setRequestsPerSecond);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_runner->setSpeed(m_speed->itemData(index).toDouble()); });
    connect(m_runner, &SimulationRunner::pausedChanged, this, &SimulationToolBar::updateState);
    connect(m_runner, &SimulationRunner::stateChanged, this, &SimulationToolBar::updateState);
    connect(m_runner, &SimulationRunner::runReset, this, &SimulationToolBar::updateState);
    retranslate();
}

QList<QAction *> SimulationToolBar::menuActions() const
{
    return {m_playPause, m_restart, m_separator, m_loadMix, m_defaultMix};
}

void SimulationToolBar::updateState()
{
    const bool paused = m_runner->isPaused();
    m_playPause->setText(paused ? tr("Play") : tr("Pause"));
    m_playPause->setToolTip(paused ? tr("Run the simulation (Space)") : tr("Pause the simulation (Space)"));
    m_playPause->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_playPause->setEnabled(m_runner->isSimulating());
    m_restart->setEnabled(m_runner->isSimulating());
    m_defaultMix->setEnabled(!m_runner->trafficMixFile().isEmpty());
    const QSignalBlocker blocker(m_rate);
    m_rate->setValue(m_runner->requestsPerSecond());
}

void SimulationToolBar::chooseMixFile()
{
    const QString path = QFileDialog::getOpenFileName(window(), tr("Load Traffic Mix"), QString(),
                                                      tr("Traffic mix (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const Result<void> loaded = m_runner->loadTrafficMix(path); !loaded)
        QMessageBox::warning(window(), tr("Load Traffic Mix"),
                             tr("%1 is not a usable traffic mix:\n%2")
                                 .arg(QFileInfo(path).fileName(), QString::fromStdString(loaded.error())));
}

void SimulationToolBar::retranslate()
{
    setWindowTitle(tr("Simulation"));
    m_restart->setText(tr("Restart"));
    m_restart->setToolTip(tr("Start the simulation again from 0 s"));
    m_loadMix->setText(tr("Load &Traffic Mix\u2026"));
    m_defaultMix->setText(tr("Use &Default Traffic"));
    m_defaultMix->setToolTip(tr("Plain requests to the selected VirtualService's hosts"));
    m_rateLabel->setText(tr(" Rate "));
    m_rate->setSuffix(tr(" req/s"));
    m_rate->setToolTip(tr("Requests per second of simulated time"));
    m_speedLabel->setText(tr(" Speed "));
    m_speed->setToolTip(tr("Simulated seconds per second"));
    for (int i = 0; i < m_speed->count(); ++i)
        m_speed->setItemText(i, tr("%1\u00d7").arg(QLocale().toString(m_speed->itemData(i).toDouble())));
    updateState();
}

void SimulationToolBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QToolBar::changeEvent(event);
}

} // namespace meshlane::ui
