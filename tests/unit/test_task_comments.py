"""gazu.task: comments, replies, attachments and batches (gazu/_task_comments.py)."""

import json
import os
import re

import pytest

import gazu
from gazu.exception import FileDoesntExistException, InvalidArgumentException
from tests.unit.conftest import body_bytes, new_id

PROJECT, TASK, OTHER_TASK, STATUS, PERSON, COMMENT, REPLY, ATTACHMENT = (new_id() for _ in range(8))
COMMENT_ROUTE = "actions/tasks/%s/comment" % TASK


def multipart(kitsu, index=-1):
    """Return the fields of a sent multipart form: text, or (file name, bytes) for files."""
    request = kitsu.mock.calls[index].request
    boundary = request.headers["Content-Type"].split("boundary=")[1].encode()
    fields = {}
    for part in body_bytes(request).split(b"--" + boundary)[1:-1]:
        head, _, content = part[2:-2].partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]+)"', head).group(1).decode()
        filename = re.search(rb'filename="([^"]+)"', head)
        fields[name] = (filename.group(1).decode(), content) if filename else content.decode()
    return fields


@pytest.fixture
def files(tmp_path):
    paths = []
    for name in ("notes.txt", "ref.png", "take.mp4"):
        (tmp_path / name).write_bytes(b"bytes of " + name.encode())
        paths.append(str(tmp_path / name))
    return paths


# Reads ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("function, args, path, result", [
    ("all_comments_for_task", ({"id": TASK},), "data/tasks/%s/comments" % TASK, [{"id": "b"}, {"id": "a"}]),
    ("get_last_comment_for_task", (TASK,), "data/tasks/%s/comments" % TASK, {"id": "b"}),
    ("all_comments_for_project", (PROJECT,), "data/projects/%s/comments" % PROJECT, [{"id": "b"}, {"id": "a"}]),
    ("get_comment", (COMMENT,), "data/comments/" + COMMENT, [{"id": "b"}, {"id": "a"}]),
])
def test_reads(kitsu, function, args, path, result):
    kitsu.on("GET", path, json=[{"id": "b"}, {"id": "a"}])
    assert getattr(gazu.task, function)(*args) == result
    assert kitsu.sent == [("GET", path, {}, None)]


def test_last_comment_of_a_task_without_comments(kitsu):
    kitsu.on("GET", "data/tasks/%s/comments" % TASK, json=[])
    assert gazu.task.get_last_comment_for_task(TASK) is None


def test_cached_comment_reads_send_one_request(kitsu):
    kitsu.on("GET", "data/tasks/%s/comments" % TASK, json=[{"id": "a"}])
    gazu.cache.enable()
    gazu.task.all_comments_for_task(TASK)
    gazu.task.all_comments_for_task(TASK)
    gazu.task.get_last_comment_for_task(TASK)
    gazu.task.get_last_comment_for_task(TASK)
    assert len(kitsu.sent) == 2


# Writes ----------------------------------------------------------------------------------------

