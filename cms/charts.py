"""Geometry of the portal's SVG bar charts, one place for every chart.

Each chart is drawn by its template as an ``<svg role="img">`` with a title and followed
by a table with the same data; its shapes are placed by SVG attributes only (never
``style=``, which the Content-Security-Policy forbids). This module computes those
attributes: bar lengths proportional to the values, zero-height bars for zero, nothing
for an empty series, and no division by zero when every value is zero."""

from dataclasses import dataclass

#: decimals kept in coordinates (enough for a sharp drawing, short in the HTML)
PRECISION = 2


@dataclass(frozen=True)
class Frame:
    """The drawing (``width`` × ``height``) and its plot area inside the margins."""

    width: float
    height: float
    left: float = 0
    top: float = 0
    right: float = 0
    bottom: float = 0

    @property
    def plot_width(self):
        return self.width - self.left - self.right

    @property
    def plot_height(self):
        return self.height - self.top - self.bottom

    @property
    def baseline(self):
        """The y of zero: the bottom of the plot area."""
        return self.top + self.plot_height

    def y(self, value, peak):
        """The y of ``value`` on a scale whose top is ``peak``."""
        return round(self.baseline - scaled(value, peak, self.plot_height), PRECISION)


@dataclass(frozen=True)
class Column:
    x: float
    y: float
    width: float
    height: float
    #: the horizontal centre, for a label under or over the column
    centre: float


def scaled(value, peak, length):
    """``value`` as a share of ``length`` on a scale whose top is ``peak`` (0 to
    ``length``; 0 when ``peak`` is 0)."""
    if not peak:
        return 0
    return round(
        max(0.0, min(float(length), float(length) * float(value) / float(peak))), PRECISION
    )


def columns(values, frame, peak=None, fill=0.8):
    """One column per value, side by side over the plot area, each ``fill`` of its slot
    wide (at least 1), as tall as its share of ``peak`` (default: the largest value)."""
    values = list(values)
    if not values:
        return []
    peak = max(values) if peak is None else peak
    slot = frame.plot_width / len(values)
    width = round(max(slot * fill, 1), PRECISION)
    result = []
    for n, value in enumerate(values):
        height = scaled(value, peak, frame.plot_height)
        result.append(
            Column(
                x=round(frame.left + n * slot + (slot - width) / 2, PRECISION),
                y=round(frame.baseline - height, PRECISION),
                width=width,
                height=height,
                centre=round(frame.left + n * slot + slot / 2, PRECISION),
            )
        )
    return result
