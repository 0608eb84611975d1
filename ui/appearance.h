#pragma once

#include <QFont>

namespace meshlane::ui {

// Registers the fonts shipped in the resources (DejaVu Sans, DejaVu Sans Mono,
// Nanum Gothic) and makes DejaVu Sans, falling back to Nanum Gothic for Hangul,
// the application font: text then renders the same on every machine, which the
// screenshot tests rely on. Call once, after the QApplication exists.
void installBundledFonts();

// DejaVu Sans Mono, for YAML and other code.
QFont monospaceFont();

// Fusion with its standard palette: the same widgets on every desktop, for
// screenshots and golden-image tests.
void useReproducibleStyle();

} // namespace meshlane::ui
