// SPDX-License-Identifier: MIT
#include "editing/mirroreditor.h"

#include "document/document.h"
#include "editing/adddestinationmenu.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <algorithm>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

} // namespace

MirrorEditor::MirrorEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_label(new QLabel(this))
    , m_target(new QComboBox(this))
    , m_percentage(new QDoubleSpinBox(this))
{
    m_percentage->setRange(0, 100);
    m_percentage->setDecimals(1);
    m_percentage->setSuffix(QStringLiteral(" %"));
    m_percentage->setKeyboardTracking(false);
    m_percentage->setAlignment(Qt::AlignRight);
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_target->setMinimumContentsLength(10);
    m_label->setBuddy(m_target);

    // Laid out as the route editor's other lines, whose spacing it had when it was one of them.
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_label);
    layout->addWidget(m_target, 1);
    layout->addWidget(m_percentage);

    connect(m_target, &QComboBox::activated, this, &MirrorEditor::choose);
    connect(m_percentage, &QDoubleSpinBox::valueChanged, this, &MirrorEditor::setPercentage);
    retranslate();
}

void MirrorEditor::retranslate()
{
    m_label->setText(tr("&Mirror:"));
    m_percentage->setToolTip(tr("Share of requests copied to the mirror"));
    m_target->setToolTip(tr("Copies requests to another destination; its responses are dropped"));
}

void MirrorEditor::rebuild(const Mesh &mesh, const HttpRoute &route, bool weighted)
{
    m_options = optionsFor(mesh, route);
    const QSignalBlocker block(m_target);
    m_target->clear();
    int current = 0;
    for (size_t i = 0; i < m_options.size(); ++i) {
        const Option &option = m_options[i];
        m_target->addItem(option.label);
        if (route.mirror && option.fqdn == route.mirror->fqdn && option.subset == route.mirror->subset)
            current = int(i);
    }
    m_target->setCurrentIndex(current);
    // `mirrors:` lists several targets; Istio forbids mixing it with `mirror:`.
    const bool editable = weighted && route.mirrors.empty();
    m_target->setEnabled(editable);
    m_target->setToolTip(editable ? tr("Copies requests to another destination; its responses are dropped")
                                  : tr("This route uses mirrors: (several targets); edit it in the YAML"));
}

void MirrorEditor::update(const HttpRoute &route, const RouteRef &ref)
{
    m_ref = ref;
    m_mirror = route.mirror ? std::optional<Destination>(*route.mirror) : std::nullopt;
    m_mirrorPercentage = route.mirrorPercentage;
    const QSignalBlocker block(m_percentage);
    const bool hasMirror = route.mirror.has_value();
    m_percentage->setEnabled(hasMirror && route.mirrors.empty());
    // Without a mirror there is no percentage; 0 % would read as a setting.
    m_percentage->setSpecialValueText(hasMirror ? QString() : QStringLiteral("\u2013"));
    const double written =
        route.mirrorPercentage.value_or(route.legacyMirrorPercent ? double(*route.legacyMirrorPercent) : 100.0);
    m_percentage->setValue(hasMirror ? written : 0.0);
}

std::vector<MirrorEditor::Option> MirrorEditor::optionsFor(const Mesh &mesh, const HttpRoute &route)
{
    std::vector<Option> options;
    options.push_back({tr("No mirror"), {}, {}, {}});
    const auto hosts = AddDestinationMenu::hostsOf(route);
    const bool oneHost = hosts.size() == 1;
    for (const auto &[fqdn, written] : hosts) {
        options.push_back({tr("%1 (every pod)").arg(qs(written)), fqdn, written, {}});
        for (const DestinationRule *rule : mesh.destinationRulesFor(fqdn)) {
            for (const Subset &subset : rule->subsets) {
                const QString label = oneHost ? qs(subset.name) : qs(written) + u':' + qs(subset.name);
                options.push_back({label, fqdn, written, subset.name});
            }
        }
    }
    if (route.mirror) {
        const Destination &mirror = *route.mirror;
        const bool listed = std::any_of(options.begin(), options.end(), [&](const Option &option) {
            return option.fqdn == mirror.fqdn && option.subset == mirror.subset;
        });
        if (!listed)
            options.push_back({qs(mirror.label()), mirror.fqdn, mirror.host, mirror.subset});
    }
    return options;
}

void MirrorEditor::choose(int comboIndex)
{
    if (comboIndex < 0 || size_t(comboIndex) >= m_options.size())
        return;
    const Option &option = m_options[size_t(comboIndex)];
    if (option.fqdn.empty()) {
        m_document->setMirror(m_ref, std::nullopt);
    } else {
        Destination mirror;
        mirror.host = option.host;
        mirror.subset = option.subset;
        m_document->setMirror(m_ref, mirror, m_mirror ? m_mirrorPercentage : std::nullopt);
    }
    Q_EMIT edited();
}

void MirrorEditor::setPercentage(double value)
{
    if (m_mirror)
        m_document->setMirror(m_ref, *m_mirror, value);
    Q_EMIT edited();
}

} // namespace meshlane::ui
