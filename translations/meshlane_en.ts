<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>GraphStyle</name>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n pod</numerusform>
            <numerusform>%n pods</numerusform>
        </translation>
    </message>
    <message>
        <source>gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mirror %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirrors %1 of the requests (responses are dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the default traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No VirtualService: split by pod count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the TCP connections (a tcp route: no HTTP is parsed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the TLS connections (a tls route: chosen by SNI, not decrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>◂ fold %Ln route(s)</source>
        <translation>
            <numerusform>◂ fold %Ln route</numerusform>
            <numerusform>◂ fold %Ln routes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln route(s) ▸</source>
        <translation>
            <numerusform>%Ln route ▸</numerusform>
            <numerusform>%Ln routes ▸</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Click to fold this gateway&apos;s %Ln route(s) again.</source>
        <translation>
            <numerusform>Click to fold this gateway&apos;s %Ln route again.</numerusform>
            <numerusform>Click to fold this gateway&apos;s %Ln routes again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This gateway routes to %Ln destination(s): too many to draw over the graph. Its routes show when it, or one of its destinations, is selected or found. Click to draw them all.</source>
        <translation>
            <numerusform>This gateway routes to %Ln destination: too many to draw over the graph. Its routes show when it, or one of its destinations, is selected or found. Click to draw them all.</numerusform>
            <numerusform>This gateway routes to %Ln destinations: too many to draw over the graph. Its routes show when it, or one of its destinations, is selected or found. Click to draw them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message>
        <source>Namespace %1
Click its title to collapse it into one node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>%n route</numerusform>
            <numerusform>%n routes</numerusform>
        </translation>
    </message>
    <message>
        <source>Namespace %1, collapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to expand it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n route(s), drawn as one: a namespace is collapsed</source>
        <translation>
            <numerusform>%n route, drawn as one: a namespace is collapsed</numerusform>
            <numerusform>%n routes, drawn as one: a namespace is collapsed</numerusform>
        </translation>
    </message>
    <message>
        <source>Mirrors requests (responses are dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes from several of the namespace&apos;s services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for requests that match its routes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchDescription</name>
    <message>
        <source>uri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 prefix %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uri (any case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from namespace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>via %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>respond %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delegate to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 path prefix %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SNI %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all connections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RehearsalRecording</name>
    <message>
        <source>Rollout rehearsal of %1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back at step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused, waiting to be promoted by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · t = %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 error rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error-rate limit (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rehearse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.
%2 requests, %3 served by the canary (%4 mirrored to it), %5 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteDecisionFormatter</name>
    <message>
        <source>%1 from a sidecar in namespace %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 through Gateway %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no VirtualService applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualService %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 delayed by %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 aborted with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gRPC %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirrored to (responses dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed by Envoy (reported as %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwarded unrouted to its original destination (PassthroughCluster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwarded: each connection to one destination, by weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::CompiledMatchBlock</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query parameter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 regex %2 does not compile (%3): it never matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 (wants %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port is %1 (wants %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source labels are %1 (wants %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source namespace is %1 (wants %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header %1 is absent (wants %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header %1 is present (withoutHeaders wants none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header %1 is absent, read as &apos;&apos;, which withoutHeaders excludes (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header %1 is %2, which withoutHeaders excludes (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query parameter %1 is absent (wants %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::CompiledRoute</name>
    <message>
        <source>fault.delay has no fixedDelay: Istio drops the delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault.delay has no percentage: it delays 0 % of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault.abort has neither httpStatus nor grpcStatus: Istio drops the abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault.abort has no percentage: it aborts 0 % of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mirror_percent is deprecated (IST0133): use mirrorPercentage.value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mirror to %1 is set to 0 %: Istio mirrors nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination %1 has a negative weight; counted as 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every destination has weight 0: nothing can receive the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a lone destination receives all traffic whatever its weight (%1 is ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delegate VirtualService %1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the route has no destination, redirect or direct response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backendRef %1 does not resolve (%2): its share gets 500</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::CompiledStringMatch</name>
    <message>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (any case)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::DestinationResolver</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subset %1: no DestinationRule exists for %2, so Envoy has no cluster for the subset (503, flag NC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subset %1 is not defined by DestinationRule %2 (it defines %3): Envoy has no cluster for it (503, flag NC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subset %1 of DestinationRule %2 (no labels: every endpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subset %1 of DestinationRule %2 selects %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 has no selector: its endpoints are managed outside these manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 selects no running pods: no healthy upstream (503, flag UH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subset %1 (%2) selects none of Service %3&apos;s running pods: no healthy upstream (503, flag UH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Service or ServiceEntry is named %1: Envoy has no cluster for it (503, flag NC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external host via ServiceEntry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mesh-internal ServiceEntry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subset %1 selects by labels, but ServiceEntry %2 has no labelled endpoints: no healthy upstream (503, flag UH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ServiceEntry %1 has no endpoint: no healthy upstream (503, flag UH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ServiceEntry %1 has no endpoint with labels %2: no healthy upstream (503, flag UH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DestinationRule %1 sends plain text (tls mode DISABLE), but PeerAuthentication %2 makes the pods of %3 accept only mTLS: their sidecars reset the connection (503, flag UC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DestinationRule %1 sends mTLS (tls mode %2), but PeerAuthentication %3 disables mTLS on the pods of %4: the TLS handshake fails (503, flag UF)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::GatewayApiRoutes</name>
    <message>
        <source>no Gateway API Gateway %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no HTTP listener of Gateway %1 on port %2 accepts host %3: 404</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listener %1 of Gateway %2 has no route for host %3: 404</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::GatewayRoutes</name>
    <message>
        <source>there is no Gateway %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway %1 has no HTTP server for host %2 on port %3: 404 (Envoy flag NR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway %1 has no HTTP server for host %2: 404 (Envoy flag NR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no VirtualService bound to Gateway %1 serves host %2 on port %3: 404 (Envoy flag NR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Gateway listens on %1 for this host (its Service, which maps a client port to it, is not in the folder): did you mean --port %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::L4GatewayChains</name>
    <message>
        <source>port is %1 (wants %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names gateways %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 server on port %2 routes HTTP, not connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TLS server on port %1 is AUTO_PASSTHROUGH: it forwards by SNI outbound_.&lt;port&gt;_.&lt;subset&gt;_.&lt;host&gt; and ignores VirtualServices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not apply to this gateway: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is skipped: an earlier rule on port %2 already serves SNI %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a second TCP server on port %1 conflicts with the first; Istio skips it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tcp route of a VirtualService bound to Gateway %1 applies to the %2 server on port %3, so that server gets no filter chain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::L4Router</name>
    <message>
        <source>it names gateways %1, not mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port is %1 (wants %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source labels are %1 (wants %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source namespace is %1 (wants %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP connection to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS connection without SNI to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS connection (SNI %2) to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP request to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Service or ServiceEntry is named %1, so the sidecar has no listener for it: the connection leaves unrouted through PassthroughCluster (ALLOW_ANY) or is closed (REGISTRY_ONLY); reported as 404</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no port %2, so the sidecar has no listener for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 of %2 is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Istio builds no listener for UDP ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sidecar&apos;s HTTP connection manager cannot parse a TCP or TLS stream and closes the connection (reported as 404); name the port tcp-* or tls-* for tcp or tls routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sidecar proxies the request as an opaque TCP stream: tcp routes apply, not http routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualService %1 applies to %2 for sidecars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tcp routes do not apply to a TLS port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tls routes apply only to ports declared TLS or HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no VirtualService applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no filter chain matches the connection&apos;s SNI and address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not apply to this sidecar: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tls route applies: the port is proxied as opaque TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 enters through Gateway %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway has only TCP or TLS servers on that port: it proxies the request as a TCP stream, so tcp and tls routes apply, not http routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no Gateway %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway %1 has no filter chain for TCP or TLS on port %2, so Istio builds no listener there: the connection is refused (reported as 404)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no filter chain of port %1 takes a connection without SNI: gateways have no default chain, so Envoy closes it (reported as 404)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no filter chain of port %1 matches SNI %2: gateways have no default chain, so Envoy closes the connection (reported as 404)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sidecar proxies the connection straight to the host, all its endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no match conditions, so it takes the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes the connection (filter chain: %2; match: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every destination has weight 0: Envoy has no cluster to proxy to and closes the connection (reported as 503)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-&gt; %1 (weight %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the original destination %1:%2, unrouted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the listener&apos;s default chain sends it to PassthroughCluster: the original destination, unrouted (outboundTrafficPolicy ALLOW_ANY; REGISTRY_ONLY would close it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is a consumer route of namespace %3: it applies only to callers there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (parentRef Service %3) applies to %3 for sidecars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listener %1 is left out: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listener %1 (%2, port %3) has no routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listener %1 (%2, port %3) has routes %4, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backendRef %1 does not resolve (%2): Envoy has no cluster for its share and closes those connections (reported as 503)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::RouteTableBuilder</name>
    <message>
        <source>a delegate VirtualService cannot delegate again (Istio supports one level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is only for %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not given to this gateway: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::Router</name>
    <message>
        <source>%1 pod (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pods (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualService %1 is not exported to namespace %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualService %1 claims the same host; Istio uses the first one loaded (IST0109), so it is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request %1 from a sidecar in namespace %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request %1 from a sidecar in namespace %2 with labels %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host %1 means %2 (resolved from namespace %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 (the host&apos;s first port; none was given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualService %1 applies to %2 for sidecars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualService %1 lists this host but is bound only to gateways, so sidecars ignore it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Service, ServiceEntry or VirtualService is named %1: 404 (a sidecar with outboundTrafficPolicy ALLOW_ANY would pass it through unrouted; REGISTRY_ONLY answers 502)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no VirtualService applies: the sidecar sends the request straight to the host, all its endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request %1 enters through Gateway %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway %1 port %2 serves %3 with virtual host %4 from VirtualService %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not match: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more match blocks before it do not match either</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no route matches: 404 (Envoy flag NR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no match conditions, so it takes the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it delegates to VirtualService %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 has no port %2: Envoy has no cluster for it (503, flag NC); set destination.port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault: %1 of requests wait %2 ms first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault: %1 of requests are aborted with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gRPC status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct response %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-&gt; %1 (weight %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mirror %1 of forwarded requests (responses dropped): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from a sidecar in namespace %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from a sidecar in namespace %2 with labels %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualService %1 has no http routes, so HTTP on port %2 is routed as if it had none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mesh routes of namespace %2 are consumer routes: they apply only to callers in namespace %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 also routes this host; Istio gives a host to one route set (consumer routes first, then the oldest), so it is shadowed (ML0207)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mesh %1 rules of namespace %2 (parentRef Service %3) apply to %3 for sidecars, in the spec&apos;s precedence order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request %1 enters through Gateway API Gateway %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listener %1 (port %2, hostname %3) takes %4; its routes for %5 come from %6, in the spec&apos;s precedence order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 is the gateway Service&apos;s; its target port %2 is where the Gateway&apos;s servers listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout %1: a slower answer becomes 504</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request or response headers are modified by the rule&apos;s filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rewrite: host %1, path %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::AddDestinationMenu</name>
    <message>
        <source>Subset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 (creates subset %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every subset and version is in the route already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every Service of %1 is in the rule already</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::AddMatchRouteDialog</name>
    <message>
        <source>Add Match Route to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URI path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (every pod)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comparison:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;alue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Route name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the header or query parameter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the value to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid RE2 regular expression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VirtualService has no destination to send to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::DestinationRow</name>
    <message>
        <source>Lock this weight: moving the others leaves it alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this destination (its share goes to the others)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::DiagnosticsModel</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request that shows it: meshlane route DIR %1 (right-click: try it in the Request Tester)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::DiagnosticsPanel</name>
    <message>
        <source>Show in YAML and Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the Request in the Request Tester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only routing findings come with a request that shows them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::Document</name>
    <message>
        <source>Cannot set the weights: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add the destination: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create subset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the destination: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the subset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change the mirror: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add the route: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the route: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the route: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add the backend: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the backend: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add the step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change the step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot stage the step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::EditingDocks</name>
    <message>
        <source>Kept your edits. Files changed on disk since will not be overwritten by an export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes and Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the edited manifests, after showing what changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder outside %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1</source>
        <translation>
            <numerusform>Wrote %n file to %1</numerusform>
            <numerusform>Wrote %n files to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files Changed on Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in %1 were changed by another program, and you have edits that are not exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edits to %1 are not exported yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export them before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the changed files and re-applied your edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some Edits No Longer Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These edits were not re-applied to the changed files:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read their files and re-apply your edits where they still apply, take their files and drop your edits, or leave both as they are for now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Unsaved Edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Meshlane stopped with %n unsaved edit(s) to %1.</source>
        <translation>
            <numerusform>Meshlane stopped with %n unsaved edit to %1.</numerusform>
            <numerusform>Meshlane stopped with %n unsaved edits to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored edits are undo steps again, as before.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to write: the files in %1 already say this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in %1 will change:</source>
        <translation>
            <numerusform>%n file in %1 will change:</numerusform>
            <numerusform>%n files in %1 will change:</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the changes into the files they came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a copy of the whole folder, with the changes, somewhere else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::GraphFindBar</name>
    <message>
        <source>Find: reviews, ns = shop, label:app=cart, has:split, has:mirror, broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words match names; name, ns, app, version and kind compare with = and != (* and ? wildcards); label:KEY or label:KEY=VALUE; has:split, has:mirror, is:broken, is:external, is:gateway; combine with and, or, not and parentheses (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the neighbourhood of what is found (or else selected), laid out on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hops: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many edges away focus mode reaches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::GraphPanel</name>
    <message>
        <source>Zoom In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole graph (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln node(s)</source>
        <translation>
            <numerusform>%1 of %Ln node</numerusform>
            <numerusform>%1 of %Ln nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a node or find something to focus on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand Namespace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse Namespace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace Boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::HelpMenu</name>
    <message>
        <source>Getting Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Meshlane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Meshlane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;A canary for Bookinfo&apos;s reviews, in five steps&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open a folder.&lt;/b&gt; File › Open Folder (or start Meshlane with no folder: it opens the bundled Bookinfo sample). The graph shows gateways, services and each app&apos;s versions.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pick the route.&lt;/b&gt; Click the &lt;i&gt;reviews&lt;/i&gt; service (or choose default/reviews in the Weights dock). Its routes appear with one slider per destination.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Stage the canary.&lt;/b&gt; Drag v2&apos;s slider to 10: the others re-balance so the route totals 100, the YAML pane marks the changed lines, and the graph&apos;s edge labels follow.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Watch the traffic.&lt;/b&gt; Press Space to play the simulation: the live plot moves to a 90/10 split and the split chart compares it with what the rules say. Drag on to 50 and 100.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Check and export.&lt;/b&gt; Fix what the Diagnostics dock flags (double-click opens the line), then File › Export: the preview is a diff of exactly the lines you changed.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Every step is undoable (Ctrl+Z). The same engine runs headless: &lt;tt&gt;meshlane route&lt;/tt&gt;, &lt;tt&gt;simulate&lt;/tt&gt;, &lt;tt&gt;analyze&lt;/tt&gt;, &lt;tt&gt;set-weights&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the graph: the mouse wheel zooms, dragging pans, a click selects a service&apos;s VirtualService.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Meshlane %1&lt;/h3&gt;&lt;p&gt;Design, simulate and check Istio traffic routing from a folder of manifests. No cluster needed.&lt;/p&gt;&lt;p&gt;Built with:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;MIT licence. Bundled fonts: DejaVu (Bitstream Vera licence) and Nanum Gothic (SIL Open Font Licence).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::LivePlotPanel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mirrored (req/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No simulation running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>traffic mix %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where requests to %1 go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the traffic mix goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 req/s · t = %3 s · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of requests (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirrored requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a VirtualService to simulate its traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where connections to %1 go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gate passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gate failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too few requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::MainWindow</name>
    <message>
        <source>Layout failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Meshlane[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder of Manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services: %1 · VirtualServices: %2 · DestinationRules: %3 · Diagnostics: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of Kubernetes and Istio manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s)</source>
        <translation>
            <numerusform>%1: %n file</numerusform>
            <numerusform>%1: %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the simulation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some Edits Were Not Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files changed since; these edits no longer apply:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loading %1… %2 of %n file(s)</source>
        <translation>
            <numerusform>Loading %1… %2 of %n file</numerusform>
            <numerusform>Loading %1… %2 of %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped loading %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Still showing %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading and keep what is shown (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::MirrorEditor</name>
    <message>
        <source>&amp;Mirror:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of requests copied to the mirror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies requests to another destination; its responses are dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This route uses mirrors: (several targets); edit it in the YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mirror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (every pod)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RecentFolders</name>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RequestTesterPanel</name>
    <message>
        <source>The routing engine is not ready yet: open a folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;ost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviews, reviews.prod or an FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calling sidecar&apos;s namespace (short hosts resolve in it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: from a sidecar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show which route matches and where the request goes (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which route matches, why, and where the request goes appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Istio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The destination IP must be an IPv4 or IPv6 address, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the host the request is for (select a route to fill it in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proto&amp;col</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Por&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SNI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination &amp;IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP requests follow http routes; TCP and TLS connections follow tcp and tls routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the host, else its first port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name the TLS client sends (empty: the host, as a client names the host it calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for destinationSubnets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection&apos;s original destination address, matched by destinationSubnets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter through an Istio Gateway or a Gateway API Gateway, on its listener&apos;s port</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RolloutPanel</name>
    <message>
        <source>%1 (does not read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET / to the route&apos;s host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
(The plan changed since this rehearsal.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 was not reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 requests, %3 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 from t = %2 s: weights %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the plan against the chosen traffic in simulated time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollout plan (kind RolloutPlan) to edit and rehearse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The traffic mix and behaviour profiles (.traffic files of the folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a step after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearse the plan, then select a step it reached to stage it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files changed since the rehearsal: rehearse again to stage a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the files as this step leaves them (one edit: undo returns), so the graph and the weights show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage step %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage Step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RolloutStepEditor</name>
    <message>
        <source>until promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canary&apos;s share of the route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to wait and judge the canary: 30s, 5m, 1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of requests copied to the canary (answers dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>route name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RouteEditor</name>
    <message>
        <source>Move this route up: routes are tried in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move this route down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute Evenly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share what the locked destinations leave evenly among the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This route does not forward to destinations: nothing to weigh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS route %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS route %1 · SNI %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP route %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP route %1 · port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rule has no backends: nothing to weigh.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::SimulationDocks</name>
    <message>
        <source>Request Tester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::SimulationRunner</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class &apos;%1&apos; enters through Gateway %2, which is not in the mesh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::SimulationToolBar</name>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the simulation (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the simulation (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Traffic Mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic mix (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a usable traffic mix:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the simulation again from 0 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;Traffic Mix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;Default Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain requests to the selected VirtualService&apos;s hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Rate </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second of simulated time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Speed </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated seconds per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::SplitChartPanel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a VirtualService to simulate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) since the last change</source>
        <translation>
            <numerusform>%n connection since the last change</numerusform>
            <numerusform>%n connections since the last change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) since the last change</source>
        <translation>
            <numerusform>%n request since the last change</numerusform>
            <numerusform>%n requests since the last change</numerusform>
        </translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of requests per subset: expected from the weights and faults, and simulated, counted since the weights or the traffic mix last changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::WeightEditor</name>
    <message>
        <source>Open a folder to edit its traffic routing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a VirtualService in the graph, or choose one above, to edit its routes and weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;VirtualService:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VirtualService whose routes are edited (type to search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Match Route…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send requests that match a header, path or query parameter to one subset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VirtualService or Gateway API route whose routes are edited (type to search)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshlane::ui::YamlPane</name>
    <message>
        <source>Select a VirtualService to see its YAML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · as on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n line(s) changed</source>
        <translation>
            <numerusform>%1 · %n line changed</numerusform>
            <numerusform>%1 · %n lines changed</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this YAML to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
