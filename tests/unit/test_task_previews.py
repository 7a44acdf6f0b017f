"""gazu.task: previews of tasks and publishing (gazu/_task_previews.py, gazu.task.publish_preview)."""

import os

import pytest

import gazu
from gazu.exception import FileDoesntExistException, InvalidArgumentException
from tests.unit.conftest import new_id
from tests.unit.surface import Call
from tests.unit.test_task_comments import multipart

PROJECT, TASK, STATUS, COMMENT, PREVIEW, EXTRA, ENTITY = (new_id() for _ in range(7))
ADD_PREVIEW = "actions/tasks/%s/comments/%s/add-preview" % (TASK, COMMENT)
EXTRA_PREVIEW = "actions/tasks/%s/comments/%s/preview-files/%s" % (TASK, COMMENT, PREVIEW)
UPLOAD = "pictures/preview-files/" + PREVIEW
MEDIA_URL = "https://cdn.example.com/renders/shot%20010.png?sig=1"


@pytest.fixture
def picture(tmp_path):
    path = tmp_path / "render.png"
    path.write_bytes(b"\x89PNG render")
    return str(path)


MODULE = "_task_previews"
SET_MAIN = "actions/preview-files/%s/set-main-preview" % PREVIEW
SURFACE = [
    Call("task.all_previews_for_task", ({"id": TASK},), path="data/tasks/%s/previews" % TASK, cached=True,
         bad=(("task", [42]),)),
    Call("task.all_preview_files_for_project", (PROJECT,), path="data/projects/%s/preview-files" % PROJECT,
         cached=True, bad=(("project", [""]),)),
    Call("task.create_preview", (TASK, COMMENT), method="POST", path=ADD_PREVIEW, body={},
         bad=(("comment", ["a/b"]),)),
    Call("task.create_preview", ({"id": TASK}, {"id": COMMENT}, 0), method="POST", path=ADD_PREVIEW,
         body={"revision": 0}),
    Call("task.create_extra_preview", (TASK, COMMENT, {"id": PREVIEW}), method="POST", path=EXTRA_PREVIEW, body={},
         bad=(("preview_file", [{}]),)),
    Call("task.set_main_preview", (PREVIEW,), method="PUT", path=SET_MAIN, body={}, bad=(("preview_file", ["a/b"]),)),
    Call("task.set_main_preview", ({"id": PREVIEW}, 12), method="PUT", path=SET_MAIN, body={"frame_number": 12}),
    Call("task.remove_preview_from_comment", (TASK, COMMENT, PREVIEW), method="DELETE", path=EXTRA_PREVIEW,
         bad=(("task", [None]),)),
    # Tested by hand below; their bad arguments here.
    Call("task.add_preview", ("a/b", COMMENT, __file__), refuses="task"),
    Call("task.add_preview", (TASK, None, __file__), refuses="comment"),
    Call("task.add_extra_preview", (TASK, COMMENT, "a/b", __file__), refuses="preview_file"),
    Call("task.upload_preview_file", (PREVIEW, None), refuses="file_path"),
    Call("task.upload_preview_file", ("a/b", __file__), refuses="preview_file"),
]
HAND_TESTED = {"add_preview", "add_extra_preview", "upload_preview_file"}


@pytest.mark.parametrize("options, query", [
    ({}, {}),
    ({"normalize_movie": False}, {"normalize": "false"}),
    ({"no_job": True}, {"no_job": "true"}),
])
def test_upload_preview_file_streams_the_media(kitsu, picture, options, query):
    kitsu.on("POST", UPLOAD, json={"id": PREVIEW, "extension": "png"}, status=201)
    progress = []
    result = gazu.task.upload_preview_file({"id": PREVIEW}, picture, progress_callback=lambda *a: progress.append(a),
                                           **options)
    assert result == {"id": PREVIEW, "extension": "png"}
    assert kitsu.sent == [("POST", UPLOAD, query, None)]
    assert multipart(kitsu) == {"file": ("render.png", b"\x89PNG render")}
    assert progress


def test_add_preview_creates_then_uploads(kitsu, picture):
    kitsu.on("POST", ADD_PREVIEW, json={"id": PREVIEW, "revision": 2}, status=201)
    kitsu.on("POST", UPLOAD, json={"id": PREVIEW, "revision": 2, "extension": "png"}, status=201)
    result = gazu.task.add_preview(TASK, COMMENT, picture, revision=2, normalize_movie=False)
    assert result["extension"] == "png"
    assert kitsu.sent == [("POST", ADD_PREVIEW, {}, {"revision": 2}), ("POST", UPLOAD, {"normalize": "false"}, None)]


@pytest.fixture
def remote(monkeypatch, tmp_path):
    """Serve MEDIA_URL without a network: record where the preview was downloaded to."""
    monkeypatch.setattr(gazu._api.tempfile, "tempdir", str(tmp_path))
    downloads = []

    def download_file(url, file_path):
        downloads.append((url, file_path))
        with open(file_path, "wb") as handle:
            handle.write(b"\x89PNG remote")
        return file_path
    monkeypatch.setattr(gazu._api, "download_file", download_file)
    return downloads


