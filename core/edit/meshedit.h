// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "edit/meshchange.h"
#include "model/destination.h"
#include "model/mesh.h"
#include "model/stringmatch.h"
#include "yaml/textedit.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// Edit operations: pure functions from one Mesh snapshot to the next.
//
// Each one patches the source text of the files it touches (YamlPatcher: only
// the changed bytes move) and re-reads just those files
// (ManifestLoader::reloadFiles), so the new Mesh is always exactly the parse of
// the text an export would write: the model and the files cannot disagree.
// Nothing is mutated; unchanged files and resources are shared with the old
// snapshot. An operation that cannot be done cleanly changes nothing and
// fails (Result::error says why). It is also refused when the patched file
// would read back with more loader findings than before.
//
// Undo. Snapshots are immutable and cheap to keep, so the recommended undo is
// to keep both: a QUndoCommand holds the MeshPtr before and the one after;
// undo() shows `before`, redo() shows `after` (slider drags merge by keeping
// the first `before` and the last `after`). `edits` and `inverse` describe
// the same change as text: revertEdits(after, inverse) always gives a mesh
// whose files are byte-identical to `before` (the tests prove it for every
// operation), for callers that keep texts rather than snapshots, and for
// showing what changed.
// Identifies rule `rule` (0-based) of a Gateway API route (HTTPRoute or GRPCRoute ns/name).
struct GatewayRuleRef
{
    std::string kind;
    std::string ns;
    std::string name;
    size_t rule = 0;
};

// Identifies route `index` (0-based, in list order) of VirtualService ns/name:
// an http route unless `section` says "tcp" or "tls". Weight and destination
// edits take all three; match, mirror and move edits are for http routes.
struct RouteRef
{
    std::string ns;
    std::string name;
    size_t index = 0;
    std::string section = "http";
};

// One condition of a dark-launch match rule. `name` is the header or query
// parameter name (header names are written lower-case); unused for Uri.
struct MatchCondition
{
    enum class Field { Header, Uri, QueryParam };
    Field field = Field::Header;
    std::string name;
    StringMatch::Kind kind = StringMatch::Kind::Exact; // Exact, Prefix or Regex (RE2 syntax, checked)
    std::string value;
};

// A route that sends requests matching all conditions to one destination.
struct MatchRule
{
    std::string routeName;                 // optional `name:` of the http route
    std::vector<MatchCondition> conditions; // ANDed in one match block; at least one
    Destination destination;               // host (empty: the VirtualService's first host) and subset
};

// Where a new resource goes: empty `file` means a new file named
// `<kind-lowercase>-<name>.yaml` in the mesh's folder; otherwise a relative
// path, appended to as a new document when it exists.
struct NewResourcePlacement
{
    std::string file;
    std::string ns; // namespace when the host is not a Kubernetes Service ("" = the mesh default)
};

// Applies text edits (to files of `mesh`, or new ones) and re-reads the files
// they touch. Every operation ends here; undo can too (with `inverse`).
// A file left empty is dropped from the mesh (that is how creating one is undone).
Result<MeshChange> applyEdits(const MeshPtr &mesh, std::vector<TextEdit> edits, std::string description = {});
// Applies a MeshChange's `inverse` to its `mesh`. Unlike applyEdits it is
// never refused for the findings the restored text brings back: an edit that
// repaired a broken value (`weight: x`) is undone to exactly the broken bytes.
Result<MeshChange> revertEdits(const MeshPtr &after, std::vector<TextEdit> inverse, std::string description = {});

// "0", "2" or a route's name -> index into vs.http; -1 when there is no such route.
int findHttpRoute(const VirtualService &vs, const std::string &indexOrName);
// "tcp[0]", "tls[1]", "http[2]", or what findHttpRoute reads -> section and
// index of that route of `vs`; false when it has no such route.
bool findRoute(const VirtualService &vs, const std::string &text, std::string *section, size_t *index);
// The destinations of route `index` of `section` ("http", "tcp", "tls"), or null.
const std::vector<RouteDestination> *routeDestinations(const VirtualService &vs, const std::string &section,
                                                       size_t index);
