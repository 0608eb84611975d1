#pragma once

#include "mesheditcommand.h"

namespace meshlane::ui {

// Inserts a route that sends matching requests to one destination.
class AddMatchRouteCommand : public MeshEditCommand
{
public:
    using MeshEditCommand::MeshEditCommand;
};

} // namespace meshlane::ui
