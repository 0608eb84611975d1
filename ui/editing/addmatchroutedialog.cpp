// SPDX-License-Identifier: MIT
#include "editing/addmatchroutedialog.h"

#include "editing/matchdescription.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <re2/re2.h>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

enum Field { Header, Uri, QueryParam };

} // namespace

AddMatchRouteDialog::AddMatchRouteDialog(const Mesh &mesh, const VirtualService &vs, QWidget *parent)
    : QDialog(parent)
    , m_field(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_destination(new QComboBox(this))
    , m_routeName(new QLineEdit(this))
    , m_preview(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Match Route to %1").arg(qs(vs.meta.name)));
    m_field->addItems({tr("Header"), tr("URI path"), tr("Query parameter")});
    m_kind->addItems({tr("equals"), tr("starts with"), tr("matches regex")});
    m_name->setPlaceholderText(QStringLiteral("end-user"));
    m_routeName->setPlaceholderText(tr("optional"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);

    // Candidate targets: the subsets of every host the VirtualService routes to.
    std::vector<std::pair<std::string, std::string>> hosts; // fqdn, as written
    for (const HttpRoute &route : vs.http) {
        for (const RouteDestination &destination : route.route) {
            const bool seen = std::any_of(hosts.begin(), hosts.end(),
                                          [&](const auto &host) { return host.first == destination.destination.fqdn; });
            if (!seen)
                hosts.emplace_back(destination.destination.fqdn, destination.destination.host);
        }
    }
    for (const auto &[fqdn, written] : hosts) {
        for (const DestinationRule *rule : mesh.destinationRulesFor(fqdn)) {
            for (const Subset &subset : rule->subsets) {
                m_targets.push_back({written, subset.name});
                m_destination->addItem(hosts.size() == 1 ? qs(subset.name) : qs(written) + u':' + qs(subset.name));
            }
        }
        m_targets.push_back({written, {}});
        m_destination->addItem(tr("%1 (every pod)").arg(qs(written)));
    }

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Field:"), m_field);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Comparison:"), m_kind);
    form->addRow(tr("V&alue:"), m_value);
    form->addRow(tr("&Send to:"), m_destination);
    form->addRow(tr("&Route name:"), m_routeName);
    form->addRow(m_preview);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QComboBox *combo : {m_field, m_kind, m_destination})
        connect(combo, &QComboBox::currentIndexChanged, this, &AddMatchRouteDialog::updateState);
    for (QLineEdit *edit : {m_name, m_value, m_routeName})
        connect(edit, &QLineEdit::textChanged, this, &AddMatchRouteDialog::updateState);
    updateState();
}

MatchRule AddMatchRouteDialog::rule() const
{
    MatchRule rule;
    rule.routeName = m_routeName->text().trimmed().toStdString();
    MatchCondition condition;
    const int field = m_field->currentIndex();
    condition.field = field == Uri          ? MatchCondition::Field::Uri
                      : field == QueryParam ? MatchCondition::Field::QueryParam
                                            : MatchCondition::Field::Header;
    condition.name = field == Uri ? std::string() : m_name->text().trimmed().toStdString();
    const int kind = m_kind->currentIndex();
    condition.kind = kind == 1 ? StringMatch::Kind::Prefix : kind == 2 ? StringMatch::Kind::Regex : StringMatch::Kind::Exact;
    condition.value = m_value->text().toStdString();
    rule.conditions.push_back(condition);
    const int target = m_destination->currentIndex();
    if (target >= 0 && size_t(target) < m_targets.size()) {
        rule.destination.host = m_targets[size_t(target)].host;
        rule.destination.subset = m_targets[size_t(target)].subset;
    }
    return rule;
}

bool AddMatchRouteDialog::isComplete() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void AddMatchRouteDialog::updateState()
{
    const bool named = m_field->currentIndex() != Uri;
    m_name->setEnabled(named);
    QString problem;
    if (named && m_name->text().trimmed().isEmpty())
        problem = tr("Name the header or query parameter.");
    else if (m_value->text().isEmpty())
        problem = tr("Enter the value to compare with.");
    else if (m_kind->currentIndex() == 2 && !RE2(m_value->text().toStdString(), RE2::Quiet).ok())
        problem = tr("This is not a valid RE2 regular expression.");
    else if (m_destination->count() == 0)
        problem = tr("The VirtualService has no destination to send to.");
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    if (!problem.isEmpty()) {
        m_preview->setText(problem);
        return;
    }
    const MatchRule current = rule();
    const MatchCondition &condition = current.conditions.front();
    const QString subject = condition.field == MatchCondition::Field::Uri ? MatchDescription::tr("uri")
        : condition.field == MatchCondition::Field::QueryParam ? MatchDescription::tr("query %1").arg(qs(condition.name))
                                                               : MatchDescription::tr("header %1").arg(qs(condition.name));
    StringMatch match;
    match.kind = condition.kind;
    match.value = condition.value;
    m_preview->setText(tr("%1 \u2192 %2").arg(MatchDescription::stringMatch(subject, match), m_destination->currentText()));
}

} // namespace meshlane::ui
