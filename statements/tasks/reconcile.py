"""The reconciler's periodic task (Celery beat): nothing owed a step is left without a task."""

from celery import shared_task

from statements.services.reconcile import articles_requeue_stalled, worker_heartbeat_record


@shared_task(name="statements.tasks.reconcile_articles", ignore_result=True)
def reconcile_articles() -> str:
    worker_heartbeat_record()
    report = articles_requeue_stalled()
    return f"requeued {report.requeued}, failed {report.failed}, broker down {report.broker_down}"
