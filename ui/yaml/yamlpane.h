// SPDX-License-Identifier: MIT
#pragma once

#include "model/mesh.h"
#include "model/sourcelocation.h"

#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QToolButton;

namespace meshlane::ui {

class Document;
class MarkedTextView;
class YamlHighlighter;

// The YAML of the selection as it would be applied: the DestinationRules of
// every host the VirtualService routes to, then the VirtualService itself (or
// a Gateway API route alone, its key "Kind/ns/name", see RouteResource),
// each regenerated from the current snapshot (YamlWriter::canonical, kubectl's
// layout), read-only and highlighted. Lines that differ from the same
// resources on disk (Document::diskMesh) are marked, so a drag shows exactly
// which numbers it moved. Refreshes on every Document::changed.
class YamlPane : public QWidget
{
    Q_OBJECT

public:
    explicit YamlPane(Document *document, QWidget *parent = nullptr);

    void setVirtualService(const QString &nsName);
    QString virtualService() const { return m_virtualService; }
    QString text() const;
    MarkedTextView *view() const { return m_view; }
    QToolButton *copyButton() const { return m_copy; }

    // The resources shown for `ns/name` in `mesh`, in order: DestinationRules
    // of the hosts it routes or mirrors to, then the VirtualService.
    static std::vector<const ResourceMeta *> shownResources(const Mesh &mesh, const std::string &ns,
                                                            const std::string &name);
    // The VirtualService ("ns/name") whose YAML shows `resource`: itself, or
    // for a DestinationRule one that routes to its host, `preferred` if it
    // does; a Gateway API route's own key. Empty when none does (other kinds,
    // or an unused rule).
    static QString virtualServiceShowing(const Mesh &mesh, const ResourceId &resource, const QString &preferred = {});

    // Scrolls to where `at` (a finding's place in the files) is in the shown
    // YAML of `resource` and flags that line: the same field (spec.http[0]...)
    // in the regenerated text, else the resource's first line. Returns the
    // 0-based line, or -1 when the resource is not shown.
    int revealField(const ResourceId &resource, const SourceLocation &at);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    QString canonicalCached(const ResourceMeta &resource);

    Document *m_document;
    QString m_virtualService;
    QLabel *m_title;
    QToolButton *m_copy;
    MarkedTextView *m_view;
    YamlHighlighter *m_highlighter;
    // Unchanged resources are shared between snapshots: their text is kept
    // by identity, so a drag regenerates only the VirtualService it moves.
    // m_shownMesh keeps every cached resource alive, so an address seen again
    // is the same resource, never a new one that happens to reuse it.
    std::vector<std::pair<const ResourceMeta *, QString>> m_cache;
    std::vector<const ResourceMeta *> m_shown;
    std::vector<int> m_shownFirstLines; // where each of m_shown starts in the text
    MeshPtr m_shownMesh;
    MeshPtr m_shownDisk;
    std::vector<ResourceId> m_baselineIds; // what m_baseline was built from (in m_shownDisk)
    QString m_baseline;
};

} // namespace meshlane::ui
