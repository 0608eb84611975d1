// SPDX-License-Identifier: MIT
#include "yaml/markedtextview.h"

#include "base/commonends.h"
#include "yaml/changegutter.h"

#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace meshlane::ui {

MarkedTextView::MarkedTextView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new ChangeGutter(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    document()->setUndoRedoEnabled(false); // setText() edits the document: nothing to undo, nothing to keep
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setViewportMargins(gutterWidth(), 0, 0, 0);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
}

int MarkedTextView::gutterWidth() const
{
    return 8;
}

void MarkedTextView::setText(const QString &text, std::vector<bool> changed, std::vector<bool> removedBefore)
{
    if (text != m_text) {
        const int vertical = verticalScrollBar()->value();
        const int horizontal = horizontalScrollBar()->value();
        m_flagged = -1; // its line may hold something else now
        if (m_text.isEmpty() || text.isEmpty())
            setPlainText(text); // a text replacing none starts at its top, cursor and all
        else
            replaceChangedSpan(text);
        m_text = text;
        verticalScrollBar()->setValue(vertical);
        horizontalScrollBar()->setValue(horizontal);
    }
    const std::vector<bool> before = std::exchange(m_changed, std::move(changed));
    m_removedBefore = std::move(removedBefore);
    updateBackgrounds();
    revealNewMarks(before);
    m_gutter->update();
}

void MarkedTextView::replaceChangedSpan(const QString &text)
{
    // A slider step changes a number or two in a text of hundreds of lines:
    // what the old and new texts begin and end with in common stays in the
    // document, so Qt lays out, highlights and repaints only the lines
    // between. The document holds m_text exactly (plain text: a position is
    // an index into it).
    const auto [prefix, suffix] = commonEnds(m_text, text);
    QTextCursor cursor(document());
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(size_t(m_text.size()) - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(qsizetype(prefix), qsizetype(size_t(text.size()) - suffix - prefix)));
}

void MarkedTextView::revealNewMarks(const std::vector<bool> &before)
{
    int firstNew = -1;
    for (size_t line = 0; line < m_changed.size() && firstNew < 0; ++line) {
        if (m_changed[line] && (line >= before.size() || !before[line]))
            firstNew = int(line);
    }
    if (firstNew < 0)
        return;
    // Leave the view alone when the user already looks at a marked line.
    const QPointF offset = contentOffset();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (blockBoundingGeometry(block).translated(offset).top() > viewport()->height())
            break;
        const size_t line = size_t(block.blockNumber());
        if (line < m_changed.size() && m_changed[line])
            return;
    }
    setTextCursor(QTextCursor(document()->findBlockByNumber(firstNew)));
    // QPlainTextEdit scrolls by lines: a few lines of context above the
    // change, whatever the height of the view at this moment.
    verticalScrollBar()->setValue(std::max(0, firstNew - 8));
}

void MarkedTextView::flagLine(int line)
{
    m_flagged = line >= 0 && line < document()->blockCount() ? line : -1;
    updateBackgrounds();
    m_gutter->update();
    if (m_flagged < 0)
        return;
    setTextCursor(QTextCursor(document()->findBlockByNumber(m_flagged)));
    // Lines, not pixels (see revealNewMarks), with a little context above.
    verticalScrollBar()->setValue(std::max(0, m_flagged - 3));
    horizontalScrollBar()->setValue(0);
}

void MarkedTextView::updateBackgrounds()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextBlock block = document()->firstBlock();
    for (size_t line = 0; block.isValid(); block = block.next(), ++line) {
        if (line >= m_changed.size() || !m_changed[line])
            continue;
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(changedBackground());
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(block);
        selections << selection;
    }
    if (m_flagged >= 0) { // last: drawn over a change mark
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(flaggedBackground());
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(document()->findBlockByNumber(m_flagged));
        selections << selection;
    }
    setExtraSelections(selections);
}

void MarkedTextView::paintGutter(QWidget *gutter, QPaintEvent *)
{
    QPainter painter(gutter);
    painter.fillRect(gutter->rect(), palette().color(QPalette::Window));
    painter.setRenderHint(QPainter::Antialiasing);
    QTextBlock block = firstVisibleBlock();
    const QPointF offset = contentOffset();
    while (block.isValid()) {
        const QRectF box = blockBoundingGeometry(block).translated(offset);
        if (box.top() > gutter->height())
            break;
        const size_t line = size_t(block.blockNumber());
        if (int(line) == m_flagged)
            painter.fillRect(QRectF(0, box.top(), 7, box.height()), flaggedBar());
        else if (line < m_changed.size() && m_changed[line])
            painter.fillRect(QRectF(2, box.top(), 4, box.height()), changedBar());
        if (line < m_removedBefore.size() && m_removedBefore[line]) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(removedMark());
            const double y = box.top();
            painter.drawPolygon(QPolygonF({QPointF(0, y - 4), QPointF(7, y), QPointF(0, y + 4)}));
        }
        if (!block.next().isValid() && line + 1 < m_removedBefore.size() && m_removedBefore[line + 1]) {
            const double y = box.bottom();
            painter.setPen(Qt::NoPen);
            painter.setBrush(removedMark());
            painter.drawPolygon(QPolygonF({QPointF(0, y - 4), QPointF(7, y), QPointF(0, y + 4)}));
        }
        block = block.next();
    }
}

void MarkedTextView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), gutterWidth(), contents.height()));
}

} // namespace meshlane::ui
