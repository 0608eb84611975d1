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
</context>
<context>
    <name>meshlane::ui::RecentFolders</name>
    <message>
        <source>&amp;Clear List</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
</context>
</TS>
