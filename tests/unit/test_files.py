"""gazu.files: working files, output files, path building, output types, softwares, file statuses, file trees.

Previews, attachments and avatars are in test_files_media.py.
"""

import warnings

import pytest

import gazu
from gazu.exception import GazuException, InvalidArgumentException, UnexpectedResponseException
from tests.unit.conftest import body_bytes, new_id
from tests.unit.surface import Call

TASK, ENTITY, INSTANCE, SHOT, PROJECT = new_id(), new_id(), new_id(), new_id(), new_id()
OUTPUT_TYPE, TASK_TYPE, SOFTWARE, PERSON, WORKING_FILE, STATUS = (new_id() for _ in range(6))
ID = new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}]
FILTERS = {"output_type": {"id": OUTPUT_TYPE}, "task_type": TASK_TYPE, "name": "main",
           "representation": "abc", "file_status": STATUS}
FILTER_QUERY = {"output_type_id": OUTPUT_TYPE, "task_type_id": TASK_TYPE, "name": "main",
                "representation": "abc", "file_status_id": STATUS}
INSTANCE_PATH = "data/asset-instances/%s/entities/%s/" % (INSTANCE, SHOT)

TREE = {"working": {"mountpoint": "/prod", "root": "", "folder_path": {}, "file_name": {}}}
SURFACE = [
    Call("files.get_working_file", (ID,), path="data/working-files/" + ID, cached=True),
    Call("files.get_working_files_for_task", ({"id": TASK},), path="data/tasks/%s/working-files" % TASK, cached=True),
    Call("files.get_all_working_files_for_entity", (ENTITY,), path="data/entities/%s/working-files" % ENTITY,
         cached=True),
    Call("files.get_all_working_files_for_entity", (ENTITY,), {"task": {"id": TASK}, "name": "main"},
         path="data/entities/%s/working-files" % ENTITY, query={"task_id": TASK, "name": "main"}, cached=True),
    Call("files.get_last_working_files", (TASK,), path="data/tasks/%s/working-files/last-revisions" % TASK,
         cached=True),
    Call("files.get_output_file", (ID,), path="data/output-files/" + ID, cached=True),
    Call("files.all_output_files_for_entity", (ENTITY,), path="data/entities/%s/output-files" % ENTITY),
    Call("files.all_output_files_for_entity", (ENTITY,), FILTERS, path="data/entities/%s/output-files" % ENTITY,
         query=FILTER_QUERY),
    Call("files.all_output_files_for_project", ({"id": PROJECT},), FILTERS,
         path="data/projects/%s/output-files" % PROJECT, query=FILTER_QUERY),
    Call("files.all_output_files_for_asset_instance", (INSTANCE,), {"temporal_entity": SHOT, **FILTERS},
         path="data/asset-instances/%s/output-files" % INSTANCE, query={"temporal_entity_id": SHOT, **FILTER_QUERY},
         cached=True),
    Call("files.get_last_output_files_for_entity", (ENTITY,), FILTERS,
         path="data/entities/%s/output-files/last-revisions" % ENTITY, query=FILTER_QUERY, cached=True),
    Call("files.get_last_output_files_for_asset_instance", (INSTANCE, {"id": SHOT}),
         path=INSTANCE_PATH + "output-files/last-revisions", cached=True),
    Call("files.get_last_output_files_for_asset_instance", (INSTANCE, SHOT), FILTERS,
         path=INSTANCE_PATH + "output-files/last-revisions", query=FILTER_QUERY, cached=True),
    Call("files.all_output_types", (), path="data/output-types", cached=True),
    Call("files.all_output_types_for_entity", (ENTITY,), path="data/entities/%s/output-types" % ENTITY, cached=True),
    Call("files.all_output_types_for_asset_instance", ({"id": INSTANCE}, {"id": SHOT}),
         path=INSTANCE_PATH + "output-types", cached=True),
    Call("files.get_output_type", (ID,), path="data/output-types/" + ID, cached=True),
    Call("files.all_softwares", (), path="data/softwares", cached=True),
    Call("files.get_software", (ID,), path="data/softwares/" + ID, cached=True),
    Call("files.get_file_status", (ID,), path="data/file-status/" + ID, cached=True),
    Call("files.get_output_file_by_path", ("/prod/a.abc",), path="data/output-files", query={"path": "/prod/a.abc"},
         first=True, cached=True),
    Call("files.get_output_type_by_name", ("Cache",), path="data/output-types", query={"name": "Cache"}, first=True,
         cached=True),
    Call("files.get_software_by_name", ("Blender",), path="data/softwares", query={"name": "Blender"}, first=True,
         cached=True),
    Call("files.get_file_status_by_name", ("To review",), path="data/file-status", query={"name": "To review"},
         first=True, cached=True),
    Call("files.get_working_file", ("a/b",), refuses="working_file_id"),
    Call("files.get_working_files_for_task", (None,), refuses="task"),
    Call("files.get_all_working_files_for_entity", (ENTITY, "a/b"), refuses="task"),
    Call("files.get_last_working_file_revision", ({"name": "x"},), refuses="task"),
    Call("files.build_working_file_path", (TASK, "main", "working", 42), refuses="software"),
    Call("files.new_working_file", ("",), refuses="task"),
    Call("files.new_working_file", (TASK,), {"person": "bob/x"}, refuses="person"),
    Call("files.update_modification_date", (42,), refuses="working_file"),
    Call("files.upload_working_file", (None, "/tmp/x"), refuses="working_file"),
    Call("files.upload_working_file", (WORKING_FILE, None), refuses="file_path"),
    Call("files.all_output_files_for_entity", (ENTITY, "a/b"), refuses="output_type"),
    Call("files.all_output_files_for_project", (PROJECT,), {"file_status": {"name": "x"}}, refuses="file_status"),
    Call("files.all_output_files_for_asset_instance", (INSTANCE, "a/b"), refuses="temporal_entity"),
    Call("files.get_last_output_files_for_asset_instance", (INSTANCE, None), refuses="temporal_entity"),
    Call("files.get_next_entity_output_revision", (ENTITY, None, TASK_TYPE), refuses="output_type"),
    Call("files.get_last_asset_instance_output_revision", (INSTANCE, SHOT, OUTPUT_TYPE, ""), refuses="task_type"),
    Call("files.build_entity_output_file_path", ("a/b", OUTPUT_TYPE, TASK_TYPE), refuses="entity"),
    Call("files.new_entity_output_file", (ENTITY, OUTPUT_TYPE, TASK_TYPE, "c"), {"working_file": 1},
         refuses="working_file"),
    Call("files.new_asset_instance_output_file", (INSTANCE, SHOT, OUTPUT_TYPE, TASK_TYPE, "c"),
         {"file_status_id": "x#"}, refuses="file_status_id"),
    Call("files.all_output_types_for_asset_instance", ({"id": None}, SHOT), refuses="asset_instance"),
    Call("files.get_output_type", ("",), refuses="output_type_id"),
    Call("files.new_output_type", (None, "c"), refuses="name"),
    Call("files.get_software", (None,), refuses="software_id"),
    Call("files.new_software", (None, "bl", ".bl"), refuses="name"),
    Call("files.get_file_status", ("x#",), refuses="status_id"),
    Call("files.new_file_status", (None, "#fff"), refuses="name"),
    Call("files.update_project_file_tree", (None, TREE), refuses="project"),
]
HAND_TESTED = {"build_asset_instance_output_file_path", "download_working_file", "get_last_entity_output_revision",
               "get_next_asset_instance_output_revision", "set_project_file_tree", "update_comment",
               "update_output_file", "update_software"}


