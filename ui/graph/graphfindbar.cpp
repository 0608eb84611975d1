// SPDX-License-Identifier: MIT
#include "graph/graphfindbar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>

namespace meshlane::ui {

namespace {

// Typing "reviews" re-queries once, not once per letter, on a 10,000-node graph.
constexpr int kTypingPauseMs = 200;

} // namespace

GraphFindBar::GraphFindBar(QWidget *parent)
    : QWidget(parent)
    , m_query(new QLineEdit(this))
    , m_mode(new QComboBox(this))
    , m_focus(new QToolButton(this))
    , m_hops(new QSpinBox(this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("GraphFindBar"));
    m_query->setObjectName(QStringLiteral("GraphFindQuery"));
    m_query->setClearButtonEnabled(true);
    m_mode->addItems({QString(), QString(), QString()});
    m_focus->setCheckable(true);
    m_focus->setAutoRaise(true);
    m_hops->setRange(0, 9);
    m_hops->setValue(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 4, 0);
    layout->addWidget(m_query, 1);
    layout->addWidget(m_mode);
    layout->addWidget(m_focus);
    layout->addWidget(m_hops);
    layout->addWidget(m_result);
    retranslate();

    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(kTypingPauseMs);
    connect(m_query, &QLineEdit::textEdited, typing, qOverload<>(&QTimer::start));
    connect(typing, &QTimer::timeout, this, &GraphFindBar::changed);
    connect(m_query, &QLineEdit::returnPressed, this, [this, typing] {
        typing->stop();
        Q_EMIT changed();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, &GraphFindBar::changed);
    connect(m_focus, &QToolButton::toggled, this, &GraphFindBar::changed);
    connect(m_hops, &QSpinBox::valueChanged, this, &GraphFindBar::changed);
}

QString GraphFindBar::query() const { return m_query->text(); }
GraphFindBar::Mode GraphFindBar::mode() const { return Mode(m_mode->currentIndex()); }
bool GraphFindBar::focusMode() const { return m_focus->isChecked(); }
int GraphFindBar::hops() const { return m_hops->value(); }
QString GraphFindBar::result() const { return m_result->text(); }

void GraphFindBar::setQuery(const QString &query)
{
    m_query->setText(query);
    Q_EMIT changed();
}

void GraphFindBar::setMode(Mode mode) { m_mode->setCurrentIndex(int(mode)); }
void GraphFindBar::setFocusMode(bool on) { m_focus->setChecked(on); }
void GraphFindBar::setHops(int hops) { m_hops->setValue(hops); }

void GraphFindBar::startTyping()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void GraphFindBar::showResult(const QString &text, bool error)
{
    m_result->setText(text);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xc6, 0x28, 0x28) : this->palette().color(QPalette::WindowText));
    m_result->setPalette(palette);
}

void GraphFindBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void GraphFindBar::retranslate()
{
    m_query->setPlaceholderText(tr("Find: reviews, ns = shop, label:app=cart, has:split, has:mirror, broken"));
    m_query->setToolTip(tr("Words match names; name, ns, app, version and kind compare with = and != (* and ? "
                           "wildcards); label:KEY or label:KEY=VALUE; has:split, has:mirror, is:broken, "
                           "is:external, is:gateway; combine with and, or, not and parentheses (Ctrl+F)"));
    m_mode->setItemText(int(Mode::Highlight), tr("Highlight"));
    m_mode->setItemText(int(Mode::ShowOnly), tr("Show Only"));
    m_mode->setItemText(int(Mode::Hide), tr("Hide"));
    m_focus->setText(tr("Focus"));
    m_focus->setToolTip(tr("Show only the neighbourhood of what is found (or else selected), laid out on its own"));
    m_hops->setPrefix(tr("Hops: "));
    m_hops->setToolTip(tr("How many edges away focus mode reaches"));
}

} // namespace meshlane::ui
