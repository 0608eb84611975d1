// SPDX-License-Identifier: MIT
#include "graph/graphquery.h"

#include "graph/meshgraph.h"
#include "model/hostname.h"
#include "model/mesh.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace meshlane {

namespace {

std::string lower(std::string_view text)
{
    return toLower(std::string(text));
}

// `*` any run, `?` any one character; both sides already in lower case.
bool globMatch(std::string_view pattern, std::string_view text)
{
    size_t p = 0, t = 0, starP = std::string_view::npos, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starT = t;
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

enum class TokenKind { Word, LeftParen, RightParen, And, Or, Not, Equal, NotEqual, End };

struct Token
{
    TokenKind kind = TokenKind::End;
    std::string text;
    int column = 0; // 1-based
};

Result<std::vector<Token>> tokenize(std::string_view text)
{
    std::vector<Token> tokens;
    size_t i = 0;
    const auto fail = [](size_t at, const std::string &why) {
        return Result<std::vector<Token>>::failure("column " + std::to_string(at + 1) + ": " + why);
    };
    while (i < text.size()) {
        const char c = text[i];
        const int column = int(i) + 1;
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? TokenKind::LeftParen : TokenKind::RightParen, std::string(1, c), column});
            ++i;
        } else if (c == '!' && i + 1 < text.size() && text[i + 1] == '=') {
            tokens.push_back({TokenKind::NotEqual, "!=", column});
            i += 2;
        } else if (c == '!') {
            tokens.push_back({TokenKind::Not, "!", column});
            ++i;
        } else if (c == '=') {
            tokens.push_back({TokenKind::Equal, "=", column});
            i += text.compare(i, 2, "==") == 0 ? 2 : 1;
        } else if (c == '&' || c == '|') {
            if (i + 1 >= text.size() || text[i + 1] != c)
                return fail(i, std::string("write ") + c + c + " (or " + (c == '&' ? "and" : "or") + ")");
            tokens.push_back({c == '&' ? TokenKind::And : TokenKind::Or, std::string(2, c), column});
            i += 2;
        } else if (c == '"' || c == '\'') {
            const size_t close = text.find(c, i + 1);
            if (close == std::string_view::npos)
                return fail(i, "this quote is never closed");
            tokens.push_back({TokenKind::Word, std::string(text.substr(i + 1, close - i - 1)), column});
            i = close + 1;
        } else {
            const size_t start = i;
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))
                   && std::string_view("()=!&|\"'").find(text[i]) == std::string_view::npos)
                ++i;
            const std::string word(text.substr(start, i - start));
            const std::string keyword = lower(word);
            TokenKind kind = TokenKind::Word;
            if (keyword == "and")
                kind = TokenKind::And;
            else if (keyword == "or")
                kind = TokenKind::Or;
            else if (keyword == "not")
                kind = TokenKind::Not;
            tokens.push_back({kind, word, column});
        }
    }
    tokens.push_back({TokenKind::End, {}, int(text.size()) + 1});
    return tokens;
}

} // namespace

struct GraphQuery::Expression
{
    enum class Op { And, Or, Not, Test };
    enum class Attribute { Words, Name, Namespace, App, Version, Kind, Label, HasLabel, Split, Mirror, Broken };

    Op op = Op::Test;
    std::vector<std::shared_ptr<const Expression>> operands;
    Attribute attribute = Attribute::Words;
    std::string key;     // Label, HasLabel
    std::string pattern; // lower case
    bool different = false; // `!=`
    GraphNodeKind kind = GraphNodeKind::Service;
};

