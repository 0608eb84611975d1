// SPDX-License-Identifier: MIT
#include "base/relativepath.h"
#include "edit/meshedit.h"
#include "export/exporter.h"
#include "export/unifieddiff.h"
#include "load/manifestloader.h"
#include "support/editingsupport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/resource.h>

using namespace meshlane;
namespace fs = std::filesystem;
using editingtest::readFile;
using editingtest::snapshotTree;

namespace {

using Times = std::map<std::string, fs::file_time_type>;

Times modificationTimes(const fs::path &root)
{
    Times times;
    for (const auto &entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file())
            times[fs::relative(entry.path(), root).generic_string()] = entry.last_write_time();
    }
    return times;
}

// A working copy of a sample, loaded.
struct Copy
{
    QTemporaryDir dir;
    std::string root;
    MeshPtr mesh;

    explicit Copy(const std::string &source)
        : root(dir.path().toStdString() + "/mesh")
    {
        editingtest::copyTree(source, root);
        mesh = ManifestLoader().loadFolder(root).mesh;
    }
};

// An edit touching two files: weights in the VirtualService file and a new
// subset in the DestinationRule file.
MeshPtr editTwoFiles(const MeshPtr &mesh)
{
    const Result<MeshChange> weights = setRouteWeights(mesh, RouteRef{"default", "reviews", 0}, {50, 50});
    const Result<MeshChange> subset = createVersionSubset(weights->mesh, "reviews.default.svc.cluster.local", "v4");
    return subset->mesh;
}

void makeWritable(const fs::path &root)
{
    std::error_code ignored;
    fs::permissions(root, fs::perms::owner_all, fs::perm_options::add, ignored);
    for (const auto &entry : fs::recursive_directory_iterator(root, ignored)) {
        if (entry.is_directory(ignored))
            fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    }
}

bool hasTemporaryFiles(const fs::path &root)
{
    for (const auto &entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().filename().string().find(".meshlane-") != std::string::npos)
            return true;
    }
    return false;
}

