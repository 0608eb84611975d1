// SPDX-License-Identifier: MIT
#include "cli/requestoptions.h"

#include "base/ipprefix.h"

namespace meshlane::cli {

namespace {

const QString kHost = QStringLiteral("host");
const QString kPort = QStringLiteral("port");
const QString kMethod = QStringLiteral("method");
const QString kPath = QStringLiteral("path");
const QString kHeader = QStringLiteral("header");
const QString kQuery = QStringLiteral("query");
const QString kGateway = QStringLiteral("gateway");
const QString kSourceLabels = QStringLiteral("source-labels");
const QString kSourceNamespace = QStringLiteral("source-namespace");
const QString kProtocol = QStringLiteral("protocol");
const QString kSni = QStringLiteral("sni");
const QString kDestinationIp = QStringLiteral("destination-ip");

// "k=v" -> (k, v); the value may contain '=' and may be empty, the name may not.
bool splitPair(const QString &text, QString *name, QString *value)
{
    const qsizetype equals = text.indexOf(u'=');
    if (equals <= 0)
        return false;
    *name = text.left(equals).trimmed();
    *value = text.mid(equals + 1);
    return !name->isEmpty();
}

} // namespace

RequestOptions::RequestOptions(CommandLine &commandLine)
    : m_commandLine(commandLine)
{
    commandLine.addOption({kHost, QStringLiteral("Host the client calls: an FQDN, or a short name resolved in --source-namespace "
                                                 "(with --gateway: the authority sent to the gateway)."),
                           QStringLiteral("HOST")});
    commandLine.addOption({kPort, QStringLiteral("Destination port (default: from HOST, else the Service's first port)."),
                           QStringLiteral("N")});
    commandLine.addOption({kMethod, QStringLiteral("HTTP method (default GET)."), QStringLiteral("M")});
    commandLine.addOption({kPath, QStringLiteral("Request path; a query string (/items/12?x=1) gives query parameters."),
                           QStringLiteral("P")});
    commandLine.addOption({kHeader, QStringLiteral("Request header name=value (repeatable)."), QStringLiteral("k=v")});
    commandLine.addOption({kQuery, QStringLiteral("Query parameter name=value (repeatable)."), QStringLiteral("k=v")});
    commandLine.addOption({kGateway, QStringLiteral("Enter through this Gateway instead of a sidecar."),
                           QStringLiteral("ns/name")});
    commandLine.addOption({kSourceLabels, QStringLiteral("Labels of the calling workload (for sourceLabels matches)."),
                           QStringLiteral("k=v,...")});
    commandLine.addOption({kSourceNamespace, QStringLiteral("Namespace of the caller (default: default)."),
                           QStringLiteral("NS")});
    commandLine.addOption({kProtocol,
                           QStringLiteral("http (default), or tcp / tls: a connection routed by tcp / tls routes."),
                           QStringLiteral("P")});
    commandLine.addOption({kSni, QStringLiteral("TLS server name the client sends (default: the host; tls only)."),
                           QStringLiteral("NAME")});
    commandLine.addOption({kDestinationIp,
                           QStringLiteral("Original destination address, for destinationSubnets (tcp / tls)."),
                           QStringLiteral("IP")});
}

bool RequestOptions::hostGiven() const
{
    return m_commandLine.parser().isSet(kHost);
}

QString RequestOptions::firstNonHostOptionGiven() const
{
    for (const QString &name : {kPort, kMethod, kPath, kHeader, kQuery, kGateway, kSourceLabels, kSourceNamespace,
                                kProtocol, kSni, kDestinationIp}) {
        if (m_commandLine.parser().isSet(name))
            return QStringLiteral("--") + name;
    }
    return {};
}

bool RequestOptions::read(HttpRequest *request, QString *error) const
{
    const QCommandLineParser &parser = m_commandLine.parser();
    const QString host = parser.value(kHost).trimmed();
    if (parser.isSet(kHost) && host.isEmpty()) {
        *error = QStringLiteral("--host needs a value");
        return false;
    }
    request->authority = ss(host);
    if (parser.isSet(kPort)) {
        bool ok = false;
        const uint port = parser.value(kPort).toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            *error = QStringLiteral("--port must be a number from 1 to 65535, not '") + parser.value(kPort) + u'\'';
            return false;
        }
        request->port = port;
    }
    if (parser.isSet(kMethod)) {
        request->method = ss(parser.value(kMethod).trimmed());
        if (request->method.empty()) {
            *error = QStringLiteral("--method needs a value");
            return false;
        }
    }
    if (parser.isSet(kPath)) {
        const QString path = parser.value(kPath);
        if (!path.startsWith(u'/')) {
            *error = QStringLiteral("--path must start with '/', not '") + path + u'\'';
            return false;
        }
        request->setPath(ss(path));
    }
    for (const QString &header : parser.values(kHeader)) {
        QString name, value;
        if (!splitPair(header, &name, &value)) {
            *error = QStringLiteral("--header wants name=value, not '") + header + u'\'';
            return false;
        }
        request->addHeader(ss(name), ss(value));
    }
    for (const QString &query : parser.values(kQuery)) {
        QString name, value;
        if (!splitPair(query, &name, &value)) {
            *error = QStringLiteral("--query wants name=value, not '") + query + u'\'';
            return false;
        }
        request->addQueryParam(ss(name), ss(value));
    }
    if (parser.isSet(kGateway)) {
        const QString gateway = parser.value(kGateway).trimmed();
        const qsizetype slash = gateway.indexOf(u'/');
        if (slash <= 0 || slash == gateway.size() - 1 || gateway.indexOf(u'/', slash + 1) >= 0) {
            *error = QStringLiteral("--gateway wants namespace/name, not '") + gateway + u'\'';
            return false;
        }
        request->gateway = ss(gateway);
    }
    if (parser.isSet(kSourceLabels)) {
        for (const QString &pair : parser.value(kSourceLabels).split(u',', Qt::SkipEmptyParts)) {
            QString name, value;
            if (!splitPair(pair, &name, &value)) {
                *error = QStringLiteral("--source-labels wants k=v,k2=v2, not '") + parser.value(kSourceLabels) + u'\'';
                return false;
            }
            request->sourceLabels[ss(name)] = ss(value.trimmed());
        }
    }
    if (parser.isSet(kSourceNamespace)) {
        request->sourceNamespace = ss(parser.value(kSourceNamespace).trimmed());
        if (request->sourceNamespace.empty()) {
            *error = QStringLiteral("--source-namespace needs a value");
            return false;
        }
    }
    return readConnection(request, error);
}

bool RequestOptions::readConnection(HttpRequest *request, QString *error) const
{
    const QCommandLineParser &parser = m_commandLine.parser();
    if (parser.isSet(kProtocol)) {
        const std::optional<ConnectionProtocol> protocol = connectionProtocolFromName(ss(parser.value(kProtocol).trimmed()));
        if (!protocol) {
            *error = QStringLiteral("--protocol must be http, tcp or tls, not '") + parser.value(kProtocol) + u'\'';
            return false;
        }
        request->protocol = *protocol;
    }
    if (parser.isSet(kSni)) {
        if (request->protocol != ConnectionProtocol::Tls) {
            *error = QStringLiteral("--sni needs --protocol tls");
            return false;
        }
        request->sni = ss(parser.value(kSni).trimmed());
    } else {
        request->defaultSniToHost();
    }
    if (parser.isSet(kDestinationIp)) {
        const QString address = parser.value(kDestinationIp).trimmed();
        if (!IpPrefix::address(ss(address))) {
            *error = QStringLiteral("--destination-ip wants an IPv4 or IPv6 address, not '") + address + u'\'';
            return false;
        }
        request->destinationIp = ss(address);
    }
    return true;
}

} // namespace meshlane::cli
