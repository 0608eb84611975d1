// SPDX-License-Identifier: MIT
#pragma once

#include "model/diagnostic.h"

#include <QAbstractTableModel>

namespace meshlane::ui {

// Findings as a table: severity, code, message, resource, file:line. The
// message comes before the long resource names, so a narrow dock shows it;
// every cell's tooltip holds the whole finding.
class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, CodeColumn, MessageColumn, ResourceColumn, LocationColumn, ColumnCount };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    void setDiagnostics(Diagnostics diagnostics);
    const Diagnostic &diagnostic(int row) const { return m_diagnostics[size_t(row)]; }
    int count(Severity severity) const;
    void retranslate(); // header texts follow the UI language

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString severityText(Severity severity) const;
    QString toolTip(const Diagnostic &diagnostic) const;

    Diagnostics m_diagnostics;
};

} // namespace meshlane::ui
