"""Typed use of answers that mypy must find clean (tests/unit/test_static_types.py)."""

from __future__ import annotations

from gazu.aio import AsyncKitsuClient
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


def frames_of_a_shot_read_by_gazu(shot_id: str) -> int:
    import gazu

    shot = gazu.shot.get_shot(shot_id)  # a cached function keeps its answer's type
    return shot["nb_frames"] or 0


def answers_go_back_in(project_name: str) -> list[str]:
    import gazu

    project = gazu.project.get_project_by_name(project_name)
    if project is None:
        return []
    sequence = gazu.shot.new_sequence(project, "SQ01")  # a Project is taken where a dict or id is
    shot = gazu.shot.new_shot(project, sequence, "SH010", nb_frames=24)
    gazu.shot.update_shot(shot)
    tasks = gazu.task.all_tasks_for_shot(shot)
    gazu.task.assign_tasks_to_person(tasks, gazu.client.get_current_user())  # a list[Task] too
    return [task["id"] for task in tasks]


async def an_async_answer(client: AsyncKitsuClient) -> str:
    from gazu import aio

    answer = await aio.log_in("e@mail", "password", client=client)
    user = answer.get("user")  # a log-in answer's keys are optional (a token refresh answers the token alone)
    return user["full_name"] if user else ""
