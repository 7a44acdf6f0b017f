"""The pipeline's review tools against a real Kitsu (fixtures from gazu's pytest plugin)."""

import struct
import zlib

from studio_pipeline.review import send_for_review, shot_breakdown

import gazu


def png(path, width=8, height=8):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x40\x80\xc0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
                     + chunk(b"IEND", b""))
    return str(path)


def test_send_for_review_moves_the_task_and_stores_the_preview(kitsu_admin, kitsu_project, tmp_path):
    sequence = gazu.shot.new_sequence(kitsu_project, "SQ01")
    shot = gazu.shot.new_shot(kitsu_project, sequence, "SH010")
    animation = gazu.task.get_task_type_by_name("Animation")
    task = gazu.task.new_task(shot, animation)

    preview = send_for_review(task, png(tmp_path / "sh010.png"), "blocking v1")

    stored = gazu.task.get_task(task["id"])
    assert stored["task_status"]["short_name"] == "wfa"
    last = gazu.task.get_last_comment_for_task(task)
    assert last["text"] == "blocking v1"
    assert [p["id"] for p in last["previews"]] == [preview["id"]]


def test_shot_breakdown_lists_the_cast(kitsu_admin, kitsu_project):
    character = gazu.asset.new_asset_type("Character")
    hero = gazu.asset.new_asset(kitsu_project, character, "Hero")
    villain = gazu.asset.new_asset(kitsu_project, character, "Villain")
    sequence = gazu.shot.new_sequence(kitsu_project, "SQ01")
    shot = gazu.shot.new_shot(kitsu_project, sequence, "SH010")
    gazu.shot.new_shot(kitsu_project, sequence, "SH020")
    gazu.casting.update_shot_casting(kitsu_project, shot, [{"asset_id": villain["id"]}, {"asset_id": hero["id"]}])

    assert shot_breakdown(kitsu_project) == {"SH010": ["Hero", "Villain"], "SH020": []}