@pytest.mark.parametrize("row", [row for row in SURFACE if row.first], ids=lambda row: row.function)
def test_lookups_by_name_send_an_empty_name_as_upstream(kitsu, row):
    kitsu.on("GET", row.path, json=[{"id": ID}])
    (key,) = row.query
    assert row.callable("") == {"id": ID}
    assert kitsu.sent == [("GET", row.path, {key: ""}, None)]
    with pytest.raises(InvalidArgumentException):
        row.callable(None)


# Working files ---------------------------------------------------------------------


def test_get_last_working_file_revision_picks_the_name(kitsu):
    path = "data/tasks/%s/working-files/last-revisions" % TASK
    kitsu.on("GET", path, json={"main": {"revision": 3}, "rig": {"revision": 1}})
    assert gazu.files.get_last_working_file_revision(TASK) == {"revision": 3}
    assert gazu.files.get_last_working_file_revision({"id": TASK}, name="rig") == {"revision": 1}
    assert gazu.files.get_last_working_file_revision(TASK, name="nope") is None
    assert kitsu.last == ("GET", path, {}, None)


def test_get_last_working_file_revision_is_cached(kitsu):
    kitsu.on("GET", "data/tasks/%s/working-files/last-revisions" % TASK, json={"main": {"revision": 3}})
    gazu.cache.enable()
    gazu.files.get_last_working_file_revision(TASK)
    gazu.files.get_last_working_file_revision(TASK)
    assert len(kitsu.sent) == 1


