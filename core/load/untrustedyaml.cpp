// SPDX-License-Identifier: MIT
#include "load/untrustedyaml.h"

#include "load/allocationbudget.h"
#include "load/textchecks.h"

#include <new>

namespace meshlane {

namespace {

[[noreturn]] void refuse(int line, const std::string &why)
{
    YAML::Mark mark = YAML::Mark::null_mark();
    if (line > 0) {
        mark.pos = 0;
        mark.line = line - 1;
        mark.column = 0;
    }
    throw YAML::ParserException(mark, why);
}

void checkBeforeParsing(const std::string &text)
{
    int nonTextLine = 0;
    if (const std::string reason = textchecks::nonTextReason(text, &nonTextLine); !reason.empty())
        refuse(nonTextLine, reason);
    const textchecks::SyntaxTraps traps = textchecks::findSyntaxTraps(text);
    if (traps.strayCommaLine)
        refuse(traps.strayCommaLine, "a ',' outside a flow collection or a plain scalar");
    if (traps.unterminatedQuoteLine)
        refuse(traps.unterminatedQuoteLine, "the quoted scalar that opens here is never closed");
    int deepestLine = 0;
    if (textchecks::nestingDepth(text, &deepestLine) > UntrustedYaml::kMaxNestingDepth)
        refuse(deepestLine, "nested deeper than " + std::to_string(UntrustedYaml::kMaxNestingDepth) + " levels");
}

} // namespace

YAML::Node UntrustedYaml::load(const std::string &text)
{
    checkBeforeParsing(text);
    try {
        const AllocationBudget guard(AllocationBudget::forYamlParse(text.size()));
        return YAML::Load(text);
    } catch (const std::bad_alloc &) {
        refuse(0, "the YAML parser ran out of its memory budget on this file");
    }
}

std::vector<YAML::Node> UntrustedYaml::loadAll(const std::string &text)
{
    checkBeforeParsing(text);
    try {
        const AllocationBudget guard(AllocationBudget::forYamlParse(text.size()));
        return YAML::LoadAll(text);
    } catch (const std::bad_alloc &) {
        refuse(0, "the YAML parser ran out of its memory budget on this file");
    }
}

} // namespace meshlane
