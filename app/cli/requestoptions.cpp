// SPDX-License-Identifier: MIT
#include "cli/requestoptions.h"

#include "routing/requestarguments.h"

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

Result<HttpRequest> RequestOptions::read() const
{
    // The options as given, checked by the same reading the workbench's
    // request tester uses for analyzer witnesses.
    const QCommandLineParser &parser = m_commandLine.parser();
    RequestArguments arguments;
    for (const std::string &name : requestArgumentNames()) {
        const QString option = QString::fromStdString(name);
        if (!parser.isSet(option))
            continue;
        for (const QString &value : parser.values(option))
            arguments[name].push_back(ss(value));
    }
    HttpRequest request;
    if (const Result<void> applied = applyRequestArguments(arguments, request); !applied)
        return Result<HttpRequest>::failure(applied.error());
    return request;
}

} // namespace meshlane::cli
