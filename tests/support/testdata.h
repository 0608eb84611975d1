// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string>

// Where the tests find their inputs: the project's samples/ and tests/data/.
// The source path is compiled into test binaries only (tests/CMakeLists.txt),
// so a test runs the same from ctest, a shell or an IDE.
namespace meshlane::test {

inline QString projectDir()
{
    return QStringLiteral(MESHLANE_PROJECT_DIR);
}

// tests/data/<relative>
inline QString testData(const QString &relative = {})
{
    const QString root = projectDir() + QStringLiteral("/tests/data");
    return relative.isEmpty() ? root : root + u'/' + relative;
}

// samples/<name>
inline QString samplesDir(const QString &name = {})
{
    const QString root = projectDir() + QStringLiteral("/samples");
    return name.isEmpty() ? root : root + u'/' + name;
}

inline std::string testDataPath(const std::string &relative)
{
    return testData(QString::fromStdString(relative)).toStdString();
}

inline std::string samplePath(const std::string &name)
{
    return samplesDir(QString::fromStdString(name)).toStdString();
}

} // namespace meshlane::test
