// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "routing/httprequest.h"

#include <map>
#include <string>
#include <vector>

namespace meshlane {

// A request as `meshlane route` options describe it, whoever wrote them: the
// command line, or an analyzer finding's witness that the workbench's request
// tester replays. One reading, so both check values the same way.
//
// Options by name without dashes (host, port, method, path, header, query,
// gateway, source-labels, source-namespace, protocol, sni, destination-ip),
// each with its values in the order given; single-valued options use the last.
using RequestArguments = std::map<std::string, std::vector<std::string>>;

// The names above, in the order they are checked.
const std::vector<std::string> &requestArgumentNames();

// Applies `arguments` to `request` (fields not named keep their values).
// Fails with the message `meshlane route` prints for the first bad value.
Result<void> applyRequestArguments(const RequestArguments &arguments, HttpRequest &request);

// Splits what RequestWitness::arguments writes ("--host reviews --header
// 'x-user=a b'": POSIX shell words, single quotes) into RequestArguments.
// Fails on an unknown option, a missing value or an unclosed quote.
Result<RequestArguments> splitRequestArguments(const std::string &commandLine);

} // namespace meshlane
