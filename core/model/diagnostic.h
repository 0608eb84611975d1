// SPDX-License-Identifier: MIT
#pragma once

#include "model/resourceid.h"
#include "model/sourcelocation.h"

#include <string>
#include <vector>

namespace meshlane {

enum class Severity { Info, Warning, Error };

const char *severityName(Severity severity);
bool parseSeverity(const std::string &text, Severity *out);

// One finding of the loader or the analyzer. Codes reuse istioctl (ISTxxxx) and
// Kiali (KIAxxxx) where they exist so users can search them; ML codes are ours.
struct Diagnostic
{
    std::string code;
    Severity severity = Severity::Error;
    ResourceId resource; // empty kind when the finding is about a whole file
    SourceLocation location;
    std::string message;
    std::string fix; // a suggested fix, empty when none is obvious
    // Routing findings: the `meshlane route` arguments of a request that shows
    // the problem (after `meshlane route DIR`), empty when there is none.
    std::string witness;

    std::string toString() const; // "file:line: Error CODE Kind ns/name: message (fix: ...) (witness: ...)"
};

using Diagnostics = std::vector<Diagnostic>;

// Sorted by file, line, column, then code: the order compilers print in.
void sortDiagnostics(Diagnostics &diagnostics);

// Loader codes of our own (no istioctl equivalent).
namespace codes {
inline constexpr const char *YamlSyntax = "ML0001";
inline constexpr const char *NotText = "ML0002";
inline constexpr const char *EmptyFile = "ML0003";
inline constexpr const char *DuplicateResource = "ML0004";
inline constexpr const char *UnreadablePath = "ML0005";
inline constexpr const char *NestingTooDeep = "ML0006";
inline constexpr const char *AliasExpansion = "ML0007";
inline constexpr const char *NotKubernetes = "ML0008";
inline constexpr const char *UnsupportedKind = "ML0009";
inline constexpr const char *SchemaError = "IST0106";
inline constexpr const char *Deprecated = "IST0002";
} // namespace codes

} // namespace meshlane
