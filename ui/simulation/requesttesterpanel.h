// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "routing/httprequest.h"
#include "routing/router.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace meshlane::ui {

// The Request Tester dock: type a request (protocol, method, path, host,
// port, headers; for TCP / TLS connections the SNI and the original
// destination address; the caller's namespace or a Gateway of either API)
// and see which rule matches, why, and where it goes. The form starts from
// the selected route resource's plain request (a VirtualService or a Gateway
// API route, see plainRequest); the answer is recomputed whenever the
// snapshot changes, so it follows edits.
class RequestTesterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RequestTesterPanel(QWidget *parent = nullptr);

    void setRouter(RouterPtr router);
    // "ns/name" of a VirtualService or "Kind/ns/name" of a Gateway API route
    // (RouteResource): fills the form with a request that reaches it.
    void setVirtualService(const QString &routeResource);

    // What the form describes; fails with the reason when a field cannot be
    // read (a port out of range, an address that is not one).
    Result<HttpRequest> buildRequest() const;
    HttpRequest request() const; // the same, with the fields that cannot be read left out
    void route(); // shows the decision for request()
    // Fills the form with `request` and routes it: an analyzer finding's
    // witness, replayed (the request that shows the problem).
    void showRequest(const HttpRequest &request);
    bool hasResult() const { return m_hasResult; }

    QComboBox *protocolBox() const { return m_protocol; }
    QComboBox *methodBox() const { return m_method; }
    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *hostEdit() const { return m_host; }
    QLineEdit *portEdit() const { return m_port; }
    QLineEdit *sniEdit() const { return m_sni; }
    QLineEdit *destinationIpEdit() const { return m_destinationIp; }
    QLineEdit *namespaceEdit() const { return m_namespace; }
    QComboBox *gatewayBox() const { return m_gateway; }
    QString gatewayRef() const; // "ns/name", empty for a sidecar
    QTableWidget *headerTable() const { return m_headers; }
    QPushButton *routeButton() const { return m_route; }
    QTextBrowser *result() const { return m_result; }
    void addHeader(const QString &name = {}, const QString &value = {});
    void setProtocol(ConnectionProtocol protocol);
    ConnectionProtocol protocol() const;
    // Picks a gateway ("ns/name"; empty: from a sidecar) as a click in the
    // list does: the port becomes its listener's for the protocol.
    void chooseGateway(const QString &ref);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateGateways();
    void applyVirtualService();
    void fillForm(const HttpRequest &request);
    void updateProtocolFields();
    void fillListenerPort();

    RouterPtr m_router;
    QString m_virtualService;
    bool m_virtualServiceApplied = true;
    bool m_hasResult = false;
    QString m_autoPort; // the port the form filled in itself (a gateway's listener)
    QFormLayout *m_form;
    QComboBox *m_protocol;
    QComboBox *m_method;
    QLineEdit *m_path;
    QLineEdit *m_host;
    QLineEdit *m_port;
    QLineEdit *m_sni;
    QLineEdit *m_destinationIp;
    QLineEdit *m_namespace;
    QComboBox *m_gateway;
    QLabel *m_headersLabel;
    QTableWidget *m_headers;
    QPushButton *m_addHeader;
    QPushButton *m_removeHeader;
    QPushButton *m_route;
    QTextBrowser *m_result;
};

} // namespace meshlane::ui
