// SPDX-License-Identifier: MIT
#include "rollout/rolloutpanel.h"

#include "document/document.h"
#include "rollout/rehearsal.h"
#include "rollout/rehearsalrecording.h"
#include "rollout/rehearsaltraffic.h"
#include "rollout/rolloutstepeditor.h"

#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

// The plan against the mesh with the traffic of `trafficPath` (empty: GET /
// to the route's host, as `meshlane rollout` without --traffic).
RehearsalReport runRehearsal(const MeshPtr &mesh, const RolloutPlan &plan, const QString &trafficPath, uint64_t seed)
{
    RehearsalReport failed;
    std::optional<std::string> text;
    if (!trafficPath.isEmpty()) {
        QFile file(trafficPath);
        if (!file.open(QIODevice::ReadOnly)) {
            failed.error = "cannot read " + trafficPath.toStdString();
            return failed;
        }
        text = file.readAll().toStdString();
    }
    Result<RehearsalTraffic> traffic = RehearsalTraffic::forPlan(*mesh, plan, text);
    if (!traffic) {
        failed.error = (trafficPath.isEmpty() ? std::string() : QFileInfo(trafficPath).fileName().toStdString() + ": ")
            + traffic.error();
        return failed;
    }
    RehearsalOptions options;
    options.seed = seed;
    return Rehearsal(mesh, plan, std::move(traffic->mix), std::move(traffic->profiles), options).run();
}

} // namespace

