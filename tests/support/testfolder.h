// SPDX-License-Identifier: MIT
#pragma once

#include "support/testdata.h"
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <string>

// A scratch folder of manifests for one test, removed afterwards.
class TestFolder
{
public:
    bool isValid() const { return m_dir.isValid(); }
    std::string path() const { return m_dir.path().toStdString(); }
    QString qpath() const { return m_dir.path(); }

    void write(const QString &relativePath, const QByteArray &content) const
    {
        const QString full = m_dir.filePath(relativePath);
        QDir().mkpath(QFileInfo(full).absolutePath());
        QFile file(full);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(content);
    }

    QByteArray read(const QString &relativePath) const
    {
        QFile file(m_dir.filePath(relativePath));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private:
    QTemporaryDir m_dir;
};

inline QString samplesDir()
{
    return meshlane::test::samplesDir();
}