// The route a weight editor opens on: the first with several destinations, else 0.
size_t defaultWeightedRoute(const VirtualService &vs);
// The same for any section: http routes first, then tcp, then tls; the
// section is the first non-empty one when no route has several destinations.
RouteRef defaultWeightedRouteRef(const VirtualService &vs);
// Where a new match route goes so it takes precedence over the catch-all:
// just before the first route that matches everything (the end when none does).
size_t defaultMatchRoutePosition(const VirtualService &vs);

// Weights of every destination of the route, in order (use WeightBalancer for
// slider semantics). Non-negative, not all 0. A weight is written where one was
// written before or the route has several destinations; a lone destination at
// 100 with no weight written is left alone.
Result<MeshChange> setRouteWeights(const MeshPtr &mesh, const RouteRef &route, const std::vector<int> &weights);

// The weights of every backendRef of a Gateway API rule, in order: the same
// contract as setRouteWeights (non-negative, not all 0). A weight is written
// where one was written or where it differs from the default 1.
Result<MeshChange> setBackendWeights(const MeshPtr &mesh, const GatewayRuleRef &rule,
                                     const std::vector<int> &weights);
// Appends backendRef {name: service, port, weight} to a Gateway API rule. The
// Service must exist in the route's namespace; without `port` its first port
// is used. Weights are relative, so the others are left as they are.
Result<MeshChange> addBackendRef(const MeshPtr &mesh, const GatewayRuleRef &rule, const std::string &service,
                                 std::optional<uint32_t> port, int weight);
// Removes backendRef `index` (not the last one: a rule without backends answers 500).
Result<MeshChange> removeBackendRef(const MeshPtr &mesh, const GatewayRuleRef &rule, size_t index);
// The rule's backendRefs as an http route (host = Service name, weight as
// written or 1), for WeightSpec and weight editors; null when there is no such rule.
std::optional<HttpRoute> backendWeightsRoute(const Mesh &mesh, const GatewayRuleRef &rule);

// The matches of an HTTPRoute rule that narrows another: every match of rule
// `base` of the same route, copied as written (a rule without matches is one
// match of every path), with `conditions` ANDed into each. That is what Argo
// Rollouts' Gateway API plugin writes for a header route, and it is also what
// makes the new rule win: Gateway API prefers, for the same path, the match
// with more header (then query parameter) conditions, whatever the rule order.
// Header and query parameter conditions only: exact and regex as
// HTTPHeaderMatch / HTTPQueryParamMatch types Exact and RegularExpression, a
// prefix as RegularExpression "<quoted prefix>.*" (Argo's mapping; Gateway API
// has no prefix type). A path condition is refused: a match has one path, and
// the copy keeps the base rule's so the new rule selects within it.
struct GatewayRuleMatch
{
    size_t base = 0; // index into the route's rules as they are before the edit
    std::vector<MatchCondition> conditions; // at least one
};

// Inserts an HTTPRoute rule at position `at.rule` (rules.size() appends) that
// sends `match`'s requests to the one backendRef Service `service` (in the
// route's namespace). Its port: `port`, else that of the base rule's
// backendRef to the Service, else of the base rule's first Service backendRef,
// else the Service's first port. `name` (a Gateway API rule name, unique in
// the route; empty: none) lets a rollout find the rule again. The base rule's
// filters are copied too (as Argo does), except a RequestMirror to `service`
// itself: mirroring requests to the Service that already answers them is noise.
Result<MeshChange> addGatewayMatchRule(const MeshPtr &mesh, const GatewayRuleRef &at, const GatewayRuleMatch &match,
                                       const std::string &service, std::optional<uint32_t> port = std::nullopt,
                                       const std::string &name = {});
