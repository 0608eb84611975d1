<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>GraphStyle</name>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s)</source>
        <translation>
            <numerusform>파드 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>gateway</source>
        <translation>게이트웨이</translation>
    </message>
    <message>
        <source>external</source>
        <translation>외부</translation>
    </message>
    <message>
        <source>mirror %1</source>
        <translation>미러 %1</translation>
    </message>
    <message>
        <source>Gateway %1</source>
        <translation>게이트웨이 %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>서비스 %1</translation>
    </message>
    <message>
        <source>App %1</source>
        <translation>앱 %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>버전 %1</translation>
    </message>
    <message>
        <source>External host %1</source>
        <translation>외부 호스트 %1</translation>
    </message>
    <message>
        <source>Mirrors %1 of the requests (responses are dropped)</source>
        <translation>요청의 %1을 미러링합니다 (응답은 버려짐)</translation>
    </message>
    <message>
        <source>%1 of the default traffic</source>
        <translation>기본 트래픽의 %1</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>조건: %1</translation>
    </message>
    <message>
        <source>No VirtualService: split by pod count</source>
        <translation>VirtualService 없음: 파드 수에 비례해 분배</translation>
    </message>
    <message>
        <source>%1 of the TCP connections (a tcp route: no HTTP is parsed)</source>
        <translation>TCP 연결의 %1(tcp 라우트: HTTP를 해석하지 않음)</translation>
    </message>
    <message>
        <source>%1 of the TLS connections (a tls route: chosen by SNI, not decrypted)</source>
        <translation>TLS 연결의 %1(tls 라우트: SNI로 선택, 복호화하지 않음)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>◂ fold %Ln route(s)</source>
        <translation>
            <numerusform>◂ 경로 %Ln개 접기</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln route(s) ▸</source>
        <translation>
            <numerusform>경로 %Ln개 ▸</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Click to fold this gateway&apos;s %Ln route(s) again.</source>
        <translation>
            <numerusform>클릭하면 이 게이트웨이의 경로 %Ln개를 다시 접습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This gateway routes to %Ln destination(s): too many to draw over the graph. Its routes show when it, or one of its destinations, is selected or found. Click to draw them all.</source>
        <translation>
            <numerusform>이 게이트웨이는 대상 %Ln개로 라우팅합니다. 그래프 위에 모두 그리기에는 너무 많습니다. 게이트웨이나 그 대상 중 하나를 선택하거나 찾으면 해당 경로가 보입니다. 클릭하면 모두 그립니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>서비스 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Namespace %1
Click its title to collapse it into one node.</source>
        <translation>네임스페이스 %1
제목을 클릭하면 노드 하나로 접습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>라우트 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Namespace %1, collapsed</source>
        <translation>네임스페이스 %1 (접힘)</translation>
    </message>
    <message>
        <source>Double-click to expand it.</source>
        <translation>두 번 클릭하면 펼칩니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n route(s), drawn as one: a namespace is collapsed</source>
        <translation>
            <numerusform>라우트 %n개를 하나로 그림: 네임스페이스가 접혀 있습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Mirrors requests (responses are dropped)</source>
        <translation>요청을 미러링합니다 (응답은 버려짐)</translation>
    </message>
    <message>
        <source>Routes from several of the namespace&apos;s services</source>
        <translation>네임스페이스의 여러 서비스에서 오는 라우트</translation>
    </message>
    <message>
        <source>Only for requests that match its routes</source>
        <translation>라우트의 조건에 맞는 요청만</translation>
    </message>
</context>
<context>
    <name>MatchDescription</name>
    <message>
        <source>uri</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>query %1</source>
        <translation>쿼리 %1</translation>
    </message>
    <message>
        <source>header %1</source>
        <translation>헤더 %1</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1 prefix %2</source>
        <translation>%1 접두사 %2</translation>
    </message>
    <message>
        <source>%1 matches %2</source>
        <translation>%1 정규식 %2</translation>
    </message>
    <message>
        <source>%1 present</source>
        <translation>%1 있음</translation>
    </message>
    <message>
        <source>uri (any case)</source>
        <translation>URI(대소문자 무시)</translation>
    </message>
    <message>
        <source>method</source>
        <translation>메서드</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>스킴</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>어소리티</translation>
    </message>
    <message>
        <source>not (%1)</source>
        <translation>아님(%1)</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>포트 %1</translation>
    </message>
    <message>
        <source>from %1=%2</source>
        <translation>출발 %1=%2</translation>
    </message>
    <message>
        <source>from namespace %1</source>
        <translation>출발 네임스페이스 %1</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>경유 %1</translation>
    </message>
    <message>
        <source>all requests</source>
        <translation>모든 요청</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 그리고 </translation>
    </message>
    <message>
        <source> or </source>
        <translation> 또는 </translation>
    </message>
    <message>
        <source>redirect to %1</source>
        <translation>%1(으)로 리디렉션</translation>
    </message>
    <message>
        <source>respond %1</source>
        <translation>%1 응답</translation>
    </message>
    <message>
        <source>delegate to %1</source>
        <translation>%1에 위임</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 path prefix %2</source>
        <translation>%1 경로 접두사 %2</translation>
    </message>
    <message>
        <source>SNI %1</source>
        <translation>SNI %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>도착 %1</translation>
    </message>
    <message>
        <source>all connections</source>
        <translation>모든 연결</translation>
    </message>
</context>
<context>
    <name>RehearsalRecording</name>
    <message>
        <source>Rollout rehearsal of %1: %2 → %3</source>
        <translation>%1의 롤아웃 리허설: %2 → %3</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>승격됨</translation>
    </message>
    <message>
        <source>rolled back at step %1</source>
        <translation>%1단계에서 롤백됨</translation>
    </message>
    <message>
        <source>paused, waiting to be promoted by hand</source>
        <translation>일시 중지됨, 수동 승격을 기다리는 중</translation>
    </message>
    <message>
        <source>%1 · %2 · t = %3 s</source>
        <translation>%1 · %2 · t = %3초</translation>
    </message>
    <message>
        <source>%1 error rate (%)</source>
        <translation>%1 오류율 (%)</translation>
    </message>
    <message>
        <source>error-rate limit (%1 %)</source>
        <translation>오류율 한도 (%1 %)</translation>
    </message>
    <message>
        <source>Cannot rehearse: %1</source>
        <translation>리허설할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1.
%2 requests, %3 served by the canary (%4 mirrored to it), %5 failed.</source>
        <translation>%1.
요청 %2개, 카나리가 처리 %3개 (미러링 %4개), 실패 %5개.</translation>
    </message>
</context>
<context>
    <name>RouteDecisionFormatter</name>
    <message>
        <source>%1 from a sidecar in namespace %2</source>
        <translation>%1 (%2 네임스페이스의 사이드카에서)</translation>
    </message>
    <message>
        <source>%1 through Gateway %2</source>
        <translation>%1 (게이트웨이 %2 경유)</translation>
    </message>
    <message>
        <source>no VirtualService applies</source>
        <translation>적용되는 VirtualService 없음</translation>
    </message>
    <message>
        <source>VirtualService %1</source>
        <translation>VirtualService %1</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>라우트</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>%1 delayed by %2 ms</source>
        <translation>%1: %2 ms 지연</translation>
    </message>
    <message>
        <source>%1 aborted with %2</source>
        <translation>%1: %2 응답으로 중단</translation>
    </message>
    <message>
        <source>gRPC %1</source>
        <translation>gRPC %1</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>장애 주입</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>전달 대상</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Subset</source>
        <translation>서브셋</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>파드</translation>
    </message>
    <message>
        <source>Mirrored to (responses dropped)</source>
        <translation>미러링 대상 (응답은 버려짐)</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>closed by Envoy (reported as %1)</source>
        <translation>Envoy가 닫음(%1로 보고)</translation>
    </message>
    <message>
        <source>forwarded unrouted to its original destination (PassthroughCluster)</source>
        <translation>라우팅 없이 원래 목적지로 전달(PassthroughCluster)</translation>
    </message>
    <message>
        <source>forwarded: each connection to one destination, by weight</source>
        <translation>전달: 연결마다 가중치에 따라 목적지 하나로</translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation>전달</translation>
    </message>
</context>
<context>
    <name>meshlane::CompiledMatchBlock</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>header %1</source>
        <translation>헤더 %1</translation>
    </message>
    <message>
        <source>query parameter %1</source>
        <translation>쿼리 매개변수 %1</translation>
    </message>
    <message>
        <source>%1 regex %2 does not compile (%3): it never matches</source>
        <translation>%1 정규식 %2을(를) 컴파일할 수 없습니다 (%3): 어떤 값과도 일치하지 않습니다</translation>
    </message>
    <message>
        <source>%1 is %2 (wants %3)</source>
        <translation>%1 값이 %2입니다 (조건: %3)</translation>
    </message>
    <message>
        <source>port is %1 (wants %2)</source>
        <translation>포트가 %1입니다 (조건: %2)</translation>
    </message>
    <message>
        <source>source labels are %1 (wants %2)</source>
        <translation>출발 레이블이 %1입니다 (조건: %2)</translation>
    </message>
    <message>
        <source>source namespace is %1 (wants %2)</source>
        <translation>출발 네임스페이스가 %1입니다 (조건: %2)</translation>
    </message>
    <message>
        <source>header %1 is absent (wants %2)</source>
        <translation>헤더 %1이(가) 없습니다 (조건: %2)</translation>
    </message>
    <message>
        <source>header %1 is present (withoutHeaders wants none)</source>
        <translation>헤더 %1이(가) 있습니다 (withoutHeaders는 없어야 함)</translation>
    </message>
    <message>
        <source>header %1 is absent, read as &apos;&apos;, which withoutHeaders excludes (%2)</source>
        <translation>헤더 %1이(가) 없어 &apos;&apos;로 읽으며, withoutHeaders가 이 값을 제외합니다 (%2)</translation>
    </message>
    <message>
        <source>header %1 is %2, which withoutHeaders excludes (%3)</source>
        <translation>헤더 %1 값이 %2이며, withoutHeaders가 이 값을 제외합니다 (%3)</translation>
    </message>
    <message>
        <source>query parameter %1 is absent (wants %2)</source>
        <translation>쿼리 매개변수 %1이(가) 없습니다 (조건: %2)</translation>
    </message>