@pytest.mark.parametrize("kwargs, body", [
    ({}, {"mode": "working", "name": "main", "revision": 1, "separator": "/"}),
    ({"name": "rig", "mode": "blocking", "software": {"id": SOFTWARE}, "revision": 4},
     {"mode": "blocking", "name": "rig", "revision": 4, "separator": "/", "software_id": SOFTWARE}),
])
def test_build_working_file_path(kitsu, kwargs, body):
    path = "data/tasks/%s/working-file-path" % TASK
    kitsu.on("POST", path, json={"path": "/prod/shots/sh01/anim", "name": "sh01_anim_v001"})
    assert gazu.files.build_working_file_path(TASK, **kwargs) == "/prod/shots/sh01/anim/sh01_anim_v001"
    assert kitsu.sent == [("POST", path, {}, body)]


def test_build_working_file_path_joins_the_name_with_sep_as_upstream(kitsu):
    """The route reads ``sep``, which upstream does not send: the server builds the folder with "/"."""
    kitsu.on("POST", "data/tasks/%s/working-file-path" % TASK, json={"path": "/prod/sh01", "name": "sh01"})
    assert gazu.files.build_working_file_path(TASK, sep="\\") == "/prod/sh01\\sh01"
    assert kitsu.last[3] == {"mode": "working", "name": "main", "revision": 1, "separator": "\\"}
    assert gazu.files.build_working_file_path(TASK, name="n", sep="") == "/prod/sh01sh01"


def test_build_working_file_path_is_cached_and_reports_a_strange_answer(kitsu):
    kitsu.on("POST", "data/tasks/%s/working-file-path" % TASK, json={"path": "/p", "name": "n"})
    gazu.cache.enable()
    gazu.files.build_working_file_path(TASK)
    gazu.files.build_working_file_path(TASK)
    assert len(kitsu.sent) == 1
    kitsu.on("POST", "data/tasks/%s/working-file-path" % TASK, json={"message": "?"})
    with pytest.raises(UnexpectedResponseException, match="path builder"):
        gazu.files.build_working_file_path(TASK, name="other")


@pytest.mark.parametrize("kwargs, extra", [
    ({}, {}),
    ({"software": SOFTWARE, "person": {"id": PERSON}, "sep": "\\"},  # sep is not sent, as upstream
     {"software_id": SOFTWARE, "person_id": PERSON}),
])
def test_new_working_file(kitsu, kwargs, extra):
    path = "data/tasks/%s/working-files/new" % TASK
    kitsu.on("POST", path, json={"id": WORKING_FILE}, status=201)
    assert gazu.files.new_working_file({"id": TASK}, comment="first", **kwargs) == {"id": WORKING_FILE}
    body = {"name": "main", "mode": "working", "comment": "first", "revision": 0, "task_id": TASK, **extra}
    assert kitsu.sent == [("POST", path, {}, body)]


def test_update_comment_and_modification_date(kitsu):
    comment_path = "actions/working-files/%s/comment" % WORKING_FILE
    modified_path = "actions/working-files/%s/modified" % WORKING_FILE
    kitsu.on("PUT", comment_path, json={"comment": "fixed"})
    kitsu.on("PUT", modified_path, json={"id": WORKING_FILE})
    assert gazu.files.update_comment({"id": WORKING_FILE}, "fixed") == {"comment": "fixed"}
    assert gazu.files.update_modification_date(WORKING_FILE) == {"id": WORKING_FILE}
    assert kitsu.sent == [("PUT", comment_path, {}, {"comment": "fixed"}), ("PUT", modified_path, {}, {})]
    gazu.files.update_comment(WORKING_FILE, "")  # sent as given: the server judges
    assert kitsu.last == ("PUT", comment_path, {}, {"comment": ""})


