// SPDX-License-Identifier: MIT
#pragma once

#include "base/backgroundjob.h"
#include "edit/rolloutplanedits.h"
#include "rollout/rehearsalreport.h"
#include "simulation/plotrecording.h"

#include <QElapsedTimer>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTimer;
class QToolButton;

namespace meshlane::ui {

class Document;
class RolloutStepEditor;

// The Rollout dock: a RolloutPlan of the folder, its steps as an editable
// list (add, remove, move, edit values: each one Document edit, so undo and
// byte-minimal export cover them), a traffic mix of the folder (.traffic) and
// Rehearse, which runs the Rehearsal off the GUI thread and offers the result
// to the Live Plot (rehearsed()); the outcome is written under the steps.
class RolloutPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutPanel(Document *document, QWidget *parent = nullptr);

    void setSeed(uint64_t seed) { m_seed = seed; }
    // How long the Live Plot takes to play a rehearsal (0: shown whole at once).
    void setPlaybackSeconds(double seconds) { m_playbackSeconds = seconds; }
    // Rehearses the chosen plan with the chosen traffic; rehearsalFinished()
    // once it is done and played.
    void rehearse();
    bool isRehearsing() const { return m_rehearsing; }
    const std::optional<RehearsalReport> &lastReport() const { return m_report; }
    std::optional<RolloutPlanRef> currentPlan() const;
    // Chooses the traffic file named `fileName` (relative to the folder); false if none.
    bool selectTraffic(const QString &fileName);
    void selectStep(int index);

    QComboBox *planBox() const { return m_planBox; }
    QComboBox *trafficBox() const { return m_trafficBox; }
    QListWidget *stepList() const { return m_steps; }
    RolloutStepEditor *stepEditor() const { return m_editor; }
    QPushButton *rehearseButton() const { return m_rehearse; }
    QLabel *outcomeLabel() const { return m_outcome; }
    QLabel *stepDetails() const { return m_details; }
    QPushButton *stageButton() const { return m_stage; }
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }
    QToolButton *upButton() const { return m_up; }
    QToolButton *downButton() const { return m_down; }

Q_SIGNALS:
    void rehearsed(const PlotRecording &recording);
    void rehearsalFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh(); // the mesh changed: plans and steps as they are now
    void refreshTraffic(); // a folder was loaded
    void showSteps();
    void showDetails();
    // The selected step as the last rehearsal left it; null when not rehearsed (or not reached).
    const RehearsalStep *rehearsedStep() const;
    // Stage Step turns the files into the step's: only while the document is
    // as the rehearsal found it, or as one of its steps left it, so no later
    // edit is overwritten.
    void updateStageButton();
    void stageStep();
    void updateButtons();
    const RolloutPlanResource *planResource() const;
    const RolloutPlan *plan() const;
    int currentStep() const;
    void addStep();
    void removeStep();
    void moveStep(int delta);
    void editStep(const RolloutStep &step);
    void finishRehearsal(RehearsalReport report, const QString &trafficName);
    void playNextFrame();

    Document *m_document;
    QComboBox *m_planBox;
    QComboBox *m_trafficBox;
    QPushButton *m_rehearse;
    QListWidget *m_steps;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    RolloutStepEditor *m_editor;
    QLabel *m_details;
    QPushButton *m_stage;
    QLabel *m_outcome;
    uint64_t m_seed = 1;
    bool m_rehearsing = false;
    double m_playbackSeconds = 2.5;
    QTimer *m_playback;
    QElapsedTimer m_playClock;
    PlotRecording m_playing;
    JobTicket m_rehearsals;
    std::optional<RehearsalReport> m_report;
    // The plan the report was rehearsed from: an edit makes a new plan object
    // (an undo brings this one back), so identity says whether it still holds.
    std::shared_ptr<const RolloutPlan> m_reportPlan;
    MeshPtr m_reportStart; // the document's mesh the rehearsal started from
    bool m_refreshing = false;
};

} // namespace meshlane::ui