</context>
<context>
    <name>meshlane::CompiledRoute</name>
    <message>
        <source>fault.delay has no fixedDelay: Istio drops the delay</source>
        <translation>fault.delay에 fixedDelay가 없습니다: Istio는 지연을 적용하지 않습니다</translation>
    </message>
    <message>
        <source>fault.delay has no percentage: it delays 0 % of requests</source>
        <translation>fault.delay에 percentage가 없습니다: 요청의 0 %만 지연됩니다</translation>
    </message>
    <message>
        <source>fault.abort has neither httpStatus nor grpcStatus: Istio drops the abort</source>
        <translation>fault.abort에 httpStatus도 grpcStatus도 없습니다: Istio는 중단을 적용하지 않습니다</translation>
    </message>
    <message>
        <source>fault.abort has no percentage: it aborts 0 % of requests</source>
        <translation>fault.abort에 percentage가 없습니다: 요청의 0 %만 중단됩니다</translation>
    </message>
    <message>
        <source>mirror_percent is deprecated (IST0133): use mirrorPercentage.value</source>
        <translation>mirror_percent는 더 이상 권장되지 않습니다 (IST0133): mirrorPercentage.value를 쓰세요</translation>
    </message>
    <message>
        <source>mirror to %1 is set to 0 %: Istio mirrors nothing</source>
        <translation>%1(으)로의 미러가 0 %로 설정되어 있습니다: Istio는 아무 요청도 미러링하지 않습니다</translation>
    </message>
    <message>
        <source>destination %1 has a negative weight; counted as 0</source>
        <translation>대상 %1의 가중치가 음수입니다. 0으로 계산합니다</translation>
    </message>
    <message>
        <source>every destination has weight 0: nothing can receive the request</source>
        <translation>모든 대상의 가중치가 0입니다: 요청을 받을 대상이 없습니다</translation>
    </message>
    <message>
        <source>a lone destination receives all traffic whatever its weight (%1 is ignored)</source>
        <translation>대상이 하나뿐이면 가중치와 관계없이 모든 트래픽을 받습니다 (%1은(는) 무시됨)</translation>
    </message>
    <message>
        <source>delegate VirtualService %1 not found</source>
        <translation>위임 대상 VirtualService %1을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>the route has no destination, redirect or direct response</source>
        <translation>라우트에 대상도, 리디렉션도, 직접 응답도 없습니다</translation>
    </message>
    <message>
        <source>backendRef %1 does not resolve (%2): its share gets 500</source>
        <translation>backendRef %1을(를) 찾을 수 없습니다 (%2): 그 몫은 500을 받습니다</translation>
    </message>
</context>
<context>
    <name>meshlane::CompiledStringMatch</name>
    <message>
        <source>present</source>
        <translation>존재함</translation>
    </message>
    <message>
        <source>%1 (any case)</source>
        <translation>%1 (대소문자 무시)</translation>
    </message>
</context>
<context>
    <name>meshlane::DestinationResolver</name>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>subset %1: no DestinationRule exists for %2, so Envoy has no cluster for the subset (503, flag NC)</source>
        <translation>서브셋 %1: %2에 대한 DestinationRule이 없어 Envoy에 이 서브셋의 클러스터가 없습니다 (503, flag NC)</translation>
    </message>
    <message>
        <source>subset %1 is not defined by DestinationRule %2 (it defines %3): Envoy has no cluster for it (503, flag NC)</source>
        <translation>서브셋 %1은(는) DestinationRule %2에 정의되어 있지 않습니다 (정의된 서브셋: %3): Envoy에 이 서브셋의 클러스터가 없습니다 (503, flag NC)</translation>
    </message>
    <message>
        <source>subset %1 of DestinationRule %2 (no labels: every endpoint)</source>
        <translation>DestinationRule %2의 서브셋 %1 (레이블 없음: 모든 엔드포인트)</translation>
    </message>
    <message>
        <source>subset %1 of DestinationRule %2 selects %3</source>
        <translation>DestinationRule %2의 서브셋 %1, %3 선택</translation>
    </message>
    <message>
        <source>Service %1 has no selector: its endpoints are managed outside these manifests</source>
        <translation>Service %1에 selector가 없습니다: 엔드포인트는 이 매니페스트 밖에서 관리됩니다</translation>
    </message>
    <message>
        <source>Service %1 selects no running pods: no healthy upstream (503, flag UH)</source>
        <translation>Service %1이(가) 선택하는 실행 중인 파드가 없습니다: 정상 업스트림 없음 (503, flag UH)</translation>
    </message>
    <message>
        <source>subset %1 (%2) selects none of Service %3&apos;s running pods: no healthy upstream (503, flag UH)</source>
        <translation>서브셋 %1 (%2)이(가) Service %3의 실행 중인 파드를 하나도 선택하지 않습니다: 정상 업스트림 없음 (503, flag UH)</translation>
    </message>
    <message>
        <source>no Service or ServiceEntry is named %1: Envoy has no cluster for it (503, flag NC)</source>
        <translation>이름이 %1인 Service나 ServiceEntry가 없습니다: Envoy에 이 호스트의 클러스터가 없습니다 (503, flag NC)</translation>
    </message>
    <message>
        <source>external host via ServiceEntry %1</source>
        <translation>ServiceEntry %1을(를) 통한 외부 호스트</translation>
    </message>
    <message>
        <source>mesh-internal ServiceEntry %1</source>
        <translation>메시 내부 ServiceEntry %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>subset %1 selects by labels, but ServiceEntry %2 has no labelled endpoints: no healthy upstream (503, flag UH)</source>
        <translation>서브셋 %1은(는) 레이블로 선택하지만 ServiceEntry %2에는 레이블이 있는 엔드포인트가 없습니다: 정상 업스트림 없음 (503, flag UH)</translation>
    </message>
    <message>
        <source>ServiceEntry %1 has no endpoint: no healthy upstream (503, flag UH)</source>
        <translation>ServiceEntry %1에 엔드포인트가 없습니다: 정상 업스트림 없음 (503, flag UH)</translation>
    </message>
    <message>
        <source>ServiceEntry %1 has no endpoint with labels %2: no healthy upstream (503, flag UH)</source>
        <translation>ServiceEntry %1에 레이블이 %2인 엔드포인트가 없습니다: 정상 업스트림 없음 (503, flag UH)</translation>
    </message>
    <message>
        <source>DestinationRule %1 sends plain text (tls mode DISABLE), but PeerAuthentication %2 makes the pods of %3 accept only mTLS: their sidecars reset the connection (503, flag UC)</source>
        <translation>DestinationRule %1은(는) 평문을 보내지만 (tls mode DISABLE), PeerAuthentication %2 때문에 %3의 파드는 mTLS만 받습니다: 사이드카가 연결을 끊습니다 (503, flag UC)</translation>
    </message>
    <message>
        <source>DestinationRule %1 sends mTLS (tls mode %2), but PeerAuthentication %3 disables mTLS on the pods of %4: the TLS handshake fails (503, flag UF)</source>
        <translation>DestinationRule %1은(는) mTLS를 보내지만 (tls mode %2), PeerAuthentication %3이(가) %4의 파드에서 mTLS를 끕니다: TLS 핸드셰이크가 실패합니다 (503, flag UF)</translation>
    </message>
</context>
<context>
    <name>meshlane::GatewayApiRoutes</name>
    <message>
        <source>no Gateway API Gateway %1</source>
        <translation>Gateway API Gateway %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>no HTTP listener of Gateway %1 on port %2 accepts host %3: 404</source>
        <translation>Gateway %1의 포트 %2에는 호스트 %3을(를) 받는 HTTP 리스너가 없습니다: 404</translation>
    </message>
    <message>
        <source>listener %1 of Gateway %2 has no route for host %3: 404</source>
        <translation>Gateway %2의 리스너 %1에는 호스트 %3의 라우트가 없습니다: 404</translation>
    </message>
