// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>

#include <vector>

namespace meshlane::ui {

class ChangeGutter;

// A read-only text view that marks lines: changed lines get a bar in the
// left gutter and a tinted background, removals a red wedge between lines.
// setText() keeps the scroll position, so a text regenerated on every slider
// step does not jump. One line can be flagged (a finding the user opened):
// it is scrolled into view and tinted until the text changes.
class MarkedTextView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit MarkedTextView(QWidget *parent = nullptr);

    // changed: per line; removedBefore: per line plus one for the end. When
    // a line becomes marked and no marked line is in view, it is scrolled to.
    void setText(const QString &text, std::vector<bool> changed, std::vector<bool> removedBefore);
    QString text() const { return m_text; }
    const std::vector<bool> &changedLines() const { return m_changed; }
    const std::vector<bool> &removals() const { return m_removedBefore; }

    // Scrolls `line` (0-based) into view with some context above it, puts the
    // cursor there and tints it; -1 removes the flag.
    void flagLine(int line);
    int flaggedLine() const { return m_flagged; }

    int gutterWidth() const;
    void paintGutter(QWidget *gutter, QPaintEvent *event);

    static QColor changedBar() { return {0x3e, 0x86, 0x35}; }
    static QColor changedBackground() { return {0xe6, 0xf4, 0xe1}; }
    static QColor removedMark() { return {0xc9, 0x19, 0x0b}; }
    static QColor flaggedBar() { return {0xf0, 0xab, 0x00}; }
    static QColor flaggedBackground() { return {0xfd, 0xf0, 0xc8}; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateBackgrounds();
    void replaceChangedSpan(const QString &text);
    void revealNewMarks(const std::vector<bool> &before);

    ChangeGutter *m_gutter;
    QString m_text;
    std::vector<bool> m_changed;
    std::vector<bool> m_removedBefore;
    int m_flagged = -1;
};

} // namespace meshlane::ui
