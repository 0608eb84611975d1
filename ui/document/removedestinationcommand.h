#pragma once

#include "mesheditcommand.h"

namespace meshlane::ui {

// Removes a destination from an http route; its weight goes to the others.
class RemoveDestinationCommand : public MeshEditCommand
{
public:
    using MeshEditCommand::MeshEditCommand;
};

} // namespace meshlane::ui
