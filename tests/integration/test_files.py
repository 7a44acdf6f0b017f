"""gazu.files against the sandbox Kitsu: a shot's working files and publishes built from the
project's file tree, an asset instance's outputs in a scene, previews, attachments and avatars.

Everything the tests need besides gazu.files is made with raw calls (gazu.client).
"""

from types import SimpleNamespace

import pytest

import gazu
from gazu.exception import GazuException, ParameterException, RouteNotFoundException
from tests.conftest import unique
from tests.pictures import png

pytestmark = pytest.mark.integration

# get_preview_movie_url and extract_tile_from_preview are also run on a picture here: the URL is built as
# upstream builds it, and the server refuses what it cannot do.
NOT_EXERCISED: dict = {}  # the movie functions run in test_files_movies.py

TREE_TEMPLATE = {
    "mountpoint": "/prod",
    "folder_path": {"shot": "<Project>/<Sequence>/<Shot>/<TaskType>",
                    "asset": "<Project>/<AssetType>/<Asset>/<TaskType>",
                    "instance": "<Project>/<Sequence>/<TemporalEntity>/<Asset>/<OutputType>",
                    "style": "lowercase"},
    "file_name": {"shot": "<Shot>_<TaskType>_<Name>_v<Revision>",
                  "asset": "<Asset>_<TaskType>_<Name>_v<Revision>",
                  "instance": "<TemporalEntity>_<Asset>_<OutputType>_<Name>_v<Revision>",
                  "style": "lowercase"},
}
TREE = {"working": {**TREE_TEMPLATE, "root": "work"}, "output": {**TREE_TEMPLATE, "root": "export"}}


def slug(name):
    """How the file tree renders the names unique() makes."""
    return name.lower().replace("-", "_")


@pytest.fixture
def shot_task(new_project):
    """A project with the test file tree, a shot in a sequence and an animation task on it."""
    post = gazu.client.post
    project = gazu.files.update_project_file_tree(new_project, TREE)
    task_type = post("data/task-types", {"name": unique("anim"), "for_entity": "Shot"})
    sequence = post("data/projects/%s/sequences" % project["id"], {"name": unique("sq")})
    shot = post("data/projects/%s/shots" % project["id"], {"name": unique("sh"), "sequence_id": sequence["id"]})
    task = post("actions/projects/%s/task-types/%s/shots/create-tasks" % (project["id"], task_type["id"]),
                [shot["id"]])[0]
    return SimpleNamespace(project=project, task_type=task_type, sequence=sequence, shot=shot, task=task)


def test_project_file_tree_is_stored(shot_task):
    stored = gazu.client.get("data/projects/%s" % shot_task.project["id"])
    assert stored["file_tree"] == TREE


def test_working_files_of_a_shot_task(shot_task, tmp_path):
    task, shot = shot_task.task, shot_task.shot
    software = gazu.files.new_software(unique("soft"), "sft", ".sft", secondary_extensions=[".sfb"])
    assert gazu.files.new_software(software["name"], "other", ".x")["id"] == software["id"]
    assert gazu.files.get_software(software["id"])["secondary_extensions"] == [".sfb"]
    assert gazu.files.get_software_by_name(software["name"])["id"] == software["id"]
    assert software["id"] in [item["id"] for item in gazu.files.all_softwares()]
    gazu.files.update_software({**software, "version": "2.0"})
    assert gazu.files.get_software(software["id"])["version"] == "2.0"

    folder = "/prod/work/%s/%s/%s/%s" % (slug(shot_task.project["name"]), slug(shot_task.sequence["name"]),
                                         slug(shot["name"]), slug(shot_task.task_type["name"]))
    expected = "%s/%s_%s_main_v001" % (folder, slug(shot["name"]), slug(shot_task.task_type["name"]))
    assert gazu.files.build_working_file_path(task, software=software) == expected
    # as upstream: sep joins the folder (built with "/", the route reads no separator) and the file name
    windows = "%s\\%s_%s_main_v001" % (folder, slug(shot["name"]), slug(shot_task.task_type["name"]))
    assert gazu.files.build_working_file_path(task, sep="\\") == windows

    first = gazu.files.new_working_file(task, software=software, comment="blocking")
    second = gazu.files.new_working_file(task, software=software, comment="spline")
    assert (first["revision"], first["path"]) == (1, expected)
    assert second["revision"] == 2 and second["path"].endswith("_main_v002")
    assert gazu.files.get_working_file(first["id"])["comment"] == "blocking"
    assert {item["id"] for item in gazu.files.get_working_files_for_task(task)} == {first["id"], second["id"]}
    by_entity = gazu.files.get_all_working_files_for_entity(shot, task=task, name="main")
    assert {item["id"] for item in by_entity} == {first["id"], second["id"]}
    assert gazu.files.get_all_working_files_for_entity(shot, name="nothing") == []
    assert gazu.files.get_last_working_files(task)["main"]["id"] == second["id"]
    assert gazu.files.get_last_working_file_revision(task)["revision"] == 2

    gazu.files.update_comment(second, "spline pass")
    assert gazu.files.get_working_file(second["id"])["comment"] == "spline pass"
    before = gazu.files.get_working_file(second["id"])["updated_at"]
    assert gazu.files.update_modification_date(second)["updated_at"] >= before

    source = tmp_path / "shot.sft"
    source.write_bytes(b"scene data " * 1000)
    assert gazu.files.upload_working_file(second, str(source))["id"] == second["id"]
    target = tmp_path / "copy.sft"
    assert gazu.files.download_working_file(second["id"], str(target)).status_code == 200
    assert target.read_bytes() == source.read_bytes()


