// SPDX-License-Identifier: MIT
#include "cli/clisupport.h"

#include "cli/cli.h"

#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <QTextStream>

namespace meshlane::cli {

CommandLine::CommandLine(const QString &command, const QString &description, Input input)
    : m_command(command)
    , m_input(input)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addPositionalArgument(QStringLiteral("DIR"),
                                   input == Input::FolderOrStdin
                                       ? QStringLiteral("Folder (or file) of Kubernetes and Istio manifests; - reads them from standard input.")
                                       : QStringLiteral("Folder (or file) of Kubernetes and Istio manifests."));
    m_parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output format: text (default) or json."), QStringLiteral("FORMAT")});
    m_parser.addOption({{QStringLiteral("n"), QStringLiteral("namespace")},
                        QStringLiteral("Namespace for objects that name none (default: default)."), QStringLiteral("NS")});
    m_parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
}

bool CommandLine::parse(const QStringList &args, QTextStream &out, QTextStream &err, int *exitCode)
{
    // QCommandLineParser expects argv[0]; give it "meshlane <command>".
    QStringList argv = args;
    argv[0] = QStringLiteral("meshlane ") + m_command;
    if (!m_parser.parse(argv)) {
        *exitCode = usageError(err, m_parser.errorText());
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        out << m_parser.helpText();
        *exitCode = ExitOk;
        return false;
    }
    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() != 1) {
        *exitCode = usageError(err, positional.isEmpty() ? QStringLiteral("missing DIR")
                                                         : QStringLiteral("expected one DIR, got ") + positional.join(u' '));
        return false;
    }
    m_directory = positional.first();
    const QString format = m_parser.value(QStringLiteral("output"));
    if (!format.isEmpty() && format != u"json" && format != u"text") {
        *exitCode = usageError(err, QStringLiteral("unknown output format '") + format + QStringLiteral("' (use text or json)"));
        return false;
    }
    m_json = format == u"json";
    return true;
}

LoadOptions CommandLine::loadOptions() const
{
    LoadOptions options;
    const QString ns = m_parser.value(QStringLiteral("namespace"));
    if (!ns.isEmpty())
        options.defaultNamespace = ss(ns);
    return options;
}

LoadResult CommandLine::load() const
{
    const ManifestLoader loader(loadOptions());
    if (m_input == Input::FolderOrStdin && m_directory == u"-") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return loader.loadText("<stdin>", std::string());
        const QByteArray text = in.readAll();
        return loader.loadText("<stdin>", text.toStdString());
    }
    return loader.loadFolder(ss(m_directory));
}

int CommandLine::usageError(QTextStream &err, const QString &message) const
{
    err << "meshlane " << m_command << ": " << message << '\n'
        << "Run 'meshlane " << m_command << " --help' for usage.\n";
    return ExitUsage;
}

QJsonObject toJson(const Diagnostic &diagnostic)
{
    QJsonObject object;
    object[QStringLiteral("code")] = qs(diagnostic.code);
    object[QStringLiteral("severity")] = QString::fromLatin1(severityName(diagnostic.severity));
    object[QStringLiteral("kind")] = qs(diagnostic.resource.kind);
    object[QStringLiteral("namespace")] = qs(diagnostic.resource.ns);
    object[QStringLiteral("name")] = qs(diagnostic.resource.name);
    object[QStringLiteral("file")] = qs(diagnostic.location.file);
    object[QStringLiteral("line")] = diagnostic.location.line;
    object[QStringLiteral("message")] = qs(diagnostic.message);
    object[QStringLiteral("fix")] = qs(diagnostic.fix);
    if (!diagnostic.witness.empty())
        object[QStringLiteral("witness")] = qs(diagnostic.witness);
    return object;
}

QJsonArray toJson(const Diagnostics &diagnostics)
{
    QJsonArray array;
    for (const Diagnostic &diagnostic : diagnostics)
        array.append(toJson(diagnostic));
    return array;
}

void printDiagnostics(const Diagnostics &diagnostics, QTextStream &stream)
{
    for (const Diagnostic &diagnostic : diagnostics)
        stream << qs(diagnostic.toString()) << '\n';
}

void writeJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QString formatTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        text += line + u'\n';
    }
    return text;
}

} // namespace meshlane::cli