</context>
<context>
    <name>meshlane::GatewayRoutes</name>
    <message>
        <source>there is no Gateway %1</source>
        <translation>Gateway %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>Gateway %1 has no HTTP server for host %2 on port %3: 404 (Envoy flag NR)</source>
        <translation>Gateway %1에 포트 %3에서 호스트 %2을(를) 받는 HTTP 서버가 없습니다: 404 (Envoy flag NR)</translation>
    </message>
    <message>
        <source>Gateway %1 has no HTTP server for host %2: 404 (Envoy flag NR)</source>
        <translation>Gateway %1에 호스트 %2을(를) 받는 HTTP 서버가 없습니다: 404 (Envoy flag NR)</translation>
    </message>
    <message>
        <source>no VirtualService bound to Gateway %1 serves host %2 on port %3: 404 (Envoy flag NR)</source>
        <translation>Gateway %1에 바인딩된 VirtualService 중 포트 %3에서 호스트 %2을(를) 처리하는 것이 없습니다: 404 (Envoy flag NR)</translation>
    </message>
    <message>
        <source>the Gateway listens on %1 for this host (its Service, which maps a client port to it, is not in the folder): did you mean --port %1?</source>
        <translation>이 호스트에 대해 Gateway는 %1에서 수신합니다 (클라이언트 포트를 이 포트로 연결하는 Service가 폴더에 없습니다): --port %1을(를) 뜻하셨나요?</translation>
    </message>
</context>
<context>
    <name>meshlane::L4GatewayChains</name>
    <message>
        <source>port is %1 (wants %2)</source>
        <translation>포트가 %1입니다 (%2 필요)</translation>
    </message>
    <message>
        <source>it names gateways %1, not %2</source>
        <translation>게이트웨이 %1만 지정하고 %2은(는) 지정하지 않습니다</translation>
    </message>
    <message>
        <source>the %1 server on port %2 routes HTTP, not connections</source>
        <translation>포트 %2의 %1 서버는 연결이 아니라 HTTP를 라우팅합니다</translation>
    </message>
    <message>
        <source>the TLS server on port %1 is AUTO_PASSTHROUGH: it forwards by SNI outbound_.&lt;port&gt;_.&lt;subset&gt;_.&lt;host&gt; and ignores VirtualServices</source>
        <translation>포트 %1의 TLS 서버는 AUTO_PASSTHROUGH입니다: SNI outbound_.&lt;port&gt;_.&lt;subset&gt;_.&lt;host&gt;에 따라 전달하고 VirtualService는 무시합니다</translation>
    </message>
    <message>
        <source>%1 does not apply to this gateway: %2</source>
        <translation>%1은(는) 이 게이트웨이에 적용되지 않습니다: %2</translation>
    </message>
    <message>
        <source>%1 is skipped: an earlier rule on port %2 already serves SNI %3</source>
        <translation>%1은(는) 건너뜁니다: 포트 %2에서 앞선 규칙이 이미 SNI %3을(를) 처리합니다</translation>
    </message>
    <message>
        <source>a second TCP server on port %1 conflicts with the first; Istio skips it</source>
        <translation>포트 %1의 두 번째 TCP 서버는 첫 번째와 충돌하므로 Istio가 건너뜁니다</translation>
    </message>
    <message>
        <source>no tcp route of a VirtualService bound to Gateway %1 applies to the %2 server on port %3, so that server gets no filter chain</source>
        <translation>게이트웨이 %1에 연결된 VirtualService의 어떤 tcp 라우트도 포트 %3의 %2 서버에 적용되지 않아 그 서버에는 필터 체인이 없습니다</translation>
    </message>
</context>
<context>
    <name>meshlane::L4Router</name>
    <message>
        <source>it names gateways %1, not mesh</source>
        <translation>게이트웨이 %1만 지정하고 mesh는 지정하지 않습니다</translation>
    </message>
    <message>
        <source>port is %1 (wants %2)</source>
        <translation>포트가 %1입니다 (%2 필요)</translation>
    </message>
    <message>
        <source>source labels are %1 (wants %2)</source>
        <translation>소스 레이블이 %1입니다 (%2 필요)</translation>
    </message>
    <message>
        <source>source namespace is %1 (wants %2)</source>
        <translation>소스 네임스페이스가 %1입니다 (%2 필요)</translation>
    </message>
    <message>
        <source>TCP connection to %1</source>
        <translation>%1(으)로의 TCP 연결</translation>
    </message>
    <message>
        <source>TLS connection without SNI to %1</source>
        <translation>SNI 없는 %1(으)로의 TLS 연결</translation>
    </message>
    <message>
        <source>TLS connection (SNI %2) to %1</source>
        <translation>%1(으)로의 TLS 연결 (SNI %2)</translation>
    </message>
    <message>
        <source>HTTP request to %1</source>
        <translation>%1(으)로의 HTTP 요청</translation>
    </message>
    <message>
        <source>no Service or ServiceEntry is named %1, so the sidecar has no listener for it: the connection leaves unrouted through PassthroughCluster (ALLOW_ANY) or is closed (REGISTRY_ONLY); reported as 404</source>
        <translation>%1(이)라는 Service나 ServiceEntry가 없어 사이드카에 해당 리스너가 없습니다: 연결은 라우팅되지 않은 채 PassthroughCluster로 나가거나(ALLOW_ANY) 닫힙니다(REGISTRY_ONLY). 404로 보고합니다</translation>
    </message>
    <message>
        <source>%1 has no port %2, so the sidecar has no listener for it</source>
        <translation>%1에 포트 %2이(가) 없어 사이드카에 해당 리스너가 없습니다</translation>
    </message>
    <message>
        <source>port %1 of %2 is %3</source>
        <translation>%2의 포트 %1은(는) %3입니다</translation>
    </message>
    <message>
        <source>Istio builds no listener for UDP ports</source>
        <translation>Istio는 UDP 포트에 리스너를 만들지 않습니다</translation>
    </message>
    <message>
        <source>the sidecar&apos;s HTTP connection manager cannot parse a TCP or TLS stream and closes the connection (reported as 404); name the port tcp-* or tls-* for tcp or tls routes</source>
        <translation>사이드카의 HTTP 연결 관리자는 TCP나 TLS 스트림을 해석할 수 없어 연결을 닫습니다(404로 보고). tcp 또는 tls 라우트를 쓰려면 포트 이름을 tcp-* 또는 tls-*로 지정하세요</translation>
    </message>
    <message>
        <source>the sidecar proxies the request as an opaque TCP stream: tcp routes apply, not http routes</source>
        <translation>사이드카는 요청을 불투명한 TCP 스트림으로 프록시합니다: http 라우트가 아니라 tcp 라우트가 적용됩니다</translation>
    </message>
    <message>
        <source>VirtualService %1 applies to %2 for sidecars</source>
        <translation>사이드카에서 %2에는 VirtualService %1이(가) 적용됩니다</translation>
    </message>
    <message>
        <source>its tcp routes do not apply to a TLS port</source>
        <translation>tcp 라우트는 TLS 포트에 적용되지 않습니다</translation>
    </message>
    <message>
        <source>its tls routes apply only to ports declared TLS or HTTPS</source>
        <translation>tls 라우트는 TLS 또는 HTTPS로 선언된 포트에만 적용됩니다</translation>
    </message>
    <message>
        <source>no VirtualService applies</source>
        <translation>적용되는 VirtualService가 없습니다</translation>
    </message>
    <message>
        <source>no filter chain matches the connection&apos;s SNI and address</source>
        <translation>연결의 SNI와 주소에 맞는 필터 체인이 없습니다</translation>
    </message>
    <message>
        <source>%1 does not apply to this sidecar: %2</source>
        <translation>%1은(는) 이 사이드카에 적용되지 않습니다: %2</translation>
    </message>
    <message>
        <source>no tls route applies: the port is proxied as opaque TCP</source>
        <translation>적용되는 tls 라우트가 없어 포트는 불투명한 TCP로 프록시됩니다</translation>
    </message>
    <message>
        <source>%1 enters through Gateway %2</source>
        <translation>%1이(가) 게이트웨이 %2(으)로 들어옵니다</translation>
    </message>
    <message>
        <source>the gateway has only TCP or TLS servers on that port: it proxies the request as a TCP stream, so tcp and tls routes apply, not http routes</source>
        <translation>게이트웨이의 해당 포트에는 TCP 또는 TLS 서버만 있어 요청을 TCP 스트림으로 프록시합니다: http 라우트가 아니라 tcp와 tls 라우트가 적용됩니다</translation>
    </message>
    <message>
        <source>there is no Gateway %1</source>
        <translation>Gateway %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>Gateway %1 has no filter chain for TCP or TLS on port %2, so Istio builds no listener there: the connection is refused (reported as 404)</source>
        <translation>게이트웨이 %1의 포트 %2에는 TCP나 TLS 필터 체인이 없어 Istio가 리스너를 만들지 않습니다: 연결이 거부됩니다(404로 보고)</translation>
    </message>
    <message>
        <source>no filter chain of port %1 takes a connection without SNI: gateways have no default chain, so Envoy closes it (reported as 404)</source>
        <translation>포트 %1의 어떤 필터 체인도 SNI 없는 연결을 받지 않습니다: 게이트웨이에는 기본 체인이 없어 Envoy가 연결을 닫습니다(404로 보고)</translation>
    </message>
    <message>
        <source>no filter chain of port %1 matches SNI %2: gateways have no default chain, so Envoy closes the connection (reported as 404)</source>
        <translation>포트 %1의 어떤 필터 체인도 SNI %2와(과) 맞지 않습니다: 게이트웨이에는 기본 체인이 없어 Envoy가 연결을 닫습니다(404로 보고)</translation>
    </message>
    <message>
        <source>the sidecar proxies the connection straight to the host, all its endpoints</source>
        <translation>사이드카는 연결을 호스트의 모든 엔드포인트로 바로 프록시합니다</translation>
    </message>
    <message>
        <source>%1 has no match conditions, so it takes the connection</source>
        <translation>%1에는 match 조건이 없어 연결을 받습니다</translation>
    </message>
    <message>
        <source>%1 takes the connection (filter chain: %2; match: %3)</source>
        <translation>%1이(가) 연결을 받습니다 (필터 체인: %2, match: %3)</translation>
    </message>
    <message>
        <source>every destination has weight 0: Envoy has no cluster to proxy to and closes the connection (reported as 503)</source>
        <translation>모든 대상의 가중치가 0입니다: Envoy는 프록시할 클러스터가 없어 연결을 닫습니다(503으로 보고)</translation>
    </message>
    <message>
        <source>-&gt; %1 (weight %2): %3</source>
        <translation>-&gt; %1 (가중치 %2): %3</translation>
    </message>
    <message>
        <source>the original destination %1:%2, unrouted</source>
        <translation>원래 목적지 %1:%2, 라우팅 없음</translation>
    </message>
    <message>
        <source>the listener&apos;s default chain sends it to PassthroughCluster: the original destination, unrouted (outboundTrafficPolicy ALLOW_ANY; REGISTRY_ONLY would close it)</source>
        <translation>리스너의 기본 체인이 PassthroughCluster로 보냅니다: 라우팅 없이 원래 목적지로 갑니다 (outboundTrafficPolicy ALLOW_ANY; REGISTRY_ONLY이면 닫힙니다)</translation>
    </message>
    <message>
        <source>%1 %2 is a consumer route of namespace %3: it applies only to callers there</source>
        <translation>%1 %2은(는) 네임스페이스 %3의 소비자 라우트입니다: 그 네임스페이스의 호출자에게만 적용됩니다</translation>
    </message>
    <message>
        <source>%1 %2 (parentRef Service %3) applies to %3 for sidecars</source>
        <translation>%1 %2(parentRef 서비스 %3)가 사이드카에서 %3에 적용됩니다</translation>
    </message>
    <message>
        <source>listener %1 is left out: %2</source>
        <translation>리스너 %1은(는) 제외됩니다: %2</translation>
    </message>
    <message>
        <source>listener %1 (%2, port %3) has no routes</source>
        <translation>리스너 %1(%2, 포트 %3)에는 라우트가 없습니다</translation>
    </message>
    <message>
        <source>listener %1 (%2, port %3) has routes %4, oldest first</source>
        <translation>리스너 %1(%2, 포트 %3)의 라우트: %4 (오래된 순)</translation>
    </message>
    <message>
        <source>backendRef %1 does not resolve (%2): Envoy has no cluster for its share and closes those connections (reported as 503)</source>
        <translation>backendRef %1을(를) 확인할 수 없습니다(%2): Envoy에 해당 몫의 클러스터가 없어 그 연결을 닫습니다(503으로 보고)</translation>
    </message>