def test_upload_working_file_streams_the_file(kitsu, tmp_path):
    source = tmp_path / "scene.blend"
    source.write_bytes(b"BLENDER" * 100)
    path = "data/working-files/%s/file" % WORKING_FILE
    kitsu.on("POST", path, json={"id": WORKING_FILE}, status=201)
    progress = []
    result = gazu.files.upload_working_file(WORKING_FILE, str(source), progress_callback=lambda *a: progress.append(a))
    assert result == {"id": WORKING_FILE}
    request = kitsu.mock.calls[0].request
    body = body_bytes(request)
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    assert b'name="file"; filename="scene.blend"' in body and b"BLENDER" * 100 in body
    assert progress and progress[-1][0] == progress[-1][1]


@pytest.mark.parametrize("given, stored", [(True, "/prod/ignored.blend"), (False, None)])
def test_download_working_file(kitsu, tmp_path, given, stored):
    target = tmp_path / "scene.blend"
    kitsu.on("GET", "data/working-files/" + WORKING_FILE, json={"id": WORKING_FILE, "path": stored or str(target)})
    kitsu.on("GET", "data/working-files/%s/file" % WORKING_FILE, body=b"content")
    response = gazu.files.download_working_file(WORKING_FILE, str(target) if given else None)
    assert response.status_code == 200 and target.read_bytes() == b"content"
    reads = [("GET", "data/working-files/%s/file" % WORKING_FILE)]  # with a path given, upstream reads only that
    assert [(method, path) for method, path, _, _ in kitsu.sent] == (
        reads if given else [("GET", "data/working-files/" + WORKING_FILE)] + reads)


def test_download_working_file_without_any_path_fails_clearly(kitsu):
    kitsu.on("GET", "data/working-files/" + WORKING_FILE, json={"id": WORKING_FILE, "path": ""})
    with pytest.raises(InvalidArgumentException, match="file_path: not given"):
        gazu.files.download_working_file(WORKING_FILE)
    with pytest.raises(InvalidArgumentException, match="file_path"):
        gazu.files.download_working_file(WORKING_FILE, 42)
    assert len(kitsu.sent) == 1


# Output files ----------------------------------------------------------------------


def test_update_output_file(kitsu):
    kitsu.on("PUT", "data/output-files/" + ID, json={"id": ID, "comment": "v2"})
    assert gazu.files.update_output_file({"id": ID}, {"comment": "v2"}) == {"id": ID, "comment": "v2"}
    assert kitsu.sent == [("PUT", "data/output-files/" + ID, {}, {"comment": "v2"})]


REVISION_BODY = {"name": "main", "output_type_id": OUTPUT_TYPE, "task_type_id": TASK_TYPE}


@pytest.mark.parametrize("function, args, path, name, answer", [
    ("get_next_entity_output_revision", (ENTITY,), "data/entities/%s/output-files/next-revision" % ENTITY,
     "main", 4),
    ("get_last_entity_output_revision", (ENTITY,), "data/entities/%s/output-files/next-revision" % ENTITY,
     "main", 3),
    ("get_next_asset_instance_output_revision", (INSTANCE, SHOT), INSTANCE_PATH + "output-files/next-revision",
     "master", 4),
    ("get_last_asset_instance_output_revision", ({"id": INSTANCE}, SHOT),
     INSTANCE_PATH + "output-files/next-revision", "master", 3),
])
def test_output_revisions(kitsu, function, args, path, name, answer):
    kitsu.on("POST", path, json={"next_revision": 4})
    assert getattr(gazu.files, function)(*args, {"id": OUTPUT_TYPE}, TASK_TYPE) == answer
    assert kitsu.sent == [("POST", path, {}, {**REVISION_BODY, "name": name})]


def test_last_output_revision_is_zero_before_the_first(kitsu):
    kitsu.on("POST", "data/entities/%s/output-files/next-revision" % ENTITY, json={"next_revision": 1})
    assert gazu.files.get_last_entity_output_revision(ENTITY, OUTPUT_TYPE, TASK_TYPE, name="rig") == 0
    assert kitsu.last[3]["name"] == "rig"


