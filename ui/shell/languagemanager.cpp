// SPDX-License-Identifier: MIT
#include "shell/languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace meshlane::ui {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
    , m_appTranslator(new QTranslator(this))
    , m_qtTranslator(new QTranslator(this))
{
}

QStringList LanguageManager::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("ko")};
}

QString LanguageManager::nativeName(const QString &code)
{
    if (code == QLatin1String("ko"))
        return QStringLiteral("\ud55c\uad6d\uc5b4"); // 한국어
    return QStringLiteral("English");
}

QString LanguageManager::systemLanguage()
{
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = name.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (availableLanguages().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

bool LanguageManager::setLanguage(const QString &code)
{
    const QString effective = code.isEmpty() ? systemLanguage() : code;
    if (!availableLanguages().contains(effective))
        return false;
    m_language = code;
    if (effective == m_effective)
        return true;
    QCoreApplication::removeTranslator(m_appTranslator);
    QCoreApplication::removeTranslator(m_qtTranslator);
    // English has a catalogue too: it holds the plural forms ("1 pod", "2 pods").
    if (m_appTranslator->load(QStringLiteral(":/i18n/meshlane_") + effective))
        QCoreApplication::installTranslator(m_appTranslator);
    // Qt's own strings (standard dialogs) come from the system, when installed.
    if (m_qtTranslator->load(QStringLiteral("qtbase_") + effective, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qtTranslator);
    m_effective = effective;
    Q_EMIT languageChanged(effective);
    return true;
}

} // namespace meshlane::ui
