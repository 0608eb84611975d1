// SPDX-License-Identifier: MIT
#include "shell/commandlineedit.h"

#include "document/document.h"
#include "edit/weightspec.h"
#include "shell/mainwindow.h"

#include <algorithm>

namespace meshlane::ui {

Result<void> CommandLineEdit::stageWeights(MainWindow &window, const QString &virtualService, const QString &spec)
{
    Document *document = window.document();
    const std::string ns = virtualService.section(u'/', 0, 0).toStdString();
    const std::string name = virtualService.section(u'/', 1).toStdString();
    const VirtualService *vs = document->mesh()->findVirtualService(ns, name);
    if (!vs)
        return Result<void>::failure(QStringLiteral("no VirtualService %1 in %2")
                                         .arg(virtualService, document->folder())
                                         .toStdString());
    const auto route = std::find_if(vs->http.begin(), vs->http.end(),
                                    [](const HttpRoute &candidate) { return candidate.route.size() > 1; });
    if (route == vs->http.end())
        return Result<void>::failure(
            QStringLiteral("%1 has no route with several destinations to set weights on").arg(virtualService).toStdString());
    const size_t index = size_t(route - vs->http.begin());
    const Result<std::vector<int>> weights = WeightSpec::resolve(*route, index, spec.toStdString());
    if (!weights)
        return Result<void>::failure("--set-weights: " + weights.error());
    QString refused;
    const QMetaObject::Connection connection =
        QObject::connect(document, &Document::editFailed, [&refused](const QString &message) { refused = message; });
    const bool done = document->setRouteWeights(RouteRef{ns, name, index}, *weights, Document::newDragId());
    QObject::disconnect(connection);
    if (!done)
        return Result<void>::failure(refused.toStdString());
    return {};
}

} // namespace meshlane::ui
