#pragma once

#include "mesheditcommand.h"

namespace meshlane::ui {

// Removes one http route of a VirtualService.
class RemoveRouteCommand : public MeshEditCommand
{
public:
    using MeshEditCommand::MeshEditCommand;
};

} // namespace meshlane::ui
