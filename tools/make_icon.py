"""Draw the program's icon with Qt: ``resources/icon.png`` and ``resources/icon.ico``.

A roof over a person, in the calm blue of the window. The .ico holds PNG images of the sizes
Windows asks for (Vista and later read PNG inside an .ico), packed here by hand so that no
image library beyond Qt is needed. Run once after a change: ``python tools/make_icon.py``.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SIZES = (16, 24, 32, 48, 64, 256)
BLUE = QColor("#2f5d8a")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BLUE)
    painter.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12)
    roof = QPainterPath(QPointF(10, 32))
    roof.lineTo(32, 12)
    roof.lineTo(54, 32)
    pen = QPen(QColor("white"), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(roof)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    painter.drawEllipse(QPointF(32, 33), 5.5, 5.5)
    body = QPainterPath(QPointF(20, 54))
    body.cubicTo(20, 40, 44, 40, 44, 54)
    body.closeSubpath()
    painter.drawPath(body)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico file: a header, one directory entry per size, then the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an .ico directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QGuiApplication([])
    images = {size: png_bytes(draw(size)) for size in SIZES}
    (RESOURCES / "icon.png").write_bytes(images[256])
    (RESOURCES / "icon.ico").write_bytes(ico_bytes(images))


if __name__ == "__main__":
    main()
