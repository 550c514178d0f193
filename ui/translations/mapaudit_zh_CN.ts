<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>%1: CRS unknown — drawn with its coordinates as they are</source>
        <translation>%1：坐标系未知——按原始坐标绘制</translation>
    </message>
    <message>
        <source>%1: %2 features could not be transformed and are not shown</source>
        <translation>%1：%2 个要素无法转换坐标，未显示</translation>
    </message>
    <message>
        <source>Maps and images (*.shp *.gpkg *.geojson *.json *.topojson *.kml *.kmz *.dxf *.tab *.mif *.csv *.tif *.tiff *.img *.jpg *.jpeg *.png *.jp2);;All files (*)</source>
        <translation>地图与影像 (*.shp *.gpkg *.geojson *.json *.topojson *.kml *.kmz *.dxf *.tab *.mif *.csv *.tif *.tiff *.img *.jpg *.jpeg *.png *.jp2);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1
Layer %2: %n feature(s)
CRS: %3</source>
        <translation>
            <numerusform>%1
图层 %2：%n 个要素
坐标系：%3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
Raster</source>
        <translation>%1
栅格影像</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::CheckPanel</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <source>estimated, or e.g. 1:1000000</source>
        <translation>自动估算，或输入如 1:1000000</translation>
    </message>
    <message>
        <source>Country field</source>
        <translation>国别字段</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>China value</source>
        <translation>中国取值</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>量值</translation>
    </message>
    <message>
        <source>The scale must look like 1:1000000.</source>
        <translation>比例尺格式应为 1:1000000。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核查…</translation>
    </message>
    <message>
        <source>The check was canceled.</source>
        <translation>核查已取消。</translation>
    </message>
    <message>
        <source>Problem map: %1 findings</source>
        <translation>问题地图：%1 条结果</translation>
    </message>
    <message>
        <source>Passed: %1 findings</source>
        <translation>通过：%1 条结果</translation>
    </message>
    <message>
        <source>scale 1:%1%2, tolerance %3 km</source>
        <translation>比例尺 1:%1%2，容差 %3 千米</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::MainWindow</name>
    <message>
        <source>About MapAudit</source>
        <translation>关于 MapAudit</translation>
    </message>
    <message>
        <source>&lt;b&gt;MapAudit %1&lt;/b&gt;&lt;br&gt;Problem-map inspection workstation for map supervision.&lt;br&gt;Works offline. Data never leaves this computer.</source>
        <translation>&lt;b&gt;MapAudit %1 地图监管核查工作站&lt;/b&gt;&lt;br&gt;用于“问题地图”核查与地图监管。&lt;br&gt;完全离线运行，数据不离开本机。</translation>
    </message>
    <message>
        <source>MapAudit — Map Supervision Workstation</source>
        <translation>MapAudit 地图监管核查工作站</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;sample data</source>
        <translation>打开示例数据(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Remove layer</source>
        <translation>移除图层(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>缩放到全图(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>缩放到图层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About MapAudit</source>
        <translation>关于 MapAudit(&amp;A)</translation>
    </message>
    <message>
        <source>CGCS2000 (EPSG:4490)</source>
        <translation>CGCS2000 (EPSG:4490)</translation>
    </message>
    <message>
        <source>Open a map or image: File ▸ Open, or drop files here</source>
        <translation>打开地图或影像：文件 ▸ 打开，或将文件拖放到此处</translation>
    </message>
    <message>
        <source>Open maps and images</source>
        <translation>打开地图与影像</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>比例尺 %1</translation>
    </message>
    <message>
        <source>Reference pack: not available</source>
        <translation>参考数据包：不可用</translation>
    </message>
    <message>
        <source>demonstration grade, not an official standard map</source>
        <translation>演示级，非官方标准地图</translation>
    </message>
    <message>
        <source>Reference: %1 %2 (%3; %4)</source>
        <translation>参考数据：%1 %2（%3；%4）</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>UNVERIFIED</source>
        <translation>未通过校验</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>核查结果</translation>
    </message>
</context>
</TS>
