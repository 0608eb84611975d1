// SPDX-License-Identifier: MIT
#include "yaml/yamlwriter.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <utility>
#include <vector>

namespace meshlane {

namespace {

bool isQuotedInSource(const YAML::Node &node)
{
    // yaml-cpp: "?" = plain, "!" = quoted or block scalar, anything else = explicit tag.
    return node.Tag() != "?";
}

bool isLetter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

// Text YAML would accept as a plain scalar meaning exactly this string.
bool isSafePlain(const std::string &text, bool flowContext)
{
    if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':')
        return false;
    const unsigned char first = static_cast<unsigned char>(text.front());
    if (std::strchr("!&*{}[],#|>@`\"'%", first))
        return false;
    if ((first == '-' || first == '?' || first == ':')
        && (text.size() == 1 || text[1] == ' ' || (first == '-' && text.rfind("---", 0) == 0)))
        return false;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f)
            return false;
        if (c == ':' && (i + 1 == text.size() || text[i + 1] == ' '))
            return false;
        if (c == '#' && text[i - 1] == ' ')
            return false;
        if (flowContext && std::strchr(",[]{}", c))
            return false;
    }
    return text != "..." && text != "---";
}

std::string doubleQuoted(const std::string &text)
{
    std::string out = "\"";
    for (const char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                static const char hex[] = "0123456789abcdef";
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += ch;
            }
        }
    }
    return out + '"';
}

bool isEmptyCollection(const YAML::Node &node)
{
    return (node.IsMap() || node.IsSequence()) && node.size() == 0;
}

std::string emptyCollection(const YAML::Node &node)
{
    return node.IsMap() ? "{}" : "[]";
}

// A multi-line string as a literal block (`|`), the way kubectl prints them;
// empty when the text cannot be written that way without changing it.
std::string literalBlock(const std::string &text, int column, const std::string &newline)
{
    if (text.find('\n') == std::string::npos || text.front() == ' ' || text.front() == '\n')
        return {};
    for (const char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return {};
    }
    size_t trailing = 0;
    while (trailing < text.size() && text[text.size() - 1 - trailing] == '\n')
        ++trailing;
    std::string out = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
    const std::string body = text.substr(0, text.size() - trailing);
    const std::string indent(size_t(column), ' ');
    size_t start = 0;
    while (start <= body.size()) {
        size_t end = body.find('\n', start);
        if (end == std::string::npos)
            end = body.size();
        const std::string line = body.substr(start, end - start);
        out += newline + (line.empty() ? std::string() : indent + line);
        start = end + 1;
    }
    for (size_t i = 1; i < trailing; ++i)
        out += newline;
    return out;
}

class BlockEmitter
{
public:
    BlockEmitter(const YamlLayout &layout, YamlWriter::KeyOrder order)
        : m_layout(layout)
        , m_order(order)
    {
    }

    void node(const YAML::Node &node, int column)
    {
        if (node.IsMap())
            map(node, column);
        else if (node.IsSequence())
            sequence(node, column);
        else
            line(column, value(node, column));
    }

    std::string text() const { return m_text; }

private:
    // Sorted through indices: assigning a YAML::Node writes through to the
    // node it refers to, so nodes must never be swapped in place.
    std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node &mapping) const
    {
        std::vector<std::pair<YAML::Node, YAML::Node>> list;
        for (const auto &entry : mapping)
            list.emplace_back(entry.first, entry.second);
        if (m_order != YamlWriter::KeyOrder::Kubectl)
            return list;
        std::vector<size_t> order(list.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&list](size_t a, size_t b) {
            return YamlWriter::kubectlKeyLess(list[a].first.Scalar(), list[b].first.Scalar());
        });
        std::vector<std::pair<YAML::Node, YAML::Node>> sorted;
        for (const size_t i : order)
            sorted.emplace_back(list[i].first, list[i].second);
        return sorted;
    }

    void map(const YAML::Node &mapping, int column)
    {
        if (mapping.size() == 0) {
            line(column, "{}");
            return;
        }
        for (const auto &[key, item] : entries(mapping)) {
            const std::string prefix = (key.IsScalar() ? YamlWriter::scalar(key) : YamlWriter::flow(key)) + ':';
            if (item.IsMap() && item.size() > 0) {
                line(column, prefix);
                map(item, column + m_layout.indent);
            } else if (item.IsSequence() && item.size() > 0) {
                line(column, prefix);
                sequence(item, column + m_layout.sequenceIndent);
            } else {
                line(column, prefix + ' ' + value(item, column + m_layout.indent));
            }
        }
    }

    void sequence(const YAML::Node &list, int column)
    {
        if (list.size() == 0) {
            line(column, "[]");
            return;
        }
        for (const auto &item : list) {
            if ((item.IsMap() || item.IsSequence()) && item.size() > 0) {
                // Written at column + 2, then the first line's indent becomes "- ".
                const size_t start = m_text.size();
                node(item, column + 2);
                m_text.replace(start + size_t(column), 2, "- ");
            } else {
                line(column, "- " + value(item, column + 2));
            }
        }
    }

    std::string value(const YAML::Node &node, int column) const
    {
        if (isEmptyCollection(node))
            return emptyCollection(node);
        if (node.IsScalar() && isQuotedInSource(node)) {
            const std::string literal = literalBlock(node.Scalar(), column, m_layout.newline);
            if (!literal.empty())
                return literal;
        }
        return YamlWriter::scalar(node);
    }

    void line(int column, const std::string &content)
    {
        m_text += std::string(size_t(column), ' ') + content + m_layout.newline;
    }

    const YamlLayout &m_layout;
    YamlWriter::KeyOrder m_order;
    std::string m_text;
};

