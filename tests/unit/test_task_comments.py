"""gazu.task: comments, replies, attachments and batches (gazu/_task_comments.py)."""

import json
import os
import re

import pytest

import gazu
from gazu.exception import FileDoesntExistException
from tests.unit.conftest import body_bytes, new_id
from tests.unit.surface import Call

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


COMMENT_DICT = {"id": COMMENT, "text": "fixed", "checklist": []}
MODULE = "_task_comments"
SURFACE = [
    Call("task.all_comments_for_task", ({"id": TASK},), path="data/tasks/%s/comments" % TASK, cached=True),
    Call("task.get_last_comment_for_task", (TASK,), path="data/tasks/%s/comments" % TASK, first=True, cached=True),
    Call("task.all_comments_for_project", (PROJECT,), path="data/projects/%s/comments" % PROJECT, cached=True),
    Call("task.get_comment", (COMMENT,), path="data/comments/" + COMMENT),
    Call("task.add_comment", (TASK, STATUS), method="POST", path=COMMENT_ROUTE,
         body={"task_status_id": STATUS, "comment": "", "checklist": [], "links": [], "for_client": False}),
    Call("task.add_comment",
         ({"id": TASK}, {"id": STATUS}, "done", {"id": PERSON}, [{"text": "a", "checked": True}], None,
          "2024-03-01T10:00:00", ["https://example.com"], True),
         method="POST", path=COMMENT_ROUTE,
         body={"task_status_id": STATUS, "comment": "done", "checklist": [{"text": "a", "checked": True}],
               "links": ["https://example.com"], "for_client": True, "person_id": PERSON,
               "created_at": "2024-03-01T10:00:00"}),
    Call("task.update_comment", (COMMENT_DICT,), method="PUT", path="data/comments/" + COMMENT, body=COMMENT_DICT),
    Call("task.remove_comment", ({"id": COMMENT},), method="DELETE", path="data/comments/" + COMMENT),
    Call("task.acknowledge_comment", (TASK, COMMENT), method="POST",
         path="data/tasks/%s/comments/%s/ack" % (TASK, COMMENT), body={}),
    Call("task.reply_to_comment", (TASK, {"id": COMMENT}, "thanks"), method="POST",
         path="data/tasks/%s/comments/%s/reply" % (TASK, COMMENT), body={"text": "thanks"}),
    Call("task.reply_to_comment", (TASK, COMMENT, ""), method="POST",
         path="data/tasks/%s/comments/%s/reply" % (TASK, COMMENT), body={"text": ""}),
    Call("task.reply_to_comment", (TASK, COMMENT, "thanks", PERSON), method="POST",
         path="data/tasks/%s/comments/%s/reply" % (TASK, COMMENT), body={"text": "thanks", "person_id": PERSON}),
    Call("task.delete_comment_reply", (TASK, COMMENT, {"id": REPLY}), method="DELETE",
         path="data/tasks/%s/comments/%s/reply/%s" % (TASK, COMMENT, REPLY)),
    Call("task.delete_comment_attachment", (TASK, COMMENT, ATTACHMENT), method="DELETE",
         path="data/tasks/%s/comments/%s/attachments/%s" % (TASK, COMMENT, ATTACHMENT)),
    Call("task.move_comment_to_task", (TASK, COMMENT, {"id": OTHER_TASK}), method="POST",
         path="actions/tasks/%s/comments/%s/move" % (TASK, COMMENT), body={"target_task_id": OTHER_TASK}),
    Call("task.add_tasks_batch_comments", ([TASK, {"id": OTHER_TASK}], {"task_status_id": STATUS, "comment": "ok"}),
         method="POST", path="actions/tasks/batch-comment",
         body={"comments": [{"task_status_id": STATUS, "comment": "ok", "task_id": TASK},
                            {"task_status_id": STATUS, "comment": "ok", "task_id": OTHER_TASK}]}),
    Call("task.add_tasks_batch_comments", ([], {}), method="POST", path="actions/tasks/batch-comment",
         body={"comments": []}),
    Call("task.create_multiple_comments",
         ({"id": PROJECT}, [{"object_id": TASK, "task_status_id": STATUS, "comment": "a"},
                            {"task_id": OTHER_TASK, "task_status_id": STATUS, "links": ["x"]}]),
         method="POST", path="actions/projects/%s/tasks/comment-many" % PROJECT,
         body=[{"object_id": TASK, "task_status_id": STATUS, "comment": "a"},
               {"task_id": OTHER_TASK, "task_status_id": STATUS, "links": ["x"]}]),
    Call("task.create_multiple_comments", (PROJECT,), method="POST",
         path="actions/projects/%s/tasks/comment-many" % PROJECT, body=[]),
    Call("task.all_comments_for_task", ("a/b",), refuses="task"),
    Call("task.all_comments_for_project", (None,), refuses="project"),
    Call("task.get_comment", ({},), refuses="comment_id"),
    Call("task.add_comment", ("a/b", STATUS), refuses="task"),
    Call("task.add_comment", (TASK, None), refuses="task_status"),
    Call("task.add_comment", (TASK, STATUS, "", "a/b"), refuses="person"),
    Call("task.update_comment", (COMMENT,), refuses="comment"),
    Call("task.remove_comment", ("",), refuses="comment"),
    Call("task.add_attachment_files_to_comment", (TASK, COMMENT), refuses="attachments"),
    Call("task.add_attachment_files_to_comment", (TASK, COMMENT, []), refuses="attachments"),
    Call("task.add_attachment_files_to_comment", ("a/b", COMMENT, __file__), refuses="task"),
    Call("task.delete_comment_attachment", (TASK, COMMENT, None), refuses="attachment_file"),
    Call("task.acknowledge_comment", (TASK, "a/b"), refuses="comment"),
    Call("task.reply_to_comment", (TASK, COMMENT, None), refuses="text"),
    Call("task.reply_to_comment", (TASK, COMMENT, "hi", "a/b"), refuses="person"),
    Call("task.delete_comment_reply", (TASK, COMMENT, 42), refuses="reply"),
    Call("task.move_comment_to_task", (TASK, COMMENT, "a/b"), refuses="target_task"),
    Call("task.batch_comments", (["text"],), refuses="comments"),
    Call("task.batch_comments", ([{"text": "a"}], "a/b"), refuses="task"),
    Call("task.add_tasks_batch_comments", ([TASK], None), refuses="comments_data"),
    Call("task.add_tasks_batch_comments", (["a/b"], {"task_status_id": STATUS}), refuses="tasks"),
    Call("task.create_multiple_comments", ("a/b", [{"object_id": TASK, "task_status_id": STATUS}]), refuses="project"),
]
HAND_TESTED = set()


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


# Files that do not exist: refused before any request, as FileDoesntExistException.
MISSING_FILES = [
    ("add_comment", (TASK, STATUS, "", None, None, ["/no/such/file.png"]), "attachments"),
    ("add_attachment_files_to_comment", (TASK, COMMENT, "/no/file"), "attachments"),
    ("batch_comments", ([{"task_status_id": STATUS, "preview_files": ["/no/file.mp4"]}], TASK), "preview_files"),
]


@pytest.mark.parametrize("function, args, name", MISSING_FILES)
def test_missing_files_are_refused_before_any_request(kitsu, function, args, name):
    with pytest.raises(FileDoesntExistException, match="^%s:" % name):
        getattr(gazu.task, function)(*args)
    assert kitsu.sent == []