// Three edited files, a-, m- and z-, written in that order; z- is padded to
// `zBytes` so a file-size limit can stop its write alone.
MeshPtr editThreeFiles(const std::string &root, size_t zBytes)
{
    const std::string services = readFile(editingtest::samplesDir() + "/fleetman/services.yaml");
    editingtest::writeFile(root + "/a-routing.yaml", readFile(editingtest::samplesDir() + "/fleetman/routing.yaml"));
    editingtest::writeFile(root + "/m-services.yaml", services);
    editingtest::writeFile(root + "/z-padded.yaml", services + "# " + std::string(zBytes, 'x') + "\n");
    MeshPtr mesh = ManifestLoader().loadFolder(root).mesh;
    const Result<MeshChange> weights =
        setRouteWeights(mesh, RouteRef{"default", "fleetman-staff-service", 0}, {60, 40});
    std::vector<TextEdit> touches;
    for (const char *file : {"m-services.yaml", "z-padded.yaml"})
        touches.push_back(TextEdit{file, weights->mesh->findFile(file)->text.size(), 0, "# touched\n"});
    const Result<MeshChange> all = applyEdits(weights->mesh, touches);
    if (!all)
        qFatal("%s", all.error().c_str());
    return all->mesh;
}

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_canFailWrites = editingtest::dropPermissionOverride();
    }

    // The proof: an unchanged export is byte-identical, for every sample.
    void noOpExportIsByteIdentical()
    {
        std::vector<std::string> folders = editingtest::sampleFolders();
        folders.push_back(editingtest::dataDir() + "/commented");
        for (const std::string &folder : folders) {
            QTemporaryDir out;
            const MeshPtr mesh = ManifestLoader().loadFolder(folder).mesh;
            const Result<ExportSummary> report = Exporter(mesh).exportTo(out.path().toStdString());
            QVERIFY2(report.ok(), report.error().c_str());
            QVERIFY2(snapshotTree(out.path().toStdString()) == snapshotTree(folder), folder.c_str());
            QVERIFY(std::find(report->written.begin(), report->written.end(), "README.md") != report->written.end()
                    || !fs::exists(folder + "/README.md"));
            // Again: everything is already there, nothing is touched.
            const Times before = modificationTimes(out.path().toStdString());
            const Result<ExportSummary> again = Exporter(mesh).exportTo(out.path().toStdString());
            QVERIFY(again.ok() && again->written.empty());
            QVERIFY(modificationTimes(out.path().toStdString()) == before);
            QVERIFY(Exporter(mesh).diff(out.path().toStdString()).empty());
        }
    }

    void inPlaceNoOpTouchesNothing()
    {
        Copy copy(editingtest::samplesDir() + "/bookinfo");
        const Times before = modificationTimes(copy.root);
        const Result<ExportSummary> report = Exporter(copy.mesh).exportTo({});
        QVERIFY(report.ok());
        QVERIFY(report->written.empty());
        QVERIFY(modificationTimes(copy.root) == before);
    }

    void inPlaceWritesOnlyWhatChanged()
    {
        Copy copy(editingtest::samplesDir() + "/bookinfo-80-20");
        fs::permissions(copy.root + "/virtual-services.yaml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
        const auto before = snapshotTree(copy.root);
        const Result<MeshChange> edit = setRouteWeights(copy.mesh, RouteRef{"default", "reviews", 0}, {30, 70});
        QVERIFY(edit.ok());
        ExportOptions options;
        options.loaded = copy.mesh.get();
        const Result<ExportSummary> report = Exporter(edit->mesh, options).exportTo({});
        QVERIFY(report.ok());
        QCOMPARE(report->written, std::vector<std::string>{"virtual-services.yaml"});
        auto after = snapshotTree(copy.root);
        QCOMPARE(after["virtual-services.yaml"], edit->mesh->findFile("virtual-services.yaml")->text);
        after["virtual-services.yaml"] = before.at("virtual-services.yaml");
        QVERIFY(after == before);
        QVERIFY(fs::status(copy.root + "/virtual-services.yaml").permissions()
                == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
        QVERIFY(!hasTemporaryFiles(copy.root));
    }

    void newFilesAreCreated()
    {
        Copy copy(editingtest::dataDir() + "/hosts");
        const Result<MeshChange> edit = createVersionSubset(copy.mesh, "checkout.default.svc.cluster.local", "v1");
        QVERIFY(edit.ok());
        const Result<ExportSummary> report = Exporter(edit->mesh).exportTo({});
        QVERIFY(report.ok());
        QCOMPARE(report->written, std::vector<std::string>{"destinationrule-checkout.yaml"});
        QCOMPARE(readFile(copy.root + "/destinationrule-checkout.yaml"),
                 edit->mesh->findFile("destinationrule-checkout.yaml")->text);
        const LoadResult reread = ManifestLoader().loadFolder(copy.root);
        QVERIFY(reread.diagnostics.empty());
        QVERIFY(reread.mesh->findSubset("checkout.default.svc.cluster.local", "v1"));
    }

    // The proof: a failed write (read-only folder) leaves the
    // originals intact, and no half-written file anywhere.
    void failedWriteLeavesOriginalsIntact()
    {
        if (!m_canFailWrites)
            QSKIP("cannot drop root's permission override here");
        Copy copy(editingtest::samplesDir() + "/bookinfo-80-20");
        const auto before = snapshotTree(copy.root);
        const MeshPtr edited = editTwoFiles(copy.mesh);
        QVERIFY(edited);
        fs::permissions(copy.root, fs::perms::owner_read | fs::perms::owner_exec);
        const Result<ExportSummary> report = Exporter(edited).exportTo({});
        makeWritable(copy.root);
        QVERIFY(!report.ok()); // a failure has nothing written to list
        QVERIFY(report.error().find("destination-rules.yaml") != std::string::npos);
        QVERIFY(snapshotTree(copy.root) == before);
        QVERIFY(!hasTemporaryFiles(copy.root));
    }

    // All or nothing: one folder refusing means the files already staged
    // elsewhere are not written either.
    // Disk full on the n-th file (a file-size limit makes its write fail
    // with EFBIG as a full disk fails with ENOSPC): nothing is written.
    void diskFullOnTheLastFileWritesNothing()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        const MeshPtr mesh = editThreeFiles(root, 256 * 1024);
        const auto before = snapshotTree(root);
        rlimit original{};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &original) == 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // else the kernel kills the writer
        rlimit limited = original;
        limited.rlim_cur = 128 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        const Result<ExportSummary> report = Exporter(mesh).exportTo({});
        setrlimit(RLIMIT_FSIZE, &original);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY(!report.ok());
        QVERIFY2(report.error().find("z-padded.yaml") == 0, report.error().c_str());
        QVERIFY(snapshotTree(root) == before);
        QVERIFY(!hasTemporaryFiles(root));
    }

    // The n-th rename fails (another program put a folder where the file
    // was): the files the earlier renames replaced are put back.
    void failedReplacementUndoesTheEarlierOnes()
    {
        for (const std::string victim : {"m-services.yaml", "z-padded.yaml"}) {
            QTemporaryDir dir;
            const std::string root = dir.path().toStdString();
            const MeshPtr mesh = editThreeFiles(root, 16);
            auto before = snapshotTree(root);
            ExportOptions options;
            std::vector<std::string> replacing;
            options.beforeReplacing = [&](const std::string &relative) {
                replacing.push_back(relative);
                if (relative != victim)
                    return;
                fs::remove(root + "/" + relative);
                fs::create_directories(root + "/" + relative + "/in-the-way");
            };
            const Result<ExportSummary> report = Exporter(mesh, options).exportTo({});
            QVERIFY(!report.ok());
            QVERIFY2(report.error().find(victim + ": cannot replace it") == 0, report.error().c_str());
            QCOMPARE(replacing.front(), std::string("a-routing.yaml"));
            fs::remove_all(root + "/" + victim);
            before.erase(victim);
            QVERIFY(snapshotTree(root) == before);
            QVERIFY(!hasTemporaryFiles(root));
        }
    }

    void oneFailureWritesNothing()
    {
        if (!m_canFailWrites)
            QSKIP("cannot drop root's permission override here");
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        editingtest::writeFile(root + "/a-routing.yaml", readFile(editingtest::samplesDir() + "/fleetman/routing.yaml"));
        editingtest::writeFile(root + "/z/services.yaml", readFile(editingtest::samplesDir() + "/fleetman/services.yaml"));
        const MeshPtr mesh = ManifestLoader().loadFolder(root).mesh;
        const Result<MeshChange> weights =
            setRouteWeights(mesh, RouteRef{"default", "fleetman-staff-service", 0}, {60, 40});
        const std::string &services = mesh->findFile("z/services.yaml")->text;
        const Result<MeshChange> both =
            applyEdits(weights->mesh, {TextEdit{"z/services.yaml", services.size(), 0, "# touched\n"}});
        QVERIFY(both.ok());
        const auto before = snapshotTree(root);
        fs::permissions(root + "/z", fs::perms::owner_read | fs::perms::owner_exec);
        const Result<ExportSummary> report = Exporter(both->mesh).exportTo({});
        makeWritable(root);
        QVERIFY(!report.ok());
        QVERIFY(snapshotTree(root) == before);
        QVERIFY(!hasTemporaryFiles(root));
    }

    void readOnlyOutputFolder()
    {
        if (!m_canFailWrites)
            QSKIP("cannot drop root's permission override here");
        QTemporaryDir out;
        fs::permissions(out.path().toStdString(), fs::perms::owner_read | fs::perms::owner_exec);
        const MeshPtr mesh = ManifestLoader().loadFolder(editingtest::samplesDir() + "/greeter").mesh;
        const Result<ExportSummary> report = Exporter(mesh).exportTo(out.path().toStdString());
        makeWritable(out.path().toStdString());
        QVERIFY(!report.ok());
        QVERIFY(fs::is_empty(out.path().toStdString()));
    }

    void changedOnDiskIsRefused()
    {
        Copy copy(editingtest::samplesDir() + "/bookinfo-80-20");
        const Result<MeshChange> edit = setRouteWeights(copy.mesh, RouteRef{"default", "reviews", 0}, {30, 70});
        editingtest::writeFile(copy.root + "/virtual-services.yaml", "# someone else was here\n");
        ExportOptions options;
        options.loaded = copy.mesh.get();
        const Result<ExportSummary> report = Exporter(edit->mesh, options).exportTo({});
        QVERIFY(!report.ok());
        QVERIFY(report.error().find("changed on disk") != std::string::npos);
        QCOMPARE(readFile(copy.root + "/virtual-services.yaml"), std::string("# someone else was here\n"));
    }

    void everyProblemIsListed()
    {
        QTemporaryDir out;
        const std::string root = out.path().toStdString();
        fs::create_directories(root + "/routing.yaml");
        fs::create_directories(root + "/services.yaml");
        const Exporter exporter(ManifestLoader().loadFolder(editingtest::samplesDir() + "/fleetman").mesh);
        const Result<ExportSummary> report = exporter.exportTo(root);
        QVERIFY(!report.ok());
        QCOMPARE(report.error(),
                 std::string("routing.yaml: exists and is not a regular file\n"
                             "services.yaml: exists and is not a regular file"));
        QVERIFY(!fs::exists(root + "/deployments.yaml"));
        QCOMPARE(exporter.outputFolder(root), fs::canonical(root).string());
        QCOMPARE(exporter.outputFolder(root + "/nothing"), std::string());
    }

    void neverWritesOutsideTheFolder()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        editingtest::writeFile(root + "/source/sub/vs.yaml", readFile(editingtest::samplesDir() + "/fleetman/routing.yaml"));
        editingtest::writeFile(root + "/source/top.yaml", readFile(editingtest::samplesDir() + "/fleetman/services.yaml"));
        fs::create_directories(root + "/outside");
        fs::create_directories(root + "/out");
        const MeshPtr mesh = ManifestLoader().loadFolder(root + "/source").mesh;

        // A folder link inside the output pointing elsewhere.
        fs::create_directory_symlink(root + "/outside", root + "/out/sub");
        Result<ExportSummary> report = Exporter(mesh).exportTo(root + "/out");
        QVERIFY(!report.ok());
        QVERIFY(fs::is_empty(root + "/outside"));
        QVERIFY(!fs::exists(root + "/out/top.yaml"));
        fs::remove(root + "/out/sub");

        // A file link pointing outside.
        editingtest::writeFile(root + "/outside/top.yaml", "precious\n");
        fs::create_symlink(root + "/outside/top.yaml", root + "/out/top.yaml");
        report = Exporter(mesh).exportTo(root + "/out");
        QVERIFY(!report.ok());
        QCOMPARE(readFile(root + "/outside/top.yaml"), std::string("precious\n"));
        fs::remove(root + "/out/top.yaml");

        // A link that stays inside is followed: the file it names is written, the link kept.
        editingtest::writeFile(root + "/out/real.yaml", "old\n");
        fs::create_symlink("real.yaml", root + "/out/top.yaml");
        report = Exporter(mesh).exportTo(root + "/out");
        QVERIFY2(report.ok(), report.error().c_str());
        QVERIFY(fs::is_symlink(root + "/out/top.yaml"));
        QCOMPARE(readFile(root + "/out/real.yaml"), readFile(root + "/source/top.yaml"));

        // Paths a mesh could carry are checked before anything meets the disk.
        for (const char *bad : {"../x.yaml", "/etc/passwd", "a/../../x", "a//b", "./a", "a\\b", ""})
            QVERIFY2(!checkSafeRelativePath(bad), bad);
        for (const char *good : {"a.yaml", "dir/sub/a.yml", "..a.yaml", "a..yaml"})
            QVERIFY2(checkSafeRelativePath(good), good);
    }

    void outputInsideSourceIsNotCopiedIntoItself()
    {
        Copy copy(editingtest::samplesDir() + "/greeter");
        const std::string out = copy.root + "/exported";
        QVERIFY(Exporter(copy.mesh).exportTo(out).ok());
        QVERIFY(Exporter(copy.mesh).exportTo(out).ok());
        for (const auto &[path, text] : snapshotTree(out))
            QVERIFY2(path.rfind("exported", 0) != 0, path.c_str());
    }

    void diffShowsWhatExportWouldWrite()
    {
        Copy copy(editingtest::samplesDir() + "/bookinfo-80-20");
        const MeshPtr edited = editTwoFiles(copy.mesh);
        const std::string diff = Exporter(edited).diff({});
        QCOMPARE(diff, meshDiff(*copy.mesh, *edited));
        const QString patch = QStandardPaths::findExecutable(QStringLiteral("patch"));
        if (patch.isEmpty())
            return;
        editingtest::writeFile(copy.dir.path().toStdString() + "/change.diff", diff);
        QProcess process;
        process.setWorkingDirectory(QString::fromStdString(copy.root));
        process.start(patch, {QStringLiteral("-p1"), QStringLiteral("-i"), copy.dir.path() + QStringLiteral("/change.diff")});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
        for (const auto &file : edited->files)
            QCOMPARE(readFile(copy.root + '/' + file->path), file->text);
    }

private:
    bool m_canFailWrites = false;
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
