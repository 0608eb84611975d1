// SPDX-License-Identifier: MIT
#include "document/mesheditcommand.h"

#include "document/document.h"

namespace meshlane::ui {

namespace {

// QUndoStack asks mergeWith() only of commands with equal non-negative ids.
constexpr int kMergeableId = 1;

} // namespace

bool MergeKey::mergesWith(const MergeKey &later) const
{
    if (kind == Kind::None || dragId == 0 || later.kind != kind || later.dragId != dragId)
        return false;
    if (kind == Kind::BackendWeights)
        return later.rule.kind == rule.kind && later.rule.ns == rule.ns && later.rule.name == rule.name
            && later.rule.rule == rule.rule;
    return later.route.ns == route.ns && later.route.name == route.name && later.route.index == route.index
        && later.route.section == route.section;
}

MeshEditCommand::MeshEditCommand(Document *document, MeshPtr before, MeshPtr after, const QString &text,
                                 MergeKey key, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_key(std::move(key))
{
}

void MeshEditCommand::undo()
{
    m_document->setMesh(m_before);
}

void MeshEditCommand::redo()
{
    m_document->setMesh(m_after);
}

int MeshEditCommand::id() const
{
    return m_key.kind == MergeKey::Kind::None || m_key.dragId == 0 ? -1 : kMergeableId;
}

bool MeshEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *later = static_cast<const MeshEditCommand *>(other); // same id(): same class
    if (!m_key.mergesWith(later->m_key))
        return false;
    m_after = later->m_after;
    setText(later->text());
    setObsolete(Document::sameFiles(*m_before, *m_after));
    return true;
}

} // namespace meshlane::ui
