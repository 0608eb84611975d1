// SPDX-License-Identifier: MIT
#include "model/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace meshlane {

std::string SourceLocation::toString() const
{
    if (line <= 0)
        return file;
    return file + ':' + std::to_string(line);
}

const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return "Info";
    case Severity::Warning: return "Warning";
    case Severity::Error: return "Error";
    }
    return "Error";
}

bool parseSeverity(const std::string &text, Severity *out)
{
    std::string lower;
    for (char c : text)
        lower += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == "info") *out = Severity::Info;
    else if (lower == "warning" || lower == "warn") *out = Severity::Warning;
    else if (lower == "error") *out = Severity::Error;
    else return false;
    return true;
}

std::string Diagnostic::toString() const
{
    std::string text = location.toString();
    if (!text.empty())
        text += ": ";
    text += severityName(severity);
    text += ' ';
    text += code;
    if (!resource.kind.empty())
        text += ' ' + resource.kind + ' ' + resource.ns + '/' + resource.name;
    text += ": " + message;
    if (!fix.empty())
        text += " (fix: " + fix + ')';
    if (!witness.empty())
        text += " (witness: " + witness + ')';
    return text;
}

void sortDiagnostics(Diagnostics &diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.location.file, a.location.line, a.location.column, a.code)
            < std::tie(b.location.file, b.location.line, b.location.column, b.code);
    });
}

} // namespace meshlane
