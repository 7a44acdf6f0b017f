"""Same answers as upstream gazu 1.3.1 on a real Kitsu: every read function, both packages, field by field.

A production is seeded once on the sandbox (a tv show with episodes,
sequences, shots, asset types, assets and their instances, a casting, a
scene, an edit, a concept, tasks of every kind, comments with status
changes, picture and movie previews, playlists, working and output files,
persons, a department, metadata descriptors, time spent, day offs, budgets,
filters, a notification, …). Then each read function is called with the same
arguments through our package and through upstream gazu 1.3.1 itself
(tests/upstream_oracle.py: upstream in its own virtual environment, logged in
with the same tokens), and the answers are compared field by field, types
included: dict keys, value types (``int`` is not ``float``, ``tuple`` is not
``list``), list lengths and order, exception types, the files written; and
ours must send no request (method, path, query) that upstream does not.

Read functions are those whose requests in upstream's wire contract
(``gazu-1.3.1-wire.json``) are all GETs, or that send none, less the
create-if-missing, local-setting and push functions among them; plus the
path builders and revision counters that POST without storing anything.
:data:`READ_FUNCTIONS` lists them; each is compared, or named in
:data:`NOT_COMPARED` with the reason. Both dicts and id strings are passed
where a function takes either, and made-up ids and names where upstream
answers them.

Where upstream is knowingly left behind (it returns an error body as data,
crashes with a bare ``KeyError``/``TypeError``/``JSONDecodeError``, hangs or
loses data), :data:`KNOWN_DIFFERENCES` says why; every other difference is a
failure. :data:`BEING_FIXED` marks the differences found and not fixed yet as
strict xfails, so a fix shows up as an XPASS to remove from the list.
"""

from __future__ import annotations

import datetime
import inspect
import os
from dataclasses import dataclass
from typing import Callable

import pytest

import gazu
from gazu.sandbox.pytest_plugin import logged_in_admin
from tests.integration.parity_production import MISSING_ID, Production, seed_production
from tests.upstream_oracle import (
    SUMMARY,
    Client,
    OracleUnavailable,
    Response,
    Tmp,
    UpstreamOracle,
    call_ours,
    compare_outcomes,
    encode_args,
    explain,
    requests_not_sent_by_upstream,
)

pytestmark = pytest.mark.integration

