// SPDX-License-Identifier: MIT
#pragma once

#include "cli/clisupport.h"
#include "routing/httprequest.h"

#include <QString>

namespace meshlane::cli {

// The request options `route` and `simulate` share: --host, --port, --method,
// --path, --header, --query, --gateway, --source-labels, --source-namespace,
// --protocol, --sni, --destination-ip.
class RequestOptions
{
public:
    // Adds the options to `commandLine`'s parser.
    explicit RequestOptions(CommandLine &commandLine);

    // Reads the parsed options into `request`. False with a message for a
    // malformed value (the caller reports it as a usage error).
    bool read(HttpRequest *request, QString *error) const;

    bool hostGiven() const;
    // Any option besides --host (they cannot be combined with --traffic).
    QString firstNonHostOptionGiven() const;

private:
    bool readConnection(HttpRequest *request, QString *error) const; // --protocol, --sni, --destination-ip

    CommandLine &m_commandLine;
};

} // namespace meshlane::cli
