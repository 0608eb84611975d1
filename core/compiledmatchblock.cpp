#include "compiledmatchblock.h"

namespace meshlane {

namespace {

using Field = CompiledStringMatch::Field;

std::optional<CompiledStringMatch> compile(const std::optional<StringMatch> &match, Field field, bool ignoreCase = false)
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

std::string labelsText(const Labels &labels)
{
    std::string text;
    for (const auto &[key, value] : labels) {
        if (!text.empty())
            text += ',';
        text += key + '=' + value;
    }
    return text.empty() ? std::string("(none)") : text;
}

std::string quoted(std::string_view value) { return '\'' + std::string(value) + '\''; }

// Reports a failed condition when the caller wants to know why.
bool fail(std::string *why, const std::string &reason)
{
    if (why)
        *why = reason;
    return false;
}

// `name` completes `what` for named fields ("header" + "end-user").
bool checkValue(const CompiledStringMatch &match, std::string_view value, const char *kind, const std::string *name,
                std::string *why)
{
    if (match.matches(value))
        return true;
    if (!why)
        return false;
    const std::string what = name ? std::string(kind) + ' ' + *name : std::string(kind);
    if (!match.isValid())
        return fail(why, what + " regex " + quoted(match.value()) + " does not compile (" + match.error()
                             + "): it never matches");
    return fail(why, what + " is " + quoted(value) + " (wants " + match.describe() + ')');
}

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
}

bool CompiledMatchBlock::appliesToProxy(const ProxyContext &proxy, std::string *why) const
{
    if (m_port && *m_port != proxy.port)
        return fail(why, "port is " + std::to_string(proxy.port) + " (wants " + std::to_string(*m_port) + ')');
    if (!m_sourceLabels.empty() && (!proxy.labels || !labelsMatch(m_sourceLabels, *proxy.labels)))
        return fail(why, "source labels are " + labelsText(proxy.labels ? *proxy.labels : Labels{}) + " (wants "
                             + labelsText(m_sourceLabels) + ')');
    if (!m_sourceNamespace.empty() && m_sourceNamespace != proxy.ns)
        return fail(why, "source namespace is " + quoted(proxy.ns) + " (wants " + m_sourceNamespace + ')');
    return true;
}

bool CompiledMatchBlock::evaluate(const HttpRequest &request, const ProxyContext &proxy, std::string *why) const
{
    if (!appliesToProxy(proxy, why))
        return false;
    if (m_uri) {
        // Envoy: a prefix is tested against the whole :path (query included);
        // exact and regex against the path with the query string removed.
        const std::string_view subject =
            m_uri->kind() == StringMatch::Kind::Prefix ? std::string_view(request.path) : request.pathWithoutQuery();
        if (!checkValue(*m_uri, subject, "uri", nullptr, why))
            return false;
    }
    if (m_scheme && !checkValue(*m_scheme, request.scheme, "scheme", nullptr, why))
        return false;
    if (m_method && !checkValue(*m_method, request.method, "method", nullptr, why))
        return false;
    if (m_authority && !checkValue(*m_authority, request.authority, "authority", nullptr, why))
        return false;
    for (const NamedMatch &header : m_headers) {
        const std::string *value = request.header(header.name);
        if (!value)
            return fail(why, "header " + header.name + " is absent (wants " + header.match.describe() + ')');
        if (!checkValue(header.match, *value, "header", &header.name, why))
            return false;
    }
    for (const NamedMatch &header : m_withoutHeaders) {
        // Istio sets invert_match plus treat_missing_header_as_empty (except
        // for presence checks): an absent header is tested as "".
        const std::string *value = request.header(header.name);
        if (header.match.kind() == StringMatch::Kind::Present) {
            if (value)
                return fail(why, "header " + header.name + " is present (withoutHeaders wants it absent)");
            continue;
        }
        if (header.match.matches(value ? std::string_view(*value) : std::string_view()))
            return fail(why, "header " + header.name + (value ? " is " + quoted(*value) : std::string(" is absent, read as ''"))
                                 + ", which withoutHeaders excludes (" + header.match.describe() + ')');
    }
    for (const NamedMatch &query : m_queryParams) {
        const std::string *value = request.queryParam(query.name);
        if (!value)
            return fail(why, "query parameter " + query.name + " is absent (wants " + query.match.describe() + ')');
        if (!checkValue(query.match, *value, "query parameter", &query.name, why))
            return false;
    }
    return true;
}

std::string CompiledMatchBlock::whyNot(const HttpRequest &request, const ProxyContext &proxy) const
{
    std::string why;
    if (evaluate(request, proxy, &why))
        return {};
    return why;
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
