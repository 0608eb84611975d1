// SPDX-License-Identifier: MIT
#include "diagnostics/diagnosticspanel.h"

#include "diagnostics/diagnosticsmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace meshlane::ui {

namespace {

constexpr int kMaxSideColumnWidth = 220; // resource, file:line: long names are elided
constexpr int kMinMessageWidth = 160;
// Beside the message, resource and location are shown only if it keeps this much.
constexpr int kComfortableMessageWidth = 320;
// Rows sized to their wrapped message cost a measurement per row on every
// layout; beyond this many findings they are one line each.
constexpr int kMaxWrappedRows = 300;

} // namespace

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new DiagnosticsModel(this))
    , m_table(new QTableView(this))
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_table->setModel(proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // keep the file/line order until the user sorts
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setTextElideMode(Qt::ElideMiddle); // keeps both ends of "VirtualService ns/name" and "file:line"
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setMinimumSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false); // fitColumns() hands out the width
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);

    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting)
            m_sizedByUser = true;
    });
    connect(m_table, &QTableView::activated, this, [this, proxy](const QModelIndex &index) {
        const QModelIndex source = proxy->mapToSource(index);
        if (source.isValid())
            Q_EMIT diagnosticActivated(m_model->diagnostic(source.row()));
    });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, &DiagnosticsPanel::showContextMenu);
    updateRowHeights(true);
}

void DiagnosticsPanel::showContextMenu(const QPoint &at)
{
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(m_table->model());
    const QModelIndex source = proxy->mapToSource(m_table->indexAt(at));
    if (!source.isValid())
        return;
    const Diagnostic diagnostic = m_model->diagnostic(source.row());
    QMenu menu(this);
    QAction *show = menu.addAction(tr("Show in YAML and Graph"));
    QAction *tryIt = menu.addAction(tr("Try the Request in the Request Tester"));
    tryIt->setEnabled(!diagnostic.witness.empty());
    if (diagnostic.witness.empty())
        tryIt->setToolTip(tr("Only routing findings come with a request that shows them."));
    QAction *chosen = menu.exec(m_table->viewport()->mapToGlobal(at));
    if (chosen == show)
        Q_EMIT diagnosticActivated(diagnostic);
    else if (chosen == tryIt)
        Q_EMIT witnessRequested(QString::fromStdString(diagnostic.witness));
}

void DiagnosticsPanel::setDiagnostics(Diagnostics diagnostics)
{
    // Rows sized to their contents are measured one by one (10,000 findings
    // on a large mesh: most of a 0.1 s event): fixed heights are set before
    // many rows arrive, sizing to contents after few have replaced many.
    const bool wrap = diagnostics.size() <= size_t(kMaxWrappedRows);
    if (!wrap)
        updateRowHeights(false);
    m_model->setDiagnostics(std::move(diagnostics));
    if (wrap)
        updateRowHeights(true);
    fitColumns();
}

void DiagnosticsPanel::updateRowHeights(bool wrap)
{
    // The mode first: setWordWrap() resizes the rows at once, by the mode it finds.
    m_table->verticalHeader()->setSectionResizeMode(wrap ? QHeaderView::ResizeToContents : QHeaderView::Fixed);
    m_table->setWordWrap(wrap);
}

int DiagnosticsPanel::contentsWidth(int column, qsizetype textsMeasured) const
{
    // As wide as the widest text, each distinct text measured once: QTableView's
    // sizeHintForColumn lays out up to 1,000 rows a column, ~80 ms of the GUI
    // thread for the 10,000 findings of 9,999 services, and misses a wider
    // text further down.
    const QAbstractItemModel *model = m_table->model();
    QSet<QString> measured;
    int width = 0;
    for (int row = 0; row < model->rowCount() && measured.size() < textsMeasured; ++row) {
        const QModelIndex index = model->index(row, column);
        const QString text = index.data().toString();
        if (measured.contains(text))
            continue;
        measured.insert(text);
        width = std::max(width, m_table->sizeHintForIndex(index).width());
    }
    const int grid = m_table->showGrid() ? 1 : 0; // as sizeHintForColumn counts it
    return std::max(width + grid, m_table->horizontalHeader()->sectionSizeHint(column));
}

void DiagnosticsPanel::fitColumns()
{
    if (m_sizedByUser)
        return;
    const QScopedValueRollback<bool> fitting(m_fitting, true);
    const int severity = contentsWidth(DiagnosticsModel::SeverityColumn);
    const int code = contentsWidth(DiagnosticsModel::CodeColumn);
    // Elided past kMaxSideColumnWidth: their first texts tell the width well enough.
    constexpr qsizetype kSideTextsMeasured = 256;
    const int resource =
        std::min(contentsWidth(DiagnosticsModel::ResourceColumn, kSideTextsMeasured), kMaxSideColumnWidth);
    const int location =
        std::min(contentsWidth(DiagnosticsModel::LocationColumn, kSideTextsMeasured), kMaxSideColumnWidth);
    // Room for a vertical scroll bar whether it shows or not: the widths must
    // not depend on it, or wrapping rows could make it come and go for ever.
    const int available = m_table->maximumViewportSize().width() - m_table->verticalScrollBar()->sizeHint().width();
    const bool narrow = available - severity - code - resource - location < kComfortableMessageWidth;
    m_table->setColumnHidden(DiagnosticsModel::ResourceColumn, narrow);
    m_table->setColumnHidden(DiagnosticsModel::LocationColumn, narrow);
    const int message = narrow ? std::max(kMinMessageWidth, available - severity - code)
                               : available - severity - code - resource - location;
    m_table->setColumnWidth(DiagnosticsModel::SeverityColumn, severity);
    m_table->setColumnWidth(DiagnosticsModel::CodeColumn, code);
    m_table->setColumnWidth(DiagnosticsModel::MessageColumn, message);
    m_table->setColumnWidth(DiagnosticsModel::ResourceColumn, resource);
    m_table->setColumnWidth(DiagnosticsModel::LocationColumn, location);
}

bool DiagnosticsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void DiagnosticsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_model->retranslate();
        fitColumns(); // the headers' widths changed
    }
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
