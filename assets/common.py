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
