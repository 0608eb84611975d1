// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace meshlane::ui {

// The graph's find bar: an expression (core/graph/graphquery.h), what to do
// with the nodes it finds, and focus mode (the selection's or the found
// nodes' neighbourhood, n hops, laid out on its own). It only collects the
// request; GraphPanel applies it and reports back with showResult().
class GraphFindBar : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Highlight, ShowOnly, Hide };

    explicit GraphFindBar(QWidget *parent = nullptr);

    QString query() const;
    Mode mode() const;
    bool focusMode() const;
    int hops() const;

    void setQuery(const QString &query);
    void setMode(Mode mode);
    void setFocusMode(bool on);
    void setHops(int hops);
    void startTyping(); // Ctrl+F: the field gets the keyboard, its text selected

    // "12 of 4,003 nodes", or the query's error (drawn as one).
    void showResult(const QString &text, bool error);
    QString result() const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLineEdit *m_query;
    QComboBox *m_mode;
    QToolButton *m_focus;
    QSpinBox *m_hops;
    QLabel *m_result;
};

} // namespace meshlane::ui