# The functions of upstream's modules whose requests are all GETs (or none), by the wire contract,
# less those that write something anyway (create-if-missing, push_*, set_*, invite, build, upload).
READ_FUNCTIONS = {
    "asset": "all_asset_instances_for_asset all_asset_instances_for_shot all_asset_types all_asset_types_for_project "
             "all_asset_types_for_shot all_assets_for_episode all_assets_for_open_projects all_assets_for_project "
             "all_assets_for_project_and_type all_assets_for_shot all_scene_asset_instances_for_asset "
             "all_shot_asset_instances_for_asset export_assets_with_csv get_all_assets_url get_asset "
             "get_asset_by_name get_asset_instance get_asset_type get_asset_type_by_name get_asset_type_from_asset "
             "get_asset_type_url get_asset_url get_episode_from_asset",
    "casting": "all_entity_links_for_project get_asset_cast_in get_asset_casting get_asset_type_casting "
               "get_episode_casting get_episode_shots_casting get_episodes_casting get_project_shots_casting "
               "get_sequence_casting get_sequence_shots_casting get_shot_casting",
    "client": "build_path_with_params check_status download fetch_all fetch_first fetch_one get "
              "get_api_url_from_host get_api_version get_current_user get_event_host get_file_data_from_url "
              "get_full_url get_host get_message_from_data get_message_from_response make_auth_header url_path_join "
              # HEAD, and a log-in attempt with made-up credentials: nothing stored either
              "host_is_up host_is_valid",
    "concept": "all_concepts all_concepts_for_project all_previews_for_concept get_concept get_concept_by_name",
    "context": "all_asset_types_for_project all_assets_for_asset_type_and_project all_assets_for_project "
               "all_episodes_for_project all_open_projects all_scenes_for_project all_scenes_for_sequence "
               "all_sequences_for_episode all_sequences_for_project all_shots_for_sequence all_task_types_for_asset "
               "all_task_types_for_scene all_task_types_for_sequence all_task_types_for_shot",
    "edit": "all_edits_for_project all_previews_for_edit get_edit get_edit_by_name get_edit_url",
    "entity": "all_entities all_entities_with_tasks_linked_to_entity all_entity_types get_entity get_entity_by_name "
              "get_entity_type get_entity_type_by_name",
    "files": "all_output_files_for_asset_instance all_output_files_for_entity all_output_files_for_project "
             "all_output_types all_output_types_for_asset_instance all_output_types_for_entity all_softwares "
             "download_attachment_file download_attachment_thumbnail download_organisation_avatar "
             "download_person_avatar download_preview_file download_preview_file_cover "
             "download_preview_file_thumbnail download_preview_lowdef_movie download_preview_movie "
             "download_project_avatar download_working_file extract_frame_from_preview extract_tile_from_preview "
             "get_all_attachment_files_for_project get_all_attachment_files_for_task "
             "get_all_preview_files_for_task get_all_working_files_for_entity get_attachment_file "
             "get_attachment_thumbnail_url get_file_status get_file_status_by_name "
             "get_last_output_files_for_asset_instance get_last_output_files_for_entity "
             "get_last_working_file_revision get_last_working_files get_output_file get_output_file_by_path "
             "get_output_type get_output_type_by_name get_preview_file get_preview_file_url "
             "get_preview_lowdef_movie_url get_preview_movie_url get_running_preview_files get_software "
             "get_software_by_name get_working_file get_working_files_for_task wait_for_preview_file "
             # POSTs that compute without storing anything:
             "build_asset_instance_output_file_path build_entity_output_file_path build_working_file_path "
             "get_last_asset_instance_output_revision get_last_entity_output_revision "
             "get_next_asset_instance_output_revision get_next_entity_output_revision",
    "helpers": "download_file normalize_list_of_models_for_links normalize_model_parameter sanitize_filename "
               "validate_date_format",
    "person": "all_departments all_organisations all_persons get_all_month_time_spents get_day_off get_day_offs "
              "get_department get_department_by_name get_month_day_offs get_organisation get_person "
              "get_person_by_desktop_login get_person_by_email get_person_by_full_name get_person_url "
              "get_presence_log get_time_spents_by_date get_time_spents_range get_week_day_offs "
              "get_week_time_spents get_year_day_offs get_year_time_spents",
    "playlist": "all_build_jobs_for_project all_playlists all_playlists_for_episode all_playlists_for_project "
                "all_share_links_for_playlist all_shots_for_playlist download_playlist_build download_playlist_zip "
                "get_build_job get_entity_preview_files get_playlist get_playlist_by_name",
    "project": "all_metadata_descriptors all_open_projects all_project_status all_projects all_status_automations "
               "get_budget get_budget_entries get_budget_entry get_budgets get_metadata_descriptor "
               "get_metadata_descriptor_by_field_name get_milestones get_preview_background_files get_project "
               "get_project_by_name get_project_person_quotas get_project_quotas get_project_status_by_name "
               "get_project_task_statuses get_project_task_types get_project_url get_team",
    "project_template": "all_asset_types_for_project_template all_preview_background_files_for_project_template "
                        "all_project_templates all_status_automations_for_project_template "
                        "all_task_statuses_for_project_template all_task_types_for_project_template "
                        "get_project_template get_project_template_by_name",
    "scene": "all_asset_instances_for_scene all_camera_instances_for_scene all_scenes all_scenes_for_project "
             "all_scenes_for_sequence all_shots_for_scene get_asset_instance_by_name get_scene get_scene_by_name "
             "get_sequence_from_scene",
    "search": "search_entities",
    "shot": "all_asset_instances_for_shot all_episodes_for_project all_previews_for_shot all_sequences_for_episode "
            "all_sequences_for_project all_shots_for_episode all_shots_for_project all_shots_for_sequence "
            "export_shots_with_csv get_all_episodes_url get_all_sequences_url get_asset_instances_for_shot "
            "get_episode get_episode_by_name get_episode_from_sequence get_episode_url get_sequence "
            "get_sequence_by_name get_sequence_from_shot get_sequence_url get_shot get_shot_by_name get_shot_url",
    "sorting": "sort_by_name",
    "studio": "all_studios get_studio get_studio_by_name",
    "sync": "convert_id_list get_id_map_by_id get_id_map_by_name get_last_events get_link_list_diff "
            "get_model_list_diff get_sync_asset_type_id_map get_sync_department_id_map get_sync_person_id_map "
            "get_sync_project_id_map get_sync_task_status_id_map get_sync_task_type_id_map is_changed",
    "task": "all_assets_tasks_for_episode all_comments_for_project all_comments_for_task all_done_tasks_for_person "
            "all_notifications_for_project all_open_tasks all_preview_files_for_project all_previews_for_task "
            "all_shot_tasks_for_episode all_shot_tasks_for_sequence all_subscriptions_for_project all_task_statuses "
            "all_task_statuses_for_project all_task_types all_task_types_for_asset all_task_types_for_concept "
            "all_task_types_for_episode all_task_types_for_project all_task_types_for_scene "
            "all_task_types_for_sequence all_task_types_for_shot all_tasks_for_asset all_tasks_for_concept "
            "all_tasks_for_edit all_tasks_for_entity_and_task_type all_tasks_for_episode all_tasks_for_person "
            "all_tasks_for_person_and_type all_tasks_for_project all_tasks_for_scene all_tasks_for_sequence "
            "all_tasks_for_shot all_tasks_for_task_status all_tasks_for_task_type get_comment "
            "get_default_task_status get_last_comment_for_task get_open_tasks_stats get_persons_tasks_dates "
            "get_task get_task_by_entity get_task_status get_task_status_by_name get_task_status_by_short_name "
            "get_task_time_spent_for_date get_task_type get_task_type_by_name get_task_type_by_short_name "
            "get_task_url get_time_spent",
    "user": "all_asset_types_for_project all_assets_for_asset_type_and_project all_chats all_desktop_login_logs "
            "all_done_tasks all_episodes_for_project all_filter_groups all_filters all_notifications "
            "all_open_projects all_scenes_for_sequence all_sequences_for_project all_shots_for_sequence "
            "all_task_types_for_asset all_task_types_for_scene all_task_types_for_sequence all_task_types_for_shot "
            "all_tasks_for_asset all_tasks_for_scene all_tasks_for_sequence all_tasks_for_shot "
            "all_tasks_requiring_feedback all_tasks_to_do check_task_subscription get_context get_day_off "
            "get_filter_group get_notification get_task_time_spent get_time_spents_by_date get_timespents_range "
            "is_authenticated",
    # Not in the wire contract (no requests, or modules it leaves out), read-only all the same.
    "gazu": "get_host get_event_host",
    "cache": "get_cache_key",
    "aio": "check_server_status check_status download fetch_all fetch_first fetch_one get get_full_url",
    "events": "get_last_login_logs",
    # Sequences of calls (tests/upstream_oracle_server.py, Scenarios): state kept between calls.
    "scenario": "cache_counters",
}

# Read functions not compared here, and why.
NOT_COMPARED = {
    "aio.check_status": "takes an aiohttp.ClientResponse, only made by a live aiohttp request; the same status "
                        "table as client.check_status, compared above",
}

# Differences kept on purpose (see CHANGELOG.md, "Deliberate differences"): function or "function[case]" → why.
# Ours must then answer or raise a GazuException, never crash; the answer or the requests may differ.
KNOWN_DIFFERENCES = {
    "project.get_project_task_types[*]": "upstream's route (GET data/projects/<id>/settings/task-types) is gone "
                                         "from Zou 1.0.97: upstream always raises MethodNotAllowedException",
    "sync.convert_id_list[missing]": "upstream crashes with a bare KeyError on an id the map lacks",
    "sync.get_last_events[files]": "Zou 1.0.97 reads only_files=true in lower case only: upstream's True is "
                                   "ignored, so it answers every event instead of the file events asked for",
    "client.check_status[429]": "every error status raises (CHANGELOG): upstream returns (429, False) and goes on "
                                "with the error body as data",
    "client.check_status[503]": "every error status raises (CHANGELOG): upstream returns (503, False) and goes on "
                                "with the error body as data",
    "shot.get_sequence_by_name[episode]": "the same answer, but with an episode ours adds project_id and parent_id "
                                          "to upstream's episode_id, which Zou 1.0.97 ignores (upstream can find a "
                                          "sequence of that name in another project or episode; CHANGELOG)",
}

# Differences found and being fixed by the modules' owners (function or "function[case]" → who): strict xfails,
# so that a fix shows as an XPASS to remove from here.
BEING_FIXED: dict[str, str] = {}

NOT_EXERCISED: dict[str, str] = {}  # every function this module calls is counted by tests/realcoverage.py

# Upstream's crashes on input it does not handle: where it raises one of these, ours may differ.
BARE_CRASHES = {"KeyError", "TypeError", "AttributeError", "IndexError", "JSONDecodeError"}
UPSTREAM_CRASHES: dict[str, str] = {}  # case → upstream's crash, where ours answered instead (for the report)
BOTH_RAISED: dict[str, str] = {}  # case → the exception both sides raised (for the report)