def test_publishing_output_files_of_a_shot(shot_task):
    project, shot, task_type = shot_task.project, shot_task.shot, shot_task.task_type
    output_type = gazu.files.new_output_type(unique("Cache"), "cch")
    assert gazu.files.new_output_type(output_type["name"], "x")["id"] == output_type["id"]
    assert gazu.files.get_output_type(output_type["id"])["short_name"] == "cch"
    assert gazu.files.get_output_type_by_name(output_type["name"])["id"] == output_type["id"]
    assert output_type["id"] in [item["id"] for item in gazu.files.all_output_types()]
    status = gazu.files.new_file_status(unique("Approved"), "#22d160")
    assert gazu.files.new_file_status(status["name"], "#000000")["color"] == "#22d160"
    assert gazu.files.get_file_status(status["id"])["name"] == status["name"]
    assert gazu.files.get_file_status_by_name(status["name"])["id"] == status["id"]
    working_file = gazu.files.new_working_file(shot_task.task, comment="source")

    assert gazu.files.get_next_entity_output_revision(shot, output_type, task_type) == 1
    assert gazu.files.get_last_entity_output_revision(shot, output_type, task_type) == 0
    folder = "/prod/export/%s/%s/%s/%s" % (slug(project["name"]), slug(shot_task.sequence["name"]),
                                           slug(shot["name"]), slug(task_type["name"]))
    expected = "%s/%s_%s_main_v001" % (folder, slug(shot["name"]), slug(task_type["name"]))
    assert gazu.files.build_entity_output_file_path(shot, output_type, task_type, revision=1) == expected

    published = gazu.files.new_entity_output_file(
        shot, output_type, task_type, "first publish", working_file=working_file, representation="abc",
        file_status_id=status["id"])
    assert (published["revision"], published["path"]) == (1, expected)
    assert published["source_file_id"] == working_file["id"] and published["file_status_id"] == status["id"]
    assert gazu.files.get_next_entity_output_revision(shot, output_type, task_type) == 2
    assert gazu.files.get_last_entity_output_revision(shot, output_type, task_type) == 1

    assert gazu.files.get_output_file(published["id"])["comment"] == "first publish"
    assert gazu.files.get_output_file_by_path(expected)["id"] == published["id"]
    assert gazu.files.get_output_file_by_path("/nowhere") is None
    ids = [item["id"] for item in gazu.files.all_output_files_for_entity(shot, output_type=output_type,
                                                                         representation="abc")]
    assert ids == [published["id"]]
    assert gazu.files.all_output_files_for_entity(shot, representation="exr") == []
    ids = [item["id"] for item in gazu.files.all_output_files_for_project(project, file_status=status)]
    assert ids == [published["id"]]
    last = gazu.files.get_last_output_files_for_entity(shot, task_type=task_type)
    assert [item["id"] for item in last] == [published["id"]]
    assert [item["id"] for item in gazu.files.all_output_types_for_entity(shot)] == [output_type["id"]]

    gazu.files.update_output_file(published, {"comment": "approved publish"})
    assert gazu.files.get_output_file(published["id"])["comment"] == "approved publish"


