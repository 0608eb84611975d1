// SPDX-License-Identifier: MIT
#include "simulation/requesttesterpanel.h"

#include "base/ipprefix.h"
#include "routing/ingressgateway.h"
#include "routing/routeresource.h"
#include "simulation/plainrequest.h"
#include "simulation/routedecisionformatter.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <optional>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

// The port field's number; nothing when it is empty or not a port.
std::optional<uint32_t> portNumber(const QString &text)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value == 0 || value > 65535)
        return std::nullopt;
    return value;
}

} // namespace

RequestTesterPanel::RequestTesterPanel(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_protocol(new QComboBox(this))
    , m_method(new QComboBox(this))
    , m_path(new QLineEdit(QStringLiteral("/"), this))
    , m_host(new QLineEdit(this))
    , m_port(new QLineEdit(this))
    , m_sni(new QLineEdit(this))
    , m_destinationIp(new QLineEdit(this))
    , m_namespace(new QLineEdit(QStringLiteral("default"), this))
    , m_gateway(new QComboBox(this))
    , m_headersLabel(new QLabel(this))
    , m_headers(new QTableWidget(0, 2, this))
    , m_addHeader(new QPushButton(this))
    , m_removeHeader(new QPushButton(this))
    , m_route(new QPushButton(this))
    , m_result(new QTextBrowser(this))
{
    // The protocol names are the engine's (and the CLI's --protocol), not words to translate.
    m_protocol->addItem(QStringLiteral("HTTP"), int(ConnectionProtocol::Http));
    m_protocol->addItem(QStringLiteral("TCP"), int(ConnectionProtocol::Tcp));
    m_protocol->addItem(QStringLiteral("TLS"), int(ConnectionProtocol::Tls));
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_port->setValidator(new QIntValidator(1, 65535, m_port));
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
    for (QWidget *field : std::initializer_list<QWidget *>{m_protocol, m_method, m_path, m_host, m_port, m_sni,
                                                           m_destinationIp, m_namespace, m_gateway}) {
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

    for (QLineEdit *edit : {m_path, m_host, m_port, m_sni, m_destinationIp, m_namespace, m_method->lineEdit(),
                            m_gateway->lineEdit()})
        connect(edit, &QLineEdit::returnPressed, this, &RequestTesterPanel::route);
    connect(m_route, &QPushButton::clicked, this, &RequestTesterPanel::route);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, [this] {
        updateProtocolFields();
        fillListenerPort(); // a gateway listens for each protocol on its own port
    });
    connect(m_gateway, &QComboBox::activated, this, &RequestTesterPanel::fillListenerPort);
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
    updateProtocolFields();
}

void RequestTesterPanel::addHeader(const QString &name, const QString &value)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
}

ConnectionProtocol RequestTesterPanel::protocol() const
{
    return ConnectionProtocol(m_protocol->currentData().toInt());
}

void RequestTesterPanel::setProtocol(ConnectionProtocol protocol)
{
    m_protocol->setCurrentIndex(std::max(0, m_protocol->findData(int(protocol))));
}

void RequestTesterPanel::updateProtocolFields()
{
    // Envoy routes a connection on its port, SNI and address only: the
    // HTTP fields would say something the router never reads.
    const ConnectionProtocol current = protocol();
    const bool http = current == ConnectionProtocol::Http;
    for (QWidget *field : std::initializer_list<QWidget *>{m_method, m_path, m_headers, m_addHeader, m_removeHeader,
                                                           m_headersLabel})
        field->setEnabled(http);
    m_sni->setEnabled(current == ConnectionProtocol::Tls);
    m_destinationIp->setEnabled(!http);
}

QString RequestTesterPanel::gatewayRef() const
{
    const int index = m_gateway->currentIndex();
    if (index > 0 && m_gateway->currentText() == m_gateway->itemText(index))
        return m_gateway->itemData(index).toString();
    if (index == 0 && m_gateway->currentText() == m_gateway->itemText(0))
        return {};
    // Typed: "ns/name", maybe followed by the kind as the list shows it.
    return m_gateway->currentText().trimmed().section(u' ', 0, 0);
}

