"""Entry script of a throw-away probe bundle built with the app's spec (check_frozen_libs.sh).

The app imports reportlab, pyqtgraph and numpy lazily, and its --self-test may not reach
all of them. This script does, inside a bundle made with exactly the same hidden imports,
excludes and trimming, so a too-eager exclude or a broken library fails the build.
Exit 0 when everything works.
"""

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from hallsupervisor import paths

    out = tempfile.mkdtemp(prefix="hallsupervisor-probe-")
    font = paths.fonts_dir() / paths.CJK_FONT_FILE
    assert font.is_file(), f"bundled font missing: {font}"
    assert (paths.packs_dir()).is_dir(), "bundled content packs missing"
    print("resources:", paths.resources_dir())

    # reportlab: CJK text from the bundled TTC, a table, a chart, barcodes -> PDF.
    from reportlab.graphics.barcode import createBarcodeDrawing
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(TTFont("CJK", str(font), subfontIndex=0))
    style = getSampleStyleSheet()["Normal"]
    style.fontName = "CJK"
    chart_drawing = Drawing(200, 100)
    chart = VerticalBarChart()
    chart.data = [[1, 2, 3]]
    chart_drawing.add(chart)
    pdf = os.path.join(out, "probe.pdf")
    SimpleDocTemplate(pdf, pagesize=A4).build([
        Paragraph("营业厅现场管理助手 报表", style),
        Table([["甲", "乙"]], style=[("FONTNAME", (0, 0), (-1, -1), "CJK")]),
        chart_drawing,
        createBarcodeDrawing("QR", value="营业厅", width=80, height=80),
        createBarcodeDrawing("Code128", value="12345"),
    ])
    assert os.path.getsize(pdf) > 1000
    print("reportlab ok:", os.path.getsize(pdf), "bytes")

    # sqlite-utils.
    import sqlite_utils

    db = sqlite_utils.Database(memory=True)
    db["t"].insert_all([{"a": 1}, {"a": 2}])
    assert db["t"].count == 2
    print("sqlite-utils ok")

    # numpy + pyqtgraph on Qt: plot, date axis, bars, export to PNG.
    import numpy as np
    import pyqtgraph as pg
    import pyqtgraph.exporters
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    widget = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
    widget.plot(np.arange(10.0), np.sin(np.arange(10.0)), pen="r")
    widget.addItem(pg.BarGraphItem(x=[1, 2], height=[1, 2], width=0.5))
    widget.resize(400, 300)
    widget.show()
    app.processEvents()
    assert not widget.grab().isNull()
    png = os.path.join(out, "probe.png")
    pg.exporters.ImageExporter(widget.plotItem).export(png)
    assert os.path.getsize(png) > 100
    widget.close()
    print("pyqtgraph ok:", pg.__version__, "numpy", np.__version__)
    print("probe passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