def test_publishing_output_files_of_an_asset_instance_in_a_scene(shot_task):
    post = gazu.client.post
    project, task_type = shot_task.project, shot_task.task_type
    asset_type = post("data/entity-types", {"name": unique("Prop")})
    asset = post("data/projects/%s/asset-types/%s/assets/new" % (project["id"], asset_type["id"]),
                 {"name": unique("chair"), "description": ""})
    scene = post("data/projects/%s/scenes" % project["id"],
                 {"name": unique("sc"), "sequence_id": shot_task.sequence["id"]})
    instance = post("data/scenes/%s/asset-instances" % scene["id"], {"asset_id": asset["id"]})
    output_type = gazu.files.new_output_type(unique("Geometry"), "geo")

    assert gazu.files.get_next_asset_instance_output_revision(instance, scene, output_type, task_type) == 1
    assert gazu.files.get_last_asset_instance_output_revision(instance, scene, output_type, task_type) == 0
    path = gazu.files.build_asset_instance_output_file_path(instance, scene, output_type, task_type, revision=1)
    assert path == "/prod/export/%s/%s/%s/%s/%s/%s_%s_%s_main_v001" % (
        slug(project["name"]), slug(shot_task.sequence["name"]), slug(scene["name"]), slug(asset["name"]),
        slug(output_type["name"]), slug(scene["name"]), slug(asset["name"]), slug(output_type["name"]))

    published = gazu.files.new_asset_instance_output_file(instance, scene, output_type, task_type, "layout",
                                                          name="main", revision=1)
    assert published["revision"] == 1 and published["asset_instance_id"] == instance["id"]
    assert published["path"].endswith("_main_v001")
    assert gazu.files.get_last_asset_instance_output_revision(instance, scene, output_type, task_type,
                                                              name="main") == 1
    listed = gazu.files.all_output_files_for_asset_instance(instance, temporal_entity=scene)
    assert [item["id"] for item in listed] == [published["id"]]
    last = gazu.files.get_last_output_files_for_asset_instance(instance, scene, output_type=output_type)
    assert [item["id"] for item in last] == [published["id"]]
    assert [item["id"] for item in gazu.files.all_output_types_for_asset_instance(instance, scene)] == [
        output_type["id"]]


@pytest.fixture
def comment(shot_task):
    """A comment on the shot task, posted by the administrator."""
    task = shot_task.task
    return gazu.client.post("actions/tasks/%s/comment" % task["id"],
                            {"task_status_id": task["task_status_id"], "comment": "have a look"})


def test_reviewing_a_picture_preview(shot_task, comment, tmp_path):
    task = shot_task.task
    picture = tmp_path / "frame.png"
    picture.write_bytes(png())
    preview = gazu.client.post("actions/tasks/%s/comments/%s/add-preview" % (task["id"], comment["id"]), {})
    gazu.client.upload("pictures/preview-files/%s" % preview["id"], str(picture))

    ready = gazu.files.wait_for_preview_file(preview, timeout=30, poll_interval=0.5)
    assert ready["status"] == "ready" and ready["extension"] == "png"
    assert gazu.files.get_preview_file(preview["id"])["task_id"] == task["id"]
    assert [item["id"] for item in gazu.files.get_all_preview_files_for_task(task)] == [preview["id"]]
    assert preview["id"] not in [item["id"] for item in gazu.files.get_running_preview_files()]
    url = gazu.files.get_preview_file_url(preview)
    assert url == "pictures/originals/preview-files/%s.png" % preview["id"]

    movie_url = gazu.files.get_preview_movie_url(preview)  # built as upstream builds it, even for a picture
    assert movie_url == "movies/originals/preview-files/%s.png" % preview["id"]
    assert gazu.files.get_preview_lowdef_movie_url(preview) == "movies/low/preview-files/%s.mp4" % preview["id"]
    with pytest.raises(RouteNotFoundException):  # the server has no such movie
        gazu.files.download_preview_movie(preview, str(tmp_path / "movie.mp4"))
    assert not (tmp_path / "movie.mp4").exists()
    with pytest.raises(ParameterException, match="not a movie"):
        gazu.files.extract_tile_from_preview(preview, str(tmp_path / "tile.png"))
    assert not (tmp_path / "tile.png").exists()

    for function in (gazu.files.download_preview_file, gazu.files.download_preview_file_cover,
                     gazu.files.download_preview_file_thumbnail):
        target = tmp_path / ("%s.png" % function.__name__)
        function(preview, str(target))
        assert target.read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "download_preview_file.png").read_bytes() == gazu.client.get_file_data_from_url(url)

    gazu.files.update_preview(preview, {"description": "frame 12"})
    assert gazu.files.get_preview_file(preview["id"])["description"] == "frame 12"
    gazu.files.update_preview_position(preview, 1)
    assert gazu.files.get_preview_file(preview["id"])["position"] == 1
    drawing = {"time": 0, "drawing": {"objects": [{"id": unique("stroke"), "type": "path"}]}}
    gazu.files.update_preview_annotations(preview, additions=[drawing])
    assert gazu.files.get_preview_file(preview["id"])["annotations"][0]["time"] == 0

    gazu.files.remove_preview_file(preview, force=True)
    with pytest.raises(RouteNotFoundException):
        gazu.files.get_preview_file(preview["id"])


