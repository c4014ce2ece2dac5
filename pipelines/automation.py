"""How runs start: one job over everything, a daily schedule, an inbox sensor."""


import hashlib

import dagster as dg

from pipelines.inbox_state import changes, dump_cursor, load_cursor, snapshot
from pipelines.resources import InboxResource

# In-process: DuckDB takes one writer at a time, and the stages write in turn.
pressroom_job = dg.define_asset_job(
    name="pressroom_job",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Read the inbox and rebuild every warehouse table, running all data-quality checks.",
)

daily_schedule = dg.ScheduleDefinition(
    name="pressroom_daily",
    job=pressroom_job,
    cron_schedule="0 6 * * *",
    description="Every morning at 06:00, in case the sensor is off.",
)


@dg.sensor(job=pressroom_job, minimum_interval_seconds=60)
def inbox_sensor(context: dg.SensorEvaluationContext, inbox: InboxResource) -> dg.SensorResult | dg.SkipReason:
    """Requests a run when files are added to, changed in or removed from the inbox."""
    root = inbox.root()
    if not root.is_dir():
        return dg.SkipReason(f"inbox {root} does not exist")
    previous = load_cursor(context.cursor)
    current = snapshot(root, previous)
    changed = changes(previous, current)
    cursor = dump_cursor(current)
    if not changed:
        return dg.SensorResult(skip_reason=dg.SkipReason("inbox unchanged"), cursor=cursor)
    run_key = hashlib.sha256(cursor.encode()).hexdigest()[:16]
    context.log.info(f"{len(changed)} inbox files changed: {', '.join(changed[:5])}")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=run_key)], cursor=cursor)
