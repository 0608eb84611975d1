// SPDX-License-Identifier: MIT
#include "model/portprotocol.h"

#include "model/hostname.h"
#include "model/service.h"

namespace meshlane {

PortProtocol portProtocolFromName(const std::string &written)
{
    const std::string name = toLower(written);
    if (name == "http" || name == "http2" || name == "grpc" || name == "grpc-web" || name == "http_proxy")
        return PortProtocol::Http;
    if (name == "tcp" || name == "mongo" || name == "redis" || name == "mysql")
        return PortProtocol::Tcp;
    if (name == "tls" || name == "https")
        return PortProtocol::Tls;
    if (name == "udp")
        return PortProtocol::Udp;
    return PortProtocol::Auto;
}

PortProtocol portProtocolOf(const ServicePort &port)
{
    if (toLower(port.protocol) == "udp")
        return PortProtocol::Udp;
    std::string name = port.appProtocol.empty() ? port.name : port.appProtocol;
    name = toLower(name);
    if (name == "kubernetes.io/h2c" || name == "kubernetes.io/ws")
        return PortProtocol::Http;
    if (name == "kubernetes.io/wss")
        return PortProtocol::Tls;
    if (name.rfind("grpc-web", 0) == 0)
        return PortProtocol::Http;
    const PortProtocol protocol = portProtocolFromName(name.substr(0, name.find('-')));
    if (protocol == PortProtocol::Auto
        && (port.port == 25 || port.port == 53 || port.port == 3306 || port.port == 27017))
        return PortProtocol::Tcp;
    return protocol;
}

const char *portProtocolName(PortProtocol protocol)
{
    switch (protocol) {
    case PortProtocol::Http: return "HTTP";
    case PortProtocol::Tcp: return "TCP";
    case PortProtocol::Tls: return "TLS";
    case PortProtocol::Auto: return "auto-detected";
    case PortProtocol::Udp: return "UDP";
    }
    return "";
}

} // namespace meshlane
