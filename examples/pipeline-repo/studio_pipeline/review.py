"""Send work for review and read back what a shot is made of."""

from __future__ import annotations

import gazu


def send_for_review(task: dict, media_path: str, note: str) -> dict:
    """Publish ``media_path`` on ``task`` with ``note``, moving it to Waiting For Approval.

    Returns the preview file Kitsu stored.
    """
    waiting = gazu.task.get_task_status_by_short_name("wfa")
    _comment, preview = gazu.task.publish_preview(task, waiting, note, preview_file_path=media_path)
    return preview


def shot_breakdown(project: dict) -> dict[str, list[str]]:
    """Return, for every shot of ``project``, the names of the assets cast in it."""
    return {
        shot["name"]: sorted(asset["name"] for asset in gazu.asset.all_assets_for_shot(shot))
        for shot in gazu.shot.all_shots_for_project(project)
    }