def test_comment_and_chat_attachments(shot_task, comment, tmp_path):
    task, shot = shot_task.task, shot_task.shot
    brief = tmp_path / "brief.txt"
    brief.write_bytes(b"make it pop")
    attached = gazu.client.upload("actions/tasks/%s/comments/%s/add-attachment" % (task["id"], comment["id"]),
                                  str(brief))[0]
    assert gazu.files.get_attachment_file(attached["id"])["name"] == "brief.txt"
    assert [item["id"] for item in gazu.files.get_all_attachment_files_for_task(task)] == [attached["id"]]
    by_project = gazu.files.get_all_attachment_files_for_project(shot_task.project)
    assert [item["id"] for item in by_project] == [attached["id"]]
    target = tmp_path / "downloaded.txt"
    gazu.files.download_attachment_file(attached, str(target))
    assert target.read_bytes() == b"make it pop"

    # Only pictures posted in an entity's chat get a thumbnail, when their part says it is a picture
    # (client.upload sends a file without a type, as upstream: the (name, file, type) form gives one).
    picture = tmp_path / "ref.png"
    picture.write_bytes(png(200, 160))
    gazu.client.post("actions/user/chats/%s/join" % shot["id"], {})
    with open(picture, "rb") as handle:
        message = gazu.client.upload("data/entities/%s/chat/messages" % shot["id"], data={"message": "reference"},
                                     files={"file": ("ref.png", handle, "image/png")})
    thumbnail = message["attachment_files"][0]
    url = gazu.files.get_attachment_thumbnail_url(thumbnail)
    assert url == "pictures/thumbnails/attachment-files/%s.png" % thumbnail["id"]
    gazu.files.download_attachment_thumbnail(thumbnail["id"], str(tmp_path / "thumb.png"))
    assert (tmp_path / "thumb.png").read_bytes() == gazu.client.get_file_data_from_url(url)


@pytest.mark.parametrize("kind", ["project", "person", "organisation"])
def test_avatars_round_trip(new_project, tmp_path, kind):
    owner = {"project": lambda: new_project,
             "person": lambda: gazu.client.get_current_user(),
             "organisation": lambda: gazu.client.get("data/organisations")[0]}[kind]()
    picture = tmp_path / "avatar.png"
    picture.write_bytes(png(120, 120))
    upload = getattr(gazu.files, "upload_%s_avatar" % kind)
    download = getattr(gazu.files, "download_%s_avatar" % kind)
    assert set(upload(owner, str(picture))) == {"thumbnail_path"}
    target = tmp_path / "back.png"
    assert download(owner["id"], str(target)).status_code == 200
    assert target.read_bytes().startswith(b"\x89PNG")


def test_legacy_set_project_file_tree_uses_the_named_template(new_project):
    template = gazu.client.post("data/project-templates", {"name": unique("tree"), "file_tree": TREE})
    with pytest.warns(DeprecationWarning, match="update_project_file_tree"):
        gazu.files.set_project_file_tree(new_project, template["name"])
    assert gazu.client.get("data/projects/%s" % new_project["id"])["file_tree"] == TREE
    with pytest.warns(DeprecationWarning), pytest.raises(GazuException, match="no file tree called"):
        gazu.files.set_project_file_tree(new_project, unique("missing"))
