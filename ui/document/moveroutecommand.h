#pragma once

#include "mesheditcommand.h"

namespace meshlane::ui {

// Moves an http route up or down: route order decides which one matches first.
class MoveRouteCommand : public MeshEditCommand
{
public:
    using MeshEditCommand::MeshEditCommand;
};

} // namespace meshlane::ui
