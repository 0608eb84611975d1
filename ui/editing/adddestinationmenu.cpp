// SPDX-License-Identifier: MIT
#include "editing/adddestinationmenu.h"

#include "document/document.h"

#include <algorithm>
#include <set>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

} // namespace

AddDestinationMenu::AddDestinationMenu(Document *document, QWidget *parent)
    : QMenu(parent)
    , m_document(document)
{
    connect(this, &QMenu::aboutToShow, this, &AddDestinationMenu::fill);
}

void AddDestinationMenu::setRoute(const MeshPtr &mesh, const HttpRoute &route, const RouteRef &ref)
{
    m_mesh = mesh;
    m_route = route;
    m_ref = ref;
    m_rule = {};
    m_gatewayRule = false;
}

void AddDestinationMenu::setRule(const MeshPtr &mesh, const HttpRoute &backends, const GatewayRuleRef &rule)
{
    m_mesh = mesh;
    m_route = backends;
    m_ref = {};
    m_rule = rule;
    m_gatewayRule = true;
}

std::vector<std::pair<std::string, std::string>> AddDestinationMenu::hostsOf(const HttpRoute &route)
{
    std::vector<std::pair<std::string, std::string>> hosts; // fqdn, as written
    for (const RouteDestination &destination : route.route) {
        const auto seen = std::find_if(hosts.begin(), hosts.end(), [&](const auto &host) {
            return host.first == destination.destination.fqdn;
        });
        if (seen == hosts.end())
            hosts.emplace_back(destination.destination.fqdn, destination.destination.host);
    }
    return hosts;
}

void AddDestinationMenu::fill()
{
    clear();
    if (m_gatewayRule) {
        fillBackends();
        return;
    }
    for (const auto &[fqdn, written] : hostsOf(m_route)) {
        std::set<std::string> present;
        for (const RouteDestination &destination : m_route.route) {
            if (destination.destination.fqdn == fqdn)
                present.insert(destination.destination.subset);
        }
        std::set<std::string> defined;
        for (const DestinationRule *rule : m_mesh->destinationRulesFor(fqdn)) {
            for (const Subset &subset : rule->subsets) {
                defined.insert(subset.name);
                if (present.count(subset.name))
                    continue;
                QAction *action = addAction(tr("Subset %1").arg(qs(subset.name)));
                action->setToolTip(qs(fqdn));
                connect(action, &QAction::triggered, this, [this, host = written, name = subset.name] {
                    Destination destination;
                    destination.host = host;
                    destination.subset = name;
                    m_document->addDestination(m_ref, destination);
                });
            }
        }
        // Kiali's rule: a version label without a subset can get one named after it.
        const Service *service = m_mesh->findService(fqdn);
        std::set<std::string> versions;
        if (service) {
            for (const Workload *workload : m_mesh->workloadsOf(*service)) {
                const auto version = workload->podLabels.find("version");
                if (version != workload->podLabels.end() && !defined.count(version->second))
                    versions.insert(version->second);
            }
        }
        for (const std::string &version : versions) {
            QAction *action = addAction(tr("Version %1 (creates subset %1)").arg(qs(version)));
            connect(action, &QAction::triggered, this, [this, fqdn = fqdn, version] {
                m_document->addVersionDestination(m_ref, fqdn, version);
            });
        }
    }
    if (isEmpty())
        addAction(tr("Every subset and version is in the route already"))->setEnabled(false);
}

void AddDestinationMenu::fillBackends()
{
    // A backendRef names a Service of the route's namespace (another one would
    // need a ReferenceGrant); per-version Services are how canaries are written.
    std::set<std::string> present;
    for (const RouteDestination &destination : m_route.route)
        present.insert(destination.destination.fqdn);
    std::vector<const Service *> services;
    for (const auto &service : m_mesh->services) {
        if (service->meta.ns == m_rule.ns && !present.count(service->fqdn()))
            services.push_back(service.get());
    }
    std::sort(services.begin(), services.end(),
              [](const Service *a, const Service *b) { return a->meta.name < b->meta.name; });
    for (const Service *service : services) {
        QAction *action = addAction(tr("Service %1").arg(qs(service->meta.name)));
        action->setToolTip(qs(service->fqdn()));
        connect(action, &QAction::triggered, this,
                [this, name = service->meta.name] { m_document->addBackendRef(m_rule, name); });
    }
    if (isEmpty())
        addAction(tr("Every Service of %1 is in the rule already").arg(qs(m_rule.ns)))->setEnabled(false);
}

} // namespace meshlane::ui