void RequestTesterPanel::chooseGateway(const QString &ref)
{
    const int found = ref.isEmpty() ? 0 : m_gateway->findData(ref);
    if (found >= 0)
        m_gateway->setCurrentIndex(found);
    else
        m_gateway->setEditText(ref);
    fillListenerPort();
}

void RequestTesterPanel::fillListenerPort()
{
    // A port the user typed stays; one the form filled in follows the gateway.
    if (!m_port->text().isEmpty() && m_port->text() != m_autoPort)
        return;
    const QString ref = gatewayRef();
    const uint32_t port = m_router && !ref.isEmpty()
        ? ingressListenerPort(*m_router->mesh(), ref.toStdString(), protocol())
        : 0;
    m_autoPort = port ? QString::number(port) : QString();
    m_port->setText(m_autoPort);
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

void RequestTesterPanel::setVirtualService(const QString &routeResource)
{
    if (routeResource.isEmpty() || routeResource == m_virtualService)
        return;
    m_virtualService = routeResource;
    m_virtualServiceApplied = false;
    applyVirtualService();
}

void RequestTesterPanel::applyVirtualService()
{
    if (!m_router)
        return; // once the snapshot's router is there
    m_virtualServiceApplied = true;
    const std::optional<RouteResource> resource = RouteResource::parse(m_virtualService.toStdString());
    const std::optional<HttpRequest> plain = resource ? plainRequest(*m_router->mesh(), *resource) : std::nullopt;
    if (plain)
        fillForm(*plain);
}

void RequestTesterPanel::fillForm(const HttpRequest &request)
{
    setProtocol(request.protocol);
    m_host->setText(qs(request.authority));
    m_namespace->setText(qs(request.sourceNamespace));
    m_method->setEditText(qs(request.method));
    m_path->setText(qs(request.path));
    m_headers->setRowCount(0);
    for (const auto &[name, value] : request.headers)
        addHeader(qs(name), qs(value));
    // Empty: the default (the host), which the field's placeholder says.
    m_sni->setText(request.sni == request.hostName() ? QString() : qs(request.sni));
    m_destinationIp->setText(qs(request.destinationIp));
    const int gateway = request.gateway.empty() ? 0 : m_gateway->findData(qs(request.gateway));
    m_gateway->setCurrentIndex(std::max(0, gateway));
    m_autoPort = request.port ? QString::number(request.port) : QString();
    m_port->setText(m_autoPort);
    if (!request.port)
        fillListenerPort(); // through a gateway: its listener's port, shown rather than implied
}

void RequestTesterPanel::showRequest(const HttpRequest &request)
{
    m_virtualServiceApplied = true; // the selection's own request must not replace this one
    fillForm(request);
    route();
}

void RequestTesterPanel::updateGateways()
{
    const QString current = gatewayRef();
    std::vector<IngressGateway> gateways;
    if (m_router)
        gateways = ingressGateways(*m_router->mesh());
    QStringList refs;
    for (const IngressGateway &gateway : gateways)
        refs << qs(gateway.ref);
    QStringList existing;
    for (int i = 1; i < m_gateway->count(); ++i)
        existing << m_gateway->itemData(i).toString();
    if (existing == refs)
        return;
    while (m_gateway->count() > 1)
        m_gateway->removeItem(1);
    for (const IngressGateway &gateway : gateways) {
        // Both APIs name gateways "ns/name": the kind tells them apart.
        const QString kind = gateway.api == IngressGateway::Api::Istio ? tr("Istio") : tr("Gateway API");
        m_gateway->addItem(tr("%1 (%2)").arg(qs(gateway.ref), kind), qs(gateway.ref));
    }
    const int found = current.isEmpty() ? 0 : m_gateway->findData(current);
    if (found >= 0)
        m_gateway->setCurrentIndex(found);
    else
        m_gateway->setEditText(current);
}

Result<HttpRequest> RequestTesterPanel::buildRequest() const
{
    const QString port = m_port->text().trimmed();
    if (!port.isEmpty() && !portNumber(port))
        return Result<HttpRequest>::failure(
            tr("The port must be a number from 1 to 65535, not \u201c%1\u201d.").arg(port).toStdString());
    const QString address = m_destinationIp->text().trimmed();
    if (protocol() != ConnectionProtocol::Http && !address.isEmpty() && !IpPrefix::address(address.toStdString()))
        return Result<HttpRequest>::failure(
            tr("The destination IP must be an IPv4 or IPv6 address, not \u201c%1\u201d.").arg(address).toStdString());
    return request();
}

HttpRequest RequestTesterPanel::request() const
{
    HttpRequest request;
    request.protocol = protocol();
    request.authority = m_host->text().trimmed().toStdString();
    request.method = m_method->currentText().trimmed().toUpper().toStdString();
    QString path = m_path->text().trimmed();
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    request.setPath(path.toStdString());
    const QString ns = m_namespace->text().trimmed();
    request.sourceNamespace = ns.isEmpty() ? std::string("default") : ns.toStdString();
    request.gateway = gatewayRef().toStdString();
    if (request.protocol == ConnectionProtocol::Http) {
        for (int row = 0; row < m_headers->rowCount(); ++row) {
            const QTableWidgetItem *name = m_headers->item(row, 0);
            const QTableWidgetItem *value = m_headers->item(row, 1);
            if (name && !name->text().trimmed().isEmpty())
                request.addHeader(name->text().trimmed().toStdString(),
                                  value ? value->text().toStdString() : std::string());
        }
    }
    if (const std::optional<uint32_t> port = portNumber(m_port->text().trimmed()))
        request.port = *port;
    if (request.protocol == ConnectionProtocol::Tls)
        request.sni = m_sni->text().trimmed().toStdString();
    request.defaultSniToHost(); // as the CLI does without --sni
    const QString address = m_destinationIp->text().trimmed();
    if (request.protocol != ConnectionProtocol::Http && !address.isEmpty()
        && IpPrefix::address(address.toStdString()))
        request.destinationIp = address.toStdString();
    return request;
}

void RequestTesterPanel::route()
{
    if (!m_router) {
        m_result->setPlainText(tr("The routing engine is not ready yet: open a folder first."));
        return;
    }
    const Result<HttpRequest> built = buildRequest();
    if (!built) {
        m_result->setPlainText(qs(built.error()));
        m_hasResult = false;
        return;
    }
    const HttpRequest &request = *built;
    if (request.authority.empty()) {
        m_result->setPlainText(tr("Type the host the request is for (select a route to fill it in)."));
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
    label(m_protocol, tr("Proto&col"));
    label(m_method, tr("&Method"));
    label(m_path, tr("&Path"));
    label(m_host, tr("H&ost"));
    label(m_port, tr("Por&t"));
    label(m_sni, tr("&SNI"));
    label(m_destinationIp, tr("Destination &IP"));
    label(m_namespace, tr("&From namespace"));
    label(m_gateway, tr("&Gateway"));
    m_protocol->setToolTip(tr("HTTP requests follow http routes; TCP and TLS connections follow tcp and tls routes"));
    m_host->setPlaceholderText(tr("reviews, reviews.prod or an FQDN"));
    m_port->setPlaceholderText(tr("from the host, else its first port"));
    m_sni->setPlaceholderText(tr("the host"));
    m_sni->setToolTip(tr("The server name the TLS client sends (empty: the host, as a client names the host it calls)"));
    m_destinationIp->setPlaceholderText(tr("for destinationSubnets"));
    m_destinationIp->setToolTip(tr("The connection's original destination address, matched by destinationSubnets"));
    m_namespace->setToolTip(tr("The calling sidecar's namespace (short hosts resolve in it)"));
    m_gateway->setToolTip(tr("Enter through an Istio Gateway or a Gateway API Gateway, on its listener's port"));
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
