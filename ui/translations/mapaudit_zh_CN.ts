<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MapDecorations</name>
    <message>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>N</source>
        <translation>北</translation>
    </message>
</context>
<context>
    <name>ProgressJob</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
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
    <message>
        <source>Territory outline</source>
        <translation>疆域轮廓</translation>
    </message>
    <message>
        <source>Land border</source>
        <translation>陆地国界</translation>
    </message>
    <message>
        <source>Disputed border areas</source>
        <translation>争议边界地区</translation>
    </message>
    <message>
        <source>Key islands</source>
        <translation>重要岛屿</translation>
    </message>
    <message>
        <source>South China Sea dashed line</source>
        <translation>南海断续线</translation>
    </message>
    <message>
        <source>CGCS2000 (EPSG:4490)</source>
        <translation>CGCS2000 地理坐标（EPSG:4490）</translation>
    </message>
    <message>
        <source>Web Mercator (EPSG:3857)</source>
        <translation>Web 墨卡托（EPSG:3857）</translation>
    </message>
    <message>
        <source>CGCS2000 Gauss-Krüger 3° zone %1 (EPSG:%2)</source>
        <translation>CGCS2000 高斯-克吕格 3° 带 第 %1 带（EPSG:%2）</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Inspected targets</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>介质</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>出版/发布单位</translation>
    </message>
    <message>
        <source>URL or place found</source>
        <translation>网址或发现地点</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>幅数</translation>
    </message>
    <message>
        <source>Findings (one per line)</source>
        <translation>问题（每行一条）</translation>
    </message>
    <message>
        <source>Check report</source>
        <translation>核查报告</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <source>Units taking part</source>
        <translation>参与单位数</translation>
    </message>
    <message>
        <source>Unit checked</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人数</translation>
    </message>
    <message>
        <source>Requesting body</source>
        <translation>用图单位</translation>
    </message>
    <message>
        <source>Map review number</source>
        <translation>审图号</translation>
    </message>
    <message>
        <source>Volumes or sheets</source>
        <translation>册/幅数</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Maps supplied</source>
        <translation>提供地图数</translation>
    </message>
    <message>
        <source>Imagery (km²)</source>
        <translation>影像（平方千米）</translation>
    </message>
    <message>
        <source>Data (GB)</source>
        <translation>数据量（GB）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>offline (print, products)</source>
        <translation>线下（印刷品、产品）</translation>
    </message>
    <message>
        <source>map management</source>
        <translation>地图管理</translation>
    </message>
    <message>
        <source>geographic-information security</source>
        <translation>地理信息安全</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Unknown unit: add it in Settings ▸ Preferences or with `mapaudit org add`.</source>
        <translation>单位不存在：请在“设置 ▸ 首选项”中设置，或用 `mapaudit org add` 添加。</translation>
    </message>
    <message>
        <source>Enter a real date as YYYY-MM-DD, e.g. 2021-06-30.</source>
        <translation>请按 YYYY-MM-DD 填写真实日期，如 2021-06-30。</translation>
    </message>
    <message>
        <source>Enter a whole number: 0, 1, 2, …</source>
        <translation>请填写整数：0、1、2……</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>Enter a number, e.g. 12.5.</source>
        <translation>请填写数字，如 12.5。</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>Checklist answers</source>
        <translation>核查清单结论</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::AttributeTableDialog</name>
    <message>
        <source>Attribute table — %1</source>
        <translation>属性表 — %1</translation>
    </message>
    <message>
        <source>Filter: text in any field</source>
        <translation>筛选：任一字段中的文字</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n 个要素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n feature(s)</source>
        <translation>
            <numerusform>%1 / %n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source> (the first %1 of %2)</source>
        <translation>（仅前 %1 个，共 %2 个）</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::CheckHistoryPanel</name>
    <message>
        <source>picture of a map</source>
        <translation>地图图片</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>核查时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Map kind</source>
        <translation>地图类型</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Show this check&apos;s findings, decisions and checklist in the Check panel to carry the review on</source>
        <translation>在核查面板中显示这次核查的问题、核实结论和核查清单，继续核实</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No records database: the history of checks is kept there.</source>
        <translation>没有记录数据库：核查历史保存在记录数据库中。</translation>
    </message>
    <message>
        <source>No check yet: every check run here is kept.</source>
        <translation>尚无核查：在本工作站运行的每次核查都会保存在这里。</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s), newest first.</source>
        <translation>
            <numerusform>共 %n 次核查，最新的在前。</numerusform>
        </translation>
    </message>
    <message>
        <source>problem map</source>
        <translation>问题地图</translation>
    </message>
    <message>
        <source>passes</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>%1 confirmed, %2 dismissed</source>
        <translation>已确认 %1，已排除 %2</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::CheckPanel</name>
    <message>
        <source>Findings</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>核查清单</translation>
    </message>
    <message>
        <source>Map kind</source>
        <translation>地图类型</translation>
    </message>
    <message>
        <source>world map</source>
        <translation>世界地图</translation>
    </message>
    <message>
        <source>China as a whole</source>
        <translation>中国全图</translation>
    </message>
    <message>
        <source>part of China</source>
        <translation>中国局部（省市县）</translation>
    </message>
    <message>
        <source>another country</source>
        <translation>他国地图</translation>
    </message>
    <message>
        <source>several countries</source>
        <translation>跨国区域</translation>
    </message>
    <message>
        <source>local or thematic</source>
        <translation>局部或专题</translation>
    </message>
    <message>
        <source>country names or codes</source>
        <translation>国名或国家代码</translation>
    </message>
    <message>
        <source>China&apos;s provinces</source>
        <translation>中国省级行政区</translation>
    </message>
    <message>
        <source>another country&apos;s subdivisions</source>
        <translation>他国行政区</translation>
    </message>
    <message>
        <source>given</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>by the map kind</source>
        <translation>按地图类型</translation>
    </message>
    <message>
        <source>no owner field</source>
        <translation>无归属字段</translation>
    </message>
    <message>
        <source>Map kind: %1%2 · owner: %3</source>
        <translation>地图类型：%1%2 · 归属：%3</translation>
    </message>
    <message>
        <source> (given)</source>
        <translation>（指定）</translation>
    </message>
    <message>
        <source>generalised by %1 km</source>
        <translation>概括程度 %1 千米</translation>
    </message>
    <message>
        <source>South China Sea inset found</source>
        <translation>已识别南海诸岛附图</translation>
    </message>
    <message>
        <source>Owner field</source>
        <translation>归属字段</translation>
    </message>
    <message>
        <source>none: follows the map kind</source>
        <translation>无：按地图类型判断</translation>
    </message>
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
    <message>
        <source>Review</source>
        <translation>核实</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Register as problem map…</source>
        <translation>登记为问题地图…</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>PDF 核查报告…</translation>
    </message>
    <message>
        <source>all severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>all rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>dismissed: %1</source>
        <translation>已排除：%1</translation>
    </message>
    <message>
        <source>Dismiss finding</source>
        <translation>排除核查结果</translation>
    </message>
    <message>
        <source>Why is %1 not a problem? (kept with the record)</source>
        <translation>为什么 %1 不是问题？（随记录保存）</translation>
    </message>
    <message>
        <source>A dismissed finding needs a reason.</source>
        <translation>排除核查结果须填写理由。</translation>
    </message>
    <message>
        <source>Export findings</source>
        <translation>导出核查结果</translation>
    </message>
    <message>
        <source>Findings as GeoPackage (*.gpkg);;Findings as GeoJSON (*.geojson);;Check report with decisions (*.json)</source>
        <translation>核查结果 GeoPackage (*.gpkg);;核查结果 GeoJSON (*.geojson);;含核实意见的核查报告 (*.json)</translation>
    </message>
    <message>
        <source>estimated 1:%1</source>
        <translation>估算 1:%1</translation>
    </message>
    <message>
        <source>Mark a finding</source>
        <translation>标注问题</translation>
    </message>
    <message>
        <source>Draw a point, line or area on the map and describe the problem</source>
        <translation>在图上画点、线或面，并说明问题</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Rule id</source>
        <translation>规则编号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Measure: %1</source>
        <translation>量测：%1</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>The findings shown are those of the check before.</source>
        <translation>下列发现为上一次核查的结果。</translation>
    </message>
    <message>
        <source>Dismiss %1</source>
        <translation>排除 %1</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>确认 %1</translation>
    </message>
    <message numerus="yes">
        <source>Checked again: %n decision(s) and answer(s) kept</source>
        <translation>
            <numerusform>已重新核查：保留 %n 项核实结论和清单结论</numerusform>
        </translation>
    </message>
    <message>
        <source>no longer apply: %1</source>
        <translation>不再适用：%1</translation>
    </message>
    <message>
        <source>Mark %1 by hand</source>
        <translation>人工标注 %1</translation>
    </message>
    <message>
        <source>Answer %1</source>
        <translation>核查清单 %1</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>as the file declares; else e.g. EPSG:4490</source>
        <translation>按文件声明；无法读取时填写，如 EPSG:4490</translation>
    </message>
    <message>
        <source>Only for a map whose coordinate system cannot be read or is missing: what its coordinates are (EPSG:4490 CGCS2000, EPSG:4326 WGS 84, EPSG:4528 CGCS2000 Gauss-Krüger zone 40, …). The report says it was taken so.</source>
        <translation>仅用于坐标系缺失或无法读取的地图：说明其坐标属于哪个坐标系（EPSG:4490 CGCS2000、EPSG:4326 WGS 84、EPSG:4528 CGCS2000 高斯-克吕格第40带等）。核查报告会注明按此读取。</translation>
    </message>
    <message>
        <source>Enter what the coordinates are in the Coordinate system field (e.g. EPSG:4490) and check again.</source>
        <translation>请在“坐标系”一栏填写该图坐标所属的坐标系（如 EPSG:4490）后重新核查。</translation>
    </message>
    <message>
        <source>Check settings</source>
        <translation>核查参数</translation>
    </message>
    <message>
        <source>Map kind, scale, owner field and coordinate system: detected unless given here</source>
        <translation>地图类型、比例尺、归属字段和坐标系：未在此填写的自动识别</translation>
    </message>
    <message>
        <source>scale %1</source>
        <translation>比例尺 %1</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::ChecklistView</name>
    <message>
        <source>Conforms</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Does not conform</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未判定</translation>
    </message>
    <message>
        <source>What the check cannot judge: mark each clause as the map shows it. “Does not conform” becomes a finding citing the clause.</source>
        <translation>以下条款无法自动判定：请对照地图逐条判定。判为“不符合”的条款将作为引用该条款的核查发现。</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>What on the map does not conform?</source>
        <translation>地图上哪里不符合？</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::GeorefDialog</name>
    <message>
        <source>Georeference %1</source>
        <translation>地理配准：%1</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Residual (px)</source>
        <translation>残差（像素）</translation>
    </message>
    <message>
        <source>automatic (by point count)</source>
        <translation>自动（按点数）</translation>
    </message>
    <message>
        <source>affine (polynomial 1)</source>
        <translation>仿射（一次多项式）</translation>
    </message>
    <message>
        <source>polynomial 2</source>
        <translation>二次多项式</translation>
    </message>
    <message>
        <source>polynomial 3</source>
        <translation>三次多项式</translation>
    </message>
    <message>
        <source>thin plate spline</source>
        <translation>薄板样条</translation>
    </message>
    <message>
        <source>longitude/latitude</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <source>China wall map (Albers 25°N/47°N, 105°E)</source>
        <translation>中国挂图（Albers 等积圆锥，25°N/47°N，105°E）</translation>
    </message>
    <message>
        <source>The projection the picture was drawn in; or type a PROJ string or EPSG code</source>
        <translation>图片所用的投影；也可输入 PROJ 字符串或 EPSG 代码</translation>
    </message>
    <message>
        <source>CGCS2000 longitude/latitude (EPSG:4490)</source>
        <translation>CGCS2000 经纬度（EPSG:4490）</translation>
    </message>
    <message>
        <source>Web Mercator (EPSG:3857)</source>
        <translation>Web 墨卡托（EPSG:3857）</translation>
    </message>
    <message>
        <source>Snap to reference key points</source>
        <translation>吸附参考要点</translation>
    </message>
    <message>
        <source>Place on the map</source>
        <translation>在地图上定位</translation>
    </message>
    <message>
        <source>After clicking a spot on the picture, click its true position on the map (with the reference shown)</source>
        <translation>在图片上单击一点后，再在地图上（显示参考数据）单击它的真实位置</translation>
    </message>
    <message>
        <source>Load points…</source>
        <translation>载入控制点…</translation>
    </message>
    <message>
        <source>Save points…</source>
        <translation>保存控制点…</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>删除控制点</translation>
    </message>
    <message>
        <source>Warp…</source>
        <translation>纠正输出…</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>变换</translation>
    </message>
    <message>
        <source>Picture&apos;s projection</source>
        <translation>图片投影</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Click a spot on the picture, then its true position on the map, or type its longitude and latitude.</source>
        <translation>在图片上单击一点，再在地图上单击它的真实位置，或输入其经纬度。</translation>
    </message>
    <message>
        <source>Load points</source>
        <translation>载入控制点</translation>
    </message>
    <message>
        <source>Save points</source>
        <translation>保存控制点</translation>
    </message>
    <message>
        <source>Row %1: &apos;%2, %3&apos; is not a longitude and latitude (e.g. 116.39 or 116°23&apos;24&quot;E)</source>
        <translation>第 %1 行：“%2, %3”不是经纬度（例如 116.39 或 116°23&apos;24&quot;E）</translation>
    </message>
    <message>
        <source>%1: RMS %2 px%3</source>
        <translation>%1：中误差 %2 像素%3</translation>
    </message>
    <message>
        <source> (each point predicted from the others)</source>
        <translation>（每点由其余各点推算）</translation>
    </message>
    <message>
        <source>Place at least %1 points to fit (%2 placed).</source>
        <translation>至少需要 %1 个控制点才能拟合（已定位 %2 个）。</translation>
    </message>
    <message>
        <source>no point has its true position yet</source>
        <translation>还没有已定位的控制点</translation>
    </message>
    <message>
        <source>Warp</source>
        <translation>纠正输出</translation>
    </message>
    <message>
        <source>GeoTIFF (*.tif)</source>
        <translation>GeoTIFF（*.tif）</translation>
    </message>
    <message>
        <source>Warping %1…</source>
        <translation>正在纠正 %1…</translation>
    </message>
    <message>
        <source>The warp was canceled; nothing was written.</source>
        <translation>纠正已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Control points (*.points *.csv *.vrt)</source>
        <translation>控制点（*.points *.csv *.vrt）</translation>
    </message>
    <message>
        <source>Control points (*.points);;GDAL VRT with the points as GCPs (*.vrt)</source>
        <translation>控制点（*.points）;;以控制点为 GCP 的 GDAL VRT（*.vrt）</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::LayerStyleDialog</name>
    <message>
        <source>Layer properties</source>
        <translation>图层属性</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>（不标注）</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>填充颜色</translation>
    </message>
    <message>
        <source>Outline colour</source>
        <translation>边线颜色</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>边线</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Labels from</source>
        <translation>标注字段</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::LayerTreeModel</name>
    <message>
        <source>Map layers</source>
        <translation>地图图层</translation>
    </message>
    <message>
        <source>Reference pack</source>
        <translation>参考数据</translation>
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
    <message>
        <source>Reference</source>
        <translation>参考数据</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>监管记录</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <source>Map &amp;CRS</source>
        <translation>地图坐标系(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>Layer &amp;properties…</source>
        <translation>图层属性(&amp;P)…</translation>
    </message>
    <message>
        <source>CGCS2000 Gauss-Krüger 3° (zone of the view centre)</source>
        <translation>CGCS2000 高斯-克吕格 3° 带（视图中心所在带）</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>平移(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Zoom to box</source>
        <translation>拉框放大(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Identify feature</source>
        <translation>要素查询(&amp;I)</translation>
    </message>
    <message>
        <source>Measure &amp;distance</source>
        <translation>量测距离(&amp;D)</translation>
    </message>
    <message>
        <source>Measure &amp;area</source>
        <translation>量测面积(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New record…</source>
        <translation>新建记录(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Summary table (2021 form)…</source>
        <translation>汇总表（2021 年表式）(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>A raster is drawn with its own colours.</source>
        <translation>栅格影像按自身颜色显示。</translation>
    </message>
    <message>
        <source>Layer properties</source>
        <translation>图层属性</translation>
    </message>
    <message>
        <source>Reference overlay not available: %1</source>
        <translation>参考数据叠加不可用：%1</translation>
    </message>
    <message>
        <source>Distance %1 km</source>
        <translation>距离 %1 千米</translation>
    </message>
    <message>
        <source>Area %1 km², perimeter %2 km</source>
        <translation>面积 %1 平方千米，周长 %2 千米</translation>
    </message>
    <message>
        <source>No feature here.</source>
        <translation>此处没有要素。</translation>
    </message>
    <message>
        <source>%1 — feature %2</source>
        <translation>%1 — 要素 %2</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>PDF inspection report</source>
        <translation>PDF 核查报告</translation>
    </message>
    <message>
        <source>-inspection-report.pdf</source>
        <translation>-核查报告.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report written: %1</source>
        <translation>报告已保存：%1</translation>
    </message>
    <message>
        <source>Check a map first.</source>
        <translation>请先核查一幅地图。</translation>
    </message>
    <message>
        <source>No records database: %1</source>
        <translation>没有记录数据库：%1</translation>
    </message>
    <message>
        <source>Set your unit in Settings ▸ Preferences first.</source>
        <translation>请先在“设置 ▸ 首选项”中设置本单位。</translation>
    </message>
    <message>
        <source>Register as problem map</source>
        <translation>登记为问题地图</translation>
    </message>
    <message>
        <source>Not registered.</source>
        <translation>未登记。</translation>
    </message>
    <message>
        <source>Registered as a problem map, with the map picture and the check report as evidence.</source>
        <translation>已登记为问题地图，地图截图和核查报告已作为证据保存。</translation>
    </message>
    <message>
        <source>Records database not available: %1</source>
        <translation>记录数据库不可用：%1</translation>
    </message>
    <message>
        <source>Summary table</source>
        <translation>汇总表</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>缩放到所选(&amp;S)</translation>
    </message>
    <message>
        <source>Geographic-information s&amp;ecurity supervision…</source>
        <translation>地理信息安全监管(&amp;E)…</translation>
    </message>
    <message>
        <source>Geographic-information security supervision</source>
        <translation>地理信息安全监管</translation>
    </message>
    <message>
        <source>Mark a finding</source>
        <translation>标注问题</translation>
    </message>
    <message>
        <source>Check the map first (Check results ▸ Check): the findings you mark join that check&apos;s report.</source>
        <translation>请先核查该图（核查结果 ▸ 核查）：标注的问题将并入该次核查报告。</translation>
    </message>
    <message>
        <source>Click where the problem is.</source>
        <translation>请单击问题所在位置。</translation>
    </message>
    <message>
        <source>Click the points of the shape; double-click to finish. Esc starts again.</source>
        <translation>依次单击图形的各点，双击结束；按 Esc 重画。</translation>
    </message>
    <message>
        <source>Finding added to the check report.</source>
        <translation>问题已加入核查报告。</translation>
    </message>
    <message>
        <source>Georeference image</source>
        <translation>图像地理配准</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.pdf);;All files (*)</source>
        <translation>图像（*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.pdf）;;所有文件（*）</translation>
    </message>
    <message>
        <source>&amp;Georeference image…</source>
        <translation>图像地理配准(&amp;G)…</translation>
    </message>
    <message>
        <source>Place control points on a scanned or photographed map and warp it</source>
        <translation>在扫描或拍摄的地图上布设控制点并纠正</translation>
    </message>
    <message>
        <source>Georeferenced: %1</source>
        <translation>已完成地理配准：%1</translation>
    </message>
    <message>
        <source>Online &amp;basemap</source>
        <translation>在线底图(&amp;B)</translation>
    </message>
    <message>
        <source>Online basemaps are off: turn them on with your key in Settings ▸ Preferences</source>
        <translation>在线底图已关闭：请在“设置 ▸ 首选项”中用自己的密钥开启</translation>
    </message>
    <message>
        <source>Tianditu &amp;map (online)</source>
        <translation>天地图矢量(&amp;M)（在线）</translation>
    </message>
    <message>
        <source>Tianditu &amp;imagery (online)</source>
        <translation>天地图影像(&amp;I)（在线）</translation>
    </message>
    <message>
        <source>&amp;Export basemap area for offline use…</source>
        <translation>导出离线底图(&amp;E)…</translation>
    </message>
    <message>
        <source>Online basemap</source>
        <translation>在线底图</translation>
    </message>
    <message>
        <source>Export basemap area</source>
        <translation>导出离线底图</translation>
    </message>
    <message>
        <source>Open an image or basemap first and show the area to export.</source>
        <translation>请先打开影像或底图，并将要导出的范围显示在地图上。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Area (the map view)</source>
        <translation>范围（当前地图视图）</translation>
    </message>
    <message>
        <source>Most detailed zoom level</source>
        <translation>最大缩放级别</translation>
    </message>
    <message>
        <source>MBTiles (*.mbtiles);;GeoPackage tiles (*.gpkg)</source>
        <translation>MBTiles（*.mbtiles）;;GeoPackage 瓦片（*.gpkg）</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Offline basemap written: %1</source>
        <translation>离线底图已写入：%1</translation>
    </message>
    <message>
        <source>The export was canceled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Close MapAudit</source>
        <translation>关闭 MapAudit</translation>
    </message>
    <message>
        <source>Your decisions on %1 are not yet in a JSON report, a PDF report or a problem-map record. Close and lose them?</source>
        <translation>对 %1 的核实结论尚未导出为 JSON 报告、PDF 报告或登记为问题地图记录。仍要关闭并放弃这些结论吗？</translation>
    </message>
    <message>
        <source>History of checks</source>
        <translation>核查历史</translation>
    </message>
    <message>
        <source>The check could not be kept in the history: %1</source>
        <translation>核查未能保存到核查历史：%1</translation>
    </message>
    <message>
        <source>This check is no longer in the records database.</source>
        <translation>这次核查已不在记录数据库中。</translation>
    </message>
    <message>
        <source>check of %1</source>
        <translation>%1 的核查</translation>
    </message>
    <message>
        <source>the file is no longer at %1; the findings are shown as they were</source>
        <translation>文件已不在 %1；显示的是当时的核查结果</translation>
    </message>
    <message>
        <source>the file has changed since; check it again to see it as it is now</source>
        <translation>文件此后已更改；如需按现状核查，请重新核查</translation>
    </message>
    <message>
        <source>The check of %1 of %2 is open again, with its decisions</source>
        <translation>已重新打开 %2 对 %1 的核查及其核实结论</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Attribute table</source>
        <translation>属性表(&amp;A)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>Choose a layer in the layer list first.</source>
        <translation>请先在图层列表中选择一个图层。</translation>
    </message>
    <message>
        <source>A raster has no attribute table.</source>
        <translation>栅格影像没有属性表。</translation>
    </message>
    <message>
        <source>Reading the attributes of %1…</source>
        <translation>正在读取 %1 的属性…</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Feature %1 has no geometry to show.</source>
        <translation>要素 %1 没有可显示的几何图形。</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::ManualFindingDialog</name>
    <message>
        <source>Mark a finding</source>
        <translation>标注问题</translation>
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
    <message>
        <source>What is wrong on the map, as you would write it in the record</source>
        <translation>地图上的问题，按登记时的写法填写</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Region / island code</source>
        <translation>区域/岛屿代码</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Write what is wrong on the map.</source>
        <translation>请写明地图上的问题。</translation>
    </message>
    <message>
        <source>Choose a region or island code from the list.</source>
        <translation>请从列表中选择区域或岛屿代码。</translation>
    </message>
    <message>
        <source>Choose a rule from the list.</source>
        <translation>请从列表中选择规则。</translation>
    </message>
    <message>
        <source>Draw the shape again: a point, a line, or an area that does not cross itself.</source>
        <translation>请重新绘制：点、线，或不自相交的面。</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::RecordForm</name>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>编辑记录</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): see the fields marked in red.</source>
        <translation>
            <numerusform>%n 处问题：见红色标出的栏目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Holds classified content (leaves this computer only encrypted)</source>
        <translation>含涉密内容（只能加密后导出）</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::RecordsPanel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>About</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>all kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>No records database: choose one in Settings ▸ Preferences.</source>
        <translation>没有记录数据库：请在“设置 ▸ 首选项”中选择。</translation>
    </message>
    <message>
        <source>all units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Enter the period&apos;s dates as YYYY-MM-DD.</source>
        <translation>期间日期请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Delete this record and its evidence? The audit log keeps a line saying who deleted it and when.</source>
        <translation>删除此记录及其证据材料？审计日志将记录删除人和时间。</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>添加证据材料</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2 bytes, SHA-256 %3…)</source>
        <translation>%1（%2 字节，SHA-256 %3…）</translation>
    </message>
    <message>
        <source>Save evidence</source>
        <translation>保存证据材料</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1  %2  %3 %4</source>
        <translation>%1  %2  %3 %4</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>证据材料</translation>
    </message>
    <message>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>This record is marked classified: its evidence is not written out unencrypted. Send it in an encrypted bundle.</source>
        <translation>该记录已标记为涉密：其证据材料不能以未加密形式导出，请通过加密数据包报送。</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::ReferencePanel</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Swipe</source>
        <translation>卷帘</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::SecurityView</name>
    <message>
        <source>Geographic-information security supervision</source>
        <translation>地理信息安全监管</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>监管名录</translation>
    </message>
    <message>
        <source>Random spot checks</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <source>Classified-results ledger</source>
        <translation>涉密成果台账</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>资质等级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Outside the area</source>
        <translation>外地单位</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>执法检查人员</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>回避单位</translation>
    </message>
    <message>
        <source>Import register…</source>
        <translation>导入监管名录…</translation>
    </message>
    <message>
        <source>Import inspectors…</source>
        <translation>导入检查人员…</translation>
    </message>
    <message>
        <source>no strata</source>
        <translation>不分层</translation>
    </message>
    <message>
        <source>by industry</source>
        <translation>按行业分层</translation>
    </message>
    <message>
        <source>by category</source>
        <translation>按单位类别分层</translation>
    </message>
    <message>
        <source>random (recorded)</source>
        <translation>随机（自动记录）</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>抽取比例不低于</translation>
    </message>
    <message>
        <source>Strata</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>Minimum per stratum</source>
        <translation>每层至少</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机数种子</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有单位</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>涉密成果</translation>
    </message>
    <message>
        <source>Secrecy</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>领用日期</translation>
    </message>
    <message>
        <source>Destroy by</source>
        <translation>应销毁日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Import receipts…</source>
        <translation>导入领用登记…</translation>
    </message>
    <message>
        <source>Register copy or scan…</source>
        <translation>登记复制/扫描件…</translation>
    </message>
    <message>
        <source>Record destruction…</source>
        <translation>登记销毁…</translation>
    </message>
    <message>
        <source>Record transfer…</source>
        <translation>登记转借…</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Enter overdue items as clues</source>
        <translation>逾期未销毁转为问题线索</translation>
    </message>
    <message numerus="yes">
        <source>%n new clue record(s).</source>
        <translation>
            <numerusform>新增 %n 条问题线索。</numerusform>
        </translation>
    </message>
    <message>
        <source>Classified results to destroy (six months after the project completes)</source>
        <translation>待销毁涉密成果（项目完成后六个月内销毁）</translation>
    </message>
    <message>
        <source>Certified staff (certificates valid five years; yearly training)</source>
        <translation>涉密人员持证上岗（证书有效期五年，每年培训）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>destroyed %1</source>
        <translation>已销毁 %1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>held</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>; transferred (violation)</source>
        <translation>；曾转借他人（违规）</translation>
    </message>
    <message>
        <source>certificate expired on %1</source>
        <translation>证书已于 %1 过期</translation>
    </message>
    <message>
        <source>certificate expires on %1 (in %2 days)</source>
        <translation>证书将于 %1 到期（还有 %2 天）</translation>
    </message>
    <message>
        <source>no training recorded in %1</source>
        <translation>%1 年尚无培训记录</translation>
    </message>
    <message>
        <source>%1: spot checks for %2 of %3 registered units (%4%)</source>
        <translation>%1 年：已对名录 %3 家单位中的 %2 家安排抽查（%4%）</translation>
    </message>
    <message>
        <source> — below the required 10%</source>
        <translation>——低于 10% 的要求</translation>
    </message>
    <message>
        <source>Last draw, %1: %2</source>
        <translation>最近一次抽取（%1）：%2</translation>
    </message>
    <message>
        <source>The seed must be a whole number, or left empty.</source>
        <translation>随机数种子须为整数，或留空。</translation>
    </message>
    <message>
        <source>Drew %1 of %2 units with seed %3; each is now a pending spot check in the records.</source>
        <translation>已从 %2 家单位中抽取 %1 家（随机数种子 %3），均已登记为待检查的重点检查抽查记录。</translation>
    </message>
    <message>
        <source>No draw in %1 yet.</source>
        <translation>%1 年尚未抽取。</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>抽查结果公示</translation>
    </message>
    <message>
        <source>%1-spot-check-notice.xlsx</source>
        <translation>%1年双随机抽查公示.xlsx</translation>
    </message>
    <message>
        <source>Public notice written: %1</source>
        <translation>公示表已保存：%1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Sheets (*.csv *.xlsx)</source>
        <translation>表格 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>未导入</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s); correct the sheet and import it again:</source>
        <translation>
            <numerusform>%n 处问题，请改正表格后重新导入：</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
        <translation>已导入：新增 %1，更新 %2，未变 %3。</translation>
    </message>
    <message>
        <source>Choose an item in the ledger first.</source>
        <translation>请先在台账中选择一项。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Register copy or scan</source>
        <translation>登记复制/扫描件</translation>
    </message>
    <message>
        <source>What was made (e.g. 扫描件)</source>
        <translation>复制或扫描的内容（如：扫描件）</translation>
    </message>
    <message>
        <source>Record destruction</source>
        <translation>登记销毁</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>销毁方式</translation>
    </message>
    <message>
        <source>Witnesses (监销人)</source>
        <translation>监销人</translation>
    </message>
    <message>
        <source>Record transfer</source>
        <translation>登记转借</translation>
    </message>
    <message>
        <source>Transferred or lent to</source>
        <translation>转借给（单位）</translation>
    </message>
    <message>
        <source>Public notice (XLSX or PDF)…</source>
        <translation>公示表（XLSX 或 PDF）…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>estimated from the map, or e.g. 1:1000000</source>
        <translation>按地图估算，或输入如 1:1000000</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Records database</source>
        <translation>记录数据库</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite)</source>
        <translation>SQLite 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>核查人员</translation>
    </message>
    <message>
        <source>Unit (填报单位)</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Default scale</source>
        <translation>默认比例尺</translation>
    </message>
    <message>
        <source>Choose a file for the records database.</source>
        <translation>请选择记录数据库文件。</translation>
    </message>
    <message>
        <source>The folder of %1 cannot be created.</source>
        <translation>无法创建 %1 所在的文件夹。</translation>
    </message>
    <message>
        <source>Enter the inspector&apos;s name: the audit log names who made each change.</source>
        <translation>请填写核查人员姓名：审计日志记录每次修改的人员。</translation>
    </message>
    <message>
        <source>The default scale must look like 1:1000000, or be left empty.</source>
        <translation>默认比例尺格式应为 1:1000000，或留空。</translation>
    </message>
    <message>
        <source>Allow online basemaps (Tianditu)</source>
        <translation>允许使用在线底图（天地图）</translation>
    </message>
    <message>
        <source>Off by default: with it off MapAudit never goes on line. Never turn it on while secret data is open.</source>
        <translation>默认关闭：关闭时 MapAudit 从不联网。打开涉密数据时切勿开启。</translation>
    </message>
    <message>
        <source>your own key (tk) from tianditu.gov.cn</source>
        <translation>在 tianditu.gov.cn 申请的个人密钥（tk）</translation>
    </message>
    <message>
        <source>Basemaps</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>Tianditu key</source>
        <translation>天地图密钥</translation>
    </message>
    <message>
        <source>Online basemaps need your Tianditu key (register at tianditu.gov.cn).</source>
        <translation>使用在线底图需要天地图密钥（请在 tianditu.gov.cn 注册）。</translation>
    </message>
    <message>
        <source>The Tianditu key has letters and digits only: copy it again.</source>
        <translation>天地图密钥只含字母和数字，请重新复制。</translation>
    </message>
</context>
<context>
    <name>mapaudit::ui::SummaryView</name>
    <message>
        <source>Summary table</source>
        <translation>汇总表</translation>
    </message>
    <message>
        <source>with subordinate units</source>
        <translation>含下级单位</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Override figure…</source>
        <translation>人工填报…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>No unit yet: set yours in Settings ▸ Preferences.</source>
        <translation>尚未设置单位：请在“设置 ▸ 首选项”中设置。</translation>
    </message>
    <message>
        <source>Click to list the records behind this figure</source>
        <translation>点击查看构成此数字的记录</translation>
    </message>
    <message>
        <source>Records behind “%1”</source>
        <translation>“%1”的记录</translation>
    </message>
    <message>
        <source>No records: the figure is 0.</source>
        <translation>没有记录：数字为 0。</translation>
    </message>
    <message>
        <source>Choose the row whose figure is to be overridden.</source>
        <translation>请选择要人工填报的行。</translation>
    </message>
    <message>
        <source>Override figure</source>
        <translation>人工填报</translation>
    </message>
    <message>
        <source>why the reported figure differs from the records</source>
        <translation>填报数字与记录统计不同的原因</translation>
    </message>
    <message>
        <source>Reported figure</source>
        <translation>填报数字</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>a reason is required</source>
        <translation>必须填写理由</translation>
    </message>
    <message>
        <source>Choose a file ending in .xlsx, .csv or .pdf.</source>
        <translation>请选择以 .xlsx、.csv 或 .pdf 结尾的文件。</translation>
    </message>
    <message>
        <source>Export summary table</source>
        <translation>导出汇总表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Counted from %1 to %2; the report date is the day the table is made.</source>
        <translation>统计时间段：%1—%2；填报时间为生成本表之日。</translation>
    </message>
</context>
</TS>