void appendFlow(std::string &out, const YAML::Node &node, bool json)
{
    if (node.IsMap()) {
        out += '{';
        bool first = true;
        for (const auto &entry : node) {
            out += first ? "" : ", ";
            first = false;
            out += json ? doubleQuoted(entry.first.Scalar()) : YamlWriter::scalar(entry.first, true);
            out += ": ";
            appendFlow(out, entry.second, json);
        }
        out += '}';
    } else if (node.IsSequence()) {
        out += '[';
        for (size_t i = 0; i < node.size(); ++i) {
            out += i ? ", " : "";
            appendFlow(out, node[i], json);
        }
        out += ']';
    } else {
        out += YamlWriter::scalar(node, true, json);
    }
}

YAML::Node withoutServerFields(const YAML::Node &resource)
{
    static const char *const serverMetadata[] = {"creationTimestamp", "deletionGracePeriodSeconds",
                                                 "deletionTimestamp", "generation", "managedFields",
                                                 "resourceVersion", "selfLink", "uid"};
    YAML::Node copy = YAML::Clone(resource);
    if (!copy.IsMap())
        return copy;
    copy.remove("status");
    YAML::Node metadata = copy["metadata"];
    if (metadata.IsMap()) {
        for (const char *field : serverMetadata)
            metadata.remove(field);
        YAML::Node annotations = metadata["annotations"];
        if (annotations.IsMap()) {
            annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
            if (annotations.size() == 0)
                metadata.remove("annotations");
        }
    }
    return copy;
}

} // namespace

std::string YamlWriter::canonical(const YAML::Node &resource)
{
    return block(withoutServerFields(resource), 0, YamlLayout{}, KeyOrder::Kubectl);
}

std::string YamlWriter::block(const YAML::Node &node, int column, const YamlLayout &layout, KeyOrder order)
{
    BlockEmitter emitter(layout, order);
    emitter.node(node, column);
    return emitter.text();
}

std::string YamlWriter::flow(const YAML::Node &node, bool json)
{
    std::string out;
    appendFlow(out, node, json);
    return out;
}

std::string YamlWriter::scalar(const YAML::Node &node, bool flowContext, bool json)
{
    if (!node.IsDefined() || node.IsNull())
        return "null";
    if (!node.IsScalar())
        return flow(node, json);
    const std::string &text = node.Scalar();
    if (json) {
        if (!isQuotedInSource(node)
            && (text == "true" || text == "false" || text == "null" || looksLikeNonString(text)))
            return text;
        return doubleQuoted(text);
    }
    if (!isQuotedInSource(node))
        return isSafePlain(text, flowContext) ? text : doubleQuoted(text);
    if (isSafePlain(text, flowContext) && !looksLikeNonString(text))
        return text;
    return doubleQuoted(text);
}

YAML::Node YamlWriter::stringNode(const std::string &text)
{
    YAML::Node node(text);
    node.SetTag("!");
    return node;
}

YAML::Node YamlWriter::integerNode(int64_t value)
{
    YAML::Node node(std::to_string(value));
    node.SetTag("?");
    return node;
}

YAML::Node YamlWriter::numberNode(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    YAML::Node node(std::string(buffer, result.ptr));
    node.SetTag("?");
    return node;
}

bool YamlWriter::looksLikeNonString(const std::string &text)
{
    if (text.empty())
        return false;
    static const char *const keywords[] = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
                                           ".inf", "-.inf", "+.inf", ".nan"};
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return char(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    for (const char *keyword : keywords) {
        if (lower == keyword)
            return true;
    }
    // Numbers in any YAML 1.1 or 1.2 spelling (1_000, 0x1f, 0o17, 1e3, 1:30,
    // dates): anything that starts like a number and holds only number
    // characters is quoted. Quoting a string never hurts; not quoting one does.
    const unsigned char first = static_cast<unsigned char>(text[0]);
    const bool startsNumeric = isDigit(first)
        || ((first == '-' || first == '+' || first == '.') && text.size() > 1
            && (isDigit(static_cast<unsigned char>(text[1])) || text[1] == '.'));
    if (!startsNumeric)
        return false;
    return text.find_first_not_of("0123456789_.:+-eExXoObBaAcCdDfFtTzZ ") == std::string::npos;
}

bool YamlWriter::kubectlKeyLess(const std::string &a, const std::string &b)
{
    const size_t common = std::min(a.size(), b.size());
    for (size_t i = 0; i < common; ++i) {
        const unsigned char ca = static_cast<unsigned char>(a[i]);
        const unsigned char cb = static_cast<unsigned char>(b[i]);
        if (ca == cb)
            continue;
        const bool aLetter = isLetter(ca);
        const bool bLetter = isLetter(cb);
        if (aLetter && bLetter)
            return ca < cb;
        if (aLetter || bLetter)
            return bLetter;
        // Digit runs compare by value; a run that follows non-zero digits keeps
        // its leading zeros significant, as in go-yaml.
        int64_t an = 0;
        int64_t bn = 0;
        if (ca == '0' || cb == '0') {
            for (size_t j = i; j-- > 0 && isDigit(static_cast<unsigned char>(a[j]));) {
                if (a[j] != '0') {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        size_t ai = i;
        size_t bi = i;
        for (; ai < a.size() && isDigit(static_cast<unsigned char>(a[ai])); ++ai)
            an = an * 10 + (a[ai] - '0');
        for (; bi < b.size() && isDigit(static_cast<unsigned char>(b[bi])); ++bi)
            bn = bn * 10 + (b[bi] - '0');
        if (an != bn)
            return an < bn;
        if (ai != bi)
            return ai < bi;
        return ca < cb;
    }
    return a.size() < b.size();
}

} // namespace meshlane
