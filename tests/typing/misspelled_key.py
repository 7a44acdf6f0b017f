"""A misspelled key on a returned Shot, which mypy must report (tests/unit/test_static_types.py)."""

from __future__ import annotations

import gazu
from gazu.types import Shot, Task


def frame_count(shot: Shot) -> int:
    return shot["nb_frame"]  # the key is nb_frames


def done(task: Task) -> bool:
    return task["task_status"] == "done"  # a Task has task_status_id


def frames_of_a_shot_read_by_gazu(shot_id: str) -> int:
    return gazu.shot.get_shot(shot_id)["nb_frame"]  # a cached function's answer is a Shot too


def frames_of_a_shot_read_through_an_accessor(kitsu: gazu.KitsuClient, shot_id: str) -> int:
    return kitsu.shot.get_shot(shot_id)["nb_frame"]  # the accessors' stub declares the same answers
