"""Typed use of answers that mypy must find clean (tests/unit/test_static_types.py)."""

from __future__ import annotations

from gazu.types import Asset, Comment, FullTask, PersonTask, Project, Shot, Task


def frame_count(shot: Shot) -> int:
    return shot["nb_frames"] or 0


def frame_range(shot: Shot) -> tuple[object, object]:
    # Keys only some routes send are optional: read them with .get().
    return shot.get("frame_in"), shot.get("frame_out")


def status_names(tasks: list[Task]) -> list[str]:
    return [task.get("task_status_name", task["task_status_id"] or "") for task in tasks]


def to_do(task: PersonTask) -> str:
    return "%s / %s: %s" % (task["project_name"], task["entity_name"], task["task_status_short_name"])


def task_project(task: FullTask) -> str:
    return task["project"]["name"]


def author(comment: Comment) -> str:
    return comment["person"]["full_name"] if "person" in comment else comment["person_id"]


def asset_type(asset: Asset) -> str:
    return asset["entity_type_id"]


def fps(project: Project) -> float:
    return float(project["fps"])
