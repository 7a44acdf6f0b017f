"""gazu.files: preview files, attachments and avatars (gazu/_files_media.py)."""

import pytest

import gazu
from gazu.exception import InvalidArgumentException, PreviewFileProcessingException, RouteNotFoundException
from tests.unit.conftest import body_bytes, new_id
from tests.unit.surface import Call

PREVIEW, TASK, PROJECT, PERSON, ORGANISATION, ATTACHMENT = (new_id() for _ in range(6))
UNSORTED = [{"name": "b"}, {"name": "A"}]
MOVIE = {"id": PREVIEW, "extension": "mp4", "status": "ready"}
PICTURE = {"id": PREVIEW, "extension": "png", "status": "ready"}

MODULE = "_files_media"
SURFACE = [
    Call("files.get_preview_file", (PREVIEW,), path="data/preview-files/" + PREVIEW, cached=True),
    Call("files.get_all_preview_files_for_task", ({"id": TASK},), path="data/preview-files", query={"task_id": TASK},
         cached=True),
    Call("files.get_running_preview_files", (), path="data/playlists/preview-files/running", cached=True),
    Call("files.get_attachment_file", (ATTACHMENT,), path="data/attachment-files/" + ATTACHMENT),
    Call("files.get_all_attachment_files_for_task", (TASK,), path="data/tasks/%s/attachment-files" % TASK, cached=True),
    Call("files.get_all_attachment_files_for_project", ({"id": PROJECT},),
         path="data/projects/%s/attachment-files" % PROJECT),
    Call("files.update_preview", (PREVIEW, {"position": 2}), method="PUT", path="data/preview-files/" + PREVIEW,
         body={"position": 2}),
    Call("files.update_preview_position", ({"id": PREVIEW}, 2), method="PUT",
         path="actions/preview-files/%s/update-position" % PREVIEW, body={"position": 2}),
    Call("files.update_preview_annotations", (PREVIEW,), method="PUT",
         path="actions/preview-files/%s/update-annotations" % PREVIEW, body={}),
    Call("files.update_preview_annotations", (PREVIEW,), {"additions": [{"time": 0}], "deletions": ["a"]}, method="PUT",
         path="actions/preview-files/%s/update-annotations" % PREVIEW,
         body={"additions": [{"time": 0}], "deletions": ["a"]}),
    Call("files.remove_preview_file", ({"id": PREVIEW},), method="DELETE", path="data/preview-files/" + PREVIEW),
    Call("files.remove_preview_file", ({"id": PREVIEW}, True), method="DELETE", path="data/preview-files/" + PREVIEW,
         query={"force": "True"}),
    Call("files.get_preview_file", ("a/b",), refuses="preview_file_id"),
    Call("files.get_all_preview_files_for_task", (None,), refuses="task"),
    Call("files.update_preview", ("x#", {}), refuses="preview_file"),
    Call("files.update_preview_position", ({"name": "x"}, 1), refuses="preview_file"),
    Call("files.update_preview_annotations", (42,), refuses="preview_file"),
    Call("files.remove_preview_file", ("",), refuses="preview_file"),
    Call("files.wait_for_preview_file", (None,), refuses="preview_file"),
    Call("files.get_preview_file_url", ("a/b",), refuses="preview_file"),
    Call("files.get_preview_movie_url", ("a/b",), refuses="preview_file"),
    Call("files.get_preview_lowdef_movie_url", (None,), refuses="preview_file"),
    Call("files.download_preview_file", ("a/b", "/tmp/x"), refuses="preview_file"),
    Call("files.download_preview_movie", ("a/b", "/tmp/x"), refuses="preview_file"),
    Call("files.download_preview_lowdef_movie", ("a/b", "/tmp/x"), refuses="preview_file"),
    Call("files.download_preview_file_thumbnail", ("a/b", "/tmp/x"), refuses="preview_file"),
    Call("files.download_preview_file_cover", ("a/b", "/tmp/x"), refuses="preview_file"),
    Call("files.extract_frame_from_preview", ("a/b", 1), refuses="preview_file"),
    Call("files.extract_frame_from_preview", (PREVIEW, None), refuses="frame_number"),
    Call("files.extract_tile_from_preview", ("a/b",), refuses="preview_file"),
    Call("files.get_attachment_file", ("a/b",), refuses="attachment_file_id"),
    Call("files.get_all_attachment_files_for_task", ({},), refuses="task"),
    Call("files.get_all_attachment_files_for_project", ("a/b",), refuses="project"),
    Call("files.get_attachment_thumbnail_url", (None,), refuses="attachment_file"),
    Call("files.download_attachment_file", ("a/b", "/tmp/x"), refuses="attachment_file"),
    Call("files.download_attachment_thumbnail", ("a/b", "/tmp/x"), refuses="attachment_file"),
    Call("files.upload_person_avatar", ("a/b", __file__), refuses="person"),
    Call("files.upload_project_avatar", (None, __file__), refuses="project"),
    Call("files.upload_organisation_avatar", ({}, __file__), refuses="organisation"),
    Call("files.download_person_avatar", ("a/b", "/tmp/x"), refuses="person"),
    Call("files.download_project_avatar", ("a/b", "/tmp/x"), refuses="project"),
    Call("files.download_organisation_avatar", ("a/b", "/tmp/x"), refuses="organisation"),
]
HAND_TESTED = set()


