// SPDX-License-Identifier: MIT
// libFuzzer: a fuzzed file beside Bookinfo, then a weight edit on every route
// of every VirtualService (weights drawn from the input). Each edit either is
// refused with a reason or (1) changes nothing outside the files it names,
// (2) reads back with the weights asked for, and (3) its inverse restores
// every byte (revertEdits' contract).
#include "edit/meshedit.h"
#include "load/manifestloader.h"

#include "bookinfomesh.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace meshlane;

bool sameTexts(const Mesh &a, const Mesh &b)
{
    if (a.files.size() != b.files.size())
        return false;
    for (const auto &file : a.files) {
        const SourceFile *other = b.findFile(file->path);
        if (!other || other->text != file->text)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    const MeshPtr mesh = ManifestLoader().reloadFiles(bookinfoMesh(), {{"fuzz.yaml", text}}).mesh;
    size_t next = 0;
    for (const auto &vs : mesh->virtualServices) {
        for (size_t index = 0; index < vs->http.size(); ++index) {
            const size_t count = vs->http[index].route.size();
            if (count == 0)
                continue;
            std::vector<int> weights(count, 0);
            int left = 100;
            for (size_t i = 0; i + 1 < count; ++i) {
                const int weight = size ? int(data[next++ % size]) % (left + 1) : 0;
                weights[i] = weight;
                left -= weight;
            }
            weights.back() = left;
            const Result<MeshChange> edited =
                setRouteWeights(mesh, RouteRef{vs->meta.ns, vs->meta.name, index}, weights);
            if (!edited.ok()) {
                if (edited.error().empty())
                    __builtin_trap(); // a refusal says why
                continue;
            }
            for (const auto &file : mesh->files) {
                const SourceFile *after = edited->mesh->findFile(file->path);
                bool named = false;
                for (const TextEdit &edit : edited->edits)
                    named = named || edit.file == file->path;
                if (!named && (!after || after->text != file->text))
                    __builtin_trap(); // touched a file it does not name
            }
            const Result<MeshChange> undone = revertEdits(edited->mesh, edited->inverse);
            if (!undone.ok() || !sameTexts(*undone->mesh, *mesh))
                __builtin_trap();
        }
    }
    return 0;
}
