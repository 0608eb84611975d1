// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace meshlane::ui {

class Document;
class RouteEditor;

// The weight editor dock: every route of one route resource (chosen in the
// graph or in the combo box at the top), each in a RouteEditor: a
// VirtualService's http routes, then its tcp and tls routes, or the rules of
// a Gateway API HTTPRoute / GRPCRoute. Edits go
// through the Document; the editor follows Document::changed (edits, undo,
// redo, reloads) and keeps the widgets it can, so a slider drag is never
// interrupted by the refresh it causes.
class WeightEditor : public QWidget
{
    Q_OBJECT

public:
    explicit WeightEditor(Document *document, QWidget *parent = nullptr);

    // A RouteResource key: "ns/name" for a VirtualService, "Kind/ns/name" for
    // a Gateway API route; an unknown or empty one shows the placeholder.
    void setVirtualService(const QString &key);
    QString virtualService() const { return m_virtualService; }

    const std::vector<RouteEditor *> &routeEditors() const { return m_editors; }
    QComboBox *virtualServiceChoice() const { return m_choice; }
    QPushButton *addRouteButton() const { return m_addRoute; }
    QLabel *errorLabel() const { return m_error; }

Q_SIGNALS:
    void virtualServiceChosen(const QString &key); // picked here, not set from outside

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateChoiceLabel();
    void refresh();
    void refreshChoices();
    void showError(const QString &message);
    void addMatchRoute();

    Document *m_document;
    QString m_virtualService;
    QStringList m_choices; // keys, in the combo's order
    MeshPtr m_choicesMesh; // what m_choices were read from
    QHash<QString, bool> m_locks;
    QLabel *m_choiceLabel;
    QComboBox *m_choice;
    QPushButton *m_addRoute;
    QLabel *m_error;
    QLabel *m_placeholder;
    QScrollArea *m_scroll;
    QVBoxLayout *m_routesLayout;
    std::vector<RouteEditor *> m_editors;
};

} // namespace meshlane::ui