# Waiting for processing -----------------------------------------------------------


@pytest.fixture
def no_sleep(monkeypatch):
    clock = {"now": 0.0}
    monkeypatch.setattr("gazu._files_media.time.monotonic", lambda: clock["now"])
    monkeypatch.setattr("gazu._files_media.time.sleep", lambda seconds: clock.update(now=clock["now"] + seconds))
    return clock


def test_wait_for_preview_file_polls_until_ready(kitsu, no_sleep):
    path = "data/preview-files/" + PREVIEW
    for status in ("processing", "processing", "ready"):
        kitsu.on("GET", path, json={**MOVIE, "status": status})
    gazu.cache.enable()
    assert gazu.files.wait_for_preview_file(PREVIEW, poll_interval=2) == MOVIE
    assert kitsu.sent == [("GET", path, {}, None)] * 3
    assert no_sleep["now"] == 4


@pytest.mark.parametrize("answers", [["processing", "broken"], ["missing"]])
def test_wait_for_preview_file_returns_a_failed_preview_too(kitsu, no_sleep, answers):
    """As upstream: the caller reads the status of a preview whose processing failed."""
    for status in answers:
        kitsu.on("GET", "data/preview-files/" + PREVIEW, json={**MOVIE, "status": status})
    assert gazu.files.wait_for_preview_file({"id": PREVIEW}, timeout=10, poll_interval=3)["status"] == answers[-1]
    assert len(kitsu.sent) == len(answers)


def test_wait_for_preview_file_gives_up_after_the_timeout(kitsu, no_sleep):
    for _ in range(5):
        kitsu.on("GET", "data/preview-files/" + PREVIEW, json={**MOVIE, "status": "processing"})
    with pytest.raises(PreviewFileProcessingException, match="still processing after 10s"):
        gazu.files.wait_for_preview_file({"id": PREVIEW}, timeout=10, poll_interval=3)


# URLs ------------------------------------------------------------------------------


@pytest.mark.parametrize("function, kwargs, preview, url", [
    ("get_preview_file_url", {}, MOVIE, "movies/originals/preview-files/%s.mp4" % PREVIEW),
    ("get_preview_file_url", {}, PICTURE, "pictures/originals/preview-files/%s.png" % PREVIEW),
    ("get_preview_movie_url", {}, MOVIE, "movies/originals/preview-files/%s.mp4" % PREVIEW),
    ("get_preview_movie_url", {"lowdef": True}, MOVIE, "movies/low/preview-files/%s.mp4" % PREVIEW),
    ("get_preview_lowdef_movie_url", {}, MOVIE, "movies/low/preview-files/%s.mp4" % PREVIEW),
])
def test_preview_urls_are_api_paths(kitsu, function, kwargs, preview, url):
    kitsu.on("GET", "data/preview-files/" + PREVIEW, json=preview)
    assert getattr(gazu.files, function)({"id": PREVIEW}, **kwargs) == url
    assert kitsu.sent == [("GET", "data/preview-files/" + PREVIEW, {}, None)]


