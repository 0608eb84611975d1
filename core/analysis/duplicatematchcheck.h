// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/analysiscontext.h"

#include <set>
#include <string>
#include <tuple>

namespace meshlane {

// Rules istioctl's VirtualService validation calls unreachable (IST0130: a
// rule after one without matches, or all of whose matches repeat earlier ones)
// and matches it calls ineffective (IST0131: a repeat of an earlier match, or a
// uri prefix an earlier prefix with the same other conditions covers), in http,
// tcp and tls routes alike. Matches are compared as written, their name aside.
class DuplicateMatchCheck
{
public:
    explicit DuplicateMatchCheck(AnalysisContext &context);
    void run();

    // What was reported, for RouteConflictCheck not to repeat it under its own codes.
    bool flaggedRule(const VirtualService *vs, size_t rule) const { return m_rules.count({vs, rule}); }
    bool flaggedMatch(const VirtualService *vs, size_t rule, size_t match) const
    {
        return m_matches.count({vs, rule, match});
    }

private:
    void checkRoutes(const VirtualService &vs, const char *section);
    void unreachable(const VirtualService &vs, const char *section, size_t rule, const std::string &name,
                     const std::string &reason, const std::string &fix, const SourceLocation &at);
    void ineffective(const VirtualService &vs, const char *section, size_t rule, size_t match,
                     const std::string &text, const SourceLocation &at);

    AnalysisContext &m_context;
    std::set<std::string> m_reported; // dedupe as istioctl: by resource and text
    std::set<std::pair<const VirtualService *, size_t>> m_rules;                // http rules reported
    std::set<std::tuple<const VirtualService *, size_t, size_t>> m_matches;    // http matches reported
};

} // namespace meshlane
