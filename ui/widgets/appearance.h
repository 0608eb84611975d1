// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>

namespace meshlane::ui {

// Registers the fonts shipped in the resources (DejaVu Sans, DejaVu Sans Mono,
// Nanum Gothic), so the YAML pane's font and Hangul exist on any machine; the
// user's own UI font is left alone. Call once, after the QApplication exists.
void registerBundledFonts();

// DejaVu Sans Mono, for YAML and other code.
QFont monospaceFont();

// For screenshots and golden-image tests only: the bundled DejaVu Sans (Nanum
// Gothic for Hangul) as the application font, unhinted, and Fusion with its
// standard palette, so a picture comes out the same on every machine.
void useReproducibleAppearance();

} // namespace meshlane::ui
