// SPDX-License-Identifier: MIT
#include "widgets/appearance.h"

#include <QFontDatabase>
#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

// Q_INIT_RESOURCE must be used outside any namespace. meshlane_ui is a static
// library: without this the linker may drop the resource's initializer.
static void initMeshlaneResources()
{
    Q_INIT_RESOURCE(meshlane);
}

namespace meshlane::ui {

namespace {

QStringList sansFamilies() { return {QStringLiteral("DejaVu Sans"), QStringLiteral("NanumGothic")}; }

} // namespace

void registerBundledFonts()
{
    static const bool registered = [] {
        initMeshlaneResources();
        for (const char *file : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "NanumGothic.ttf"}) {
            if (QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/") + QLatin1String(file)) < 0)
                qWarning("meshlane: could not load the bundled font %s", file);
        }
        return true;
    }();
    Q_UNUSED(registered)
}

void useReproducibleAppearance()
{
    registerBundledFonts();
    QFont font(sansFamilies());
    font.setPixelSize(12);
    font.setHintingPreference(QFont::PreferNoHinting); // hinting differs between FreeType builds
    QApplication::setFont(font);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

QFont monospaceFont()
{
    QFont font(QStringList{QStringLiteral("DejaVu Sans Mono"), QStringLiteral("NanumGothic")});
    font.setPixelSize(12);
    font.setStyleHint(QFont::Monospace);
    return font;
}

} // namespace meshlane::ui
