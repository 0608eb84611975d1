// SPDX-License-Identifier: MIT
#pragma once

#include "load/manifestloader.h"
#include "model/diagnostic.h"
#include "model/mesh.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>

class QTextStream;

namespace meshlane::cli {

inline QString qs(const std::string &text) { return QString::fromStdString(text); }
inline std::string ss(const QString &text) { return text.toStdString(); }

// A parser preloaded with what every command shares: DIR, -o/--output,
// -n/--namespace, --help. Returns std::nullopt and sets `exitCode` when the
// command should stop (usage error or --help printed).
class CommandLine
{
public:
    enum class Input { FolderOnly, FolderOrStdin };
    CommandLine(const QString &command, const QString &description, Input input = Input::FolderOrStdin);

    QCommandLineParser &parser() { return m_parser; }
    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }

    // Parses; prints errors or help. True when the command should go on.
    bool parse(const QStringList &args, QTextStream &out, QTextStream &err, int *exitCode);

    QString directory() const { return m_directory; }
    bool json() const { return m_json; }
    LoadOptions loadOptions() const;
    // Loads DIR; with Input::FolderOrStdin, "-" reads one stream of YAML
    // documents from standard input (`kubectl get vs,dr,svc -A -o yaml |
    // meshlane analyze -`), whose findings name "<stdin>" and the line.
    LoadResult load() const;

    // Reports a usage error in the command's words and returns ExitUsage.
    int usageError(QTextStream &err, const QString &message) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
    QString m_directory;
    bool m_json = false;
    Input m_input;
};

QJsonObject toJson(const Diagnostic &diagnostic);
QJsonArray toJson(const Diagnostics &diagnostics);

// Prints load problems to `err` the way a compiler prints warnings.
void printDiagnostics(const Diagnostics &diagnostics, QTextStream &stream);

// Writes a JSON document, indented, with a trailing newline.
void writeJson(QTextStream &out, const QJsonObject &object);

// Pads cells so columns line up; the first row is the heading.
QString formatTable(const QList<QStringList> &rows);

} // namespace meshlane::cli
