#!/usr/bin/python3
"""The views of mapaudit-render-bench drawn by QGIS, for bench/render-bench.

    render_qgis.py DATA [WIDTHxHEIGHT] [--source memory|file]

Renders DATA with QgsMapRendererParallelJob, headless, in the same views as
bench/render_bench.cpp and the workstation's canvas (ui/map_canvas.cpp,
ui/map_viewport.cpp): same image size, same extents (MapViewport::fitting with
its 5 % margin, zoomedAt, pannedBy), the same symbol (fill 240,226,196, the
outline Qt's darker(220) of it, 0.8 px, antialiased, background 214,232,245)
and the same timing: from the change of view until the image is finished,
with the canvas's 30 ms debounce before a render starts and a new view
cancelling the render before it.

Like the workstation, the features are read once into memory in the view CRS
(EPSG:4490), so no render reprojects or parses the file: `--source file` draws
from the OGR provider instead, as a QGIS project on the file would. Vertices
closer than 0.6 px are dropped by both (QGIS: local distance simplification,
threshold 0.6 px; MapAudit: kMinVertexSpacingPx). One layer is rendered by one
worker thread in both; the thread pool has QThread::idealThreadCount() threads
in both.

Prints a header, then one line per view: NAME<TAB>SECONDS<TAB>EXTENT.
RENDER_QGIS_SAVE=DIR also writes each view's image there (qgis-N.png).
"""

import gc
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OGR_GEOJSON_MAX_OBJ_SIZE", "0")  # as MapAudit's GDAL setup

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorSimplifyMethod,
)
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QSize, QThread, QTimer  # noqa: E402
from qgis.PyQt.QtGui import QColor, QImage  # noqa: E402

VIEW_CRS = "EPSG:4490"
MARGIN = 0.05  # MapViewport::fitting's default, used by MapCanvas::zoomToExtent
DEBOUNCE_MS = 30  # MapCanvas's debounce_ interval
SEA = QColor(214, 232, 245)  # kSeaColour
FILL = QColor(240, 226, 196)  # layer_loader.cpp styleFor(0)
MIN_VERTEX_SPACING_PX = 0.6  # map_layer.cpp kMinVertexSpacingPx


class View:
    """ui/map_viewport.cpp: a centre, map units per pixel and a size."""

    def __init__(self, cx, cy, upp, width, height):
        self.cx, self.cy, self.upp, self.width, self.height = cx, cy, upp, width, height

    @staticmethod
    def fitting(min_x, min_y, max_x, max_y, width, height, margin=MARGIN):
        w = max(max_x - min_x, 1e-9) * (1 + 2 * margin)
        h = max(max_y - min_y, 1e-9) * (1 + 2 * margin)
        upp = max(w / max(1, width), h / max(1, height))
        return View((min_x + max_x) / 2, (min_y + max_y) / 2, upp, width, height)

    def zoomed(self, factor):  # zoomedAt the middle of the canvas
        return View(self.cx, self.cy, self.upp / factor, self.width, self.height)

    def panned(self, dx, dy):
        return View(self.cx - dx * self.upp, self.cy + dy * self.upp, self.upp,
                    self.width, self.height)

    def extent(self):
        hw, hh = self.width / 2.0 * self.upp, self.height / 2.0 * self.upp
        return QgsRectangle(self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh)


class Canvas:
    """The render policy of MapCanvas: a view change (re)starts a 30 ms timer;
    when it fires, the running render is cancelled and one for the current
    view started; `finished` is true once the latest view's image is done."""

    def __init__(self, settings):
        self.settings = settings
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._start)
        self.view = None
        self.job = None
        self.cancelled = []  # kept alive until their threads are done
        self.finished = False
        self.image = None

    def set_view(self, view):
        self.view = view
        self.finished = False
        self.timer.start()

    def _start(self):
        if self.job is not None:
            self.job.cancelWithoutBlocking()
            self.cancelled.append(self.job)
        self.settings.setExtent(self.view.extent())
        job = QgsMapRendererParallelJob(self.settings)
        job.finished.connect(lambda j=job: self._done(j))
        self.job = job
        job.start()

    def _done(self, job):
        if job is self.job and not self.timer.isActive():
            self.image = job.renderedImage()
            self.finished = True

    def wait(self, timeout_s=600):
        start = time.perf_counter()
        while not self.finished:
            if time.perf_counter() - start > timeout_s:
                return False
            QCoreApplication.processEvents(QEventLoop.AllEvents, 5)
        for job in self.cancelled:
            job.waitForFinished()
        self.cancelled.clear()
        return True