# Cases (by label, or every case of a function) meant to raise on both sides; anywhere else, both raising is a
# mistake of the case's arguments.
RAISING_CASES = {"unknown id", "unknown route", "bad", "no indexer", "picture", "as artist", "id-only dicts",
                 "film", "no token", "malformed token", "non-uuid", "int", "empty", "list",
                 "client.check_status"}  # film: the film's records with the tv show's (budgets, ...)

PARITY_REPORT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                             "reports", "upstream-parity.txt")


@dataclass
class Case:
    function: str  # "asset.get_asset"
    label: str
    build: Callable[[Production], tuple]  # production → (args, kwargs)

    @property
    def id(self) -> str:
        """``module.function[label]`` (``[*]`` in the tables below stands for every case of a function)."""
        return "%s[%s]" % (self.function, self.label)


def call(*args, **kwargs) -> tuple:
    return list(args), kwargs


# Which seeded record a parameter of this name receives (as a dict, or its id for "_id" names and id variants).
RECORDS = {
    "project": "project", "asset": "asset", "shot": "shot", "sequence": "sequence", "episode": "episode",
    "scene": "scene", "edit": "edit", "concept": "concept", "task": "shot_task", "person": "artist",
    "task_type": "shot_task_type", "task_status": "wfa", "asset_type": "prop_type", "playlist": "playlist",
    "comment": "comment", "preview_file": "preview", "working_file": "working_file", "output_file": "output_file",
    "output_type": "output_type", "software": "software", "department": "department",
    "asset_instance": "scene_instance", "temporal_entity": "scene", "entity": "shot",
    "project_template": "template", "attachment_file": "attachment", "organisation": "organisation",
    "filter_group": "filter_group", "notification": "notification", "budget": "budget", "entry": "budget_entry",
    "build_job": "build_job", "day_off": "day_off", "metadata_descriptor": "descriptor", "studio": "studio",
    "status": "file_status", "entity_type": "prop_type", "id": "artist",
}


def _required(function) -> list:
    return [parameter for parameter in inspect.signature(function).parameters.values()
            if parameter.default is parameter.empty and parameter.name != "client"
            and parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)]


def _record_of(name: str) -> str | None:
    if name in RECORDS:
        return RECORDS[name]
    if name.endswith("_id") and name[:-3] in RECORDS:
        return RECORDS[name[:-3]]
    return None


def _dict_annotation(annotation: str) -> bool:
    """Tell whether a parameter's annotation takes an entity dict (``dict``, or ``Mapping`` for the typed ones)."""
    return "dict" in annotation or "Mapping" in annotation


def auto_cases(function_name: str) -> list[Case]:
    """Cases built from the parameter names: seeded dicts, their ids where a dict or an id is taken, dicts
    holding nothing but the id (as studios' test doubles pass them), the optional switches, a made-up id, and
    the artist's point of view for what depends on who asks."""
    module, name = function_name.split(".")
    function = getattr(gazu if module == "gazu" else getattr(gazu, module), name)
    parameters = _required(function)
    if any(_record_of(parameter.name) is None for parameter in parameters):
        return []

    def build(as_ids: bool = False, id_only: bool = False, as_artist: bool = False, film: bool = False, **options):
        def arguments(p: Production) -> tuple:
            values = []
            for parameter in parameters:
                role = _record_of(parameter.name)
                record = p[FILM.get(role, role) if film else role]
                annotation = str(parameter.annotation)
                wants_id = (parameter.name.endswith("_id") or parameter.name == "id" or annotation == "str"
                            or (as_ids and "str" in annotation))
                values.append(record["id"] if wants_id else {"id": record["id"]} if id_only else record)
            if as_artist:
                return values, {**options, "client": Client(host=p.host, tokens=p.artist_tokens)}
            return values, options
        return arguments

    takes_dicts = any(_dict_annotation(str(p.annotation)) for p in parameters)
    takes_either = any("str" in str(p.annotation) and _dict_annotation(str(p.annotation)) for p in parameters)
    cases = [Case(function_name, "dicts" if takes_either else "", build())]
    if takes_either:
        cases.append(Case(function_name, "ids", build(as_ids=True)))
    if takes_dicts:
        cases.append(Case(function_name, "id-only dicts", build(id_only=True)))
    # The optional switches that change what the server is asked for.
    for option in ("relations", "user_context"):
        if option in inspect.signature(function).parameters:
            cases.append(Case(function_name, option, build(as_ids=takes_either, **{option: True})))
    # A well-formed id no record has, where the function takes one thing: the same error (or answer) as upstream.
    if len(parameters) == 1 and "str" in str(parameters[0].annotation):
        cases.append(Case(function_name, "unknown id", lambda p: call(MISSING_ID)))
        cases.append(Case(function_name, "non-uuid", lambda p: call("shot-1")))  # a string of no UUID shape
    if module in AS_ARTIST and "client" in inspect.signature(function).parameters:
        cases.append(Case(function_name, "as artist", build(as_artist=True)))
    if parameters and any(FILM.get(_record_of(parameter.name)) for parameter in parameters):
        cases.append(Case(function_name, "film", build(film=True)))
    return cases


# The feature film's records standing for the tv show's, for the derived cases' "film" variant.
FILM = {"project": "film", "shot": "film_shot", "sequence": "film_sequence", "asset": "film_asset",
        "shot_task": "film_task", "edit": "film_edit"}


# Modules whose answers depend on who asks: their derived cases are also run as the artist (a plain user).
AS_ARTIST = {"user", "context", "person", "events", "project", "task"}

AUTO = "auto"