RolloutPanel::RolloutPanel(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_planBox(new QComboBox(this))
    , m_trafficBox(new QComboBox(this))
    , m_rehearse(new QPushButton(this))
    , m_steps(new QListWidget(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_up(new QToolButton(this))
    , m_down(new QToolButton(this))
    , m_editor(new RolloutStepEditor(this))
    , m_details(new QLabel(this))
    , m_stage(new QPushButton(this))
    , m_outcome(new QLabel(this))
    , m_playback(new QTimer(this))
{
    m_playback->setInterval(40);
    connect(m_playback, &QTimer::timeout, this, &RolloutPanel::playNextFrame);
    m_planBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_trafficBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *top = new QHBoxLayout;
    top->addWidget(m_planBox);
    top->addWidget(m_trafficBox);
    top->addWidget(m_rehearse);
    top->addStretch(1);

    m_add->setText(QStringLiteral("+"));
    m_remove->setText(QStringLiteral("\u2212"));
    m_up->setArrowType(Qt::UpArrow);
    m_down->setArrowType(Qt::DownArrow);
    auto *buttons = new QVBoxLayout;
    for (QToolButton *button : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *list = new QHBoxLayout;
    list->addWidget(m_steps, 1);
    list->addLayout(buttons);

    for (QLabel *label : {m_details, m_outcome}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addLayout(list, 1);
    layout->addWidget(m_editor);
    auto *details = new QHBoxLayout;
    details->addWidget(m_details, 1);
    details->addWidget(m_stage, 0, Qt::AlignTop);
    layout->addLayout(details);
    layout->addWidget(m_outcome);
    connect(m_stage, &QPushButton::clicked, this, &RolloutPanel::stageStep);

    connect(document, &Document::changed, this, &RolloutPanel::refresh);
    connect(document, &Document::loaded, this, [this] {
        // Another folder: its own traffic, and no rehearsal of the last one.
        m_rehearsals.invalidate();
        m_rehearsing = false;
        m_playback->stop();
        m_report.reset();
        m_reportStart.reset();
        m_reportPlan.reset();
        refreshTraffic();
        showSteps();
    });
    connect(m_planBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            showSteps();
    });
    connect(m_steps, &QListWidget::currentRowChanged, this, [this] {
        if (m_refreshing)
            return;
        const RolloutPlan *current = plan();
        const int row = currentStep();
        if (current && row >= 0)
            m_editor->setStep(current->steps[size_t(row)]);
        updateButtons();
        showDetails();
    });
    connect(m_add, &QToolButton::clicked, this, &RolloutPanel::addStep);
    connect(m_remove, &QToolButton::clicked, this, &RolloutPanel::removeStep);
    connect(m_up, &QToolButton::clicked, this, [this] { moveStep(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveStep(+1); });
    connect(m_editor, &RolloutStepEditor::stepEdited, this, &RolloutPanel::editStep);
    connect(m_rehearse, &QPushButton::clicked, this, &RolloutPanel::rehearse);
    retranslate();
    refreshTraffic();
    refresh();
}

std::optional<RolloutPlanRef> RolloutPanel::currentPlan() const
{
    const QStringList parts = m_planBox->currentData().toString().split(u'/');
    if (parts.size() != 2)
        return std::nullopt;
    return RolloutPlanRef{parts[0].toStdString(), parts[1].toStdString()};
}

const RolloutPlanResource *RolloutPanel::planResource() const
{
    const std::optional<RolloutPlanRef> ref = currentPlan();
    return ref ? findRolloutPlan(*m_document->mesh(), *ref) : nullptr;
}

const RolloutPlan *RolloutPanel::plan() const
{
    const RolloutPlanResource *resource = planResource();
    return resource ? resource->plan.get() : nullptr;
}

int RolloutPanel::currentStep() const
{
    const RolloutPlan *current = plan();
    const int row = m_steps->currentRow();
    return current && row >= 0 && size_t(row) < current->steps.size() ? row : -1;
}

void RolloutPanel::selectStep(int index) { m_steps->setCurrentRow(index); }

bool RolloutPanel::selectTraffic(const QString &fileName)
{
    const int index = m_trafficBox->findText(fileName);
    if (index < 0)
        return false;
    m_trafficBox->setCurrentIndex(index);
    return true;
}

void RolloutPanel::refresh()
{
    // Plans by ns/name; the chosen one stays chosen across edits and undo.
    const QString chosen = m_planBox->currentData().toString();
    m_refreshing = true;
    m_planBox->clear();
    for (const auto &resource : m_document->mesh()->rolloutPlans) {
        const QString key = qs(resource->meta.ns + '/' + resource->meta.name);
        m_planBox->addItem(resource->plan ? key : tr("%1 (does not read)").arg(key), key);
    }
    const int index = m_planBox->findData(chosen);
    m_planBox->setCurrentIndex(index >= 0 ? index : 0);
    m_refreshing = false;
    showSteps();
}

void RolloutPanel::refreshTraffic()
{
    const QString chosen = m_trafficBox->currentText();
    m_trafficBox->clear();
    const QString folder = m_document->folder();
    QStringList files;
    if (!folder.isEmpty()) {
        QDirIterator it(folder, {QStringLiteral("*.traffic")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(folder).relativeFilePath(it.next());
    }
    files.sort();
    for (const QString &file : files)
        m_trafficBox->addItem(file, QDir(folder).filePath(file));
    m_trafficBox->addItem(tr("GET / to the route's host"), QString());
    const int index = m_trafficBox->findText(chosen);
    m_trafficBox->setCurrentIndex(index >= 0 ? index : 0);
}

void RolloutPanel::showSteps()
{
    const RolloutPlan *current = plan();
    const int row = m_steps->currentRow();
    m_refreshing = true;
    m_steps->clear();
    if (current) {
        for (size_t i = 0; i < current->steps.size(); ++i)
            m_steps->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(qs(current->steps[i].describe())));
    } else if (const std::optional<RolloutPlanRef> ref = currentPlan()) {
        const RolloutPlanResource *resource = findRolloutPlan(*m_document->mesh(), *ref);
        m_steps->addItem(resource ? qs(resource->error) : QString());
    }
    // A report of another plan (or of this one before an edit) is no longer what the steps say.
    const bool reportCurrent = m_report && current && m_reportPlan.get() == current;
    if (reportCurrent && m_report->rolledBackAtStep > 0 && m_report->rolledBackAtStep <= size_t(m_steps->count())) {
        QListWidgetItem *item = m_steps->item(int(m_report->rolledBackAtStep - 1));
        item->setText(item->text() + QStringLiteral("  \u2716 ") + tr("rolled back here"));
        item->setForeground(QColor(0xc6, 0x28, 0x28));
    }
    m_steps->setCurrentRow(current ? std::min(row, m_steps->count() - 1) : -1);
    m_refreshing = false;
    if (current && currentStep() >= 0)
        m_editor->setStep(current->steps[size_t(currentStep())]);
    m_outcome->setText(m_report ? RehearsalRecording::outcomeText(*m_report)
                               + (reportCurrent ? QString() : tr("\n(The plan changed since this rehearsal.)"))
                                : QString());
    updateButtons();
    showDetails();
}

const RehearsalStep *RolloutPanel::rehearsedStep() const
{
    const int row = currentStep();
    const RolloutPlan *current = plan();
    if (!m_report || !current || m_reportPlan.get() != current || row < 0)
        return nullptr;
    const auto found = std::find_if(m_report->steps.begin(), m_report->steps.end(),
                                    [row](const RehearsalStep &step) { return step.index == size_t(row + 1); });
    return found == m_report->steps.end() ? nullptr : &*found;
}

void RolloutPanel::showDetails()
{
    // The selected step as the last rehearsal played it: its weights and what
    // each destination did; Stage Step makes it the document's state.
    updateStageButton();
    const int row = currentStep();
    const RolloutPlan *current = plan();
    if (!m_report || !current || m_reportPlan.get() != current || row < 0) {
        m_details->setText(QString());
        return;
    }
    const RehearsalStep *found = rehearsedStep();
    if (!found) {
        m_details->setText(tr("Step %1 was not reached.").arg(row + 1));
        return;
    }
    QStringList weights;
    for (const auto &[name, weight] : found->weights)
        weights << QStringLiteral("%1 %2").arg(qs(name)).arg(weight);
    QStringList served;
    for (const auto &[name, stats] : found->destinations)
        served << tr("%1: %2 requests, %3 errors").arg(qs(name)).arg(stats.requests).arg(stats.errors);
    QString text = tr("Step %1 from t = %2 s: weights %3")
                       .arg(row + 1)
                       .arg(found->startedAt, 0, 'f', 0)
                       .arg(weights.join(QStringLiteral(" \u00b7 ")));
    if (!served.isEmpty())
        text += QStringLiteral("\n") + served.join(QStringLiteral("; "));
    m_details->setText(text);
}

void RolloutPanel::updateStageButton()
{
    const RehearsalStep *step = rehearsedStep();
    const Mesh &now = *m_document->mesh();
    const bool unchangedSince = m_report && m_reportStart
        && (Document::sameFiles(now, *m_reportStart)
            || std::any_of(m_report->steps.begin(), m_report->steps.end(), [&](const RehearsalStep &rehearsed) {
                   return rehearsed.mesh && Document::sameFiles(now, *rehearsed.mesh);
               }));
    m_stage->setEnabled(step && step->mesh && unchangedSince && !m_rehearsing);
    m_stage->setToolTip(!step ? tr("Rehearse the plan, then select a step it reached to stage it")
                              : !unchangedSince ? tr("The files changed since the rehearsal: rehearse again to stage "
                                                     "a step")
                                                : tr("Make the files as this step leaves them (one edit: undo "
                                                     "returns), so the graph and the weights show it"));
}

void RolloutPanel::stageStep()
{
    const RehearsalStep *step = rehearsedStep();
    if (!step || !step->mesh)
        return;
    m_document->stageFiles(*step->mesh,
                           tr("Stage step %1 (%2)").arg(step->index).arg(QString::fromStdString(step->action)));
}

void RolloutPanel::updateButtons()
{
    const RolloutPlan *current = plan();
    const int row = currentStep();
    m_add->setEnabled(current != nullptr);
    m_remove->setEnabled(row >= 0 && current->steps.size() > 1);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && size_t(row) + 1 < current->steps.size());
    m_editor->setEnabled(row >= 0);
    m_rehearse->setEnabled(current != nullptr && !m_rehearsing);
    updateStageButton();
}

void RolloutPanel::addStep()
{
    const std::optional<RolloutPlanRef> ref = currentPlan();
    const RolloutPlan *current = plan();
    if (!ref || !current)
        return;
    // After the selected step (at the end without one): a copy of it, the
    // usual next move being the same kind with another value.
    const int row = currentStep();
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetWeight;
    step.weight = 50;
    if (row >= 0)
        step = current->steps[size_t(row)];
    const size_t at = row >= 0 ? size_t(row) + 1 : current->steps.size();
    if (m_document->addRolloutStep(*ref, at, step))
        m_steps->setCurrentRow(int(at));
}

void RolloutPanel::removeStep()
{
    const std::optional<RolloutPlanRef> ref = currentPlan();
    const int row = currentStep();
    if (ref && row >= 0)
        m_document->removeRolloutStep(*ref, size_t(row));
}

void RolloutPanel::moveStep(int delta)
{
    const std::optional<RolloutPlanRef> ref = currentPlan();
    const int row = currentStep();
    if (!ref || row < 0 || row + delta < 0 || row + delta >= m_steps->count())
        return;
    if (m_document->moveRolloutStep(*ref, size_t(row), size_t(row + delta)))
        m_steps->setCurrentRow(row + delta);
}

void RolloutPanel::editStep(const RolloutStep &step)
{
    const std::optional<RolloutPlanRef> ref = currentPlan();
    const int row = currentStep();
    if (ref && row >= 0 && !m_document->setRolloutStep(*ref, size_t(row), step))
        m_editor->setStep(plan()->steps[size_t(row)]); // refused (editFailed says why): show what is written
}

void RolloutPanel::rehearse()
{
    const RolloutPlan *current = plan();
    if (!current)
        return;
    m_rehearsing = true;
    updateButtons();
    m_outcome->setText(tr("Rehearsing\u2026"));
    const int ticket = m_rehearsals.next();
    const QString trafficPath = m_trafficBox->currentData().toString();
    const QString trafficName = m_trafficBox->currentText();
    const MeshPtr mesh = m_document->mesh();
    RolloutPlan copy = *current;
    const uint64_t seed = m_seed;
    m_reportPlan = planResource()->plan;
    m_reportStart = mesh;
    runInBackground(
        this, [mesh, copy, trafficPath, seed] { return runRehearsal(mesh, copy, trafficPath, seed); },
        [this, ticket, trafficName](RehearsalReport report) {
            if (m_rehearsals.isLatest(ticket))
                finishRehearsal(std::move(report), trafficName);
        });
}

void RolloutPanel::finishRehearsal(RehearsalReport report, const QString &trafficName)
{
    m_report = std::move(report);
    const RolloutPlan *current = plan();
    showSteps();
    if (!current || m_reportPlan.get() != current || m_report->outcome == RehearsalReport::Outcome::Error) {
        m_rehearsing = false;
        updateButtons();
        Q_EMIT rehearsalFinished();
        return;
    }
    // Played in simulated time from 0 to the end, so the eye follows the
    // steps as they happened; the whole picture stays when it is done.
    m_playing = RehearsalRecording::make(*m_report, *current, trafficName);
    m_playClock.start();
    playNextFrame();
    if (m_rehearsing)
        m_playback->start();
}

void RolloutPanel::playNextFrame()
{
    const double fraction = m_playbackSeconds > 0 ? double(m_playClock.elapsed()) / (m_playbackSeconds * 1000) : 1;
    if (fraction < 1) {
        Q_EMIT rehearsed(RehearsalRecording::playedUntil(m_playing, fraction * m_playing.endSeconds));
        return;
    }
    m_playback->stop();
    m_rehearsing = false;
    updateButtons();
    Q_EMIT rehearsed(m_playing);
    Q_EMIT rehearsalFinished();
}

void RolloutPanel::retranslate()
{
    m_rehearse->setText(tr("Rehearse"));
    m_stage->setText(tr("Stage Step"));
    updateStageButton();
    m_rehearse->setToolTip(tr("Play the plan against the chosen traffic in simulated time"));
    m_planBox->setToolTip(tr("The rollout plan (kind RolloutPlan) to edit and rehearse"));
    m_trafficBox->setToolTip(tr("The traffic mix and behaviour profiles (.traffic files of the folder)"));
    m_add->setToolTip(tr("Add a step after the selected one"));
    m_remove->setToolTip(tr("Remove the selected step"));
    m_up->setToolTip(tr("Move the selected step up"));
    m_down->setToolTip(tr("Move the selected step down"));
}

void RolloutPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showSteps();
    }
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
