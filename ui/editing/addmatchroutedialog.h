// SPDX-License-Identifier: MIT
#pragma once

#include "edit/meshedit.h"
#include "model/mesh.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace meshlane::ui {

// Asks for a dark-launch route: one condition (a header, the path or a query
// parameter; exact, prefix or regex) and the subset matching requests go to.
// The route is inserted before the catch-all (defaultMatchRoutePosition).
class AddMatchRouteDialog : public QDialog
{
    Q_OBJECT

public:
    AddMatchRouteDialog(const Mesh &mesh, const VirtualService &vs, QWidget *parent = nullptr);

    MatchRule rule() const;

    // For tests: fill the form as a user would.
    QComboBox *fieldChoice() const { return m_field; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindChoice() const { return m_kind; }
    QLineEdit *valueEdit() const { return m_value; }
    QComboBox *destinationChoice() const { return m_destination; }
    QLineEdit *routeNameEdit() const { return m_routeName; }
    bool isComplete() const;

private:
    void updateState();

    struct Target
    {
        std::string host;
        std::string subset;
    };
    std::vector<Target> m_targets;
    QComboBox *m_field;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_value;
    QComboBox *m_destination;
    QLineEdit *m_routeName;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
};

} // namespace meshlane::ui
