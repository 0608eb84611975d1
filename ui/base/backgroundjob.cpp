// SPDX-License-Identifier: MIT
#include "base/backgroundjob.h"

namespace meshlane::ui {

QThreadPool &backgroundPool()
{
    static QThreadPool pool; // as many threads as cores, as Qt's own
    return pool;
}

} // namespace meshlane::ui