</context>
<context>
    <name>meshlane::RouteTableBuilder</name>
    <message>
        <source>a delegate VirtualService cannot delegate again (Istio supports one level)</source>
        <translation>위임받은 VirtualService는 다시 위임할 수 없습니다 (Istio는 한 단계만 지원)</translation>
    </message>
    <message>
        <source>%1 is only for %2, not %3</source>
        <translation>%1은(는) %3이(가) 아니라 %2 전용입니다</translation>
    </message>
    <message>
        <source>%1 is not given to this gateway: %2</source>
        <translation>%1은(는) 이 게이트웨이에 적용되지 않습니다: %2</translation>
    </message>
</context>
<context>
    <name>meshlane::Router</name>
    <message>
        <source>%1 pod (%2)</source>
        <translation>파드 %1개 (%2)</translation>
    </message>
    <message>
        <source>%1 pods (%2)</source>
        <translation>파드 %1개 (%2)</translation>
    </message>
    <message>
        <source>VirtualService %1 is not exported to namespace %2</source>
        <translation>VirtualService %1은(는) 네임스페이스 %2에 내보내지지 않습니다 (exportTo)</translation>
    </message>
    <message>
        <source>VirtualService %1 claims the same host; Istio uses the first one loaded (IST0109), so it is ignored</source>
        <translation>VirtualService %1도 같은 호스트를 지정하지만 Istio는 먼저 로드된 것을 사용하므로 (IST0109) 무시됩니다</translation>
    </message>
    <message>
        <source>request %1 from a sidecar in namespace %2</source>
        <translation>요청 %1 (%2 네임스페이스의 사이드카에서)</translation>
    </message>
    <message>
        <source>request %1 from a sidecar in namespace %2 with labels %3</source>
        <translation>요청 %1 (%2 네임스페이스의 사이드카에서, 레이블 %3)</translation>
    </message>
    <message>
        <source>host %1 means %2 (resolved from namespace %3)</source>
        <translation>호스트 %1은(는) %2입니다 (%3 네임스페이스 기준으로 해석)</translation>
    </message>
    <message>
        <source>port %1 (the host&apos;s first port; none was given)</source>
        <translation>포트 %1 (포트를 지정하지 않아 호스트의 첫 포트 사용)</translation>
    </message>
    <message>
        <source>VirtualService %1 applies to %2 for sidecars</source>
        <translation>사이드카에서 %2에는 VirtualService %1이(가) 적용됩니다</translation>
    </message>
    <message>
        <source>VirtualService %1 lists this host but is bound only to gateways, so sidecars ignore it</source>
        <translation>VirtualService %1은(는) 이 호스트를 나열하지만 게이트웨이에만 바인딩되어 있어 사이드카는 무시합니다</translation>
    </message>
    <message>
        <source>no Service, ServiceEntry or VirtualService is named %1: 404 (a sidecar with outboundTrafficPolicy ALLOW_ANY would pass it through unrouted; REGISTRY_ONLY answers 502)</source>
        <translation>이름이 %1인 Service, ServiceEntry, VirtualService가 없습니다: 404 (outboundTrafficPolicy가 ALLOW_ANY인 사이드카는 라우팅 없이 그대로 내보내고, REGISTRY_ONLY이면 502로 응답합니다)</translation>
    </message>
    <message>
        <source>no VirtualService applies: the sidecar sends the request straight to the host, all its endpoints</source>
        <translation>적용되는 VirtualService가 없습니다: 사이드카가 요청을 호스트의 모든 엔드포인트로 바로 보냅니다</translation>
    </message>
    <message>
        <source>request %1 enters through Gateway %2</source>
        <translation>요청 %1 (Gateway %2을(를) 통해 들어옴)</translation>
    </message>
    <message>
        <source>Gateway %1 port %2 serves %3 with virtual host %4 from VirtualService %5</source>
        <translation>Gateway %1 포트 %2: VirtualService %5의 가상 호스트 %4이(가) %3을(를) 처리합니다</translation>
    </message>
    <message>
        <source>%1 does not match: %2</source>
        <translation>%1 불일치: %2</translation>
    </message>
    <message>
        <source>... and %1 more match blocks before it do not match either</source>
        <translation>... 그 앞의 match 블록 %1개도 일치하지 않습니다</translation>
    </message>
    <message>
        <source>no route matches: 404 (Envoy flag NR)</source>
        <translation>일치하는 라우트가 없습니다: 404 (Envoy flag NR)</translation>
    </message>
    <message>
        <source>%1 has no match conditions, so it takes the request</source>
        <translation>%1에는 match 조건이 없으므로 요청을 받습니다</translation>
    </message>
    <message>
        <source>%1 matches (%2)</source>
        <translation>%1 일치 (%2)</translation>
    </message>
    <message>
        <source>it delegates to VirtualService %1</source>
        <translation>VirtualService %1(으)로 위임합니다</translation>
    </message>
    <message>
        <source>Service %1 has no port %2: Envoy has no cluster for it (503, flag NC); set destination.port</source>
        <translation>Service %1에 포트 %2이(가) 없습니다: Envoy에 이 포트의 클러스터가 없습니다 (503, flag NC). destination.port를 지정하세요</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>참고: %1</translation>
    </message>
    <message>
        <source>fault: %1 of requests wait %2 ms first</source>
        <translation>장애 주입: 요청의 %1이(가) 먼저 %2 ms 대기합니다</translation>
    </message>
    <message>
        <source>fault: %1 of requests are aborted with %2</source>
        <translation>장애 주입: 요청의 %1이(가) %2(으)로 중단됩니다</translation>
    </message>
    <message>
        <source>gRPC status %1</source>
        <translation>gRPC 상태 %1</translation>
    </message>
    <message>
        <source>redirect %1 to %2</source>
        <translation>%2(으)로 리디렉션 (%1)</translation>
    </message>
    <message>
        <source>direct response %1</source>
        <translation>직접 응답 %1</translation>
    </message>
    <message>
        <source>-&gt; %1 (weight %2): %3</source>
        <translation>-&gt; %1 (가중치 %2): %3</translation>
    </message>
    <message>
        <source>mirror %1 of forwarded requests (responses dropped): %2</source>
        <translation>전달된 요청의 %1을(를) 미러링 (응답은 버려짐): %2</translation>
    </message>
    <message>
        <source>%1 from a sidecar in namespace %2</source>
        <translation>네임스페이스 %2의 사이드카에서 보낸 %1</translation>
    </message>
    <message>
        <source>%1 from a sidecar in namespace %2 with labels %3</source>
        <translation>네임스페이스 %2, 레이블 %3인 사이드카에서 보낸 %1</translation>
    </message>
    <message>
        <source>VirtualService %1 has no http routes, so HTTP on port %2 is routed as if it had none</source>
        <translation>VirtualService %1에는 http 라우트가 없어 포트 %2의 HTTP는 VirtualService가 없는 것처럼 라우팅됩니다</translation>
    </message>
    <message>
        <source>%1 mesh routes of namespace %2 are consumer routes: they apply only to callers in namespace %2</source>
        <translation>네임스페이스 %2의 %1 메시 라우트는 소비자 라우트입니다: 네임스페이스 %2의 호출자에게만 적용됩니다</translation>
    </message>
    <message>
        <source>%1 %2 also routes this host; Istio gives a host to one route set (consumer routes first, then the oldest), so it is shadowed (ML0207)</source>
        <translation>%1 %2도 이 호스트를 라우팅합니다. Istio는 호스트를 한 라우트 집합에만 주므로 (소비자 라우트 먼저, 그다음 가장 오래된 것) 이것은 가려집니다 (ML0207)</translation>
    </message>
    <message>
        <source>mesh %1 rules of namespace %2 (parentRef Service %3) apply to %3 for sidecars, in the spec&apos;s precedence order</source>
        <translation>네임스페이스 %2의 메시 %1 규칙 (parentRef Service %3)은 사이드카에서 %3에 명세의 우선순위대로 적용됩니다</translation>
    </message>
    <message>
        <source>request %1 enters through Gateway API Gateway %2</source>
        <translation>요청 %1은(는) Gateway API Gateway %2(으)로 들어옵니다</translation>
    </message>
    <message>
        <source>listener %1 (port %2, hostname %3) takes %4; its routes for %5 come from %6, in the spec&apos;s precedence order</source>
        <translation>리스너 %1 (포트 %2, 호스트 이름 %3)이(가) %4을(를) 받습니다. %5의 라우트는 %6에서 명세의 우선순위대로 옵니다</translation>
    </message>
    <message>
        <source>port %1 is the gateway Service&apos;s; its target port %2 is where the Gateway&apos;s servers listen</source>
        <translation>포트 %1은(는) 게이트웨이 Service의 포트입니다. 대상 포트 %2에서 Gateway의 서버가 수신합니다</translation>
    </message>
    <message>
        <source>timeout %1: a slower answer becomes 504</source>
        <translation>타임아웃 %1: 이보다 느린 응답은 504가 됩니다</translation>
    </message>
    <message>
        <source>request or response headers are modified by the rule&apos;s filters</source>
        <translation>규칙의 필터가 요청 또는 응답 헤더를 바꿉니다</translation>
    </message>
    <message>
        <source>rewrite: host %1, path %2</source>
        <translation>재작성: 호스트 %1, 경로 %2</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::AddDestinationMenu</name>
    <message>
        <source>Subset %1</source>
        <translation>서브셋 %1</translation>
    </message>
    <message>
        <source>Version %1 (creates subset %1)</source>
        <translation>버전 %1(서브셋 %1 생성)</translation>
    </message>
    <message>
        <source>Every subset and version is in the route already</source>
        <translation>모든 서브셋과 버전이 이미 라우트에 있습니다</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>서비스 %1</translation>
    </message>
    <message>
        <source>Every Service of %1 is in the rule already</source>
        <translation>%1의 모든 서비스가 이미 규칙에 있습니다</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::AddMatchRouteDialog</name>
    <message>
        <source>Add Match Route to %1</source>
        <translation>%1에 매치 라우트 추가</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>URI path</source>
        <translation>URI 경로</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>쿼리 매개변수</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>같음</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>다음으로 시작</translation>
    </message>
    <message>
        <source>matches regex</source>
        <translation>정규식 일치</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>선택 사항</translation>
    </message>
    <message>
        <source>%1 (every pod)</source>
        <translation>%1(모든 파드)</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>필드(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Comparison:</source>
        <translation>비교(&amp;C):</translation>
    </message>
    <message>
        <source>V&amp;alue:</source>
        <translation>값(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Send to:</source>
        <translation>보낼 곳(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Route name:</source>
        <translation>라우트 이름(&amp;R):</translation>
    </message>
    <message>
        <source>Name the header or query parameter.</source>
        <translation>헤더나 쿼리 매개변수의 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the value to compare with.</source>
        <translation>비교할 값을 입력하세요.</translation>
    </message>
    <message>
        <source>This is not a valid RE2 regular expression.</source>
        <translation>올바른 RE2 정규식이 아닙니다.</translation>
    </message>
    <message>
        <source>The VirtualService has no destination to send to.</source>
        <translation>이 VirtualService에는 보낼 대상이 없습니다.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::DestinationRow</name>
    <message>
        <source>Lock this weight: moving the others leaves it alone</source>
        <translation>이 가중치 잠금: 다른 대상을 움직여도 바뀌지 않습니다</translation>
    </message>
    <message>
        <source>Remove this destination (its share goes to the others)</source>
        <translation>이 대상 제거(몫은 다른 대상에 나뉩니다)</translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation>%1의 가중치</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::DiagnosticsModel</name>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>해결 방법: %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>리소스</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>A request that shows it: meshlane route DIR %1 (right-click: try it in the Request Tester)</source>
        <translation>이 문제를 보여 주는 요청: meshlane route DIR %1 (오른쪽 클릭: 요청 테스터에서 시험)</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::DiagnosticsPanel</name>
    <message>
        <source>Show in YAML and Graph</source>
        <translation>YAML과 그래프에서 보기</translation>
    </message>
    <message>
        <source>Try the Request in the Request Tester</source>
        <translation>요청 테스터에서 이 요청 시험하기</translation>
    </message>
    <message>
        <source>Only routing findings come with a request that shows them.</source>
        <translation>라우팅 진단에만 그 문제를 보여 주는 요청이 있습니다.</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::Document</name>
    <message>
        <source>Cannot set the weights: %1</source>
        <translation>가중치를 설정할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot add the destination: %1</source>
        <translation>대상을 추가할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot create subset %1: %2</source>
        <translation>서브셋 %1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot remove the destination: %1</source>
        <translation>대상을 제거할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot create the subset: %1</source>
        <translation>서브셋을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot change the mirror: %1</source>
        <translation>미러를 바꿀 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot add the route: %1</source>
        <translation>라우트를 추가할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot remove the route: %1</source>
        <translation>라우트를 제거할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot move the route: %1</source>
        <translation>라우트를 옮길 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot add the backend: %1</source>
        <translation>백엔드를 추가할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot remove the backend: %1</source>
        <translation>백엔드를 제거할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot add the step: %1</source>
        <translation>단계를 추가할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot remove the step: %1</source>
        <translation>단계를 제거할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot move the step: %1</source>
        <translation>단계를 옮길 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot change the step: %1</source>
        <translation>단계를 바꿀 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Cannot stage the step: %1</source>
        <translation>단계를 적용할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>저장하지 않은 편집</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::EditingDocks</name>
    <message>
        <source>Kept your edits. Files changed on disk since will not be overwritten by an export.</source>
        <translation>편집 내용을 유지했습니다. 그 뒤 디스크에서 바뀐 파일은 내보내기로 덮어쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Routes and Weights</source>
        <translation>라우트와 가중치</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the edited manifests, after showing what changes</source>
        <translation>바뀌는 내용을 보여 준 뒤 편집한 매니페스트를 저장합니다</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Choose a folder outside %1.</source>
        <translation>%1 바깥의 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Nothing was written:
%1</source>
        <translation>아무것도 쓰지 않았습니다:
%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1</source>
        <translation>
            <numerusform>%1에 파일 %n개를 썼습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>폴더로 내보내기</translation>
    </message>
    <message>
        <source>Files Changed on Disk</source>
        <translation>디스크의 파일이 바뀜</translation>
    </message>
    <message>
        <source>Files in %1 were changed by another program, and you have edits that are not exported.</source>
        <translation>다른 프로그램이 %1의 파일을 바꿨고, 아직 내보내지 않은 편집 내용이 있습니다.</translation>
    </message>
    <message>
        <source>Unsaved Edits</source>
        <translation>저장하지 않은 편집</translation>
    </message>
    <message>
        <source>Your edits to %1 are not exported yet.</source>
        <translation>%1의 편집 내용을 아직 내보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Export them before closing?</source>
        <translation>닫기 전에 내보낼까요?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>버리기(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Read the changed files and re-applied your edits.</source>
        <translation>바뀐 파일을 읽고 편집 내용을 다시 적용했습니다.</translation>
    </message>
    <message>
        <source>Some Edits No Longer Apply</source>
        <translation>더 이상 적용되지 않는 편집</translation>
    </message>
    <message>
        <source>These edits were not re-applied to the changed files:
%1</source>
        <translation>다음 편집은 바뀐 파일에 다시 적용하지 못했습니다:
%1</translation>
    </message>
    <message>
        <source>Read their files and re-apply your edits where they still apply, take their files and drop your edits, or leave both as they are for now?</source>
        <translation>바뀐 파일을 읽고 아직 적용되는 편집을 다시 적용할까요, 바뀐 파일을 받고 편집을 버릴까요, 아니면 지금은 둘 다 그대로 둘까요?</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>내 편집 유지(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation>바뀐 파일 받기(&amp;T)</translation>
    </message>
    <message>
        <source>Restore Unsaved Edits</source>
        <translation>저장하지 않은 편집 복원</translation>
    </message>
    <message numerus="yes">
        <source>Meshlane stopped with %n unsaved edit(s) to %1.</source>
        <translation>
            <numerusform>Meshlane이 %1에 저장하지 않은 편집 %n개를 남기고 멈췄습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>복원(&amp;R)</translation>
    </message>
    <message>
        <source>Restored edits are undo steps again, as before.</source>
        <translation>복원한 편집은 전처럼 다시 실행 취소 단계가 됩니다.</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Nothing to write: the files in %1 already say this.</source>
        <translation>쓸 내용이 없습니다: %1의 파일이 이미 이 내용입니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in %1 will change:</source>
        <translation>
            <numerusform>%1의 파일 %n개가 바뀝니다:</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>Write the changes into the files they came from</source>
        <translation>바뀐 내용을 원래 파일에 씁니다</translation>
    </message>
    <message>
        <source>Export to &amp;Folder…</source>
        <translation>폴더로 내보내기(&amp;F)…</translation>
    </message>
    <message>
        <source>Write a copy of the whole folder, with the changes, somewhere else</source>
        <translation>바뀐 내용을 담은 폴더 전체의 사본을 다른 곳에 씁니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::GraphFindBar</name>
    <message>
        <source>Find: reviews, ns = shop, label:app=cart, has:split, has:mirror, broken</source>
        <translation>찾기: reviews, ns = shop, label:app=cart, has:split, has:mirror, broken</translation>
    </message>
    <message>
        <source>Words match names; name, ns, app, version and kind compare with = and != (* and ? wildcards); label:KEY or label:KEY=VALUE; has:split, has:mirror, is:broken, is:external, is:gateway; combine with and, or, not and parentheses (Ctrl+F)</source>
        <translation>단어는 이름에 맞춰 찾습니다. name, ns, app, version, kind는 = 와 != 로 비교합니다 (* 와 ? 와일드카드). label:KEY 또는 label:KEY=VALUE, has:split, has:mirror, is:broken, is:external, is:gateway. and, or, not, 괄호로 묶습니다 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>강조</translation>
    </message>
    <message>
        <source>Show Only</source>
        <translation>이것만 표시</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>숨기기</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>초점</translation>
    </message>
    <message>
        <source>Show only the neighbourhood of what is found (or else selected), laid out on its own</source>
        <translation>찾은 것(없으면 선택한 것)의 이웃만 따로 배치해 표시합니다</translation>
    </message>
    <message>
        <source>Hops: </source>
        <translation>홉: </translation>
    </message>
    <message>
        <source>How many edges away focus mode reaches</source>
        <translation>초점 모드가 몇 개의 간선까지 닿는지</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::GraphPanel</name>
    <message>
        <source>Zoom In</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>확대 (+)</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>축소 (-)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Show the whole graph (0)</source>
        <translation>그래프 전체 보기 (0)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln node(s)</source>
        <translation>
            <numerusform>노드 %Ln개 중 %1개</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a node or find something to focus on</source>
        <translation>초점을 맞출 노드를 선택하거나 찾으세요</translation>
    </message>
    <message>
        <source>Expand Namespace %1</source>
        <translation>네임스페이스 %1 펼치기</translation>
    </message>
    <message>
        <source>Collapse Namespace %1</source>
        <translation>네임스페이스 %1 접기</translation>
    </message>
    <message>
        <source>&amp;Namespaces</source>
        <translation>네임스페이스(&amp;N)</translation>
    </message>
    <message>
        <source>Namespace Boxes</source>
        <translation>네임스페이스 상자</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>모두 접기</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>모두 펼치기</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::HelpMenu</name>
    <message>
        <source>Getting Started</source>
        <translation>시작하기</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>About Meshlane</source>
        <translation>Meshlane 정보</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>시작하기(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Meshlane</source>
        <translation>Meshlane 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;A canary for Bookinfo&apos;s reviews, in five steps&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open a folder.&lt;/b&gt; File › Open Folder (or start Meshlane with no folder: it opens the bundled Bookinfo sample). The graph shows gateways, services and each app&apos;s versions.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pick the route.&lt;/b&gt; Click the &lt;i&gt;reviews&lt;/i&gt; service (or choose default/reviews in the Weights dock). Its routes appear with one slider per destination.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Stage the canary.&lt;/b&gt; Drag v2&apos;s slider to 10: the others re-balance so the route totals 100, the YAML pane marks the changed lines, and the graph&apos;s edge labels follow.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Watch the traffic.&lt;/b&gt; Press Space to play the simulation: the live plot moves to a 90/10 split and the split chart compares it with what the rules say. Drag on to 50 and 100.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Check and export.&lt;/b&gt; Fix what the Diagnostics dock flags (double-click opens the line), then File › Export: the preview is a diff of exactly the lines you changed.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Every step is undoable (Ctrl+Z). The same engine runs headless: &lt;tt&gt;meshlane route&lt;/tt&gt;, &lt;tt&gt;simulate&lt;/tt&gt;, &lt;tt&gt;analyze&lt;/tt&gt;, &lt;tt&gt;set-weights&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bookinfo reviews의 카나리, 다섯 단계&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;폴더를 엽니다.&lt;/b&gt; 파일 › 폴더 열기 (폴더 없이 Meshlane을 시작하면 함께 들어 있는 Bookinfo 예제를 엽니다). 그래프에 게이트웨이, 서비스, 각 앱의 버전이 보입니다.&lt;/li&gt;&lt;li&gt;&lt;b&gt;라우트를 고릅니다.&lt;/b&gt; &lt;i&gt;reviews&lt;/i&gt; 서비스를 클릭하세요 (또는 가중치 독에서 default/reviews를 고릅니다). 라우트가 목적지마다 슬라이더 하나씩으로 나타납니다.&lt;/li&gt;&lt;li&gt;&lt;b&gt;카나리를 준비합니다.&lt;/b&gt; v2의 슬라이더를 10으로 끕니다: 나머지가 다시 나뉘어 합이 100이 되고, YAML 창이 바뀐 줄을 표시하며, 그래프의 간선 레이블이 따라갑니다.&lt;/li&gt;&lt;li&gt;&lt;b&gt;트래픽을 지켜봅니다.&lt;/b&gt; Space를 눌러 시뮬레이션을 재생하세요: 실시간 그래프가 90/10으로 옮겨 가고, 분할 차트가 규칙이 말하는 값과 비교합니다. 50, 100까지 끌어 보세요.&lt;/li&gt;&lt;li&gt;&lt;b&gt;점검하고 내보냅니다.&lt;/b&gt; 진단 독이 표시한 것을 고치고 (더블클릭하면 그 줄이 열립니다), 파일 › 내보내기: 미리 보기는 바꾼 줄만의 차이입니다.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;모든 단계는 되돌릴 수 있습니다 (Ctrl+Z). 같은 엔진이 화면 없이도 동작합니다: &lt;tt&gt;meshlane route&lt;/tt&gt;, &lt;tt&gt;simulate&lt;/tt&gt;, &lt;tt&gt;analyze&lt;/tt&gt;, &lt;tt&gt;set-weights&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>In the graph: the mouse wheel zooms, dragging pans, a click selects a service&apos;s VirtualService.</source>
        <translation>그래프에서: 마우스 휠은 확대/축소, 드래그는 이동, 클릭은 서비스의 VirtualService를 선택합니다.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Meshlane %1&lt;/h3&gt;&lt;p&gt;Design, simulate and check Istio traffic routing from a folder of manifests. No cluster needed.&lt;/p&gt;&lt;p&gt;Built with:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Meshlane %1&lt;/h3&gt;&lt;p&gt;매니페스트 폴더로 Istio 트래픽 라우팅을 설계하고, 시뮬레이션하고, 점검합니다. 클러스터가 필요 없습니다.&lt;/p&gt;&lt;p&gt;사용한 라이브러리:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;MIT licence. Bundled fonts: DejaVu (Bitstream Vera licence) and Nanum Gothic (SIL Open Font Licence).&lt;/p&gt;</source>
        <translation>&lt;p&gt;MIT 라이선스. 포함된 글꼴: DejaVu (Bitstream Vera 라이선스), 나눔고딕 (SIL Open Font 라이선스).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::LivePlotPanel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 mirrored (req/s)</source>
        <translation>%1 미러링 (요청/초)</translation>
    </message>
    <message>
        <source>No simulation running</source>
        <translation>실행 중인 시뮬레이션 없음</translation>
    </message>
    <message>
        <source>traffic mix %1</source>
        <translation>트래픽 믹스 %1</translation>
    </message>
    <message>
        <source>Where requests to %1 go</source>
        <translation>%1 요청이 가는 곳</translation>
    </message>
    <message>
        <source>Where the traffic mix goes</source>
        <translation>트래픽 믹스가 가는 곳</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>%1 · %2 req/s · t = %3 s · %4</source>
        <translation>%1 · 초당 %2건 · t = %3초 · %4</translation>
    </message>
    <message>
        <source>Simulated time (s)</source>
        <translation>시뮬레이션 시간(초)</translation>
    </message>
    <message>
        <source>Share of requests (%)</source>
        <translation>요청 비율(%)</translation>
    </message>
    <message>
        <source>Mirrored requests/s</source>
        <translation>초당 미러링 요청</translation>
    </message>
    <message>
        <source>Select a VirtualService to simulate its traffic</source>
        <translation>VirtualService를 선택하면 그 트래픽을 시뮬레이션합니다</translation>
    </message>
    <message>
        <source>TCP connections</source>
        <translation>TCP 연결</translation>
    </message>
    <message>
        <source>TLS connections</source>
        <translation>TLS 연결</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%2에 %1</translation>
    </message>
    <message>
        <source>Where connections to %1 go</source>
        <translation>%1 연결이 가는 곳</translation>
    </message>
    <message>
        <source>gate passed</source>
        <translation>게이트 통과</translation>
    </message>
    <message>
        <source>gate failed</source>
        <translation>게이트 실패</translation>
    </message>
    <message>
        <source>too few requests</source>
        <translation>요청이 너무 적음</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::MainWindow</name>
    <message>
        <source>Layout failed: %1</source>
        <translation>그래프 배치 실패: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>폴더 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 폴더(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>다시 불러오기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>%1 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>그래프 맞춤(&amp;F)</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>진단</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>%1 — Meshlane[*]</source>
        <translation>%1 — Meshlane[*]</translation>
    </message>
    <message>
        <source>Open Folder of Manifests</source>
        <translation>매니페스트 폴더 열기</translation>
    </message>
    <message>
        <source>Services: %1 · VirtualServices: %2 · DestinationRules: %3 · Diagnostics: %4</source>
        <translation>서비스: %1 · VirtualService: %2 · DestinationRule: %3 · 진단: %4</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation>그래프 배치 중…</translation>
    </message>
    <message>
        <source>Open a folder of Kubernetes and Istio manifests</source>
        <translation>Kubernetes·Istio 매니페스트 폴더를 열어 주세요</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s)</source>
        <translation>
            <numerusform>%1: 파일 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>분석 중…</translation>
    </message>
    <message>
        <source>Preparing the simulation…</source>
        <translation>시뮬레이션 준비 중…</translation>
    </message>
    <message>
        <source>Updating the graph…</source>
        <translation>그래프 갱신 중…</translation>
    </message>
    <message>
        <source>Some Edits Were Not Restored</source>
        <translation>복원하지 못한 편집</translation>
    </message>
    <message>
        <source>The files changed since; these edits no longer apply:
%1</source>
        <translation>그 뒤 파일이 바뀌어 다음 편집은 더 이상 적용되지 않습니다:
%1</translation>
    </message>
    <message>
        <source>&amp;Stop Loading</source>
        <translation>불러오기 중지(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>Loading %1… %2 of %n file(s)</source>
        <translation>
            <numerusform>%1 불러오는 중… 파일 %n개 중 %2개</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped loading %1.</source>
        <translation>%1 불러오기를 중지했습니다.</translation>
    </message>
    <message>
        <source>%1 Still showing %2.</source>
        <translation>%1 %2을(를) 계속 표시합니다.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop loading and keep what is shown (Esc)</source>
        <translation>불러오기를 중지하고 지금 보이는 것을 유지합니다 (Esc)</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::MirrorEditor</name>
    <message>
        <source>&amp;Mirror:</source>
        <translation>미러(&amp;M):</translation>
    </message>
    <message>
        <source>Share of requests copied to the mirror</source>
        <translation>미러로 복사할 요청의 비율</translation>
    </message>
    <message>
        <source>Copies requests to another destination; its responses are dropped</source>
        <translation>요청을 다른 대상에 복사합니다. 그 응답은 버려집니다</translation>
    </message>
    <message>
        <source>This route uses mirrors: (several targets); edit it in the YAML</source>
        <translation>이 라우트는 mirrors:(여러 대상)를 씁니다. YAML에서 편집하세요</translation>
    </message>
    <message>
        <source>No mirror</source>
        <translation>미러 없음</translation>
    </message>
    <message>
        <source>%1 (every pod)</source>
        <translation>%1(모든 파드)</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RecentFolders</name>
    <message>
        <source>&amp;Clear List</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RequestTesterPanel</name>
    <message>
        <source>The routing engine is not ready yet: open a folder first.</source>
        <translation>라우팅 엔진이 아직 준비되지 않았습니다. 먼저 폴더를 여세요.</translation>
    </message>
    <message>
        <source>Type the host the request is for (select a route to fill it in).</source>
        <translation>요청을 보낼 호스트를 입력하세요(라우트를 선택하면 채워집니다).</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>메서드(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Path</source>
        <translation>경로(&amp;P)</translation>
    </message>
    <message>
        <source>H&amp;ost</source>
        <translation>호스트(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;From namespace</source>
        <translation>출발 네임스페이스(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>게이트웨이(&amp;G)</translation>
    </message>
    <message>
        <source>reviews, reviews.prod or an FQDN</source>
        <translation>reviews, reviews.prod 또는 FQDN</translation>
    </message>
    <message>
        <source>The calling sidecar&apos;s namespace (short hosts resolve in it)</source>
        <translation>호출하는 사이드카의 네임스페이스(짧은 호스트 이름은 이 네임스페이스를 기준으로 해석됩니다)</translation>
    </message>
    <message>
        <source>(none: from a sidecar)</source>
        <translation>(없음: 사이드카에서)</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>Add a header row</source>
        <translation>헤더 행 추가</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>제거(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected header row</source>
        <translation>선택한 헤더 행 제거</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>라우팅(&amp;R)</translation>
    </message>
    <message>
        <source>Show which route matches and where the request goes (Enter)</source>
        <translation>어느 라우트가 일치하고 요청이 어디로 가는지 보여 줍니다 (Enter)</translation>
    </message>
    <message>
        <source>Which route matches, why, and where the request goes appear here.</source>
        <translation>일치하는 라우트와 그 이유, 요청이 가는 곳이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Proto&amp;col</source>
        <translation>프로토콜(&amp;C)</translation>
    </message>
    <message>
        <source>Por&amp;t</source>
        <translation>포트(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;SNI</source>
        <translation>SNI(&amp;S)</translation>
    </message>
    <message>
        <source>Destination &amp;IP</source>
        <translation>목적지 IP(&amp;I)</translation>
    </message>
    <message>
        <source>HTTP requests follow http routes; TCP and TLS connections follow tcp and tls routes</source>
        <translation>HTTP 요청은 http 라우트를, TCP와 TLS 연결은 tcp와 tls 라우트를 따릅니다</translation>
    </message>
    <message>
        <source>from the host, else its first port</source>
        <translation>호스트에서, 없으면 첫 번째 포트</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>The server name the TLS client sends (empty: the host, as a client names the host it calls)</source>
        <translation>TLS 클라이언트가 보내는 서버 이름(비우면 호스트: 클라이언트는 호출하는 호스트를 보냅니다)</translation>
    </message>
    <message>
        <source>for destinationSubnets</source>
        <translation>destinationSubnets용</translation>
    </message>
    <message>
        <source>The connection&apos;s original destination address, matched by destinationSubnets</source>
        <translation>연결의 원래 목적지 주소(destinationSubnets와 비교)</translation>
    </message>
    <message>
        <source>Enter through an Istio Gateway or a Gateway API Gateway, on its listener&apos;s port</source>
        <translation>Istio Gateway 또는 Gateway API Gateway의 리스너 포트로 들어갑니다</translation>
    </message>
    <message>
        <source>Istio</source>
        <translation>Istio</translation>
    </message>
    <message>
        <source>Gateway API</source>
        <translation>Gateway API</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535, not “%1”.</source>
        <translation>포트는 1부터 65535까지의 숫자여야 합니다(“%1” 아님).</translation>
    </message>
    <message>
        <source>The destination IP must be an IPv4 or IPv6 address, not “%1”.</source>
        <translation>목적지 IP는 IPv4 또는 IPv6 주소여야 합니다(“%1” 아님).</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RolloutPanel</name>
    <message>
        <source>%1 (does not read)</source>
        <translation>%1 (읽을 수 없음)</translation>
    </message>
    <message>
        <source>GET / to the route&apos;s host</source>
        <translation>라우트 호스트로 GET /</translation>
    </message>
    <message>
        <source>rolled back here</source>
        <translation>여기서 롤백됨</translation>
    </message>
    <message>
        <source>
(The plan changed since this rehearsal.)</source>
        <translation>
(이 리허설 뒤에 계획이 바뀌었습니다.)</translation>
    </message>
    <message>
        <source>Step %1 was not reached.</source>
        <translation>%1단계에 이르지 않았습니다.</translation>
    </message>
    <message>
        <source>%1: %2 requests, %3 errors</source>
        <translation>%1: 요청 %2개, 오류 %3개</translation>
    </message>
    <message>
        <source>Step %1 from t = %2 s: weights %3</source>
        <translation>%1단계, t = %2초부터: 가중치 %3</translation>
    </message>
    <message>
        <source>Rehearsing…</source>
        <translation>리허설 중…</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>리허설</translation>
    </message>
    <message>
        <source>Play the plan against the chosen traffic in simulated time</source>
        <translation>선택한 트래픽으로 계획을 시뮬레이션 시간 동안 실행합니다</translation>
    </message>
    <message>
        <source>The rollout plan (kind RolloutPlan) to edit and rehearse</source>
        <translation>편집하고 리허설할 롤아웃 계획 (kind RolloutPlan)</translation>
    </message>
    <message>
        <source>The traffic mix and behaviour profiles (.traffic files of the folder)</source>
        <translation>트래픽 구성과 동작 프로필 (폴더의 .traffic 파일)</translation>
    </message>
    <message>
        <source>Add a step after the selected one</source>
        <translation>선택한 단계 뒤에 단계 추가</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>선택한 단계 제거</translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation>선택한 단계를 위로</translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation>선택한 단계를 아래로</translation>
    </message>
    <message>
        <source>Rehearse the plan, then select a step it reached to stage it</source>
        <translation>계획을 리허설한 뒤, 도달한 단계를 선택해 적용하세요</translation>
    </message>
    <message>
        <source>The files changed since the rehearsal: rehearse again to stage a step</source>
        <translation>리허설 이후 파일이 바뀌었습니다: 단계를 적용하려면 다시 리허설하세요</translation>
    </message>
    <message>
        <source>Make the files as this step leaves them (one edit: undo returns), so the graph and the weights show it</source>
        <translation>이 단계가 남기는 상태로 파일을 바꿉니다(한 번의 편집이며 실행 취소로 되돌립니다). 그래프와 가중치가 그 단계를 보여 줍니다</translation>
    </message>
    <message>
        <source>Stage step %1 (%2)</source>
        <translation>단계 %1 적용 (%2)</translation>
    </message>
    <message>
        <source>Stage Step</source>
        <translation>단계 적용</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RolloutStepEditor</name>
    <message>
        <source>until promoted</source>
        <translation>승격될 때까지</translation>
    </message>
    <message>
        <source>The canary&apos;s share of the route</source>
        <translation>라우트에서 카나리가 받는 몫</translation>
    </message>
    <message>
        <source>How long to wait and judge the canary: 30s, 5m, 1h</source>
        <translation>카나리를 기다리며 판정할 시간: 30s, 5m, 1h</translation>
    </message>
    <message>
        <source>Share of requests copied to the canary (answers dropped)</source>
        <translation>카나리로 복사하는 요청의 비율 (응답은 버림)</translation>
    </message>
    <message>
        <source>route name</source>
        <translation>라우트 이름</translation>
    </message>
    <message>
        <source>header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>exact value</source>
        <translation>정확한 값</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::RouteEditor</name>
    <message>
        <source>Move this route up: routes are tried in order</source>
        <translation>이 라우트를 위로: 라우트는 순서대로 검사됩니다</translation>
    </message>
    <message>
        <source>Move this route down</source>
        <translation>이 라우트를 아래로</translation>
    </message>
    <message>
        <source>Remove this route</source>
        <translation>이 라우트 제거</translation>
    </message>
    <message>
        <source>Distribute Evenly</source>
        <translation>균등 분배</translation>
    </message>
    <message>
        <source>Share what the locked destinations leave evenly among the others</source>
        <translation>잠긴 대상이 남긴 몫을 나머지 대상에 고르게 나눕니다</translation>
    </message>
    <message>
        <source>Add Destination</source>
        <translation>대상 추가</translation>
    </message>
    <message>
        <source>Route %1</source>
        <translation>라우트 %1</translation>
    </message>
    <message>
        <source>Route %1 · %2</source>
        <translation>라우트 %1 · %2</translation>
    </message>
    <message>
        <source>This route does not forward to destinations: nothing to weigh.</source>
        <translation>이 라우트는 대상으로 전달하지 않으므로 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>TLS route %1</source>
        <translation>TLS 라우트 %1</translation>
    </message>
    <message>
        <source>TLS route %1 · SNI %2</source>
        <translation>TLS 라우트 %1 · SNI %2</translation>
    </message>
    <message>
        <source>TCP route %1</source>
        <translation>TCP 라우트 %1</translation>
    </message>
    <message>
        <source>TCP route %1 · port %2</source>
        <translation>TCP 라우트 %1 · 포트 %2</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>규칙 %1</translation>
    </message>
    <message>
        <source>Rule %1 · %2</source>
        <translation>규칙 %1 · %2</translation>
    </message>
    <message>
        <source>Add Backend</source>
        <translation>백엔드 추가</translation>
    </message>
    <message>
        <source>This rule has no backends: nothing to weigh.</source>
        <translation>이 규칙에는 백엔드가 없으므로 가중치가 없습니다.</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::SimulationDocks</name>
    <message>
        <source>Request Tester</source>
        <translation>요청 테스터</translation>
    </message>
    <message>
        <source>Live Plot</source>
        <translation>실시간 그래프</translation>
    </message>
    <message>
        <source>Split Chart</source>
        <translation>분배 차트</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>시뮬레이션(&amp;S)</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>롤아웃</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::SimulationRunner</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Class &apos;%1&apos; enters through Gateway %2, which is not in the mesh</source>
        <translation>클래스 &apos;%1&apos;이(가) 거치는 게이트웨이 %2은(는) 메시에 없습니다</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::SimulationToolBar</name>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Run the simulation (Space)</source>
        <translation>시뮬레이션 실행 (Space)</translation>
    </message>
    <message>
        <source>Pause the simulation (Space)</source>
        <translation>시뮬레이션 일시 정지 (Space)</translation>
    </message>
    <message>
        <source>Load Traffic Mix</source>
        <translation>트래픽 믹스 불러오기</translation>
    </message>
    <message>
        <source>Traffic mix (*.yaml *.yml);;All files (*)</source>
        <translation>트래픽 믹스 (*.yaml *.yml);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>%1 is not a usable traffic mix:
%2</source>
        <translation>%1은(는) 쓸 수 있는 트래픽 믹스가 아닙니다:
%2</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>시뮬레이션</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Start the simulation again from 0 s</source>
        <translation>시뮬레이션을 0초부터 다시 시작</translation>
    </message>
    <message>
        <source>Load &amp;Traffic Mix…</source>
        <translation>트래픽 믹스 불러오기(&amp;T)…</translation>
    </message>
    <message>
        <source>Use &amp;Default Traffic</source>
        <translation>기본 트래픽 사용(&amp;D)</translation>
    </message>
    <message>
        <source>Plain requests to the selected VirtualService&apos;s hosts</source>
        <translation>선택한 VirtualService의 호스트로 보내는 평범한 요청</translation>
    </message>
    <message>
        <source> Rate </source>
        <translation> 요청률 </translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> 요청/초</translation>
    </message>
    <message>
        <source>Requests per second of simulated time</source>
        <translation>시뮬레이션 시간 1초당 요청 수</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 배속 </translation>
    </message>
    <message>
        <source>Simulated seconds per second</source>
        <translation>실제 1초 동안 흐르는 시뮬레이션 시간(초)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1배</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::SplitChartPanel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Select a VirtualService to simulate</source>
        <translation>시뮬레이션할 VirtualService를 선택하세요</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) since the last change</source>
        <translation>
            <numerusform>마지막 변경 이후 연결 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) since the last change</source>
        <translation>
            <numerusform>마지막 변경 이후 요청 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>예상</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>시뮬레이션</translation>
    </message>
    <message>
        <source>The share of requests per subset: expected from the weights and faults, and simulated, counted since the weights or the traffic mix last changed</source>
        <translation>서브셋별 요청 비율: 가중치와 장애 주입으로 계산한 예상값, 그리고 가중치나 트래픽 믹스가 마지막으로 바뀐 뒤부터 센 시뮬레이션 값</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::WeightEditor</name>
    <message>
        <source>Open a folder to edit its traffic routing.</source>
        <translation>트래픽 라우팅을 편집하려면 폴더를 여세요.</translation>
    </message>
    <message>
        <source>Select a VirtualService in the graph, or choose one above, to edit its routes and weights.</source>
        <translation>그래프에서 VirtualService를 선택하거나 위에서 골라 라우트와 가중치를 편집하세요.</translation>
    </message>
    <message>
        <source>&amp;VirtualService:</source>
        <translation>VirtualService(&amp;V):</translation>
    </message>
    <message>
        <source>The VirtualService whose routes are edited (type to search)</source>
        <translation>라우트를 편집할 VirtualService(입력하여 검색)</translation>
    </message>
    <message>
        <source>Add Match Route…</source>
        <translation>매치 라우트 추가…</translation>
    </message>
    <message>
        <source>Send requests that match a header, path or query parameter to one subset</source>
        <translation>헤더, 경로 또는 쿼리 매개변수가 일치하는 요청을 한 서브셋으로 보냅니다</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>라우트(&amp;R):</translation>
    </message>
    <message>
        <source>%1 has no routes.</source>
        <translation>%1에는 라우트가 없습니다.</translation>
    </message>
    <message>
        <source>%1 has no rules.</source>
        <translation>%1에는 규칙이 없습니다.</translation>
    </message>
    <message>
        <source>The VirtualService or Gateway API route whose routes are edited (type to search)</source>
        <translation>라우트를 편집할 VirtualService 또는 Gateway API 라우트 (입력하여 검색)</translation>
    </message>
</context>
<context>
    <name>meshlane::ui::YamlPane</name>
    <message>
        <source>Select a VirtualService to see its YAML.</source>
        <translation>YAML을 보려면 VirtualService를 선택하세요.</translation>
    </message>
    <message>
        <source>%1 is not in the folder.</source>
        <translation>%1이(가) 폴더에 없습니다.</translation>
    </message>
    <message>
        <source>%1 · as on disk</source>
        <translation>%1 · 디스크와 같음</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n line(s) changed</source>
        <translation>
            <numerusform>%1 · %n줄 바뀜</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy this YAML to the clipboard</source>
        <translation>이 YAML을 클립보드에 복사</translation>
    </message>
</context>
</TS>