COMMENT_DICT = {"id": COMMENT, "text": "fixed", "checklist": []}
# (function, positional arguments, method, path, JSON body)
WRITES = [
    ("add_comment", (TASK, STATUS), "POST", COMMENT_ROUTE,
     {"task_status_id": STATUS, "comment": "", "checklist": [], "links": [], "for_client": False}),
    ("add_comment", ({"id": TASK}, {"id": STATUS}, "done", {"id": PERSON}, [{"text": "a", "checked": True}], None,
                     "2024-03-01T10:00:00", ["https://example.com"], True), "POST", COMMENT_ROUTE,
     {"task_status_id": STATUS, "comment": "done", "checklist": [{"text": "a", "checked": True}],
      "links": ["https://example.com"], "for_client": True, "person_id": PERSON,
      "created_at": "2024-03-01T10:00:00"}),
    ("update_comment", (COMMENT_DICT,), "PUT", "data/comments/" + COMMENT, COMMENT_DICT),
    ("remove_comment", ({"id": COMMENT},), "DELETE", "data/comments/" + COMMENT, None),
    ("acknowledge_comment", (TASK, COMMENT), "POST", "data/tasks/%s/comments/%s/ack" % (TASK, COMMENT), {}),
    ("reply_to_comment", (TASK, {"id": COMMENT}, "thanks"), "POST",
     "data/tasks/%s/comments/%s/reply" % (TASK, COMMENT), {"text": "thanks"}),
    ("reply_to_comment", (TASK, COMMENT, ""), "POST", "data/tasks/%s/comments/%s/reply" % (TASK, COMMENT),
     {"text": ""}),
    ("reply_to_comment", (TASK, COMMENT, "thanks", PERSON), "POST",
     "data/tasks/%s/comments/%s/reply" % (TASK, COMMENT), {"text": "thanks", "person_id": PERSON}),
    ("delete_comment_reply", (TASK, COMMENT, {"id": REPLY}), "DELETE",
     "data/tasks/%s/comments/%s/reply/%s" % (TASK, COMMENT, REPLY), None),
    ("delete_comment_attachment", (TASK, COMMENT, ATTACHMENT), "DELETE",
     "data/tasks/%s/comments/%s/attachments/%s" % (TASK, COMMENT, ATTACHMENT), None),
    ("move_comment_to_task", (TASK, COMMENT, {"id": OTHER_TASK}), "POST",
     "actions/tasks/%s/comments/%s/move" % (TASK, COMMENT), {"target_task_id": OTHER_TASK}),
    # the comment dict goes as given, as upstream (the server reads "text")
    ("add_tasks_batch_comments", ([TASK, {"id": OTHER_TASK}], {"task_status_id": STATUS, "comment": "ok"}),
     "POST", "actions/tasks/batch-comment",
     {"comments": [{"task_status_id": STATUS, "comment": "ok", "task_id": TASK},
                   {"task_status_id": STATUS, "comment": "ok", "task_id": OTHER_TASK}]}),
    ("add_tasks_batch_comments", ([], {}), "POST", "actions/tasks/batch-comment", {"comments": []}),
    # as the JSON array Zou 1.0.97 reads, each comment as given
    ("create_multiple_comments", ({"id": PROJECT}, [
        {"object_id": TASK, "task_status_id": STATUS, "comment": "a"},
        {"task_id": OTHER_TASK, "task_status_id": STATUS, "links": ["x"]}]),
     "POST", "actions/projects/%s/tasks/comment-many" % PROJECT,
     [{"object_id": TASK, "task_status_id": STATUS, "comment": "a"},
      {"task_id": OTHER_TASK, "task_status_id": STATUS, "links": ["x"]}]),
    ("create_multiple_comments", (PROJECT,), "POST", "actions/projects/%s/tasks/comment-many" % PROJECT, []),
]


@pytest.mark.parametrize("function, args, method, path, body", WRITES)
def test_writes(kitsu, function, args, method, path, body):
    if method == "DELETE":
        kitsu.on(method, path, body="", status=204)
    else:
        kitsu.on(method, path, json=[{"id": COMMENT}], status=201)
    result = getattr(gazu.task, function)(*args)
    assert kitsu.sent == [(method, path, {}, body)]
    assert result == ("" if method == "DELETE" else [{"id": COMMENT}])


def test_add_comment_with_attachments_sends_a_form(kitsu, files):
    kitsu.on("POST", COMMENT_ROUTE, json={"id": COMMENT}, status=201)
    progress = []
    result = gazu.task.add_comment(TASK, STATUS, "see files", checklist=[{"text": "a"}], attachments=files[:2],
                                   progress_callback=lambda sent, total: progress.append((sent, total)))
    assert result == {"id": COMMENT}
    assert kitsu.sent[0][:2] == ("POST", COMMENT_ROUTE)
    # as upstream: the last file is "file", the others "file-1", …; a false for_client is left out (the
    # server reads any text there as true)
    assert multipart(kitsu) == {
        "task_status_id": STATUS, "comment": "see files", "checklist": '[{"text": "a"}]', "links": "[]",
        "file": ("ref.png", b"bytes of ref.png"), "file-1": ("notes.txt", b"bytes of notes.txt")}
    assert progress and progress[-1][0] == progress[-1][1]


def test_add_comment_with_attachments_for_the_client(kitsu, files):
    kitsu.on("POST", COMMENT_ROUTE, json={"id": COMMENT}, status=201)
    gazu.task.add_comment(TASK, STATUS, "see", attachments=[files[0]], for_client=True, links=["https://x.test"])
    form = multipart(kitsu)
    assert form["links"] == '["https://x.test"]' and form["for_client"] == "True"


