#pragma once

#include "mesheditcommand.h"

namespace meshlane::ui {

// Adds a destination to an http route (the others re-balanced); with a new version subset it runs inside one macro after CreateSubsetCommand.
class AddDestinationCommand : public MeshEditCommand
{
public:
    using MeshEditCommand::MeshEditCommand;
};

} // namespace meshlane::ui