# Cases written out, for functions whose arguments the parameter names do not give (or give too few of).
# AUTO in a list keeps the cases derived from the names as well.
CALLS: dict[str, list] = {
    "asset.get_asset_by_name": [
        ("dicts", lambda p: call(p.project, p.asset["name"])),
        ("ids and type", lambda p: call(p.project["id"], p.asset["name"], p.prop_type["id"])),
        ("other type", lambda p: call(p.project, p.asset["name"], p.character_type)),
        ("unknown", lambda p: call(p.project, "nobody-here")),
    ],
    "asset.get_asset_type_by_name": [("", lambda p: call(p.prop_type["name"])), ("unknown", lambda p: call("Nope"))],
    "asset.export_assets_with_csv": [
        ("", lambda p: call(p.project, Tmp("assets.csv"))),
        ("episode and person", lambda p: call(p.project["id"], Tmp("assets-ep.csv"), episode=p.episode,
                                              assigned_to=p.me)),
    ],
    "asset.all_asset_instances_for_asset": [AUTO, ("without instances", lambda p: call(p.character))],
    "asset.all_asset_instances_for_shot": [AUTO, ("without instances", lambda p: call(p.other_shot))],
    "asset.all_scene_asset_instances_for_asset": [AUTO, ("without instances", lambda p: call(p.character))],
    "asset.all_shot_asset_instances_for_asset": [AUTO, ("without instances", lambda p: call(p.character))],
    "asset.get_asset_instance": [("", lambda p: call(p.asset_instance["id"])),
                                 ("unknown id", lambda p: call(MISSING_ID))],
    "asset.get_episode_from_asset": [AUTO, ("without episode", lambda p: call(p.character))],
    "casting.get_asset_cast_in": [AUTO, ("not cast", lambda p: call(p.character_unused))],
    "client.build_path_with_params": [
        ("", lambda p: call("data/tasks", {"project_id": "a b", "page": 2, "flag": True})),
        ("empty", lambda p: call("data/tasks", {})),
        ("list", lambda p: call("data/tasks", {"ids": ["a", "b"]})),
    ],
    "client.download": [("", lambda p: call("pictures/thumbnails/preview-files/%s.png" % p.preview["id"],
                                            Tmp("download.png")))],
    "client.fetch_all": [
        ("", lambda p: call("projects/%s/shots" % p.project["id"])),
        ("params", lambda p: call("tasks", {"project_id": p.project["id"]})),
        ("paginated", lambda p: call("tasks", {"project_id": p.project["id"]}, paginated=True, limit=2)),
        ("fields", lambda p: call("assets", {"project_id": p.project["id"]}, fields="name")),
    ],
    "client.fetch_first": [("", lambda p: call("shots", {"project_id": p.project["id"]})),
                           ("none", lambda p: call("shots", {"name": "nothing-like-it"}))],
    "client.fetch_one": [("", lambda p: call("shots", p.shot["id"])),
                         ("unknown id", lambda p: call("shots", MISSING_ID))],
    "client.get": [
        ("", lambda p: call("data/projects/%s" % p.project["id"])),
        ("params", lambda p: call("data/shots", params={"project_id": p.project["id"]})),
        ("text", lambda p: call("data/persons/presence-logs/2024-03", json_response=False)),
        ("unknown route", lambda p: call("data/nothing-here")),
    ],
    "client.get_file_data_from_url": [
        ("", lambda p: call("pictures/thumbnails/preview-files/%s.png" % p.preview["id"])),
    ],
    "client.check_status": [
        ("%d" % status, lambda p, status=status: call(Response(
            status=status, body='{"message": "the reason"}', headers={"Content-Type": "application/json"},
            url=p.host + "/data/projects"), "data/projects"))
        for status in (200, 201, 204, 400, 401, 403, 404, 405, 413, 422, 429, 500, 502, 503)],
    "client.get_message_from_response": [
        ("json", lambda p: call(Response(status=400, body='{"message": "bad name"}',
                                         headers={"Content-Type": "application/json"}))),
        ("json error", lambda p: call(Response(status=400, body='{"error": true, "message": "taken"}',
                                               headers={"Content-Type": "application/json"}))),
        ("no message", lambda p: call(Response(status=500, body='{"error": true}'), "default")),
        ("html", lambda p: call(Response(status=502, body="<html>Bad gateway</html>",
                                         headers={"Content-Type": "text/html"}))),
        ("empty", lambda p: call(Response(status=500, body="")))],
    **{"client.%s" % name: [AUTO, ("nothing listening", lambda p: call(Client(host="http://127.0.0.1:9/api"))),
                            ("not an api", lambda p: call(Client(host=p.host.rsplit("/api", 1)[0] + "/nothing")))]
       for name in ("host_is_up", "host_is_valid")},
    "client.get_full_url": [("", lambda p: call("data/projects")), ("slash", lambda p: call("/data/projects/"))],
    "client.get_message_from_data": [
        ("dict", lambda p: call({"message": "refused"})),
        ("error", lambda p: call({"error": "refused"})),
        ("other", lambda p: call({"data": 1}, "default")),
        ("text", lambda p: call("plain")),
    ],
    "client.url_path_join": [("", lambda p: call("http://a/", "/b/", "c")), ("one", lambda p: call("a"))],
    "client.get_host": [AUTO, ("fresh client", lambda p: call(Client(host=p.host)))],
    "client.get_api_url_from_host": [AUTO, ("fresh client", lambda p: call(Client(host=p.host)))],
    "client.make_auth_header": [AUTO, ("fresh client", lambda p: call(Client(host=p.host)))],
    "gazu.get_event_host": [AUTO, ("fresh client", lambda p: call(Client(host=p.host)))],
    "client.get_event_host": [AUTO, ("fresh client", lambda p: call(Client(host=p.host))),
                              ("host changed", lambda p: call(Client(host="http://a.example/api", set_host=p.host)))],
    "concept.get_concept_by_name": [("", lambda p: call(p.project, p.concept["name"])),
                                    ("unknown", lambda p: call(p.project["id"], "nothing"))],
    "edit.get_edit_by_name": [("", lambda p: call(p.project, p.edit["name"])),
                              ("unknown", lambda p: call(p.project["id"], "nothing"))],
    "entity.get_entity_by_name": [("", lambda p: call(p.shot["name"])),
                                  ("in project", lambda p: call(p.shot["name"], p.project)),
                                  ("unknown", lambda p: call("nothing-here"))],
    "entity.get_entity_type": [("", lambda p: call(p.prop_type["id"])), ("unknown id", lambda p: call(MISSING_ID))],
    "entity.get_entity_type_by_name": [("", lambda p: call(p.prop_type["name"])),
                                       ("unknown", lambda p: call("Nothing"))],
    "files.all_output_files_for_asset_instance": [
        AUTO, ("filters", lambda p: call(p.scene_instance, temporal_entity=p.scene, task_type=p.shot_task_type,
                                         output_type=p.output_type, name="main", representation="abc"))],
    "files.all_output_files_for_entity": [
        AUTO, ("filters", lambda p: call(p.shot, output_type=p.output_type, task_type=p.shot_task_type, name="main",
                                         representation="abc", file_status=p.file_status))],
    "files.all_output_files_for_project": [
        AUTO, ("filters", lambda p: call(p.project, output_type=p.output_type, task_type=p.shot_task_type,
                                         representation="abc", file_status=p.file_status["id"]))],
    "files.all_output_types_for_asset_instance": [("", lambda p: call(p.scene_instance, p.scene))],
    "files.get_last_output_files_for_asset_instance": [
        AUTO, ("filters", lambda p: call(p.scene_instance, p.scene, task_type=p.shot_task_type,
                                         output_type=p.output_type, name="main", representation="abc"))],
    "files.get_last_output_files_for_entity": [
        AUTO, ("filters", lambda p: call(p.shot, output_type=p.output_type, task_type=p.shot_task_type,
                                         name="main", representation="abc"))],
    "files.get_all_working_files_for_entity": [
        AUTO, ("filters", lambda p: call(p.shot, task=p.shot_task, name="main")),
        ("other name", lambda p: call(p.shot, name="nothing"))],
    "files.get_last_working_file_revision": [AUTO, ("other name", lambda p: call(p.shot_task, name="nothing"))],
    "files.get_file_status_by_name": [("", lambda p: call(p.file_status["name"])),
                                      ("unknown", lambda p: call("nothing"))],
    "files.get_output_file_by_path": [("", lambda p: call(p.output_file["path"])),
                                      ("unknown", lambda p: call("/nowhere"))],
    "files.get_output_type_by_name": [("", lambda p: call(p.output_type["name"])),
                                      ("unknown", lambda p: call("nothing"))],
    "files.get_software_by_name": [("", lambda p: call(p.software["name"])), ("unknown", lambda p: call("nothing"))],
    "files.get_preview_movie_url": [("picture", lambda p: call(p.preview)),
                                    ("movie", lambda p: call(p.movie)), ("lowdef", lambda p: call(p.movie, True)),
                                    ("movie id", lambda p: call(p.movie["id"]))],
    "files.get_preview_lowdef_movie_url": [("picture", lambda p: call(p.preview)),
                                           ("movie", lambda p: call(p.movie["id"]))],
    "files.get_preview_file_url": [("picture", lambda p: call(p.preview)), ("movie", lambda p: call(p.movie["id"]))],
    "files.wait_for_preview_file": [("", lambda p: call(p.preview)), ("movie id", lambda p: call(p.movie["id"]))],
    "files.build_working_file_path": [
        AUTO, ("named", lambda p: call(p.shot_task, name="layout", mode="working", software=p.software,
                                       revision=3)),
        ("windows sep", lambda p: call(p.shot_task, sep="\\")),
    ],
    "files.build_entity_output_file_path": [
        ("", lambda p: call(p.shot, p.output_type, p.shot_task_type)),
        ("ids and options", lambda p: call(p.shot["id"], p.output_type["id"], p.shot_task_type["id"], name="cache",
                                           representation="abc", revision=4, nb_elements=3)),
        ("windows sep", lambda p: call(p.shot, p.output_type, p.shot_task_type, sep="\\")),
    ],
    "files.build_asset_instance_output_file_path": [
        ("", lambda p: call(p.scene_instance, p.scene, p.output_type, p.shot_task_type)),
        ("options", lambda p: call(p.scene_instance["id"], p.scene["id"], p.output_type["id"],
                                   p.shot_task_type["id"], name="cache", representation="abc", revision=2)),
        ("windows sep", lambda p: call(p.scene_instance, p.scene, p.output_type, p.shot_task_type, sep="\\")),
    ],
    "files.get_next_entity_output_revision": [
        ("", lambda p: call(p.shot, p.output_type, p.shot_task_type)),
        ("other name", lambda p: call(p.shot["id"], p.output_type["id"], p.shot_task_type["id"], name="other"))],
    "files.get_last_entity_output_revision": [
        ("", lambda p: call(p.shot, p.output_type, p.shot_task_type)),
        ("other name", lambda p: call(p.shot["id"], p.output_type["id"], p.shot_task_type["id"], name="other"))],
    "files.get_next_asset_instance_output_revision": [
        ("", lambda p: call(p.scene_instance, p.scene, p.output_type, p.shot_task_type)),
        ("other name", lambda p: call(p.scene_instance["id"], p.scene["id"], p.output_type["id"],
                                      p.shot_task_type["id"], name="other"))],
    "files.get_last_asset_instance_output_revision": [
        ("", lambda p: call(p.scene_instance, p.scene, p.output_type, p.shot_task_type, name="main")),
        ("other name", lambda p: call(p.scene_instance["id"], p.scene["id"], p.output_type["id"],
                                      p.shot_task_type["id"], name="other"))],
    "files.download_attachment_file": [("", lambda p: call(p.attachment, Tmp("attachment.txt")))],
    "files.download_attachment_thumbnail": [("", lambda p: call(p.chat_picture, Tmp("thumb.png")))],
    "files.get_attachment_thumbnail_url": [AUTO, ("picture", lambda p: call(p.chat_picture))],
    "files.download_organisation_avatar": [("", lambda p: call(p.organisation, Tmp("organisation.png")))],
    "files.download_person_avatar": [("", lambda p: call(p.me, Tmp("person.png")))],
    "files.download_project_avatar": [("", lambda p: call(p.project, Tmp("project.png")))],
    "files.download_preview_file": [("picture", lambda p: call(p.preview, Tmp("preview.png"))),
                                    ("movie", lambda p: call(p.movie["id"], Tmp("preview.mp4")))],
    "files.download_preview_file_cover": [("", lambda p: call(p.preview, Tmp("cover.png")))],
    "files.download_preview_file_thumbnail": [("", lambda p: call(p.preview["id"], Tmp("thumbnail.png")))],
    "files.download_preview_movie": [("picture", lambda p: call(p.preview, Tmp("movie-of-picture.mp4"))),
                                     ("movie", lambda p: call(p.movie, Tmp("movie.mp4")))],
    "files.download_preview_lowdef_movie": [("movie", lambda p: call(p.movie, Tmp("low.mp4")))],
    "files.download_working_file": [("", lambda p: call(p.working_file, Tmp("working.sft")))],
    "files.extract_frame_from_preview": [("", lambda p: call(p.movie, 3, Tmp("frame.png")))],
    "files.extract_tile_from_preview": [("", lambda p: call(p.movie, Tmp("tile.png"))),
                                        ("picture", lambda p: call(p.preview, Tmp("tile-of-picture.png")))],
    "helpers.download_file": [
        ("", lambda p: call(p.host + "/data/projects/%s" % p.project["id"], Tmp("project.json"),
                            headers=p.auth_header)),
    ],
    "helpers.normalize_list_of_models_for_links": [
        ("", lambda p: call([p.asset, p.shot["id"]])), ("none", lambda p: call(None)), ("empty", lambda p: call([])),
        ("non-uuid", lambda p: call(["shot-1"])), ("one id", lambda p: call(p.asset["id"]))],
    "helpers.normalize_model_parameter": [
        ("dict", lambda p: call(p.asset)), ("id", lambda p: call(p.asset["id"])), ("none", lambda p: call(None)),
        ("non-uuid", lambda p: call("shot-1")), ("int", lambda p: call(123)), ("empty", lambda p: call("")),
        ("dict without id", lambda p: call({"name": "chair"})), ("list", lambda p: call([p.asset["id"]]))],
    "helpers.sanitize_filename": [
        ("", lambda p: call("shot 010: take/2?.ma")), ("plain", lambda p: call("sh010_v001.ma")),
        ("accents", lambda p: call("écran<1>|final*.exr"))],
    "helpers.validate_date_format": [
        ("date", lambda p: call("2024-03-12")), ("datetime", lambda p: call("2024-03-12T10:11:12")),
        ("bad", lambda p: call("12/03/2024"))],
    "person.get_all_month_time_spents": [("", lambda p: call(p.artist["id"], datetime.date(2024, 3, 1)))],
    "person.get_department_by_name": [("", lambda p: call(p.department["name"])),
                                      ("unknown", lambda p: call("nothing"))],
    "person.get_month_day_offs": [("", lambda p: call(p.artist, 2031, 2)), ("ids", lambda p: call(p.artist["id"],
                                                                                                  2031, 3))],
    "person.get_week_day_offs": [("", lambda p: call(p.artist, 2031, 6))],
    "person.get_year_day_offs": [("", lambda p: call(p.artist, 2031)), ("empty", lambda p: call(p.artist["id"], 2030))],
    "person.get_person_by_desktop_login": [("", lambda p: call(p.artist["desktop_login"])),
                                           ("unknown", lambda p: call("nobody"))],
    "person.get_person_by_email": [("", lambda p: call(p.artist["email"])),
                                   ("bot", lambda p: call(p.artist["email"], is_bot=True))],
    "person.get_person_by_full_name": [
        ("", lambda p: call("%s %s" % (p.artist["first_name"], p.artist["last_name"]))),
        ("parts", lambda p: call("", p.artist["first_name"], p.artist["last_name"])),
        ("unknown", lambda p: call("No Body"))],
    "person.get_presence_log": [("", lambda p: call(2024, 3))],
    "person.get_time_spents_by_date": [("", lambda p: call(p.artist, "2024-03-12")),
                                       ("ids", lambda p: call(p.artist["id"], "2024-03-13"))],
    "person.get_time_spents_range": [("", lambda p: call(p.artist["id"], "2024-03-01", "2024-03-31")),
                                     ("empty", lambda p: call(p.artist["id"], "2024-04-01", "2024-04-30"))],
    "person.get_week_time_spents": [("", lambda p: call(p.artist, 2024, 11))],
    "person.get_year_time_spents": [("", lambda p: call(p.artist, 2024)), ("empty", lambda p: call(p.artist, 2023))],
    "playlist.get_playlist_by_name": [("", lambda p: call(p.project, p.playlist["name"])),
                                      ("unknown", lambda p: call(p.project["id"], "nothing"))],
    "playlist.all_playlists_for_project": [AUTO, ("page 2", lambda p: call(p.project, page=2))],
    "playlist.all_playlists_for_episode": [AUTO],
    "playlist.download_playlist_zip": [("", lambda p: call(p.playlist, Tmp("playlist.zip")))],
    "playlist.download_playlist_build": [("", lambda p: call(p.playlist, p.build_job, Tmp("build.mp4")))],
    "playlist.get_entity_preview_files": [AUTO, ("asset", lambda p: call(p.asset))],
    "project.all_metadata_descriptors": [AUTO, ("entity type", lambda p: call(p.project, entity_type="Shot"))],
    "project.get_metadata_descriptor": [("", lambda p: call(p.project, p.descriptor["id"]))],
    "project.get_metadata_descriptor_by_field_name": [
        ("", lambda p: call(p.project, p.descriptor["field_name"])),
        ("unknown", lambda p: call(p.project["id"], "nothing"))],
    "project.get_project_by_name": [("", lambda p: call(p.project["name"])), ("unknown", lambda p: call("nothing"))],
    "project.get_project_status_by_name": [("", lambda p: call("Open")), ("unknown", lambda p: call("nothing"))],
    "project.get_project_url": [AUTO, ("section", lambda p: call(p.project, "shots"))],
    "project_template.get_project_template_by_name": [("", lambda p: call(p.template["name"])),
                                                      ("unknown", lambda p: call("nothing"))],
    "scene.all_scenes": [AUTO, ("project", lambda p: call(p.project)), ("project id", lambda p: call(p.project["id"]))],
    "scene.get_asset_instance_by_name": [("", lambda p: call(p.scene, p.scene_instance["name"])),
                                         ("unknown", lambda p: call(p.scene["id"], "nothing"))],
    "scene.get_scene_by_name": [("", lambda p: call(p.sequence, p.scene["name"])),
                                ("unknown", lambda p: call(p.sequence["id"], "nothing"))],
    "search.search_entities": [  # Zou answers queries of less than 3 characters itself; others need an indexer
        ("short", lambda p: call("sh")),
        ("short in project", lambda p: call("ch", p.project, [{"id": p.shot["entity_type_id"]}, p.prop_type["id"]])),
        ("no indexer", lambda p: call(p.asset["name"], p.project["id"], [p.prop_type]))],
    "shot.export_shots_with_csv": [
        ("", lambda p: call(p.project, Tmp("shots.csv"))),
        ("episode and person", lambda p: call(p.project["id"], Tmp("shots-ep.csv"), episode=p.episode,
                                              assigned_to=p.artist)),
    ],
    "shot.get_episode_by_name": [("", lambda p: call(p.project, p.episode["name"])),
                                 ("unknown", lambda p: call(p.project["id"], "nothing"))],
    "shot.get_sequence_by_name": [("", lambda p: call(p.project, p.sequence["name"])),
                                  ("episode", lambda p: call(p.project["id"], p.sequence["name"], p.episode)),
                                  ("unknown", lambda p: call(p.project, "nothing"))],
    "shot.get_shot_by_name": [("", lambda p: call(p.sequence, p.shot["name"])),
                              ("unknown", lambda p: call(p.sequence["id"], "nothing"))],
    "sorting.sort_by_name": [
        ("", lambda p: call([{"name": "b"}, {"name": "A"}, {"name": "c"}])),
        ("no names", lambda p: call([{"id": 2}, {"id": 1}])), ("empty", lambda p: call([]))],
    "studio.get_studio_by_name": [("", lambda p: call(p.studio["name"])), ("unknown", lambda p: call("nothing"))],
    "sync.convert_id_list": [
        ("", lambda p: call(["a", "b"], {"a": "x", "b": "y"})),
        ("missing", lambda p: call(["a", "c"], {"a": "x"})),
        ("dict values", lambda p: call(["a"], {"a": {"id": "x"}}))],
    "sync.get_id_map_by_id": [
        ("", lambda p: call([{"id": "1", "name": "a"}, {"id": "2", "name": "b"}], [{"id": "9", "name": "a"}])),
        ("field", lambda p: call([{"id": "1", "code": "a"}], [{"id": "9", "code": "a"}], field="code"))],
    "sync.get_id_map_by_name": [
        ("", lambda p: call([{"id": "1", "name": "A"}, {"id": "2", "name": "b"}], [{"id": "9", "name": "a"}]))],
    "sync.get_link_list_diff": [
        ("", lambda p: call([{"entity_in_id": "1", "entity_out_id": "2"}], [{"entity_in_id": "1",
                                                                            "entity_out_id": "3"}]))],
    "sync.get_model_list_diff": [
        ("", lambda p: call([{"id": "1"}, {"id": "2"}], [{"id": "2"}, {"id": "3"}])),
        ("field", lambda p: call([{"name": "a"}], [{"name": "b"}], id_field="name"))],
    "sync.is_changed": [
        ("same", lambda p: call({"updated_at": "2024-03-12T10:00:00"}, {"updated_at": "2024-03-12T10:00:00"})),
        ("newer", lambda p: call({"updated_at": "2024-03-13T10:00:00"}, {"updated_at": "2024-03-12T10:00:00"}))],
    "sync.get_last_events": [
        ("", lambda p: call(20)),
        ("project", lambda p: call(50, project=p.project)),
        ("files", lambda p: call(10, only_files=True)),
        ("range", lambda p: call(100, after="2000-01-01T00:00:00", before="2100-01-01T00:00:00")),
    ],
    **{"sync.get_sync_%s_id_map" % kind: [("", lambda p: call(Client(host=p.host, tokens=p.tokens),
                                                              Client(host=p.host, tokens=p.tokens)))]
       for kind in ("asset_type", "department", "person", "project", "task_status", "task_type")},
    "task.all_tasks_for_project": [AUTO, ("filters", lambda p: call(p.project, task_type=p.shot_task_type,
                                                                    episode=p.episode))],
    "task.all_tasks_for_task_type": [AUTO, ("episode", lambda p: call(p.project, p.shot_task_type,
                                                                      episode=p.episode["id"]))],
    "task.get_task_by_entity": [AUTO, ("name", lambda p: call(p.shot, p.shot_task_type, "other"))],
    "task.get_task_url": [AUTO, ("full task", lambda p: call(p.full_task))],
    "task.get_task_status_by_name": [("", lambda p: call(p.wfa["name"])), ("unknown", lambda p: call("nothing"))],
    "task.get_task_status_by_short_name": [("", lambda p: call("wfa")), ("unknown", lambda p: call("nothing"))],
    "task.get_task_time_spent_for_date": [("", lambda p: call(p.shot_task, "2024-03-12")),
                                          ("empty", lambda p: call(p.shot_task["id"], "2024-03-20"))],
    "task.get_time_spent": [AUTO, ("date", lambda p: call(p.shot_task, "2024-03-12"))],
    "task.get_task_type_by_name": [
        ("", lambda p: call(p.shot_task_type["name"])),
        ("for entity", lambda p: call(p.shot_task_type["name"], "Shot")),
        ("other entity", lambda p: call(p.shot_task_type["name"], "Asset")),
        ("department", lambda p: call(p.shot_task_type["name"], department=p.department)),
        ("unknown", lambda p: call("nothing"))],
    "task.get_task_type_by_short_name": [
        ("", lambda p: call(p.shot_task_type["short_name"])),
        ("for entity", lambda p: call(p.shot_task_type["short_name"], "Shot")),
        ("empty short name", lambda p: call("")),
        ("unknown", lambda p: call("nothing"))],
    "user.get_day_off": [("", lambda p: call("2031-02-04")), ("none", lambda p: call("2031-03-04"))],
    "user.get_task_time_spent": [("", lambda p: call(p.shot_task, "2024-03-12"))],
    "user.get_time_spents_by_date": [("", lambda p: call("2024-03-12")), ("empty", lambda p: call("2024-03-20"))],
    "user.get_timespents_range": [("", lambda p: call("2024-03-01", "2024-03-31"))],
    "user.is_authenticated": [AUTO, ("no token", lambda p: call(Client(host=p.host))),
                              ("malformed token", lambda p: call(Client(host=p.host,
                                                                        tokens={"access_token": "not-a-token"})))],
    "user.check_task_subscription": [AUTO, ("not subscribed", lambda p: call(p.asset_task))],
    "aio.check_server_status": [("", lambda p: call(p.aclient))],
    "aio.get_full_url": [("", lambda p: call("data/projects", p.aclient))],
    "aio.get": [("", lambda p: call("data/projects/%s" % p.project["id"], client=p.aclient)),
                ("params", lambda p: call("data/shots", params={"project_id": p.project["id"]}, client=p.aclient)),
                ("text", lambda p: call("data/persons/presence-logs/2024-03", json_response=False,
                                        client=p.aclient)),
                ("unknown route", lambda p: call("data/nothing-here", client=p.aclient))],
    "aio.fetch_all": [("", lambda p: call("projects/%s/shots" % p.project["id"], client=p.aclient)),
                      ("paginated", lambda p: call("tasks", {"project_id": p.project["id"]}, client=p.aclient,
                                                   paginated=True, limit=2)),
                      ("fields", lambda p: call("assets", {"project_id": p.project["id"]}, client=p.aclient,
                                                fields="name"))],
    "aio.fetch_first": [("", lambda p: call("shots", {"project_id": p.project["id"]}, client=p.aclient)),
                        ("none", lambda p: call("shots", {"name": "nothing-like-it"}, client=p.aclient))],
    "aio.fetch_one": [("", lambda p: call("shots", p.shot["id"], client=p.aclient)),
                      ("unknown id", lambda p: call("shots", MISSING_ID, client=p.aclient))],
    "aio.download": [("", lambda p: call("pictures/thumbnails/preview-files/%s.png" % p.preview["id"],
                                         Tmp("aio-download.png"), client=p.aclient))],
    "scenario.cache_counters": [
        ("hits and misses", lambda p: call([["asset.get_asset", [p.asset["id"]]], ["asset.get_asset", [p.asset["id"]]],
                                            ["asset.get_asset", [p.character["id"]]], ["project.all_projects", []],
                                            ["shot.all_shots_for_sequence", [p.sequence]],
                                            ["shot.all_shots_for_sequence", [p.sequence["id"]]]])),
    ],
    "cache.get_cache_key": [
        ("", lambda p: call(("a", 1), {"b": 2})), ("empty", lambda p: call((), {})),
        ("dict", lambda p: call(({"id": "x"},), {}))],
    "events.get_last_login_logs": [
        ("", lambda p: call()), ("limit", lambda p: call(limit=1)),
        ("persons", lambda p: call(person_ids=[p.me, p.artist["id"]])),
        ("range", lambda p: call(after="2000-01-01T00:00:00", before="2100-01-01T00:00:00"))],
    "casting.all_entity_links_for_project": [
        AUTO, ("page", lambda p: call(p.project, page=1, limit=2)),
        ("last page", lambda p: call(p.project["id"], page=3, limit=2))],
}