def test_add_attachment_files_to_comment(kitsu, files):
    path = "actions/tasks/%s/comments/%s/add-attachment" % (TASK, COMMENT)
    kitsu.on("POST", path, json=[{"id": ATTACHMENT}], status=201)
    assert gazu.task.add_attachment_files_to_comment(TASK, {"id": COMMENT}, files[0]) == [{"id": ATTACHMENT}]
    assert multipart(kitsu) == {"file": ("notes.txt", b"bytes of notes.txt")}
    gazu.task.add_attachment_files_to_comment(TASK, COMMENT, files)
    form = multipart(kitsu)
    assert [form[name][0] for name in ("file", "file-1", "file-2")] == [
        os.path.basename(files[2]), os.path.basename(files[0]), os.path.basename(files[1])]


# Batches ----------------------------------------------------------------------------------------


def test_batch_comments_sends_the_comments_as_given_after_their_files(kitsu, files):
    kitsu.on("POST", "actions/tasks/batch-comment", json=[{"id": "c1"}, {"id": "c2"}], status=201)
    comments = [{"task_id": TASK, "task_status_id": STATUS, "text": "one", "attachment_files": [files[0]],
                 "preview_files": [files[2]]},
                {"task_id": OTHER_TASK, "task_status_id": STATUS, "comment": "two", "preview_files": files[1:]}]
    assert gazu.task.batch_comments(comments) == [{"id": "c1"}, {"id": "c2"}]
    form = multipart(kitsu)
    assert list(form) == ["attachment_file-0-0", "preview_file-0-0", "preview_file-1-0", "preview_file-1-1",
                          "comments"]  # upstream's order: each comment's attachments, then its previews
    assert json.loads(form.pop("comments")) == comments  # the dicts as given, local paths included
    assert form == {"attachment_file-0-0": ("notes.txt", b"bytes of notes.txt"),
                    "preview_file-0-0": ("take.mp4", b"bytes of take.mp4"),
                    "preview_file-1-0": ("ref.png", b"bytes of ref.png"),
                    "preview_file-1-1": ("take.mp4", b"bytes of take.mp4")}
    body = body_bytes(kitsu.mock.calls[-1].request)
    assert b'name="comments"\r\nContent-Type: application/json\r\n' in body


def part_headers(kitsu) -> dict:
    """Return each part's header lines of the last multipart form sent, by field name."""
    request = kitsu.mock.calls[-1].request
    boundary = request.headers["Content-Type"].split("boundary=")[1].encode()
    heads = [part[2:].partition(b"\r\n\r\n")[0].decode() for part in body_bytes(request).split(b"--" + boundary)[1:-1]]
    return {re.search(r'name="([^"]+)"', head).group(1): head.split("\r\n") for head in heads}


def test_attachments_carry_their_type_and_previews_none(kitsu, files):
    """Zou stores an attachment's part type as its mimetype (upstream sends none: a deliberate difference);
    a preview part goes as upstream sends it, without one."""
    kitsu.on("POST", "actions/tasks/batch-comment", json=[{"id": "c1"}], status=201)
    gazu.task.batch_comments([{"task_id": TASK, "task_status_id": STATUS, "attachment_files": [files[1]],
                               "preview_files": [files[2]]}])
    heads = part_headers(kitsu)
    assert heads["attachment_file-0-0"] == ['Content-Disposition: form-data; name="attachment_file-0-0"; '
                                            'filename="ref.png"', "Content-Type: image/png"]
    assert heads["preview_file-0-0"] == ['Content-Disposition: form-data; name="preview_file-0-0"; '
                                         'filename="take.mp4"']
    kitsu.on("POST", "actions/tasks/%s/comments/%s/add-attachment" % (TASK, COMMENT), json=[{"id": "a"}])
    gazu.task.add_attachment_files_to_comment(TASK, COMMENT, files[:2])
    assert part_headers(kitsu) == {
        "file-1": ['Content-Disposition: form-data; name="file-1"; filename="notes.txt"', "Content-Type: text/plain"],
        "file": ['Content-Disposition: form-data; name="file"; filename="ref.png"', "Content-Type: image/png"]}


@pytest.mark.parametrize("comments", [None, []])
def test_batch_comments_of_nothing_sends_an_empty_list(kitsu, comments):
    path = "actions/tasks/%s/batch-comment" % TASK
    kitsu.on("POST", path, json=[], status=201)
    assert gazu.task.batch_comments(comments, task={"id": TASK}) == []
    assert multipart(kitsu) == {"comments": "[]"}


