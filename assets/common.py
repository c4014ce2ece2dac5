"""What the assets share: progress reporting and metadata previews."""


import logging

import dagster as dg
import pandas as pd

# The CLI prints this logger's records as progress lines; in the UI the same
# messages arrive through context.log.
progress = logging.getLogger("pressroom.progress")


def say(context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext, message: str) -> None:
    context.log.info(message)
    progress.info(message)


def preview(frame: pd.DataFrame, columns: list[str], rows: int = 10) -> dg.MetadataValue:
    """A markdown preview of the first rows, long text cut so the UI stays readable."""
    head = frame.reindex(columns=columns).head(rows).copy()
    for col in head.columns:
        if head[col].dtype == object or str(head[col].dtype).startswith("str"):
            head[col] = head[col].map(lambda v: v if not isinstance(v, str) or len(v) <= 80 else v[:77] + "...")
    return dg.MetadataValue.md(head.to_markdown(index=False))


def with_progress(context, items: list, label: str, every_seconds: float = 5.0):
    """Yield ``items``, saying how far along the loop is every few seconds, so a
    large inbox shows movement instead of a silent minute."""
    import time

    total = len(items)
    last = time.monotonic()
    for i, item in enumerate(items, 1):
        yield item
        now = time.monotonic()
        if now - last >= every_seconds and i < total:
            say(context, f"{label}: {i:,} of {total:,}")
            last = now
