// SPDX-License-Identifier: MIT
#include "rollout/stepmanifestwriter.h"

#include "base/relativepath.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cctype>
#include <cstdio>
#include <map>

namespace meshlane {

namespace {

std::string slug(const std::string &action)
{
    std::string text = action;
    for (const auto &[from, to] : {std::pair<std::string, std::string>{"setWeight", "weight"},
                                   {"setHeaderRoute", "header-route"},
                                   {"setMirror", "mirror"},
                                   {"until promoted", "manual"}}) {
        if (const size_t at = text.find(from); at != std::string::npos)
            text.replace(at, from.size(), to);
    }
    std::string out;
    for (char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out += char(std::tolower(u));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

std::map<std::string, const SourceFile *> filesOf(const Mesh &mesh)
{
    std::map<std::string, const SourceFile *> files;
    for (const auto &file : mesh.files)
        files[file->path] = file.get();
    return files;
}

} // namespace

std::string StepManifestWriter::folderName(const RehearsalStep &step)
{
    char number[16];
    std::snprintf(number, sizeof number, "%02zu", step.index);
    return "step-" + std::string(number) + '-' + slug(step.action);
}

Result<StepManifestSummary> StepManifestWriter::write(const MeshPtr &start, const RehearsalReport &report,
                                                      const std::string &outputDir)
{
    StepManifestSummary result;
    std::map<std::string, const SourceFile *> before = filesOf(*start);
    for (const RehearsalStep &step : report.steps) {
        if (!step.mesh)
            continue;
        const std::map<std::string, const SourceFile *> after = filesOf(*step.mesh);
        std::vector<const SourceFile *> changed;
        for (const auto &[path, file] : after) {
            const auto old = before.find(path);
            if (old == before.end() || (old->second != file && old->second->text != file->text))
                changed.push_back(file);
        }
        before = after;
        if (changed.empty())
            continue;
        const std::string folder = folderName(step);
        result.folders.push_back(folder);
        for (const SourceFile *file : changed) {
            if (const Result<void> safe = checkSafeRelativePath(file->path); !safe)
                return Result<StepManifestSummary>::failure(file->path + ": " + safe.error());
            const QString target =
                QDir(QString::fromStdString(outputDir)).filePath(QString::fromStdString(folder + '/' + file->path));
            QSaveFile out(target);
            if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !out.open(QIODevice::WriteOnly)
                || out.write(file->text.data(), qint64(file->text.size())) != qint64(file->text.size())
                || !out.commit())
                return Result<StepManifestSummary>::failure(target.toStdString() + ": "
                                                            + out.errorString().toStdString());
            result.written.push_back(folder + '/' + file->path);
        }
    }
    return result;
}

} // namespace meshlane
