// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Marks a sentence template for lupdate and keeps its context for the lookup.
// lupdate reads it as QT_TRANSLATE_NOOP (ui/CMakeLists.txt passes
// -tr-function-alias), so both arguments must be string literals.
#define MESHLANE_TR(context, source) ::meshlane::TranslatedText(context, source)

namespace meshlane {

// A user-visible sentence of the engine: a template with %1..%9 placeholders
// (so a translation may reorder them) and its arguments, turned into words
// only by text(). The engine keeps these in its compiled route tables, so the
// text follows the UI language at the time it is shown, not when the Router
// was built. With no translator installed (the CLI), text() is the English
// template with the arguments put in, byte for byte.
class TranslatedText
{
public:
    TranslatedText() = default;
    // Plain words that are not translated (names, hosts, values).
    TranslatedText(std::string literal) // NOLINT: implicit, so arguments read naturally
        : m_literal(std::move(literal))
    {
    }
    // Use MESHLANE_TR, which lupdate sees; both must outlive the object.
    TranslatedText(const char *context, const char *source)
        : m_context(context)
        , m_source(source)
    {
    }

    TranslatedText arg(TranslatedText value) &&;
    TranslatedText arg(const char *value) && { return std::move(*this).arg(std::string(value)); }
    TranslatedText arg(int64_t value) && { return std::move(*this).arg(std::to_string(value)); }
    TranslatedText &arg(TranslatedText value) &;

    bool empty() const { return !m_source && m_literal.empty(); }
    // The sentence in the language of the installed translators.
    std::string text() const;

    friend bool operator==(const TranslatedText &, const TranslatedText &) = default;

private:
    const char *m_context = nullptr;
    const char *m_source = nullptr; // null: m_literal is the whole text
    std::string m_literal;
    std::vector<TranslatedText> m_args;
};

} // namespace meshlane
