#include "diagnosticspanel.h"

#include "diagnosticsmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace meshlane::ui {

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
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);

    connect(m_table, &QTableView::activated, this, [this, proxy](const QModelIndex &index) {
        const QModelIndex source = proxy->mapToSource(index);
        if (source.isValid())
            Q_EMIT diagnosticActivated(m_model->diagnostic(source.row()));
    });
}

void DiagnosticsPanel::setDiagnostics(Diagnostics diagnostics)
{
    m_model->setDiagnostics(std::move(diagnostics));
    m_table->resizeColumnsToContents();
    // A long message must not push the table into horizontal scrolling.
    for (int column = 0; column < DiagnosticsModel::MessageColumn; ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 260));
}

void DiagnosticsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_model->retranslate();
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
