// SPDX-License-Identifier: MIT
#include "routing/compiledstringmatch.h"

#include "base/regex.h"
#include "base/textcompare.h"
#include "base/translatedtext.h"
#include "model/hostname.h"

namespace meshlane {

namespace {

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

} // namespace

bool startsWithIgnoringCase(std::string_view text, std::string_view lowerPrefix)
{
    if (text.size() < lowerPrefix.size())
        return false;
    for (size_t i = 0; i < lowerPrefix.size(); ++i) {
        if (lowerAscii(text[i]) != lowerPrefix[i])
            return false;
    }
    return true;
}

bool equalsIgnoringCase(std::string_view text, std::string_view lowerOther)
{
    return text.size() == lowerOther.size() && startsWithIgnoringCase(text, lowerOther);
}

CompiledStringMatch::CompiledStringMatch(const StringMatch &match, Field field, bool ignoreCase)
    : m_kind(match.kind)
    , m_value(match.value)
{
    if (m_kind == StringMatch::Kind::Regex) {
        // Istio turns `regex: "*"` into present_match for headers, query
        // parameters, method, authority and scheme (istio/istio#20629).
        if (field == Field::HeaderLike && m_value == "*") {
            m_kind = StringMatch::Kind::Present;
            return;
        }
        auto regex = compileRegex(m_value);
        if (regex)
            m_regex = std::move(regex).value();
        else
            m_error = regex.error();
        return;
    }
    if (m_kind == StringMatch::Kind::PathPrefix) {
        // The spec: a trailing '/' of the prefix is not part of the element match.
        while (!m_value.empty() && m_value.back() == '/')
            m_value.pop_back();
        return;
    }
    if (field == Field::Uri && ignoreCase && m_kind != StringMatch::Kind::Present) {
        m_ignoreCase = true;
        m_value = toLower(m_value);
    }
}

bool CompiledStringMatch::matches(std::string_view value) const
{
    switch (m_kind) {
    case StringMatch::Kind::Present:
        return true;
    case StringMatch::Kind::Exact:
        return m_ignoreCase ? equalsIgnoringCase(value, m_value) : sameText(value, m_value);
    case StringMatch::Kind::Prefix:
        return m_ignoreCase ? startsWithIgnoringCase(value, m_value) : startsWithText(value, m_value);
    case StringMatch::Kind::Regex:
        return m_regex && RE2::FullMatch(re2::StringPiece(value.data(), value.size()), *m_regex);
    case StringMatch::Kind::PathPrefix:
        // m_value has no trailing '/' (see the constructor), "/" became "".
        return startsWithText(value, m_value) && (value.size() == m_value.size() || value[m_value.size()] == '/');
    }
    return false;
}

TranslatedText CompiledStringMatch::describe() const
{
    // exact / prefix / regex are Istio's field names: kept in every language.
    std::string text;
    switch (m_kind) {
    case StringMatch::Kind::Present: return MESHLANE_TR("meshlane::CompiledStringMatch", "present");
    case StringMatch::Kind::Exact: text = "exact " + m_value; break;
    case StringMatch::Kind::Prefix: text = "prefix " + m_value; break;
    case StringMatch::Kind::Regex: text = "regex " + m_value; break;
    case StringMatch::Kind::PathPrefix: text = "path prefix " + (m_value.empty() ? std::string("/") : m_value); break;
    }
    if (m_ignoreCase)
        return MESHLANE_TR("meshlane::CompiledStringMatch", "%1 (any case)").arg(text);
    return text;
}

} // namespace meshlane
