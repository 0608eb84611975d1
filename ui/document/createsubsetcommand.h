#pragma once

#include "mesheditcommand.h"

namespace meshlane::ui {

// Adds a subset to a DestinationRule (or creates the rule).
class CreateSubsetCommand : public MeshEditCommand
{
public:
    using MeshEditCommand::MeshEditCommand;
};

} // namespace meshlane::ui