namespace {

using Expression = GraphQuery::Expression;
using ExpressionPtr = std::shared_ptr<const Expression>;

struct NodeFacts
{
    const GraphNode *node = nullptr;
    const Labels *labels = nullptr; // of its resource; null when it has none
    bool mirror = false;            // a mirror edge starts or ends here
    bool brokenEdge = false;        // a broken edge starts or ends here
};

std::optional<GraphNodeKind> kindNamed(const std::string &name)
{
    static const std::map<std::string, GraphNodeKind> kinds = {
        {"gateway", GraphNodeKind::Gateway}, {"service", GraphNodeKind::Service}, {"app", GraphNodeKind::App},
        {"version", GraphNodeKind::Version}, {"workload", GraphNodeKind::Version},
        {"external", GraphNodeKind::External}, {"serviceentry", GraphNodeKind::External},
        {"namespace", GraphNodeKind::Namespace}, // a collapsed one
    };
    const auto found = kinds.find(name);
    return found == kinds.end() ? std::nullopt : std::optional(found->second);
}

const std::string *labelOf(const NodeFacts &facts, const std::string &key)
{
    if (!facts.labels)
        return nullptr;
    const auto found = facts.labels->find(key);
    return found == facts.labels->end() ? nullptr : &found->second;
}

bool test(const Expression &e, const NodeFacts &facts)
{
    const GraphNode &node = *facts.node;
    const auto matches = [&e](const std::string &value) { return globMatch(e.pattern, lower(value)) != e.different; };
    switch (e.attribute) {
    case Expression::Attribute::Words: {
        const auto contains = [&e](const std::string &value) {
            return lower(value).find(e.pattern) != std::string::npos;
        };
        return contains(node.label) || contains(node.resource.name);
    }
    case Expression::Attribute::Name:
        return e.different ? matches(node.label) && matches(node.resource.name)
                           : matches(node.label) || (!node.resource.name.empty() && matches(node.resource.name));
    case Expression::Attribute::Namespace:
        return matches(node.ns);
    case Expression::Attribute::App: {
        if (node.kind == GraphNodeKind::App)
            return matches(node.label);
        const std::string *app = labelOf(facts, "app");
        return app ? matches(*app) : e.different;
    }
    case Expression::Attribute::Version: {
        const std::string *version = labelOf(facts, "version");
        if (version)
            return matches(*version);
        return node.kind == GraphNodeKind::Version ? matches(node.label) : e.different;
    }
    case Expression::Attribute::Kind:
        return (node.kind == e.kind) != e.different;
    case Expression::Attribute::Label: {
        const std::string *value = labelOf(facts, e.key);
        return value ? matches(*value) : e.different;
    }
    case Expression::Attribute::HasLabel:
        return labelOf(facts, e.key) != nullptr;
    case Expression::Attribute::Split:
        return node.splitsTraffic;
    case Expression::Attribute::Mirror:
        return facts.mirror;
    case Expression::Attribute::Broken:
        return node.broken() || facts.brokenEdge;
    }
    return false;
}

bool readsLabels(const Expression &e)
{
    if (e.op != Expression::Op::Test)
        return std::any_of(e.operands.begin(), e.operands.end(), [](const auto &o) { return readsLabels(*o); });
    return e.attribute == Expression::Attribute::App || e.attribute == Expression::Attribute::Version
        || e.attribute == Expression::Attribute::Label || e.attribute == Expression::Attribute::HasLabel;
}

bool evaluate(const Expression &e, const NodeFacts &facts)
{
    switch (e.op) {
    case Expression::Op::And:
        return std::all_of(e.operands.begin(), e.operands.end(), [&](const auto &o) { return evaluate(*o, facts); });
    case Expression::Op::Or:
        return std::any_of(e.operands.begin(), e.operands.end(), [&](const auto &o) { return evaluate(*o, facts); });
    case Expression::Op::Not:
        return !evaluate(*e.operands.front(), facts);
    case Expression::Op::Test:
        return test(e, facts);
    }
    return false;
}

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    Result<ExpressionPtr> parseAll()
    {
        if (peek().kind == TokenKind::End)
            return fail(peek(), "the expression is empty");
        Result<ExpressionPtr> root = parseOr();
        if (root && peek().kind != TokenKind::End)
            return fail(peek(), "unexpected '" + peek().text + "'");
        return root;
    }

private:
    const Token &peek() const { return m_tokens[m_next]; }
    const Token &take() { return m_tokens[m_next++]; }
    static Result<ExpressionPtr> fail(const Token &at, const std::string &why)
    {
        return Result<ExpressionPtr>::failure("column " + std::to_string(at.column) + ": " + why);
    }
    static ExpressionPtr combine(Expression::Op op, std::vector<ExpressionPtr> operands)
    {
        if (operands.size() == 1)
            return operands.front();
        auto e = std::make_shared<Expression>();
        e->op = op;
        e->operands = std::move(operands);
        return e;
    }

