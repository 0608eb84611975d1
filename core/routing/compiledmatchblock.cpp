// SPDX-License-Identifier: MIT
#include "routing/compiledmatchblock.h"

#include "base/translatedtext.h"

namespace meshlane {

namespace {

using Field = CompiledStringMatch::Field;

std::optional<CompiledStringMatch> compile(const std::optional<StringMatch> &match, Field field,
                                           bool ignoreCase = false)
{
    if (!match)
        return std::nullopt;
    return CompiledStringMatch(*match, field, ignoreCase);
}

std::vector<CompiledMatchBlock::NamedMatch> compileNamed(const std::vector<NamedStringMatch> &matches)
{
    std::vector<CompiledMatchBlock::NamedMatch> result;
    result.reserve(matches.size());
    for (const NamedStringMatch &match : matches)
        result.push_back({match.name, CompiledStringMatch(match.match, Field::HeaderLike)});
    return result;
}

TranslatedText labelsText(const Labels &labels)
{
    std::string text;
    for (const auto &[key, value] : labels) {
        if (!text.empty())
            text += ',';
        text += key + '=' + value;
    }
    return text.empty() ? MESHLANE_TR("meshlane::CompiledMatchBlock", "(none)") : TranslatedText(text);
}

std::string quoted(std::string_view value) { return '\'' + std::string(value) + '\''; }

// Reports a failed condition when the caller wants to know why. The reason
// is a callable so that the hot path (why == nullptr) builds no string.
template<class Reason>
bool fail(TranslatedText *why, Reason &&reason)
{
    if (why)
        *why = reason();
    return false;
}

// The request field a condition tests. Istio's own field names (uri,
// method, ...) stay as they are in every language; "header" and "query
// parameter" are words.
enum class Subject { Uri, Scheme, Method, Authority, Header, QueryParameter };

TranslatedText subjectText(Subject subject, const std::string &name)
{
    switch (subject) {
    case Subject::Uri: return std::string("uri");
    case Subject::Scheme: return std::string("scheme");
    case Subject::Method: return std::string("method");
    case Subject::Authority: return std::string("authority");
    case Subject::Header: return MESHLANE_TR("meshlane::CompiledMatchBlock", "header %1").arg(name);
    case Subject::QueryParameter: return MESHLANE_TR("meshlane::CompiledMatchBlock", "query parameter %1").arg(name);
    }
    return {};
}

// Why `value` fails `match`, when the caller asks; `name` is the header or
// query parameter's. Only called on a mismatch.
bool mismatch(const CompiledStringMatch &match, std::string_view value, Subject subject, const std::string &name,
              TranslatedText *why)
{
    if (!why)
        return false;
    if (!match.isValid())
        return fail(why, [&] {
            return MESHLANE_TR("meshlane::CompiledMatchBlock", "%1 regex %2 does not compile (%3): it never matches")
                .arg(subjectText(subject, name))
                .arg(quoted(match.value()))
                .arg(match.error());
        });
    return fail(why, [&] {
        return MESHLANE_TR("meshlane::CompiledMatchBlock", "%1 is %2 (wants %3)")
            .arg(subjectText(subject, name))
            .arg(quoted(value))
            .arg(match.describe());
    });
}

const std::string kNoName;

} // namespace

CompiledMatchBlock::CompiledMatchBlock(const HttpMatchRequest &block, bool sourceConditionsApply)
    : m_uri(compile(block.uri, Field::Uri, block.ignoreUriCase))
    , m_scheme(compile(block.scheme, Field::HeaderLike))
    , m_method(compile(block.method, Field::HeaderLike))
    , m_authority(compile(block.authority, Field::HeaderLike))
    , m_headers(compileNamed(block.headers))
    , m_withoutHeaders(compileNamed(block.withoutHeaders))
    , m_queryParams(compileNamed(block.queryParams))
    , m_port(block.port)
{
    if (sourceConditionsApply) {
        m_sourceLabels = block.sourceLabels;
        m_sourceNamespace = block.sourceNamespace;
    }
    m_hasProxyConditions = m_port || !m_sourceLabels.empty() || !m_sourceNamespace.empty();
}

bool CompiledMatchBlock::appliesToProxy(const ProxyContext &proxy, TranslatedText *why) const
{
    if (m_port && *m_port != proxy.port)
        return fail(why, [&] {
            return MESHLANE_TR("meshlane::CompiledMatchBlock", "port is %1 (wants %2)").arg(proxy.port).arg(*m_port);
        });
    if (!m_sourceLabels.empty() && (!proxy.labels || !labelsMatch(m_sourceLabels, *proxy.labels)))
        return fail(why, [&] {
            return MESHLANE_TR("meshlane::CompiledMatchBlock", "source labels are %1 (wants %2)")
                .arg(labelsText(proxy.labels ? *proxy.labels : Labels{}))
                .arg(labelsText(m_sourceLabels));
        });
    if (!m_sourceNamespace.empty() && m_sourceNamespace != proxy.ns)
        return fail(why, [&] {
            return MESHLANE_TR("meshlane::CompiledMatchBlock", "source namespace is %1 (wants %2)")
                .arg(quoted(proxy.ns))
                .arg(m_sourceNamespace);
        });
    return true;
}

bool CompiledMatchBlock::evaluate(const HttpRequest &request, const ProxyContext &proxy, TranslatedText *why) const
{
    if (m_hasProxyConditions && !appliesToProxy(proxy, why))
        return false;
    if (m_uri) {
        // Envoy: a prefix is tested against the whole :path (query included);
        // exact and regex against the path with the query string removed.
        // A Gateway API PathPrefix compares path elements, so no query either.
        const std::string_view subject =
            m_uri->kind() == StringMatch::Kind::Prefix ? std::string_view(request.path) : request.pathWithoutQuery();
        if (!m_uri->matches(subject))
            return mismatch(*m_uri, subject, Subject::Uri, kNoName, why);
    }
    if (m_scheme && !m_scheme->matches(request.scheme))
        return mismatch(*m_scheme, request.scheme, Subject::Scheme, kNoName, why);
    if (m_method && !m_method->matches(request.method))
        return mismatch(*m_method, request.method, Subject::Method, kNoName, why);
    if (m_authority && !m_authority->matches(request.authority))
        return mismatch(*m_authority, request.authority, Subject::Authority, kNoName, why);
    for (const NamedMatch &header : m_headers) {
        const std::string *value = request.header(header.name);
        if (!value)
            return fail(why, [&] {
                return MESHLANE_TR("meshlane::CompiledMatchBlock", "header %1 is absent (wants %2)")
                    .arg(header.name)
                    .arg(header.match.describe());
            });
        if (!header.match.matches(*value))
            return mismatch(header.match, *value, Subject::Header, header.name, why);
    }
    for (const NamedMatch &header : m_withoutHeaders) {
        // Istio sets invert_match plus treat_missing_header_as_empty (except
        // for presence checks): an absent header is tested as "".
        const std::string *value = request.header(header.name);
        if (header.match.kind() == StringMatch::Kind::Present) {
            if (value)
                return fail(why, [&] {
                    return MESHLANE_TR("meshlane::CompiledMatchBlock",
                                       "header %1 is present (withoutHeaders wants none)")
                        .arg(header.name);
                });
            continue;
        }
        if (header.match.matches(value ? std::string_view(*value) : std::string_view()))
            return fail(why, [&] {
                if (!value)
                    return MESHLANE_TR("meshlane::CompiledMatchBlock",
                                       "header %1 is absent, read as '', which withoutHeaders excludes (%2)")
                        .arg(header.name)
                        .arg(header.match.describe());
                return MESHLANE_TR("meshlane::CompiledMatchBlock",
                                   "header %1 is %2, which withoutHeaders excludes (%3)")
                    .arg(header.name)
                    .arg(quoted(*value))
                    .arg(header.match.describe());
            });
    }
    for (const NamedMatch &query : m_queryParams) {
        const std::string *value = request.queryParam(query.name);
        if (!value)
            return fail(why, [&] {
                return MESHLANE_TR("meshlane::CompiledMatchBlock", "query parameter %1 is absent (wants %2)")
                    .arg(query.name)
                    .arg(query.match.describe());
            });
        if (!query.match.matches(*value))
            return mismatch(query.match, *value, Subject::QueryParameter, query.name, why);
    }
    return true;
}

std::string CompiledMatchBlock::whyNot(const HttpRequest &request, const ProxyContext &proxy) const
{
    TranslatedText why;
    if (evaluate(request, proxy, &why))
        return {};
    return why.text();
}

bool CompiledMatchBlock::hasRequestConditionsBesidesUri() const
{
    return m_scheme || m_method || m_authority || !m_headers.empty() || !m_withoutHeaders.empty()
        || !m_queryParams.empty();
}

bool CompiledMatchBlock::isCatchAllForProxy() const
{
    if (hasRequestConditionsBesidesUri())
        return false;
    if (!m_uri)
        return true;
    switch (m_uri->kind()) {
    case StringMatch::Kind::Present: return true;
    case StringMatch::Kind::Prefix: return m_uri->value() == "/";
    case StringMatch::Kind::Regex: return m_uri->value() == ".*";
    case StringMatch::Kind::PathPrefix: return m_uri->value().empty();
    case StringMatch::Kind::Exact: return false;
    }
    return false;
}

std::string CompiledMatchBlock::invalidRegex() const
{
    const auto check = [](const CompiledStringMatch &match) { return match.isValid() ? std::string() : match.value(); };
    for (const auto *single : {&m_uri, &m_scheme, &m_method, &m_authority}) {
        if (*single && !(*single)->isValid())
            return check(**single);
    }
    for (const auto *list : {&m_headers, &m_withoutHeaders, &m_queryParams}) {
        for (const NamedMatch &named : *list) {
            if (!named.match.isValid())
                return check(named.match);
        }
    }
    return {};
}

} // namespace meshlane
