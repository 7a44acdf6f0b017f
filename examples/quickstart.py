"""A small pipeline script: set up a production, cast it, and publish a first preview.

It talks to the Kitsu named by the environment (``KITSU_HOST``, ``KITSU_LOGIN``,
``KITSU_PASSWORD``), which ``python -m gazu.sandbox -- …`` sets for a throw-away
local Kitsu. Everything it does is plain upstream-compatible gazu.
"""

from __future__ import annotations

import os
import struct
import sys
import tempfile
import time
import zlib

import gazu


def tiny_png(width: int = 64, height: int = 36) -> bytes:
    """Return a small gradient PNG, made without any imaging library."""
    rows = b"".join(b"\x00" + bytes(value for x in range(width) for value in (x * 4 % 256, y * 7 % 256, 128))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def main() -> int:
    gazu.set_host(os.environ["KITSU_HOST"])
    user = gazu.log_in(os.environ["KITSU_LOGIN"], os.environ["KITSU_PASSWORD"])["user"]
    print("Logged in to Kitsu %s as %s" % (gazu.client.get_api_version(), user["full_name"]))

    project = gazu.project.new_project("Quickstart %s" % time.strftime("%H%M%S"), "tvshow")
    character = gazu.asset.new_asset_type("Character")
    prop = gazu.asset.new_asset_type("Prop")
    for asset_type in (character, prop):
        gazu.project.add_asset_type(project, asset_type)
    hero = gazu.asset.new_asset(project, character, "Hero", "The main character")
    gazu.asset.new_asset(project, prop, "Lantern", "Hero's lantern")

    sequence = gazu.shot.new_sequence(project, "SQ01")
    shots = [gazu.shot.new_shot(project, sequence, "SH%03d" % (10 * n), frame_in=1, frame_out=48)
             for n in (1, 2, 3)]

    animation = gazu.task.get_task_type_by_name("Animation")
    modeling = gazu.task.get_task_type_by_name("Modeling")
    gazu.project.add_task_type(project, animation, 1)
    gazu.project.add_task_type(project, modeling, 2)
    shot_tasks = [gazu.task.new_task(shot, animation) for shot in shots]
    gazu.task.new_task(hero, modeling)

    review = gazu.task.get_task_status_by_short_name("wfa")
    first = shot_tasks[0]
    comment = gazu.task.add_comment(first, review, "First blocking pass, ready for review")
    with tempfile.TemporaryDirectory() as folder:
        picture = os.path.join(folder, "sh010_v001.png")
        with open(picture, "wb") as handle:
            handle.write(tiny_png())
        preview = gazu.task.add_preview(first, comment, picture)

    print()
    print("Project   %s (%s)" % (project["name"], project["production_type"]))
    assets = gazu.asset.all_assets_for_project(project)
    print("Assets    %s" % ", ".join(asset["name"] for asset in assets))
    print("Shots     %s" % ", ".join("%s/%s" % (sequence["name"], shot["name"]) for shot in
                                     gazu.shot.all_shots_for_project(project)))
    print("Tasks")
    tasks = [gazu.task.get_task(task["id"]) for task in gazu.task.all_tasks_for_project(project)]
    for task in sorted(tasks, key=lambda task: (task["entity"]["name"], task["task_type"]["name"])):
        print("  %-8s %-10s %s" % (task["entity"]["name"], task["task_type"]["name"],
                                   task["task_status"]["short_name"].upper()))
    print("Preview   revision %s uploaded on %s (%s)" % (preview["revision"], shots[0]["name"], preview["id"]))
    gazu.log_out()
    return 0


if __name__ == "__main__":
    sys.exit(main())