    Result<ExpressionPtr> parseOr()
    {
        std::vector<ExpressionPtr> operands;
        for (;;) {
            Result<ExpressionPtr> operand = parseAnd();
            if (!operand)
                return operand;
            operands.push_back(*operand);
            if (peek().kind != TokenKind::Or)
                return combine(Expression::Op::Or, std::move(operands));
            take();
        }
    }

    Result<ExpressionPtr> parseAnd()
    {
        std::vector<ExpressionPtr> operands;
        for (;;) {
            Result<ExpressionPtr> operand = parseUnary();
            if (!operand)
                return operand;
            operands.push_back(*operand);
            if (peek().kind == TokenKind::And)
                take();
            else if (peek().kind != TokenKind::Word && peek().kind != TokenKind::Not
                     && peek().kind != TokenKind::LeftParen)
                return combine(Expression::Op::And, std::move(operands)); // a space between terms is `and`
        }
    }

    Result<ExpressionPtr> parseUnary()
    {
        // Each '(' and 'not' recurses: a pasted wall of them must not overflow the stack.
        constexpr int kMaxDepth = 64;
        if (m_depth >= kMaxDepth)
            return fail(peek(), "nested more than 64 deep");
        ++m_depth;
        Result<ExpressionPtr> unary = parseUnaryAtDepth();
        --m_depth;
        return unary;
    }

    Result<ExpressionPtr> parseUnaryAtDepth()
    {
        if (peek().kind == TokenKind::Not) {
            take();
            Result<ExpressionPtr> operand = parseUnary();
            if (!operand)
                return operand;
            auto e = std::make_shared<Expression>();
            e->op = Expression::Op::Not;
            e->operands = {*operand};
            return ExpressionPtr(e);
        }
        if (peek().kind == TokenKind::LeftParen) {
            const Token &open = take();
            Result<ExpressionPtr> inside = parseOr();
            if (!inside)
                return inside;
            if (peek().kind != TokenKind::RightParen)
                return fail(open, "this '(' is never closed");
            take();
            return inside;
        }
        if (peek().kind != TokenKind::Word)
            return fail(peek(), peek().kind == TokenKind::End ? "the expression ends too early"
                                                              : "unexpected '" + peek().text + "'");
        return parseTest();
    }