def cases_of(function_name: str) -> list[Case]:
    written = CALLS.get(function_name)
    if written is None:
        return auto_cases(function_name)
    cases = []
    for entry in written:
        if entry == AUTO:
            cases += auto_cases(function_name)
        else:
            label, build = entry
            cases.append(Case(function_name, label, build))
    return cases


def _all_cases() -> tuple[list[Case], dict[str, str]]:
    cases, uncovered = [], {}
    for module, names in READ_FUNCTIONS.items():
        for name in names.split():
            function_name = "%s.%s" % (module, name)
            if function_name in NOT_COMPARED:
                continue
            found = cases_of(function_name)
            if not found:
                uncovered[function_name] = "no arguments for it yet"
            cases += found
    return cases, uncovered


CASES, UNCOVERED = _all_cases()


def _param(case: Case):
    owner = BEING_FIXED.get(case.id) or BEING_FIXED.get(case.function + "[*]")
    marks = [pytest.mark.xfail(strict=True, reason="fidelity: being fixed (%s)" % owner)] if owner else []
    return pytest.param(case, id=case.id, marks=marks)


# The session and the production ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kitsu(kitsu_sandbox):
    """Our default client, logged in to the sandbox as its administrator for the whole module."""
    with logged_in_admin(kitsu_sandbox):
        yield kitsu_sandbox