def test_add_preview_from_a_url_downloads_it_first_and_cleans_up(kitsu, remote, tmp_path):
    kitsu.on("POST", ADD_PREVIEW, json={"id": PREVIEW}, status=201)
    kitsu.on("POST", UPLOAD, json={"id": PREVIEW}, status=201)
    gazu.task.add_preview(TASK, COMMENT, preview_file_url=MEDIA_URL)
    # named as upstream names it: the last segment as written (not unquoted), made a safe file name
    assert [(url, os.path.basename(path)) for url, path in remote] == [
        (MEDIA_URL, gazu.helpers.sanitize_filename("shot%20010.png"))]
    assert [request[1] for request in kitsu.sent] == [ADD_PREVIEW, UPLOAD]
    assert list(tmp_path.iterdir()) == []  # the downloaded copy is gone once sent


def test_a_url_wins_over_a_path_as_upstream(kitsu, remote, picture):
    kitsu.on("POST", ADD_PREVIEW, json={"id": PREVIEW}, status=201)
    kitsu.on("POST", UPLOAD, json={"id": PREVIEW}, status=201)
    gazu.task.add_preview(TASK, COMMENT, preview_file_path=picture, preview_file_url=MEDIA_URL)
    assert [url for url, _path in remote] == [MEDIA_URL]
    assert multipart(kitsu)["file"][1] == b"\x89PNG remote"


def test_add_extra_preview_joins_the_revision_of_a_preview(kitsu, picture):
    upload = "pictures/preview-files/" + EXTRA
    kitsu.on("POST", EXTRA_PREVIEW, json={"id": EXTRA, "revision": 3}, status=201)
    kitsu.on("POST", upload, json={"id": EXTRA, "revision": 3}, status=201)
    assert gazu.task.add_extra_preview(TASK, COMMENT, {"id": PREVIEW}, picture, no_job=True) == {"id": EXTRA,
                                                                                                 "revision": 3}
    assert kitsu.sent == [("POST", EXTRA_PREVIEW, {}, {}), ("POST", upload, {"no_job": "true"}, None)]


@pytest.mark.parametrize("set_thumbnail", [False, True])
def test_publish_preview_comments_adds_the_preview_and_sets_the_thumbnail(kitsu, picture, set_thumbnail):
    kitsu.on("POST", "actions/tasks/%s/comment" % TASK, json={"id": COMMENT}, status=201)
    kitsu.on("POST", ADD_PREVIEW, json={"id": PREVIEW}, status=201)
    kitsu.on("POST", UPLOAD, json={"id": PREVIEW, "extension": "png"}, status=201)
    kitsu.on("PUT", "actions/preview-files/%s/set-main-preview" % PREVIEW, json={"id": ENTITY})
    comment, preview = gazu.task.publish_preview(TASK, STATUS, "v2", preview_file_path=picture,
                                                 set_thumbnail=set_thumbnail)
    assert (comment, preview) == ({"id": COMMENT}, {"id": PREVIEW, "extension": "png"})
    assert kitsu.sent[:3] == [
        ("POST", "actions/tasks/%s/comment" % TASK, {}, {"task_status_id": STATUS, "comment": "v2", "checklist": [],
                                                         "links": [], "for_client": False}),
        ("POST", ADD_PREVIEW, {}, {}), ("POST", UPLOAD, {}, None)]
    assert kitsu.sent[3:] == ([("PUT", "actions/preview-files/%s/set-main-preview" % PREVIEW, {}, {})]
                              if set_thumbnail else [])


def test_downloaded_previews_leave_no_temporary_folder_when_the_upload_fails(kitsu, remote, tmp_path):
    kitsu.on("POST", "actions/tasks/%s/comment" % TASK, json={"id": COMMENT}, status=201)
    kitsu.on("POST", ADD_PREVIEW, json={"id": PREVIEW}, status=201)
    kitsu.on("POST", UPLOAD, json={"message": "broken"}, status=400)
    with pytest.raises(gazu.exception.ParameterException, match="broken"):
        gazu.task.publish_preview(TASK, STATUS, preview_file_url=MEDIA_URL)
    assert len(remote) == 1 and list(tmp_path.iterdir()) == []


# Bad arguments: nothing is created when the source of the preview is missing -------------------------

BAD_ARGUMENTS = [
    ("add_preview", (TASK, COMMENT), InvalidArgumentException, "add_preview requires"),
    ("add_preview", (TASK, COMMENT, "/no/such/render.png"), FileDoesntExistException, "preview_file_path:"),
    ("add_extra_preview", (TASK, COMMENT, PREVIEW), InvalidArgumentException, "add_extra_preview requires"),
    ("publish_preview", (TASK, STATUS), InvalidArgumentException, "publish_preview requires"),
    ("publish_preview", (TASK, STATUS, "", None, None, None, None, "/no/file.mov"), FileDoesntExistException,
     "preview_file_path:"),
    ("publish_preview", (TASK, STATUS, "", "a/b", None, None, None, __file__), InvalidArgumentException,
     "person:"),
    ("upload_preview_file", (PREVIEW, "/no/such/file"), FileDoesntExistException, "file_path:"),
]


@pytest.mark.parametrize("function, args, error, message", BAD_ARGUMENTS)
def test_bad_arguments_are_rejected_before_any_request(kitsu, function, args, error, message):
    with pytest.raises(error, match="^" + message):
        getattr(gazu.task, function)(*args)
    assert kitsu.sent == []