def spin(ms):
    """Keeps the event loop running for `ms` milliseconds."""
    end = time.perf_counter() + ms / 1000.0
    while time.perf_counter() < end:
        QCoreApplication.processEvents(QEventLoop.AllEvents, 2)


def render_views(data, width, height, source):
    """Reads `data`, prints the header and one line per view; 0 when done."""
    threads = QThread.idealThreadCount()
    QgsApplication.setMaxThreads(threads)
    crs = QgsCoordinateReferenceSystem(VIEW_CRS)

    start = time.perf_counter()
    layer = QgsVectorLayer(data, "data", "ogr")
    if not layer.isValid():
        print(f"render_qgis.py: cannot open {data}", file=sys.stderr)
        return 2
    if source == "memory":
        request = QgsFeatureRequest()
        request.setDestinationCrs(crs, QgsProject.instance().transformContext())
        layer = layer.materialize(request)
    extent = layer.extent()
    read_seconds = time.perf_counter() - start

    stroke = FILL.darker(220)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": ",".join(str(c) for c in FILL.getRgb()),
        "outline_color": ",".join(str(c) for c in stroke.getRgb()),
        "outline_width": "0.8",
        "outline_width_unit": "Pixel",
    })))
    simplify = QgsVectorSimplifyMethod()
    simplify.setSimplifyHints(QgsVectorSimplifyMethod.GeometrySimplification)
    simplify.setSimplifyAlgorithm(QgsVectorSimplifyMethod.Distance)
    simplify.setThreshold(MIN_VERTEX_SPACING_PX)
    simplify.setForceLocalOptimization(True)
    layer.setSimplifyMethod(simplify)

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(crs)
    settings.setOutputSize(QSize(width, height))
    settings.setBackgroundColor(SEA)
    settings.setOutputImageFormat(QImage.Format_ARGB32_Premultiplied)
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    settings.setFlag(QgsMapSettings.DrawLabeling, False)  # the layer has no label field

    print(f"QGIS {Qgis.version()}, QgsMapRendererParallelJob, {width}x{height}, "
          f"pool of {threads} threads, source: {source} "
          f"(read in {read_seconds:.1f} s, {layer.featureCount()} features)")
    print(f"layer extent in {VIEW_CRS}: {extent.xMinimum():.6f} {extent.yMinimum():.6f} "
          f"{extent.xMaximum():.6f} {extent.yMaximum():.6f}")

    canvas = Canvas(settings)

    def fit(min_x, min_y, max_x, max_y):
        return View.fitting(min_x, min_y, max_x, max_y, width, height)

    full = fit(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    china = fit(73, 17, 136, 54)

    def pans():
        canvas.set_view(china)
        view = china
        for _ in range(60):
            view = view.panned(4, 2)
            canvas.set_view(view)
            spin(16)

    views = [
        ("full extent (first draw)", lambda: canvas.set_view(full)),
        ("full extent (again)", lambda: canvas.set_view(full.zoomed(1.0001))),
        ("China, about 1:20 000 000", lambda: canvas.set_view(china)),
        ("South China Sea, about 1:8 000 000", lambda: canvas.set_view(fit(105, 3, 123, 24))),
        ("Taiwan Strait, about 1:2 500 000", lambda: canvas.set_view(fit(117, 21.5, 123, 26))),
        ("Beijing, about 1:250 000", lambda: canvas.set_view(fit(116.0, 39.6, 116.8, 40.1))),
        ("60 pans at 60 Hz, then settle", pans),
    ]
    save = os.environ.get("RENDER_QGIS_SAVE")
    for number, (name, change) in enumerate(views, 1):
        start = time.perf_counter()
        change()
        if not canvas.wait():
            print(f"{name}: no image after 10 minutes", file=sys.stderr)
        seconds = time.perf_counter() - start
        e = canvas.view.extent()
        print(f"{name}\t{seconds:.3f}\t{e.xMinimum():.6f} {e.yMinimum():.6f} "
              f"{e.xMaximum():.6f} {e.yMaximum():.6f}", flush=True)
        if save and canvas.image is not None:
            canvas.image.save(os.path.join(save, f"qgis-{number}.png"))
    settings.setLayers([])
    return 0


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    source = "memory"
    if "--source" in argv:
        source = argv[argv.index("--source") + 1]
        args.remove(source)
    if not args or source not in ("memory", "file"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    width, height = (int(v) for v in (args[1] if len(args) > 1 else "1280x800").split("x"))
    app = QgsApplication([], False)
    QgsApplication.setPrefixPath("/usr", True)
    app.initQgis()
    status = render_views(args[0], width, height, source)
    # The layer and its provider must be gone before exitQgis: an OGR provider
    # still alive then crashes the interpreter at exit.
    gc.collect()
    app.exitQgis()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
