"""The production the upstream-parity tests read: seeded once on the sandbox, with raw calls mostly.

A tv show (episodes, sequences, shots, asset types, assets and their
instances, a casting, a scene, an edit, a concept, tasks of every kind,
comments with status changes, picture and movie previews, attachments,
playlists, working and output files, metadata descriptors, budgets, time
spent, day offs, filters, a notification from an artist) and a feature film
beside it. :func:`seed_production` answers the records by role.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid

import pytest

import gazu
from tests.conftest import unique
from tests.integration.test_files import TREE
from tests.pictures import png
from tests.upstream_oracle import Client

MISSING_ID = "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b"  # a well-formed id no record has


class Production(dict):
    """The seeded records by role: ``p.shot``, ``p["shot"]``."""

    __getattr__ = dict.__getitem__


def _movie(folder: str) -> str:
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is missing: the sandbox installs it when run as root (apt-get install ffmpeg)")
    path = os.path.join(folder, "sh010_v001.mp4")
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=1:size=320x240:rate=24",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-shortest",
                    "-pix_fmt", "yuv420p", "-c:v", "libx264", "-c:a", "aac", path], check=True, timeout=120)
    return path


def seed_production(kitsu, folder: str) -> Production:
    post, put = gazu.client.post, gazu.client.put
    tokens = dict(gazu.client.default_client.tokens)
    p = Production(host=kitsu.host, auth_header=gazu.client.make_auth_header(), tokens=tokens,
                   aclient=Client({"async": True, "host": kitsu.host, "tokens": tokens}))
    p["me"] = gazu.client.get_current_user()
    statuses = {status["short_name"]: status for status in gazu.client.get("data/task-status")}
    p["wfa"], p["wip"], p["todo"], p["done"] = (statuses[short_name] for short_name in ("wfa", "wip", "todo", "done"))

    # Studio: a department, an artist who can log in, a studio, task types, asset types, software...
    p["department"] = gazu.person.new_department(unique("Animation"), "#224466")
    password = "parity-%s" % uuid.uuid4().hex
    name = unique("artist")
    p["artist"] = gazu.person.new_person("Ada", name, name + "@example.com", desktop_login=name,
                                         departments=[p.department], password=password)
    p["studio"] = gazu.client.post("data/studios", {"name": unique("studio"), "color": "#123456"})
    p["organisation"] = gazu.client.get("data/organisations")[0]
    p["shot_task_type"] = post("data/task-types", {"name": unique("Anim"), "short_name": unique("anm")[:12],
                                                   "for_entity": "Shot", "department_id": p.department["id"]})
    task_types = {"Asset": post("data/task-types", {"name": unique("Model"), "for_entity": "Asset"}),
                  "Shot": p.shot_task_type}
    for kind in ("Sequence", "Episode", "Scene", "Edit", "Concept"):
        task_types[kind] = post("data/task-types", {"name": unique(kind + "Layout"), "for_entity": kind})
    p["prop_type"] = post("data/entity-types", {"name": unique("Prop")})
    p["character_type"] = post("data/entity-types", {"name": unique("Character")})
    p["software"] = gazu.files.new_software(unique("soft"), "sft", ".sft", secondary_extensions=[".sfb"])
    p["output_type"] = gazu.files.new_output_type(unique("Cache"), "cch")
    p["file_status"] = gazu.files.new_file_status(unique("Approved"), "#22d160")

    # The project, its team and settings.
    project = p["project"] = post("data/projects", {"name": unique("show"), "production_type": "tvshow"})
    for person in (p.me, p.artist):
        post("data/projects/%s/team" % project["id"], {"person_id": person["id"]})
    for task_type in task_types.values():
        post("data/projects/%s/settings/task-types" % project["id"], {"task_type_id": task_type["id"]})
    for asset_type in (p.prop_type, p.character_type):
        post("data/projects/%s/settings/asset-types" % project["id"], {"asset_type_id": asset_type["id"]})
    for status in statuses.values():
        post("data/projects/%s/settings/task-status" % project["id"], {"task_status_id": status["id"]})
    gazu.files.update_project_file_tree(project, TREE)
    p["project"] = project = gazu.client.get("data/projects/%s" % project["id"])
    p["descriptor"] = gazu.project.add_metadata_descriptor(project, "Difficulty", "Asset", "list", ["easy", "hard"])
    p["shot_descriptor"] = gazu.project.add_metadata_descriptor(project, "Notes", "Shot")
    p["budget"] = gazu.project.create_budget(project, "Season 1", currency="EUR")
    p["budget_entry"] = post("data/projects/%s/budgets/%s/entries" % (project["id"], p.budget["id"]), {
        "department_id": p.department["id"], "start_date": "2026-01-01", "months_duration": 2,
        "daily_salary": 300, "position": "artist", "seniority": "mid"})
    post("data/milestones", {"name": "Animatic", "date": "2026-03-01", "project_id": project["id"]})

    # Breakdown: episodes, sequences, shots, assets, instances, casting, a scene, an edit, a concept.
    p["episode"] = post("data/projects/%s/episodes" % project["id"], {"name": unique("E01")})
    p["other_episode"] = post("data/projects/%s/episodes" % project["id"], {"name": unique("E02")})
    p["sequence"] = post("data/projects/%s/sequences" % project["id"],
                         {"name": unique("SQ01"), "episode_id": p.episode["id"]})
    p["shot"] = gazu.shot.new_shot(project, p.sequence, unique("SH010"), nb_frames=48, frame_in=101, frame_out=148,
                                   description="opening", data={"camera": "wide"})
    p["other_shot"] = gazu.shot.new_shot(project, p.sequence, unique("SH020"))
    p["asset"] = post("data/projects/%s/asset-types/%s/assets/new" % (project["id"], p.prop_type["id"]),
                      {"name": unique("chair"), "description": "a chair", "episode_id": p.episode["id"],
                       "data": {"difficulty": "hard"}})
    p["character"] = post("data/projects/%s/asset-types/%s/assets/new" % (project["id"], p.character_type["id"]),
                          {"name": unique("hero"), "description": "the hero"})
    p["character_unused"] = post("data/projects/%s/asset-types/%s/assets/new"
                                 % (project["id"], p.character_type["id"]), {"name": unique("extra")})
    p["environment"] = post("data/projects/%s/asset-types/%s/assets/new" % (project["id"], p.prop_type["id"]),
                            {"name": unique("kitchen")})
    put("data/projects/%s/entities/%s/casting" % (project["id"], p.shot["id"]),
        [{"asset_id": p.asset["id"], "nb_occurences": 2}, {"asset_id": p.character["id"], "nb_occurences": 1}])
    put("data/projects/%s/entities/%s/casting" % (project["id"], p.environment["id"]),
        [{"asset_id": p.asset["id"], "nb_occurences": 3, "label": "set"}])
    p["asset_instance"] = gazu.asset.new_asset_asset_instance(p.environment, p.asset, "by the table")
    post("data/shots/%s/asset-instances" % p.shot["id"], {"asset_instance_id": p.asset_instance["id"]})
    p["scene"] = post("data/projects/%s/scenes" % project["id"],
                      {"name": unique("SC01"), "sequence_id": p.sequence["id"]})
    p["scene_instance"] = post("data/scenes/%s/asset-instances" % p.scene["id"], {"asset_id": p.asset["id"]})
    post("data/scenes/%s/shots" % p.scene["id"], {"shot_id": p.shot["id"]})
    p["edit"] = post("data/projects/%s/edits" % project["id"], {"name": unique("cut"), "episode_id": p.episode["id"]})
    p["concept"] = gazu.concept.new_concept(project, unique("idea"), "a mood", entity_concept_links=[p.asset])

    # Tasks of every kind, assigned; comments with status changes, previews, attachments, time spent.
    entities = {"Asset": p.asset, "Shot": p.shot, "Sequence": p.sequence, "Episode": p.episode, "Scene": p.scene,
                "Edit": p.edit, "Concept": p.concept}
    tasks = {kind: post("data/tasks", {"project_id": project["id"], "task_type_id": task_types[kind]["id"],
                                       "entity_id": entity["id"], "task_status_id": p.todo["id"], "name": "main"})
             for kind, entity in entities.items()}
    tasks["other_shot"] = post("data/tasks", {"project_id": project["id"], "task_type_id": p.shot_task_type["id"],
                                              "entity_id": p.other_shot["id"], "task_status_id": p.todo["id"]})
    gazu.client.put("actions/persons/%s/assign" % p.artist["id"], {"task_ids": [tasks["Shot"]["id"]]})
    gazu.client.put("actions/persons/%s/assign" % p.me["id"],
                    {"task_ids": [tasks["Shot"]["id"], tasks["Asset"]["id"]]})
    p["asset_task"] = tasks["Asset"]
    p["tasks"] = tasks
    shot_task = tasks["Shot"]
    post("actions/tasks/%s/comment" % shot_task["id"], {"task_status_id": p.wip["id"], "comment": "started"})
    p["comment"] = post("actions/tasks/%s/comment" % shot_task["id"],
                        {"task_status_id": p.wfa["id"], "comment": "first pass, have a look"})
    picture = os.path.join(folder, "frame.png")
    with open(picture, "wb") as handle:
        handle.write(png(64, 48))
    preview = post("actions/tasks/%s/comments/%s/add-preview" % (shot_task["id"], p.comment["id"]), {})
    gazu.client.upload("pictures/preview-files/%s" % preview["id"], picture)
    p["preview"] = gazu.client.get("data/preview-files/%s" % preview["id"])
    brief = os.path.join(folder, "brief.txt")
    with open(brief, "w") as handle:
        handle.write("make it pop")
    p["attachment"] = gazu.client.upload("actions/tasks/%s/comments/%s/add-attachment"
                                         % (shot_task["id"], p.comment["id"]), brief)[0]
    gazu.client.post("actions/user/chats/%s/join" % p.shot["id"], {})
    with open(picture, "rb") as handle:  # with its type: Zou makes thumbnails of pictures it knows as such
        message = gazu.client.upload("data/entities/%s/chat/messages" % p.shot["id"], data={"message": "reference"},
                                     files={"file": ("ref.png", handle, "image/png")})
    p["chat_picture"] = message["attachment_files"][0]
    post("actions/tasks/%s/time-spents/2024-03-12/persons/%s" % (shot_task["id"], p.artist["id"]),
         {"duration": 5400})
    post("actions/tasks/%s/time-spents/2024-03-13/persons/%s" % (shot_task["id"], p.artist["id"]),
         {"duration": 1800})
    post("actions/tasks/%s/time-spents/2024-03-12/persons/%s" % (shot_task["id"], p.me["id"]), {"duration": 3600})
    p["day_off"] = gazu.person.new_day_off(p.artist, "2031-02-03", "2031-02-05", description="Holidays")
    post("data/day-offs", {"person_id": p.me["id"], "date": "2031-02-04", "end_date": "2031-02-04"})
    post("actions/user/tasks/%s/subscribe" % shot_task["id"], {})

    # The artist comments on the administrator's task: a notification for the administrator.
    artist_client = gazu.client.create_client(kitsu.host)
    gazu.log_in(p.artist["email"], password, client=artist_client)
    p["artist_tokens"] = dict(artist_client.tokens)
    artist_client.post("actions/tasks/%s/comment" % shot_task["id"],
                       {"task_status_id": p.wfa["id"], "comment": "done on my side @Ada"})
    notifications = gazu.client.get("data/user/notifications")
    p["notification"] = notifications[0] if notifications else {"id": MISSING_ID}

    # A movie preview, processed by the server's ffmpeg.
    movie_comment = post("actions/tasks/%s/comment" % shot_task["id"],
                         {"task_status_id": p.wfa["id"], "comment": "animation v2"})
    movie = post("actions/tasks/%s/comments/%s/add-preview" % (shot_task["id"], movie_comment["id"]), {})
    gazu.client.upload("pictures/preview-files/%s" % movie["id"], _movie(folder))
    p["movie"] = gazu.files.wait_for_preview_file(movie, timeout=180, poll_interval=0.5)
    p["shot_task"] = gazu.client.get("data/tasks/%s" % shot_task["id"])
    p["full_task"] = gazu.client.get("data/tasks/%s/full" % shot_task["id"])

    # Avatars of the project, the administrator and the studio.
    gazu.files.upload_project_avatar(project, picture)
    gazu.files.upload_person_avatar(p.me, picture)
    gazu.files.upload_organisation_avatar(p.organisation, picture)

    # Files: working files and publishes.
    p["working_file"] = gazu.files.new_working_file(p.shot_task, software=p.software, comment="blocking")
    work = os.path.join(folder, "scene.sft")
    with open(work, "wb") as handle:
        handle.write(b"scene data " * 100)
    gazu.client.upload("data/working-files/%s/file" % p.working_file["id"], work)
    p["output_file"] = gazu.files.new_entity_output_file(
        p.shot, p.output_type, p.shot_task_type, "first publish", working_file=p.working_file,
        representation="abc", file_status_id=p.file_status["id"])
    p["instance_output"] = gazu.files.new_asset_instance_output_file(
        p.scene_instance, p.scene, p.output_type, p.shot_task_type, "layout", name="main", representation="abc")

    # Playlists, a share link, a (failing) movie build.
    p["playlist"] = gazu.playlist.new_playlist(project, unique("dailies"), episode=p.episode)
    put("data/playlists/%s" % p.playlist["id"],
        {"shots": [{"entity_id": p.shot["id"], "preview_file_id": p.movie["id"]}]})
    p["playlist"] = gazu.client.get("data/playlists/%s" % p.playlist["id"])
    gazu.playlist.new_playlist(project, unique("client"))
    try:
        gazu.client.get("data/playlists/%s/build/mp4" % p.playlist["id"])
    except gazu.exception.ServerErrorException:
        pass  # a failed build is a build job all the same
    p["build_job"] = gazu.client.get("data/projects/%s/build-jobs" % project["id"])[0]

    # User settings: filters, a filter group; a project template.
    p["filter_group"] = gazu.user.new_filter_group(unique("group"), project)
    gazu.user.new_filter(unique("filter"), "anim", "todos", project)
    p["template"] = gazu.project_template.new_project_template(unique("template"), fps="25")
    gazu.project_template.add_task_type_to_project_template(p.template, p.shot_task_type)

    # A done task of the artist and the administrator; a shared asset, an asset of no episode.
    gazu.client.put("actions/persons/%s/assign" % p.artist["id"], {"task_ids": [tasks["other_shot"]["id"]]})
    gazu.client.put("actions/persons/%s/assign" % p.me["id"], {"task_ids": [tasks["other_shot"]["id"]]})
    post("actions/tasks/%s/comment" % tasks["other_shot"]["id"], {"task_status_id": p.done["id"], "comment": "ok"})
    post("data/projects/%s/asset-types/%s/assets/new" % (project["id"], p.prop_type["id"]),
         {"name": unique("lamp"), "is_shared": True})

    # A feature film next to the tv show: no episodes, so other web addresses and listings.
    film = p["film"] = post("data/projects", {"name": unique("film"), "production_type": "featurefilm"})
    post("data/projects/%s/team" % film["id"], {"person_id": p.me["id"]})
    gazu.files.update_project_file_tree(film, TREE)
    for task_type in (p.shot_task_type, task_types["Asset"], task_types["Edit"]):
        post("data/projects/%s/settings/task-types" % film["id"], {"task_type_id": task_type["id"]})
    p["film_sequence"] = post("data/projects/%s/sequences" % film["id"], {"name": unique("SQ01")})
    p["film_shot"] = post("data/projects/%s/shots" % film["id"],
                          {"name": unique("SH010"), "sequence_id": p.film_sequence["id"]})
    p["film_asset"] = post("data/projects/%s/asset-types/%s/assets/new" % (film["id"], p.prop_type["id"]),
                           {"name": unique("cup")})
    p["film_edit"] = post("data/projects/%s/edits" % film["id"], {"name": unique("cut")})
    p["film_task"] = post("data/tasks", {"project_id": film["id"], "task_type_id": p.shot_task_type["id"],
                                         "entity_id": p.film_shot["id"], "task_status_id": p.todo["id"]})
    p["film_asset_task"] = post("data/tasks", {"project_id": film["id"], "task_type_id": task_types["Asset"]["id"],
                                               "entity_id": p.film_asset["id"], "task_status_id": p.todo["id"]})
    return p
