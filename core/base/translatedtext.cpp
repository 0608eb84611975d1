// SPDX-License-Identifier: MIT
#include "base/translatedtext.h"

#include <QCoreApplication>

namespace meshlane {

TranslatedText TranslatedText::arg(TranslatedText value) &&
{
    m_args.push_back(std::move(value));
    return std::move(*this);
}

TranslatedText &TranslatedText::arg(TranslatedText value) &
{
    m_args.push_back(std::move(value));
    return *this;
}

std::string TranslatedText::text() const
{
    if (!m_source)
        return m_literal;
    const QByteArray utf8 = QCoreApplication::translate(m_context, m_source).toUtf8();
    const std::string_view pattern(utf8.constData(), size_t(utf8.size()));
    // One pass, unlike chained QString::arg: a value that itself contains
    // "%1" (a header value, a regex) is never substituted again.
    std::string text;
    text.reserve(pattern.size() + 16 * m_args.size());
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const size_t index = size_t(pattern[i + 1] - '1');
            if (index < m_args.size()) {
                text += m_args[index].text();
                ++i;
                continue;
            }
        }
        text += c;
    }
    return text;
}

} // namespace meshlane
