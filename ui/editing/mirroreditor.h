// SPDX-License-Identifier: MIT
#pragma once

#include "edit/meshedit.h"
#include "model/mesh.h"

#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace meshlane::ui {

class Document;

// The mirror line of a RouteEditor: where an http route of a VirtualService
// copies its requests (nowhere, every pod of one of its hosts, or one of the
// hosts' subsets) and what share of them. Its own widget because it is its
// own edit (Document::setMirror) with its own choices, which tcp, tls and
// Gateway API routes do not have; the route editor shows it for http routes
// and hands it the route whenever the route changes.
class MirrorEditor : public QWidget
{
    Q_OBJECT

public:
    explicit MirrorEditor(Document *document, QWidget *parent = nullptr);

    // The choices for `route` (its hosts and their subsets) and which one it
    // has; only editable for a weighted route without `mirrors:`.
    void rebuild(const Mesh &mesh, const HttpRoute &route, bool weighted);
    // The route as it is now (`ref` names it for the edits): its mirror's share.
    void update(const HttpRoute &route, const RouteRef &ref);
    void retranslate();

    QComboBox *target() const { return m_target; }
    QDoubleSpinBox *percentage() const { return m_percentage; }

Q_SIGNALS:
    // The Document was asked for a change (taken or refused): the route
    // editor shows the route as it now is.
    void edited();

private:
    struct Option
    {
        QString label;
        std::string fqdn; // empty: no mirror
        std::string host; // as the route writes it
        std::string subset;
    };

    static std::vector<Option> optionsFor(const Mesh &mesh, const HttpRoute &route);
    void choose(int comboIndex);
    void setPercentage(double value);

    Document *m_document;
    RouteRef m_ref;
    std::optional<Destination> m_mirror; // the route's
    std::optional<double> m_mirrorPercentage;
    std::vector<Option> m_options;

    QLabel *m_label;
    QComboBox *m_target;
    QDoubleSpinBox *m_percentage;
};

} // namespace meshlane::ui
