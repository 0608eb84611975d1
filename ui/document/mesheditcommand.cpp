#include "mesheditcommand.h"

#include "document.h"

namespace meshlane::ui {

MeshEditCommand::MeshEditCommand(Document *document, MeshPtr before, MeshPtr after, const QString &text,
                                 QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
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

void MeshEditCommand::absorb(const MeshEditCommand &later)
{
    m_after = later.m_after;
    setText(later.text());
    setObsolete(Document::sameFiles(*m_before, *m_after));
}

} // namespace meshlane::ui