@pytest.mark.parametrize("function, kwargs, url", [
    ("get_preview_movie_url", {}, "movies/originals/preview-files/%s.png" % PREVIEW),
    ("get_preview_movie_url", {"lowdef": True}, "movies/low/preview-files/%s.mp4" % PREVIEW),
    ("get_preview_lowdef_movie_url", {}, "movies/low/preview-files/%s.mp4" % PREVIEW),
])
def test_movie_urls_of_a_picture_are_built_as_upstream_builds_them(kitsu, function, kwargs, url):
    """A tool that builds the movie and the picture URLs in one go must get both (the server answers 404)."""
    kitsu.on("GET", "data/preview-files/" + PREVIEW, json=PICTURE)
    assert getattr(gazu.files, function)(PREVIEW, **kwargs) == url


def test_attachment_thumbnail_url_sends_nothing(kitsu):
    url = gazu.files.get_attachment_thumbnail_url({"id": ATTACHMENT})
    assert url == "pictures/thumbnails/attachment-files/%s.png" % ATTACHMENT
    assert kitsu.sent == []


# Downloads -------------------------------------------------------------------------

# (function, positional arguments, the preview read first or None, the path downloaded)
DOWNLOADS = [
    ("download_preview_file", (PREVIEW,), PICTURE, "pictures/originals/preview-files/%s.png" % PREVIEW),
    ("download_preview_file", (PREVIEW,), MOVIE, "movies/originals/preview-files/%s.mp4" % PREVIEW),
    ("download_preview_movie", ({"id": PREVIEW},), MOVIE, "movies/originals/preview-files/%s.mp4" % PREVIEW),
    ("download_preview_lowdef_movie", (PREVIEW,), MOVIE, "movies/low/preview-files/%s.mp4" % PREVIEW),
    ("download_preview_file_thumbnail", (PREVIEW,), None, "pictures/thumbnails/preview-files/%s.png" % PREVIEW),
    ("download_preview_file_cover", (PREVIEW,), None, "pictures/originals/preview-files/%s.png" % PREVIEW),
    ("download_attachment_thumbnail", (ATTACHMENT,), None,
     "pictures/thumbnails/attachment-files/%s.png" % ATTACHMENT),
    ("download_person_avatar", ({"id": PERSON},), None, "pictures/thumbnails/persons/%s.png" % PERSON),
    ("download_project_avatar", (PROJECT,), None, "pictures/thumbnails/projects/%s.png" % PROJECT),
    ("download_organisation_avatar", (ORGANISATION,), None,
     "pictures/thumbnails/organisations/%s.png" % ORGANISATION),
]


@pytest.mark.parametrize("function, args, preview, path", DOWNLOADS)
def test_downloads_write_the_file(kitsu, tmp_path, function, args, preview, path):
    target = tmp_path / "out.bin"
    if preview is not None:
        kitsu.on("GET", "data/preview-files/" + PREVIEW, json=preview)
    kitsu.on("GET", path, body=b"\x89PNG data")
    progress = []
    response = getattr(gazu.files, function)(*args, str(target),
                                             progress_callback=lambda got, total: progress.append(got))
    assert response.status_code == 200
    assert target.read_bytes() == b"\x89PNG data" and progress[-1] == 9
    expected = ([("GET", "data/preview-files/" + PREVIEW)] if preview else []) + [("GET", path)]
    assert [(method, sent_path) for method, sent_path, _, _ in kitsu.sent] == expected


@pytest.mark.parametrize("function, args, preview, path", DOWNLOADS)
def test_downloads_check_the_target_before_any_request(kitsu, tmp_path, function, args, preview, path):
    with pytest.raises(InvalidArgumentException, match="^file_path:"):
        getattr(gazu.files, function)(*args, None)
    with pytest.raises(InvalidArgumentException, match="^file_path:"):
        getattr(gazu.files, function)(*args, "")
    assert kitsu.sent == []


def test_download_preview_movie_of_a_picture_lets_the_server_answer_and_writes_nothing(kitsu, tmp_path):
    kitsu.on("GET", "data/preview-files/" + PREVIEW, json=PICTURE)
    kitsu.on("GET", "movies/originals/preview-files/%s.png" % PREVIEW, json={"message": "not found"}, status=404)
    with pytest.raises(RouteNotFoundException):
        gazu.files.download_preview_movie(PREVIEW, str(tmp_path / "movie.mp4"))
    assert list(tmp_path.iterdir()) == [] and len(kitsu.sent) == 2


