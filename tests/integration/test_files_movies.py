"""Movie previews on the real server: upload, processing by Zou's ffmpeg, downloads and frames.

The sandbox installs Debian's ffmpeg (as root) so that Zou can normalise
movies; the test makes a one-second movie with it, publishes it on a task and
reads back every rendition.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

import gazu
from gazu import client as raw
from tests.conftest import unique

pytestmark = pytest.mark.integration


@pytest.fixture
def movie(tmp_path):
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is missing: the sandbox installs it when run as root (apt-get install ffmpeg)")
    path = tmp_path / "sh010_v001.mp4"
    # With a sound track: a mute movie came out of Zou 1.0.97's normalisation without its video (server log).
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=1:size=320x240:rate=24",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-shortest",
                    "-pix_fmt", "yuv420p", "-c:v", "libx264", "-c:a", "aac", str(path)], check=True, timeout=120)
    return path


def test_a_movie_preview_is_processed_and_read_back(admin_client, new_project, movie, tmp_path):
    sequence = gazu.shot.new_sequence(new_project, unique("SQ"))
    shot = gazu.shot.new_shot(new_project, sequence, "SH010", nb_frames=24)
    task = gazu.task.new_task(shot, gazu.task.get_task_type_by_name("Animation"))
    status = gazu.task.get_task_status_by_short_name("wfa")
    _comment, preview = gazu.task.publish_preview(task, status, "first animation pass", preview_file_path=str(movie))
    preview = gazu.files.wait_for_preview_file(preview, timeout=180, poll_interval=1)
    assert preview["extension"] == "mp4" and preview["status"] == "ready"

    assert gazu.files.get_preview_lowdef_movie_url(preview) == "movies/low/preview-files/%s.mp4" % preview["id"]
    high, low = tmp_path / "high.mp4", tmp_path / "low.mp4"
    gazu.files.download_preview_movie(preview, str(high))
    gazu.files.download_preview_lowdef_movie(preview, str(low))
    for path in (high, low):
        assert path.read_bytes()[4:8] == b"ftyp"  # an MP4 container
        assert path.stat().st_size > 1000

    frame = tmp_path / "frame.png"
    gazu.files.extract_frame_from_preview(preview, 12, str(frame))
    assert frame.read_bytes().startswith(b"\x89PNG")
    assert raw.get_file_data_from_url("pictures/thumbnails/preview-files/%s.png" % preview["id"]).startswith(
        b"\x89PNG")