OUTPUT_PATH_BODY = {**REVISION_BODY, "mode": "output", "representation": "", "revision": 0, "nb_elements": 1,
                    "separator": "/"}


@pytest.mark.parametrize("function, args, path", [
    ("build_entity_output_file_path", (ENTITY,), "data/entities/%s/output-file-path" % ENTITY),
    ("build_asset_instance_output_file_path", (INSTANCE, {"id": SHOT}), INSTANCE_PATH + "output-file-path"),
])
def test_build_output_file_paths(kitsu, function, args, path):
    kitsu.on("POST", path, json={"folder_path": "/prod/export/sh01", "file_name": "sh01_cache_v001"})
    build = getattr(gazu.files, function)
    assert build(*args, OUTPUT_TYPE, {"id": TASK_TYPE}) == "/prod/export/sh01/sh01_cache_v001"
    assert kitsu.sent == [("POST", path, {}, OUTPUT_PATH_BODY)]
    build(*args, OUTPUT_TYPE, TASK_TYPE, name="fx", representation="abc", revision=2, nb_elements=10, sep="\\")
    assert kitsu.last[3] == {**OUTPUT_PATH_BODY, "name": "fx", "representation": "abc", "revision": 2,
                             "nb_elements": 10, "separator": "\\"}
    gazu.cache.enable()
    build(*args, OUTPUT_TYPE, TASK_TYPE)
    build(*args, OUTPUT_TYPE, TASK_TYPE)
    assert len(kitsu.sent) == 3


NEW_OUTPUT_BODY = {**REVISION_BODY, "comment": "publish", "revision": 0, "nb_elements": 1, "representation": "",
                   "sep": "/"}


@pytest.mark.parametrize("function, args, path, name", [
    ("new_entity_output_file", (ENTITY,), "data/entities/%s/output-files/new" % ENTITY, "main"),
    ("new_asset_instance_output_file", (INSTANCE, SHOT), INSTANCE_PATH + "output-files/new", "master"),
])
def test_new_output_files(kitsu, function, args, path, name):
    kitsu.on("POST", path, json={"id": ID, "path": "/prod/a"}, status=201)
    create = getattr(gazu.files, function)
    assert create(*args, OUTPUT_TYPE, TASK_TYPE, "publish") == {"id": ID, "path": "/prod/a"}
    assert kitsu.sent == [("POST", path, {}, {**NEW_OUTPUT_BODY, "name": name})]
    create(*args, OUTPUT_TYPE, TASK_TYPE, "publish", working_file={"id": WORKING_FILE}, person=PERSON,
           revision=3, nb_elements=24, representation="exr", file_status_id=STATUS)
    assert kitsu.last[3] == {**NEW_OUTPUT_BODY, "name": name, "revision": 3, "nb_elements": 24,
                             "representation": "exr", "working_file_id": WORKING_FILE, "person_id": PERSON,
                             "file_status_id": STATUS}


# Create-if-missing -----------------------------------------------------------------


@pytest.mark.parametrize("function, args, path, body", [
    ("new_output_type", ("Cache", "cch"), "data/output-types", {"name": "Cache", "short_name": "cch"}),
    ("new_software", ("Blender", "bl", ".blend"), "data/softwares",
     {"name": "Blender", "short_name": "bl", "file_extension": ".blend"}),
    ("new_file_status", ("Approved", "#00ff00"), "data/file-status", {"name": "Approved", "color": "#00ff00"}),
])
def test_creators_return_the_existing_one_or_create_it(kitsu, function, args, path, body):
    kitsu.on("GET", path, json=[{"id": ID, "name": args[0]}])
    kitsu.on("GET", path, json=[])
    kitsu.on("POST", path, json={"id": "new", **body}, status=201)
    create = getattr(gazu.files, function)
    assert create(*args) == {"id": ID, "name": args[0]}
    assert kitsu.sent == [("GET", path, {"name": args[0]}, None)]
    assert create(*args) == {"id": "new", **body}
    assert kitsu.sent[1:] == [("GET", path, {"name": args[0]}, None), ("POST", path, {}, body)]


