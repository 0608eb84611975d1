// SPDX-License-Identifier: MIT
#pragma once

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

// The Request Tester dock: type a request (method, path, host, headers, the
// caller's namespace or a Gateway) and see which route matches, why, and where
// it goes. The host defaults to the selected VirtualService's; the answer is
// recomputed whenever the snapshot changes, so it follows edits.
class RequestTesterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RequestTesterPanel(QWidget *parent = nullptr);

    void setRouter(RouterPtr router);
    void setVirtualService(const QString &nsName); // fills host, namespace and gateway

    // What the form describes.
    HttpRequest request() const;
    void route(); // shows the decision for request()
    bool hasResult() const { return m_hasResult; }

    QComboBox *methodBox() const { return m_method; }
    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *hostEdit() const { return m_host; }
    QLineEdit *namespaceEdit() const { return m_namespace; }
    QComboBox *gatewayBox() const { return m_gateway; }
    QTableWidget *headerTable() const { return m_headers; }
    QPushButton *routeButton() const { return m_route; }
    QTextBrowser *result() const { return m_result; }
    void addHeader(const QString &name = {}, const QString &value = {});

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateGateways();
    void applyVirtualService();

    RouterPtr m_router;
    QString m_virtualService;
    bool m_virtualServiceApplied = true;
    bool m_hasResult = false;
    QFormLayout *m_form;
    QComboBox *m_method;
    QLineEdit *m_path;
    QLineEdit *m_host;
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
