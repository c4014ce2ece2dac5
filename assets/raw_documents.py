"""Stage 1: every inbox file read, decoded and kept verbatim with its hash."""


from datetime import datetime, timezone

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.common import preview, say
from pipelines.resources import InboxResource
from pipelines.tabulate import documents_frame
from warehouse.store import ensure_schema, upsert_documents


@dg.asset(kinds={"python", "duckdb"}, group_name="ingest")
def raw_documents(context: dg.AssetExecutionContext, inbox: InboxResource, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Every file of the inbox, read recursively and decoded (HTML, PDF, Word,
    OpenDocument, RTF, e-mail, news XML and JSON turned into text; the content
    decides the format, not the suffix), kept verbatim with its sha256, size and format. A file that cannot
    be read becomes a row with status 'rejected' and the reason: nothing is
    dropped silently. Table: `documents`."""
    # Imported at run time: loading the code location (UI, daemon) stays cheap.
    from pipelines.ingest import scan_inbox

    root = inbox.root()
    say(context, f"reading inbox {root}")
    docs = scan_inbox(root)
    # Seconds are enough, and a stable representation keeps reruns comparable.
    now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    frame = documents_frame(docs, now)
    with duckdb.get_connection() as conn:
        ensure_schema(conn)
        counts = upsert_documents(conn, frame)
    rejected = frame[frame["status"] == "rejected"]
    say(context, f"{len(frame)} files: {len(frame) - len(rejected)} read, {len(rejected)} rejected "
                 f"({counts['added']} new, {counts['replaced']} changed)")
    return dg.MaterializeResult(
        metadata={
            "inbox": dg.MetadataValue.path(str(root)),
            "files": len(frame),
            "read": len(frame) - len(rejected),
            "rejected": len(rejected),
            "new": counts["added"],
            "changed": counts["replaced"],
            "unchanged": counts["unchanged"],
            "rejections": preview(rejected, ["source_path", "reject_reason"]),
            "preview": preview(frame, ["doc_id", "source_path", "format", "encoding", "status", "size_bytes"]),
        }
    )
