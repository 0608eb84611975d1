// SPDX-License-Identifier: MIT
#pragma once

#include "cli/clisupport.h"
#include "base/result.h"
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

    // The request the parsed options describe, or the message for a
    // malformed value (the caller reports it as a usage error).
    Result<HttpRequest> read() const;

    bool hostGiven() const;
    // Any option besides --host (they cannot be combined with --traffic).
    QString firstNonHostOptionGiven() const;

private:
    CommandLine &m_commandLine;
};

} // namespace meshlane::cli