    Result<ExpressionPtr> parseTest()
    {
        const Token &word = take();
        if (peek().kind == TokenKind::Equal || peek().kind == TokenKind::NotEqual) {
            const bool different = take().kind == TokenKind::NotEqual;
            if (peek().kind != TokenKind::Word)
                return fail(peek(), "a value must follow '" + std::string(different ? "!=" : "=") + "'");
            return comparison(word, different, take());
        }
        const std::string text = lower(word.text);
        const size_t colon = text.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
            if (text == "broken" || text == "split" || text == "mirror" || text == "external")
                return flag(word, text);
            auto e = std::make_shared<Expression>();
            e->attribute = Expression::Attribute::Words;
            e->pattern = text;
            return ExpressionPtr(e);
        }
        const std::string prefix = text.substr(0, colon);
        const std::string rest = text.substr(colon + 1);
        if (prefix == "has" || prefix == "is")
            return flag(word, rest);
        if (prefix == "label") {
            auto e = std::make_shared<Expression>();
            e->attribute = Expression::Attribute::HasLabel;
            e->key = word.text.substr(colon + 1); // label keys keep their case
            return ExpressionPtr(e);
        }
        // name:reviews is name = reviews
        Token attribute = word;
        attribute.text = word.text.substr(0, colon);
        Token value = word;
        value.text = word.text.substr(colon + 1);
        value.column = word.column + int(colon) + 1;
        return comparison(attribute, false, value);
    }

    // has:split, has:mirror, is:broken, is:external, is:gateway ... and the bare words.
    static Result<ExpressionPtr> flag(const Token &at, const std::string &what)
    {
        auto e = std::make_shared<Expression>();
        if (what == "split") {
            e->attribute = Expression::Attribute::Split;
        } else if (what == "mirror" || what == "mirrored") {
            e->attribute = Expression::Attribute::Mirror;
        } else if (what == "broken") {
            e->attribute = Expression::Attribute::Broken;
        } else if (const std::optional<GraphNodeKind> kind = kindNamed(what)) {
            e->attribute = Expression::Attribute::Kind;
            e->kind = *kind;
        } else {
            return fail(at, "unknown '" + at.text + "': use has:split, has:mirror, is:broken, is:external, "
                            "is:gateway, is:service, is:app or is:version");
        }
        return ExpressionPtr(e);
    }

    static Result<ExpressionPtr> comparison(const Token &attribute, bool different, const Token &value)
    {
        auto e = std::make_shared<Expression>();
        e->different = different;
        e->pattern = lower(value.text);
        const std::string name = lower(attribute.text);
        if (name == "name") {
            e->attribute = Expression::Attribute::Name;
        } else if (name == "ns" || name == "namespace") {
            e->attribute = Expression::Attribute::Namespace;
        } else if (name == "app") {
            e->attribute = Expression::Attribute::App;
        } else if (name == "version") {
            e->attribute = Expression::Attribute::Version;
        } else if (name == "kind" || name == "node") {
            const std::optional<GraphNodeKind> kind = kindNamed(e->pattern);
            if (!kind)
                return fail(value, "unknown kind '" + value.text
                                       + "': use gateway, service, app, version or external");
            e->attribute = Expression::Attribute::Kind;
            e->kind = *kind;
        } else if (name.rfind("label:", 0) == 0 && name.size() > 6) {
            e->attribute = Expression::Attribute::Label;
            e->key = attribute.text.substr(6);
        } else {
            return fail(attribute, "unknown attribute '" + attribute.text
                                       + "': use name, ns, app, version, kind or label:KEY");
        }
        return ExpressionPtr(e);
    }

    std::vector<Token> m_tokens;
    size_t m_next = 0;
    int m_depth = 0;
};

} // namespace

Result<GraphQuery> GraphQuery::parse(std::string_view text)
{
    Result<std::vector<Token>> tokens = tokenize(text);
    if (!tokens)
        return Result<GraphQuery>::failure(tokens.error());
    Result<ExpressionPtr> root = Parser(std::move(*tokens)).parseAll();
    if (!root)
        return Result<GraphQuery>::failure(root.error());
    GraphQuery query;
    query.m_root = std::move(*root);
    return query;
}

std::vector<int> GraphQuery::select(const MeshGraph &graph, const Mesh &mesh) const
{
    const std::vector<GraphNode> &nodes = graph.nodes();
    std::vector<NodeFacts> facts(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i)
        facts[i].node = &nodes[i];
    // Finding each node's resource costs more than the rest of a query at
    // 50,000 nodes: only for the queries that read labels.
    if (readsLabels(*m_root)) {
        std::map<ResourceId, const Labels *> labels;
        for (const auto &service : mesh.services)
            labels.emplace(service->meta.id(), &service->meta.labels);
        for (const auto &workload : mesh.workloads)
            labels.emplace(workload->meta.id(), &workload->podLabels);
        for (const auto &gateway : mesh.gateways)
            labels.emplace(gateway->meta.id(), &gateway->meta.labels);
        for (const auto &entry : mesh.serviceEntries)
            labels.emplace(entry->meta.id(), &entry->meta.labels);
        for (NodeFacts &fact : facts) {
            const auto found = labels.find(fact.node->resource);
            fact.labels = found == labels.end() ? nullptr : found->second;
        }
    }
    for (const GraphEdge &edge : graph.edges()) {
        for (const int end : {edge.from, edge.to}) {
            facts[size_t(end)].mirror = facts[size_t(end)].mirror || edge.kind == GraphEdgeKind::Mirror;
            facts[size_t(end)].brokenEdge = facts[size_t(end)].brokenEdge || edge.broken();
        }
    }
    std::vector<int> selected;
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (evaluate(*m_root, facts[i]))
            selected.push_back(int(i));
    }
    return selected;
}

} // namespace meshlane
