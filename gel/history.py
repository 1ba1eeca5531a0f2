"""The history of snapshots as the geometry of an accessible SVG bar chart."""

from cms.charts import Frame, columns

WIDTH, HEIGHT, PAD = 480, 200, 30
FRAME = Frame(width=WIDTH, height=HEIGHT, left=PAD, top=PAD, right=PAD, bottom=PAD)
#: snapshots drawn (the latest ones); the table lists the same
SHOWN = 24


def history_chart(snapshots):
    """Bars of the share of criteria met in each snapshot (oldest first), on a 0-100 scale."""
    snapshots = sorted(snapshots, key=lambda snapshot: snapshot.taken_at)
    placed = columns([s.percent for s in snapshots], FRAME, peak=100, fill=0.6)
    return {
        "bars": [
            {
                "snapshot": snapshot,
                "x": column.x,
                "y": column.y,
                "width": column.width,
                "height": column.height,
                "label_x": column.centre,
            }
            for snapshot, column in zip(snapshots, placed, strict=True)
        ],
        "width": WIDTH,
        "height": HEIGHT,
        "pad": PAD,
        "axis_y": HEIGHT - PAD,
        "axis_end": WIDTH - PAD,
        "label_y": HEIGHT - 10,
    }
