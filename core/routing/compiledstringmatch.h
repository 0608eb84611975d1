// SPDX-License-Identifier: MIT
#pragma once

#include "base/translatedtext.h"
#include "model/stringmatch.h"

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace meshlane {

// A StringMatch made ready to run: the regex compiled once with RE2 (full
// match, as Envoy's safe_regex), the value lower-cased when case is ignored.
// Immutable and cheap to copy; safe to use from many threads at once.
class CompiledStringMatch
{
public:
    // Where the match is used decides two Istio translation rules: only the
    // URI honours ignoreUriCase (Envoy ignores case_sensitive for regexes), and
    // only header-like fields turn `regex: "*"` into "is present".
    enum class Field { Uri, HeaderLike };

    CompiledStringMatch() = default;
    CompiledStringMatch(const StringMatch &match, Field field, bool ignoreCase = false);

    // True when `value` (present) matches. A `Present` match accepts any value.
    bool matches(std::string_view value) const;

    StringMatch::Kind kind() const { return m_kind; }
    const std::string &value() const { return m_value; } // lower-cased when ignoreCase()
    bool ignoreCase() const { return m_ignoreCase; }
    // False when the regex does not compile; such a match never matches.
    bool isValid() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }
    TranslatedText describe() const; // "exact jason", "prefix /api (any case)", "regex v[0-9]+"

private:
    StringMatch::Kind m_kind = StringMatch::Kind::Present;
    std::string m_value;
    bool m_ignoreCase = false;
    std::shared_ptr<const re2::RE2> m_regex;
    std::string m_error;
};

// ASCII case-insensitive comparisons, as Envoy's (absl) helpers do.
bool startsWithIgnoringCase(std::string_view text, std::string_view lowerPrefix);
bool equalsIgnoringCase(std::string_view text, std::string_view lowerOther);

} // namespace meshlane