// Rewrites rule `rule`'s matches to `match` (its base cannot be the rule itself).
Result<MeshChange> setGatewayRuleMatches(const MeshPtr &mesh, const GatewayRuleRef &rule,
                                         const GatewayRuleMatch &match);
// Removes an HTTPRoute or GRPCRoute rule (not the last one).
Result<MeshChange> removeGatewayRule(const MeshPtr &mesh, const GatewayRuleRef &rule);
// Mirrors the rule's requests to Service `service` (route namespace) with a
// RequestMirror filter: an existing one to that Service is updated, otherwise
// one is appended; other filters are left alone. `percent` 0-100, written as
// `percent` when whole and as `fraction` (of 10000) otherwise; std::nullopt
// writes neither, which means every request. A missing port is kept from the
// existing filter, else taken like addGatewayMatchRule's.
Result<MeshChange> setGatewayMirror(const MeshPtr &mesh, const GatewayRuleRef &rule, const std::string &service,
                                    std::optional<uint32_t> port, std::optional<double> percent);
// Removes the rule's RequestMirror filters to Service `service` (and `filters:`
// when nothing else is left in it). Nothing to remove is no edit.
Result<MeshChange> removeGatewayMirror(const MeshPtr &mesh, const GatewayRuleRef &rule, const std::string &service);

// Appends a destination with `weight`; the others are re-balanced with
// WeightBalancer::drag so the total stays 100 (the default 0 keeps the current
// split). An empty destination.host means the route's first host; a missing
// port is copied from a destination of the same host in the route.
Result<MeshChange> addDestination(const MeshPtr &mesh, const RouteRef &route, Destination destination,
                                  int weight = 0);

// Removes destination `index`; its weight is shared by the others in
// proportion to theirs (a lone survivor gets 100). The last one cannot go.
Result<MeshChange> removeDestination(const MeshPtr &mesh, const RouteRef &route, size_t index);

// Adds subset {name, labels} to the first DestinationRule of `hostFqdn`, or
// creates DestinationRule <service name> in the service's namespace when the
// host has none (in `placement`). The name must be a DNS-1123 label, the labels
// non-empty, the name not taken. New rules use the apiVersion most of the
// mesh's Istio resources use (networking.istio.io/v1 when there are none).
Result<MeshChange> createSubset(const MeshPtr &mesh, const std::string &hostFqdn, const std::string &subsetName,
                                const Labels &labels, const NewResourcePlacement &placement = {});
// Kiali's rule: the subset for version label value v is named v and selects {labelKey: v}.
Result<MeshChange> createVersionSubset(const MeshPtr &mesh, const std::string &serviceFqdn,
                                       const std::string &version, const std::string &labelKey = "version",
                                       const NewResourcePlacement &placement = {});

// Sets the route's mirror (and mirrorPercentage.value, 0-100; std::nullopt
// removes it, which means 100 %), or with `mirror` std::nullopt removes the
// mirror and its percentage. A legacy mirror_percent is replaced. Refused on a
// route that uses `mirrors:` (Istio forbids combining them).
Result<MeshChange> setMirror(const MeshPtr &mesh, const RouteRef &route, const std::optional<Destination> &mirror,
                             std::optional<double> percentage = std::nullopt);

// Inserts a new http route for `rule` at position `at.index` (vs.http.size() appends).
Result<MeshChange> addMatchRoute(const MeshPtr &mesh, const RouteRef &at, const MatchRule &rule);
// Rewrites route `route`'s match to `rule`'s conditions and sends it to
// `rule.destination` (the route then has that one destination). A route name
// is set when the rule has one and kept otherwise.
Result<MeshChange> setMatchRoute(const MeshPtr &mesh, const RouteRef &route, const MatchRule &rule);
// Removes http route `route` (not the last one).
Result<MeshChange> removeRoute(const MeshPtr &mesh, const RouteRef &route);
// Moves http route `from.index` to position `to`; its comment lines move with it.
Result<MeshChange> moveRoute(const MeshPtr &mesh, const RouteRef &from, size_t to);

} // namespace meshlane
