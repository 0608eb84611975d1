// SPDX-License-Identifier: MIT
#pragma once

#include "model/httpmatchrequest.h"

namespace meshlane {

// True when every request `later` matches is also matched by `earlier`, so a
// route holding `later` below one holding `earlier` never sees it. Deliberately
// conservative: "false" means "not provably covered", never "overlaps less".
// Understood: equal conditions; a prefix covering a longer prefix or an exact
// value it starts; a regex covering an exact value it fully matches; a header
// presence test covering any condition on that header; fewer conditions.
bool matchCovers(const HttpMatchRequest &earlier, const HttpMatchRequest &later);

// The same for one StringMatch; `foldCase` compares case-insensitively (uri
// with ignoreUriCase on both sides).
bool stringMatchCovers(const StringMatch &earlier, const StringMatch &later, bool foldCase = false);

} // namespace meshlane
