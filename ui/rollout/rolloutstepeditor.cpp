// SPDX-License-Identifier: MIT
#include "rollout/rolloutstepeditor.h"

#include "edit/rolloutplanedits.h"
#include "rollout/rolloutplanparser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>

#include <algorithm>

namespace meshlane::ui {

namespace {

// Combo and page order.
constexpr RolloutStep::Kind kKinds[] = {RolloutStep::Kind::SetWeight, RolloutStep::Kind::Pause,
                                        RolloutStep::Kind::SetMirror, RolloutStep::Kind::SetHeaderRoute};

int kindIndex(RolloutStep::Kind kind)
{
    for (int i = 0; i < 4; ++i) {
        if (kKinds[i] == kind)
            return i;
    }
    return 0;
}

} // namespace

RolloutStepEditor::RolloutStepEditor(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_weight(new QSpinBox(this))
    , m_duration(new QLineEdit(this))
    , m_untilPromoted(new QCheckBox(this))
    , m_mirror(new QDoubleSpinBox(this))
    , m_routeName(new QLineEdit(this))
    , m_headerName(new QLineEdit(this))
    , m_headerValue(new QLineEdit(this))
{
    m_kind->addItems({QStringLiteral("setWeight"), QStringLiteral("pause"), QStringLiteral("setMirror"),
                      QStringLiteral("setHeaderRoute")});
    m_weight->setRange(0, 100);
    m_weight->setSuffix(QStringLiteral(" %"));
    m_mirror->setRange(0, 100);
    m_mirror->setDecimals(1);
    m_mirror->setSuffix(QStringLiteral(" %"));
    m_duration->setPlaceholderText(QStringLiteral("5m"));

    auto page = [this](std::initializer_list<QWidget *> widgets) {
        auto *widget = new QWidget(m_pages);
        auto *layout = new QHBoxLayout(widget);
        layout->setContentsMargins(0, 0, 0, 0);
        for (QWidget *child : widgets)
            layout->addWidget(child);
        layout->addStretch(1);
        m_pages->addWidget(widget);
    };
    page({m_weight});
    page({m_duration, m_untilPromoted});
    page({m_mirror});
    page({m_routeName, m_headerName, m_headerValue});

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind);
    layout->addWidget(m_pages, 1);

    connect(m_kind, &QComboBox::activated, this, [this] {
        showKind();
        commit();
    });
    connect(m_weight, &QSpinBox::editingFinished, this, &RolloutStepEditor::commit);
    connect(m_mirror, &QDoubleSpinBox::editingFinished, this, &RolloutStepEditor::commit);
    connect(m_duration, &QLineEdit::editingFinished, this, &RolloutStepEditor::commit);
    connect(m_untilPromoted, &QCheckBox::toggled, this, [this](bool on) {
        m_duration->setEnabled(!on);
        commit();
    });
    for (QLineEdit *edit : {m_routeName, m_headerName, m_headerValue})
        connect(edit, &QLineEdit::editingFinished, this, &RolloutStepEditor::commit);
    retranslate();
    setStep({});
}

void RolloutStepEditor::setStep(const RolloutStep &step)
{
    m_updating = true;
    m_shown = step;
    m_kind->setCurrentIndex(kindIndex(step.kind));
    m_weight->setValue(step.weight);
    m_untilPromoted->setChecked(step.kind == RolloutStep::Kind::Pause && !step.pauseSeconds);
    m_duration->setEnabled(!m_untilPromoted->isChecked());
    m_duration->setText(step.pauseSeconds ? QString::fromStdString(rolloutDurationText(*step.pauseSeconds))
                                          : QString());
    m_mirror->setValue(step.mirrorPercent);
    m_routeName->setText(QString::fromStdString(step.headerRouteName));
    const MatchCondition *first = step.match.empty() ? nullptr : &step.match.front();
    m_headerName->setText(first ? QString::fromStdString(first->name) : QString());
    m_headerValue->setText(first ? QString::fromStdString(first->value) : QString());
    showKind();
    m_updating = false;
}

RolloutStep RolloutStepEditor::step() const
{
    RolloutStep step = m_shown;
    step.kind = kKinds[std::max(0, m_kind->currentIndex())];
    switch (step.kind) {
    case RolloutStep::Kind::SetWeight: step.weight = m_weight->value(); break;
    case RolloutStep::Kind::Pause:
        step.pauseSeconds = m_untilPromoted->isChecked()
            ? std::nullopt
            : RolloutPlanParser::parseDuration(m_duration->text().trimmed().toStdString());
        if (!m_untilPromoted->isChecked() && !step.pauseSeconds)
            step.pauseSeconds = 0; // unreadable: the edit refuses it and says why
        break;
    case RolloutStep::Kind::SetMirror: step.mirrorPercent = m_mirror->value(); break;
    case RolloutStep::Kind::SetHeaderRoute: {
        step.headerRouteName = m_routeName->text().trimmed().toStdString();
        // The editor shows the first condition; the others are kept as written.
        std::vector<MatchCondition> match =
            m_shown.kind == RolloutStep::Kind::SetHeaderRoute ? m_shown.match : std::vector<MatchCondition>{};
        const std::string name = m_headerName->text().trimmed().toStdString();
        if (name.empty()) {
            match.clear();
        } else {
            if (match.empty())
                match.push_back({});
            match.front().field = MatchCondition::Field::Header;
            match.front().name = name;
            match.front().value = m_headerValue->text().toStdString();
        }
        step.match = std::move(match);
        break;
    }
    }
    return step;
}

void RolloutStepEditor::commit()
{
    if (m_updating)
        return;
    const RolloutStep edited = step();
    const auto sameMatch = [](const std::vector<MatchCondition> &a, const std::vector<MatchCondition> &b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const MatchCondition &x, const MatchCondition &y) {
            return x.name == y.name && x.kind == y.kind && x.value == y.value;
        });
    };
    // Focus moving on without a change is no edit (a pause written 300s is not rewritten 5m).
    if (edited.kind == m_shown.kind && edited.describe() == m_shown.describe()
        && sameMatch(edited.match, m_shown.match))
        return;
    Q_EMIT stepEdited(edited);
}

void RolloutStepEditor::showKind() { m_pages->setCurrentIndex(m_kind->currentIndex()); }

void RolloutStepEditor::retranslate()
{
    m_untilPromoted->setText(tr("until promoted"));
    m_weight->setToolTip(tr("The canary's share of the route"));
    m_duration->setToolTip(tr("How long to wait and judge the canary: 30s, 5m, 1h"));
    m_mirror->setToolTip(tr("Share of requests copied to the canary (answers dropped)"));
    m_routeName->setPlaceholderText(tr("route name"));
    m_headerName->setPlaceholderText(tr("header"));
    m_headerValue->setPlaceholderText(tr("exact value"));
}

void RolloutStepEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