def test_batch_comments_on_one_task_without_files(kitsu):
    path = "actions/tasks/%s/batch-comment" % TASK
    kitsu.on("POST", path, json=[{"id": "c"}] * 12, status=201)
    gazu.task.batch_comments([{"task_status_id": STATUS, "text": str(index)} for index in range(12)], task=TASK)
    assert [request[:2] for request in kitsu.sent] == [("POST", path)]
    assert json.loads(multipart(kitsu)["comments"])[11] == {"task_status_id": STATUS, "text": "11"}


def test_batch_comments_with_files_go_ten_at_a_time(kitsu, files):
    # The server matches "preview_file-1" in "preview_file-10-0": past ten comments, send another batch.
    kitsu.on("POST", "actions/tasks/batch-comment", json=[{"id": "c"}], status=201)
    comments = [{"task_id": TASK, "task_status_id": STATUS, "text": str(index), "preview_files": [files[1]]}
                for index in range(11)]
    assert len(gazu.task.batch_comments(comments)) == 2
    assert len(kitsu.sent) == 2
    assert sorted(multipart(kitsu, 0)) == ["comments"] + ["preview_file-%d-0" % index for index in range(10)]
    assert sorted(multipart(kitsu, 1)) == ["comments", "preview_file-0-0"]
    assert json.loads(multipart(kitsu, 1)["comments"])[0]["text"] == "10"


# Bad arguments -------------------------------------------------------------------------------------

BAD_ARGUMENTS = [
    ("all_comments_for_task", ("a/b",), InvalidArgumentException, "task"),
    ("all_comments_for_project", (None,), InvalidArgumentException, "project"),
    ("get_comment", ({},), InvalidArgumentException, "comment_id"),
    ("add_comment", ("a/b", STATUS), InvalidArgumentException, "task"),
    ("add_comment", (TASK, None), InvalidArgumentException, "task_status"),
    ("add_comment", (TASK, STATUS, "", "a/b"), InvalidArgumentException, "person"),
    ("add_comment", (TASK, STATUS, "", None, None, ["/no/such/file.png"]), FileDoesntExistException, "attachments"),
    ("update_comment", (COMMENT,), InvalidArgumentException, "comment"),
    ("remove_comment", ("",), InvalidArgumentException, "comment"),
    ("add_attachment_files_to_comment", (TASK, COMMENT), InvalidArgumentException, "attachments"),
    ("add_attachment_files_to_comment", (TASK, COMMENT, []), InvalidArgumentException, "attachments"),
    ("add_attachment_files_to_comment", (TASK, COMMENT, "/no/file"), FileDoesntExistException, "attachments"),
    ("add_attachment_files_to_comment", ("a/b", COMMENT, __file__), InvalidArgumentException, "task"),
    ("delete_comment_attachment", (TASK, COMMENT, None), InvalidArgumentException, "attachment_file"),
    ("acknowledge_comment", (TASK, "a/b"), InvalidArgumentException, "comment"),
    ("reply_to_comment", (TASK, COMMENT, None), InvalidArgumentException, "text"),
    ("reply_to_comment", (TASK, COMMENT, "hi", "a/b"), InvalidArgumentException, "person"),
    ("delete_comment_reply", (TASK, COMMENT, 42), InvalidArgumentException, "reply"),
    ("move_comment_to_task", (TASK, COMMENT, "a/b"), InvalidArgumentException, "target_task"),
    ("batch_comments", (["text"],), InvalidArgumentException, "comments"),
    ("batch_comments", ([{"text": "a"}], "a/b"), InvalidArgumentException, "task"),
    ("batch_comments", ([{"task_status_id": STATUS, "preview_files": ["/no/file.mp4"]}], TASK),
     FileDoesntExistException,
     "preview_files"),
    ("add_tasks_batch_comments", ([TASK], None), InvalidArgumentException, "comments_data"),
    ("add_tasks_batch_comments", (["a/b"], {"task_status_id": STATUS}), InvalidArgumentException, "tasks"),
    ("create_multiple_comments", ("a/b", [{"object_id": TASK, "task_status_id": STATUS}]),
     InvalidArgumentException, "project"),
]


@pytest.mark.parametrize("function, args, error, name", BAD_ARGUMENTS)
def test_bad_arguments_are_rejected_before_any_request(kitsu, function, args, error, name):
    with pytest.raises(error, match="^%s:" % name):
        getattr(gazu.task, function)(*args)
    assert kitsu.sent == []
