// SPDX-License-Identifier: MIT
#pragma once

#include "model/diagnostic.h"

#include <QWidget>

#include <limits>

class QTableView;

namespace meshlane::ui {

class DiagnosticsModel;

// The Diagnostics dock: a sortable table; double-click (or Enter) activates
// the finding's resource.
//
// The dock is often narrow (beside the plots), so the message gets the room:
// severity and code as wide as they need, the message wrapped in what the
// view has left, resource and file:line after it when the view is wide
// enough for them too. Narrower, those two columns are hidden rather than
// squeezing the message: every cell's tooltip names them, and activating a
// finding shows its place. Once the user sizes a column by hand, the widths
// are theirs.
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
    // "Try in Request Tester" on a routing finding: its witness, the
    // `meshlane route` arguments of a request that shows the problem.
    void witnessRequested(const QString &arguments);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showContextMenu(const QPoint &at);
    void fitColumns();
    void updateRowHeights(bool wrap);
    // The widest of the column's first `textsMeasured` distinct texts (all by default), header included.
    int contentsWidth(int column, qsizetype textsMeasured = std::numeric_limits<qsizetype>::max()) const;

    DiagnosticsModel *m_model;
    QTableView *m_table;
    bool m_fitting = false;
    bool m_sizedByUser = false;
};

} // namespace meshlane::ui