@pytest.mark.parametrize("function, args, path, body", [
    ("new_output_type", ("", ""), "data/output-types", {"name": "", "short_name": ""}),
    ("new_software", ("", "", ""), "data/softwares", {"name": "", "short_name": "", "file_extension": ""}),
    ("new_file_status", ("", ""), "data/file-status", {"name": "", "color": ""}),
])
def test_creations_send_their_values_as_given(kitsu, function, args, path, body):
    kitsu.on("GET", path, json=[])
    kitsu.on("POST", path, json={"id": ID})
    assert getattr(gazu.files, function)(*args) == {"id": ID}
    assert kitsu.sent == [("GET", path, {"name": ""}, None), ("POST", path, {}, body)]


def test_new_software_sends_secondary_extensions(kitsu):
    kitsu.on("GET", "data/softwares", json=[])
    kitsu.on("POST", "data/softwares", json={"id": ID}, status=201)
    gazu.files.new_software("Maya", "ma", ".ma", secondary_extensions=[".mb"])
    assert kitsu.last[3] == {"name": "Maya", "short_name": "ma", "file_extension": ".ma",
                             "secondary_extensions": [".mb"]}


def test_update_software_sends_the_whole_dict(kitsu):
    software = {"id": SOFTWARE, "name": "Blender", "version": "4.2"}
    kitsu.on("PUT", "data/softwares/" + SOFTWARE, json=software)
    assert gazu.files.update_software(software) == software
    assert kitsu.sent == [("PUT", "data/softwares/" + SOFTWARE, {}, software)]
    with pytest.raises(InvalidArgumentException, match="^software:"):
        gazu.files.update_software(SOFTWARE)


# File trees ------------------------------------------------------------------------



def test_update_project_file_tree(kitsu):
    kitsu.on("PUT", "data/projects/" + PROJECT, json={"id": PROJECT, "file_tree": TREE})
    assert gazu.files.update_project_file_tree({"id": PROJECT}, TREE)["file_tree"] == TREE
    assert kitsu.sent == [("PUT", "data/projects/" + PROJECT, {}, {"file_tree": TREE})]


def test_set_project_file_tree_warns_and_sets_the_tree_of_the_named_template(kitsu):
    kitsu.on("GET", "data/project-templates", json=[{"id": ID, "name": "simple", "file_tree": TREE}])
    kitsu.on("PUT", "data/projects/" + PROJECT, json={"id": PROJECT, "file_tree": TREE})
    with pytest.warns(DeprecationWarning, match="update_project_file_tree") as caught:
        assert gazu.files.set_project_file_tree(PROJECT, "simple") == {"id": PROJECT, "file_tree": TREE}
    assert caught[0].filename == __file__
    assert kitsu.sent == [("GET", "data/project-templates", {"name": "simple"}, None),
                          ("PUT", "data/projects/" + PROJECT, {}, {"file_tree": TREE})]


def test_set_project_file_tree_accepts_the_tree_itself(kitsu):
    kitsu.on("PUT", "data/projects/" + PROJECT, json={"id": PROJECT})
    with pytest.warns(DeprecationWarning):
        gazu.files.set_project_file_tree({"id": PROJECT}, TREE)
    assert kitsu.sent == [("PUT", "data/projects/" + PROJECT, {}, {"file_tree": TREE})]


@pytest.mark.parametrize("templates", [[], [{"id": ID, "name": "default", "file_tree": {}}]])
def test_set_project_file_tree_explains_an_unknown_name(kitsu, templates):
    kitsu.on("GET", "data/project-templates", json=templates)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(GazuException, match="no file tree called 'default'.*update_project_file_tree"):
            gazu.files.set_project_file_tree(PROJECT, "default")
        with pytest.raises(InvalidArgumentException, match="^project:"):
            gazu.files.set_project_file_tree("a/b", "default")
    assert len(kitsu.sent) == 1


def test_deprecated_is_imported_at_the_first_call_only():
    import subprocess
    import sys
    code = ("import sys, warnings, gazu\n"
            "assert 'deprecated' not in sys.modules\n"
            "warnings.simplefilter('ignore')\n"
            "try:\n    gazu.files.set_project_file_tree('a/b', 'default')\n"
            "except gazu.exception.InvalidArgumentException:\n    pass\n"
            "assert 'deprecated' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
