"""The queue worker run for real, in the test's process: django-tasks' own database worker
(`manage.py db_worker --batch`'s loop), which runs every job waiting and stops. Only in a
transactional test (`django_db(transaction=True)`): the worker checks its connection between
jobs as a long-running process must, which ends a test's open transaction."""

from django_tasks_db.management.commands.db_worker import Worker


def run_queue() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    ).run()
