// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

namespace meshlane {

// Lets go of `object` on a thread of its own, at low priority: the last
// reference to a snapshot of ten thousand resources takes milliseconds to
// drop (one reference count per resource, each in its own cache line), and
// whoever hands it over does not wait for that. Objects are dropped in the
// order given; what is still queued when the program exits is dropped then.
void releaseInBackground(std::shared_ptr<const void> object);

} // namespace meshlane
