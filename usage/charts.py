"""The SVG column chart of views per day (geometry from cms.charts)."""

from django.utils.formats import date_format

from cms.charts import Frame, columns

FRAME = Frame(width=720, height=240, left=56, top=16, right=40, bottom=36)
#: a date under the axis every this many days (and under the last day)
LABEL_EVERY = 15


def daily_chart(per_day):
    """Bars, axis and labels for [(day, views)]; None when nothing was counted."""
    values = [views for _day, views in per_day]
    peak = max(values, default=0)
    if not peak:
        return None
    placed = columns(values, FRAME, peak=peak, fill=0.7)
    last = len(per_day) - 1
    return {
        "frame": FRAME,
        "axis_y": FRAME.baseline,
        "axis_end": FRAME.width - FRAME.right,
        "peak": peak,
        "peak_y": FRAME.y(peak, peak),
        "label_y": FRAME.height - 12,
        "bars": [
            {
                "x": column.x,
                "y": column.y,
                "width": column.width,
                "height": column.height,
                "centre": column.centre,
                "day": day,
                "views": views,
                "label": date_format(day, "SHORT_DATE_FORMAT")
                if n == last or (last - n) % LABEL_EVERY == 0
                else "",
            }
            for n, ((day, views), column) in enumerate(zip(per_day, placed, strict=True))
        ],
    }
