// SPDX-License-Identifier: MIT
#pragma once

namespace meshlane::ui {

// `meshlane [DIR] [--lang CODE] [--screenshot FILE [--size WxH] [--select NS/NAME]]`
int guiMain(int argc, char *argv[]);

} // namespace meshlane::ui