@pytest.fixture(scope="module")
def oracle(kitsu):
    """Upstream gazu 1.3.1 in its own process, on the same server with the same tokens as ours."""
    try:
        upstream = UpstreamOracle().start()
    except OracleUnavailable as error:  # counted, never skipped: fail with the reason
        pytest.fail(str(error), pytrace=False)
    upstream.session(kitsu.host, dict(gazu.client.default_client.tokens), kitsu.event_host)
    yield upstream
    upstream.close()


@pytest.fixture(scope="module")
def production(kitsu, tmp_path_factory) -> Production:
    """A small but complete production on the sandbox (tests/integration/parity_production.py), made once."""
    return seed_production(kitsu, str(tmp_path_factory.mktemp("parity")))


# The comparisons ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_same_answer_as_upstream(case, production, oracle):
    module, name = case.function.split(".")
    args, kwargs = case.build(production)
    args, kwargs = encode_args(args), encode_args(kwargs)
    ours = call_ours(module, name, args, kwargs)  # one after the other: Zou fails some concurrent path builds
    theirs = oracle.call(module, name, args, kwargs)
    raised, raised_upstream = ours.get("raised"), theirs.get("raised")
    assert not (raised and raised["type"] in BARE_CRASHES), (
        "ours crashed with a bare %s(%s) (upstream: %s)" % (raised["type"], raised["message"], raised_upstream))
    found = compare_outcomes(ours, theirs)
    if raised and raised_upstream:  # the same failure on both sides proves little, unless meant
        BOTH_RAISED[case.id] = raised_upstream["type"]
        assert case.label in RAISING_CASES or case.function in RAISING_CASES, (
            "both packages raised %s: fix the case's arguments or the seeded data, or add it to RAISING_CASES"
            % raised_upstream)
    if found and raised_upstream and raised_upstream["type"] in BARE_CRASHES:
        UPSTREAM_CRASHES[case.id] = "%s(%s)" % (raised_upstream["type"], raised_upstream["message"][:80])
        assert not raised or "GazuException" in [raised["type"]] + raised["bases"], "ours crashed: %s" % raised
        return  # where upstream crashes, ours may answer or raise a GazuException (the developers' guide)
    known = KNOWN_DIFFERENCES.get(case.id) or KNOWN_DIFFERENCES.get(case.function + "[*]")
    if found and known:
        assert not raised or "GazuException" in [raised["type"]] + raised["bases"], "ours crashed: %s" % raised
        return  # a difference kept on purpose
    assert not found, "%s differs from upstream 1.3.1:\n  %s\n%s" % (case.id, "\n  ".join(found),
                                                                      explain(ours, theirs))
    extra = requests_not_sent_by_upstream(ours, theirs)
    assert not extra or known, "%s: the same answer, but ours sent what upstream does not: %s\n%s" % (
        case.id, ", ".join(extra), explain(ours, theirs))


