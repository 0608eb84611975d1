// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

namespace meshlane::ui {

// Installs the translators for the chosen UI language. Widgets retranslate on
// QEvent::LanguageChange, so switching needs no restart.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);

    // Language codes with a translation ("en", "ko").
    static QStringList availableLanguages();
    // Name of a language in that language ("English", "한국어").
    static QString nativeName(const QString &code);
    // The best available language for the system locale ("en" when none fits).
    static QString systemLanguage();

    // "" follows the system. Returns false (and keeps English) for unknown codes.
    bool setLanguage(const QString &code);
    QString language() const { return m_language; }   // as asked: "" for the system's
    QString effectiveLanguage() const { return m_effective; }

Q_SIGNALS:
    void languageChanged(const QString &effectiveLanguage);

private:
    QTranslator *m_appTranslator;
    QTranslator *m_qtTranslator;
    QString m_language;
    QString m_effective; // empty until the first setLanguage()
};

} // namespace meshlane::ui
