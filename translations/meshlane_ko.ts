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
        <source>VirtualService %1</source>
        <translation>VirtualService %1</translation>
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
        <source>Reload the files and lose your edits, or keep your edits?</source>
        <translation>파일을 다시 읽고 편집 내용을 버릴까요, 아니면 편집 내용을 유지할까요?</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>다시 읽기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep My Edits</source>
        <translation>편집 내용 유지(&amp;K)</translation>
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
        <source>GET / to %1</source>
        <translation>%1에 GET /</translation>
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
        <source>Type the host the request is for (select a VirtualService to fill it in).</source>
        <translation>요청을 보낼 호스트를 입력하세요(VirtualService를 선택하면 채워집니다).</translation>
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
        <source>%1 has no http routes.</source>
        <translation>%1에는 http 라우트가 없습니다.</translation>
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