def test_every_read_function_is_compared_or_has_a_reason():
    compared = sorted({case.function for case in CASES if not case.function.startswith("scenario.")})
    total = sum(len(names.split()) for module, names in READ_FUNCTIONS.items() if module != "scenario")
    not_compared = {**NOT_COMPARED, **UNCOVERED}
    line = "upstream parity: %d/%d read functions compared in %d calls (%d expected to differ until fixed, " \
           "%d known differences; %s)" % (len(compared), total, len(CASES), len(BEING_FIXED),
                                          len(KNOWN_DIFFERENCES), os.path.relpath(PARITY_REPORT))
    os.makedirs(os.path.dirname(PARITY_REPORT), exist_ok=True)
    with open(PARITY_REPORT, "w") as report:
        report.write(line + "\n\nNot compared:\n")
        report.writelines("  %s: %s\n" % item for item in sorted(not_compared.items()))
        report.write("\nKnown differences (kept on purpose):\n")
        report.writelines("  %s: %s\n" % item for item in sorted(KNOWN_DIFFERENCES.items()))
        report.write("\nUpstream crashes with a bare exception, ours answers or raises a GazuException:\n")
        report.writelines("  %s: %s\n" % item for item in sorted(UPSTREAM_CRASHES.items()))
        report.write("\nBoth raised the same exception (meant: RAISING_CASES):\n")
        report.writelines("  %s: %s\n" % item for item in sorted(BOTH_RAISED.items()))
        report.write("\nBeing fixed (strict xfails, by owner):\n")
        report.writelines("  %s: %s\n" % item for item in sorted(BEING_FIXED.items()))
    SUMMARY.append(line)
    assert not UNCOVERED, "read functions with neither arguments nor a reason: %s" % sorted(UNCOVERED)
