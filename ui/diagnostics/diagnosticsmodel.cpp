// SPDX-License-Identifier: MIT
#include "diagnostics/diagnosticsmodel.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

} // namespace

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DiagnosticsModel::setDiagnostics(Diagnostics diagnostics)
{
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

int DiagnosticsModel::count(Severity severity) const
{
    return int(std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                             [severity](const Diagnostic &d) { return d.severity == severity; }));
}

void DiagnosticsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_diagnostics.empty())
        Q_EMIT dataChanged(index(0, SeverityColumn), index(rowCount() - 1, SeverityColumn));
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DiagnosticsModel::severityText(Severity severity) const
{
    switch (severity) {
    case Severity::Error: return tr("Error");
    case Severity::Warning: return tr("Warning");
    case Severity::Info: return tr("Info");
    }
    return {};
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Diagnostic &d = m_diagnostics[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SeverityColumn: return severityText(d.severity);
        case CodeColumn: return qs(d.code);
        case ResourceColumn: return d.resource.kind.empty() ? QString() : qs(d.resource.toString());
        case LocationColumn: return qs(d.location.toString());
        case MessageColumn: return qs(d.message);
        }
    } else if (role == Qt::ToolTipRole) {
        return toolTip(d);
    } else if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
        const QStyle::StandardPixmap icon = d.severity == Severity::Error ? QStyle::SP_MessageBoxCritical
            : d.severity == Severity::Warning                            ? QStyle::SP_MessageBoxWarning
                                                                         : QStyle::SP_MessageBoxInformation;
        return QApplication::style()->standardIcon(icon);
    }
    return {};
}

QString DiagnosticsModel::toolTip(const Diagnostic &d) const
{
    // Rich text, so Qt wraps the long message instead of making one wide line.
    QString head = QStringLiteral("<b>%1 %2</b>").arg(severityText(d.severity), qs(d.code).toHtmlEscaped());
    if (!d.resource.kind.empty())
        head += QStringLiteral(" \u00b7 ") + qs(d.resource.toString()).toHtmlEscaped();
    if (d.location.isValid() || !d.location.file.empty())
        head += QStringLiteral(" \u00b7 ") + qs(d.location.toString()).toHtmlEscaped();
    QString text = QStringLiteral("<p>%1<br>%2").arg(head, qs(d.message).toHtmlEscaped());
    if (!d.fix.empty())
        text += QStringLiteral("<br><i>%1</i>").arg(tr("Fix: %1").arg(qs(d.fix)).toHtmlEscaped());
    if (!d.witness.empty())
        text += QStringLiteral("<br>%1").arg(
            tr("A request that shows it: meshlane route DIR %1 (right-click: try it in the Request Tester)")
                .arg(qs(d.witness))
                .toHtmlEscaped());
    return text + QStringLiteral("</p>");
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case CodeColumn: return tr("Code");
    case ResourceColumn: return tr("Resource");
    case LocationColumn: return tr("Location");
    case MessageColumn: return tr("Message");
    }
    return {};
}

} // namespace meshlane::ui