@pytest.mark.parametrize("name, segment", [("brief.pdf", "brief.pdf"), ("a b/c?.pdf", "a%20b%2Fc%3F.pdf"),
                                           (None, "file")])
def test_download_attachment_file(kitsu, tmp_path, name, segment):
    kitsu.on("GET", "data/attachment-files/" + ATTACHMENT, json={"id": ATTACHMENT, "name": name})
    kitsu.on("GET", "data/attachment-files/%s/file/%s" % (ATTACHMENT, segment), body=b"%PDF")
    gazu.files.download_attachment_file({"id": ATTACHMENT}, str(tmp_path / "brief.pdf"))
    assert (tmp_path / "brief.pdf").read_bytes() == b"%PDF"
    sent = kitsu.mock.calls[-1].request.url
    assert sent.endswith("data/attachment-files/%s/file/%s" % (ATTACHMENT, segment))


@pytest.mark.parametrize("function, args, path, query", [
    ("extract_frame_from_preview", (PREVIEW, 12), "actions/preview-files/%s/extract-frame" % PREVIEW,
     {"frame_number": "12"}),
    ("extract_tile_from_preview", ({"id": PREVIEW},), "actions/preview-files/%s/extract-tile" % PREVIEW, {}),
])
def test_extractions_write_the_picture_or_return_it(kitsu, tmp_path, function, args, path, query):
    kitsu.on("GET", path, body=b"\x89PNG frame")
    target = tmp_path / "frame.png"
    assert getattr(gazu.files, function)(*args, str(target)).status_code == 200
    assert target.read_bytes() == b"\x89PNG frame"
    response = getattr(gazu.files, function)(*args)
    assert response.content == b"\x89PNG frame"
    assert kitsu.sent == [("GET", path, query, None)] * 2
    # both are downloads, as upstream's: Zou answers 202 to this Accept while the picture is being made
    assert [call.request.headers["Accept"] for call in kitsu.mock.calls] == ["application/json, */*;q=0.1"] * 2
    assert [item.name for item in tmp_path.iterdir()] == ["frame.png"]


# Uploads ---------------------------------------------------------------------------


@pytest.mark.parametrize("function, entity, path", [
    ("upload_person_avatar", PERSON, "pictures/thumbnails/persons/" + PERSON),
    ("upload_project_avatar", PROJECT, "pictures/thumbnails/projects/" + PROJECT),
    ("upload_organisation_avatar", ORGANISATION, "pictures/thumbnails/organisations/" + ORGANISATION),
])
def test_avatar_uploads_stream_the_picture(kitsu, tmp_path, function, entity, path):
    picture = tmp_path / "avatar.png"
    picture.write_bytes(b"\x89PNG avatar")
    kitsu.on("POST", path, json={"thumbnail_path": path}, status=201)
    assert getattr(gazu.files, function)({"id": entity}, str(picture)) == {"thumbnail_path": path}
    request = kitsu.mock.calls[0].request
    assert request.method == "POST" and request.url.endswith(path)
    assert b'name="file"; filename="avatar.png"' in body_bytes(request)
    with pytest.raises(InvalidArgumentException, match="^file_path:"):
        getattr(gazu.files, function)(entity, None)
    assert len(kitsu.sent) == 1


def test_frame_number_and_preview_fields_are_sent_as_given(kitsu, tmp_path):
    kitsu.on("GET", "actions/preview-files/%s/extract-frame" % PREVIEW, body=b"PNG")
    kitsu.on("PUT", "data/preview-files/" + PREVIEW, json={"id": PREVIEW})
    gazu.files.extract_frame_from_preview(PREVIEW, "12", str(tmp_path / "frame.png"))
    gazu.files.update_preview(PREVIEW, {"annotations": []})
    assert kitsu.sent == [("GET", "actions/preview-files/%s/extract-frame" % PREVIEW, {"frame_number": "12"}, None),
                          ("PUT", "data/preview-files/" + PREVIEW, {}, {"annotations": []})]
