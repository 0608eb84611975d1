// SPDX-License-Identifier: MIT
#include "simulation/requesttesterpanel.h"

#include "simulation/plainrequest.h"
#include "simulation/routedecisionformatter.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

} // namespace

RequestTesterPanel::RequestTesterPanel(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_method(new QComboBox(this))
    , m_path(new QLineEdit(QStringLiteral("/"), this))
    , m_host(new QLineEdit(this))
    , m_namespace(new QLineEdit(QStringLiteral("default"), this))
    , m_gateway(new QComboBox(this))
    , m_headersLabel(new QLabel(this))
    , m_headers(new QTableWidget(0, 2, this))
    , m_addHeader(new QPushButton(this))
    , m_removeHeader(new QPushButton(this))
    , m_route(new QPushButton(this))
    , m_result(new QTextBrowser(this))
{
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_gateway->setEditable(true);
    m_gateway->setInsertPolicy(QComboBox::NoInsert);
    m_headers->verticalHeader()->hide();
    m_headers->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headers->setMinimumHeight(60);
    m_route->setDefault(true);
    m_result->setOpenLinks(false);
    m_result->setMinimumWidth(160);

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (QWidget *field : std::initializer_list<QWidget *>{m_method, m_path, m_host, m_namespace, m_gateway}) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_form->addRow(label, field);
    }
    auto *headerButtons = new QHBoxLayout;
    headerButtons->addWidget(m_headersLabel, 1);
    headerButtons->addWidget(m_addHeader);
    headerButtons->addWidget(m_removeHeader);
    auto *left = new QVBoxLayout;
    left->addLayout(m_form);
    left->addLayout(headerButtons);
    left->addWidget(m_headers, 1);
    left->addWidget(m_route);
    auto *leftWidget = new QWidget;
    leftWidget->setLayout(left);
    // The dock is usually short: the form scrolls rather than push the window taller.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(leftWidget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumHeight(60);
    // It shares the bottom row with the plots: narrow enough to leave them room.
    scroll->setMinimumWidth(200);
    scroll->setMaximumWidth(360);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(scroll);
    layout->addWidget(m_result, 1);

    for (QLineEdit *edit : {m_path, m_host, m_namespace, m_method->lineEdit(), m_gateway->lineEdit()})
        connect(edit, &QLineEdit::returnPressed, this, &RequestTesterPanel::route);
    connect(m_route, &QPushButton::clicked, this, &RequestTesterPanel::route);
    connect(m_addHeader, &QPushButton::clicked, this, [this] {
        addHeader();
        m_headers->setCurrentCell(m_headers->rowCount() - 1, 0);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, 0));
    });
    connect(m_removeHeader, &QPushButton::clicked, this, [this] {
        const int row = m_headers->currentRow();
        if (row >= 0)
            m_headers->removeRow(row);
    });
    retranslate();
}

void RequestTesterPanel::addHeader(const QString &name, const QString &value)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
}

void RequestTesterPanel::setRouter(RouterPtr router)
{
    m_router = std::move(router);
    updateGateways();
    if (!m_virtualServiceApplied)
        applyVirtualService();
    if (m_hasResult)
        route(); // the answer follows edits
}

void RequestTesterPanel::setVirtualService(const QString &nsName)
{
    if (nsName.isEmpty() || nsName == m_virtualService)
        return;
    m_virtualService = nsName;
    m_virtualServiceApplied = false;
    applyVirtualService();
}

void RequestTesterPanel::applyVirtualService()
{
    if (!m_router)
        return; // once the snapshot's router is there
    const VirtualService *virtualService = m_router->mesh()->findVirtualService(
        m_virtualService.section(u'/', 0, 0).toStdString(), m_virtualService.section(u'/', 1).toStdString());
    m_virtualServiceApplied = true;
    if (!virtualService || virtualService->hostFqdns.empty())
        return;
    const HttpRequest plain = plainRequest(*virtualService);
    m_host->setText(qs(plain.authority));
    m_namespace->setText(qs(plain.sourceNamespace));
    m_gateway->setCurrentIndex(plain.gateway.empty() ? 0 : std::max(0, m_gateway->findText(qs(plain.gateway))));
}

