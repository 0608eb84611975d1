#pragma once

#include "diagnostic.h"

#include <QWidget>

class QTableView;

namespace meshlane::ui {

class DiagnosticsModel;

// The Diagnostics dock: a sortable table; double-click (or Enter) activates
// the finding's resource.
class DiagnosticsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);

    void setDiagnostics(Diagnostics diagnostics);
    DiagnosticsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void diagnosticActivated(const meshlane::Diagnostic &diagnostic);

protected:
    void changeEvent(QEvent *event) override;

private:
    DiagnosticsModel *m_model;
    QTableView *m_table;
};

} // namespace meshlane::ui