void RequestTesterPanel::updateGateways()
{
    const QString current = m_gateway->currentIndex() == 0 ? QString() : m_gateway->currentText();
    QStringList names;
    if (m_router) {
        for (const auto &gateway : m_router->mesh()->gateways)
            names << qs(gateway->meta.ns + '/' + gateway->meta.name);
    }
    QStringList existing;
    for (int i = 1; i < m_gateway->count(); ++i)
        existing << m_gateway->itemText(i);
    if (existing == names)
        return;
    while (m_gateway->count() > 1)
        m_gateway->removeItem(1);
    m_gateway->addItems(names);
    const int found = current.isEmpty() ? 0 : m_gateway->findText(current);
    if (found >= 0)
        m_gateway->setCurrentIndex(found);
    else
        m_gateway->setEditText(current);
}

HttpRequest RequestTesterPanel::request() const
{
    HttpRequest request;
    request.authority = m_host->text().trimmed().toStdString();
    request.method = m_method->currentText().trimmed().toUpper().toStdString();
    QString path = m_path->text().trimmed();
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    request.setPath(path.toStdString());
    const QString ns = m_namespace->text().trimmed();
    request.sourceNamespace = ns.isEmpty() ? std::string("default") : ns.toStdString();
    const bool sidecar = m_gateway->currentIndex() == 0 && m_gateway->currentText() == m_gateway->itemText(0);
    if (!sidecar)
        request.gateway = m_gateway->currentText().trimmed().toStdString();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headers->item(row, 0);
        const QTableWidgetItem *value = m_headers->item(row, 1);
        if (name && !name->text().trimmed().isEmpty())
            request.addHeader(name->text().trimmed().toStdString(), value ? value->text().toStdString() : std::string());
    }
    return request;
}

void RequestTesterPanel::route()
{
    if (!m_router) {
        m_result->setPlainText(tr("The routing engine is not ready yet: open a folder first."));
        return;
    }
    const HttpRequest request = this->request();
    if (request.authority.empty()) {
        m_result->setPlainText(tr("Type the host the request is for (select a VirtualService to fill it in)."));
        m_hasResult = false;
        return;
    }
    // One decision takes microseconds: no need to leave the GUI thread.
    const RouteDecision decision = m_router->route(request);
    m_result->setHtml(RouteDecisionFormatter::toHtml(decision, request));
    m_hasResult = true;
}

void RequestTesterPanel::retranslate()
{
    const auto label = [this](QWidget *field, const QString &text) {
        static_cast<QLabel *>(m_form->labelForField(field))->setText(text);
    };
    label(m_method, tr("&Method"));
    label(m_path, tr("&Path"));
    label(m_host, tr("H&ost"));
    label(m_namespace, tr("&From namespace"));
    label(m_gateway, tr("&Gateway"));
    m_host->setPlaceholderText(tr("reviews, reviews.prod or an FQDN"));
    m_namespace->setToolTip(tr("The calling sidecar's namespace (short hosts resolve in it)"));
    const bool sidecar = m_gateway->currentIndex() == 0;
    const QString none = tr("(none: from a sidecar)");
    if (m_gateway->count() == 0)
        m_gateway->addItem(none);
    else
        m_gateway->setItemText(0, none);
    if (sidecar)
        m_gateway->setCurrentIndex(0);
    m_headersLabel->setText(tr("Headers"));
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_addHeader->setText(tr("&Add"));
    m_addHeader->setToolTip(tr("Add a header row"));
    m_removeHeader->setText(tr("Re&move"));
    m_removeHeader->setToolTip(tr("Remove the selected header row"));
    m_route->setText(tr("&Route"));
    m_route->setToolTip(tr("Show which route matches and where the request goes (Enter)"));
    if (!m_hasResult)
        m_result->setPlaceholderText(tr("Which route matches, why, and where the request goes appear here."));
    else
        route();
}

void RequestTesterPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
