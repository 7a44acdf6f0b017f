"""Synchronisation between two Kitsu instances: read events, import and push production data.

Functions that move data take the two clients explicitly, ``client_source``
(or ``source_client``) and ``client_target``: every read of the source goes
through the first and every write through the second. A client is anything
that behaves as one (a test double too).

How a push works, as upstream's:

- Lists are read from the source through the domain functions
  (``gazu.asset.all_assets_for_project``, ``gazu.task.all_tasks_for_project``,
  …), so a test that patches them steers the push.
- Entities, links and tasks keep their ids: the target's ``import/kitsu/*``
  routes create or update rows by id, so pushing twice updates instead of
  duplicating. Every row of the source is sent.
- Rows that point at reference data are rewritten with the target's ids for
  the same reference, matched by name (ignoring case): asset types, task
  types, task statuses; people by e-mail. An asset whose asset type, or a
  task whose task type, the target lacks is left out; an unknown person is
  left empty. Pushed tasks get the ``default_status`` given; their statuses
  then follow the comments pushed by :func:`push_tasks_comments`.
- Comments are replayed through the target's comment action (a comment
  whose status the target lacks is skipped), with their author, date,
  checklist, attachments and previews; files transit through a temporary
  folder removed afterwards. Comments are posted again on each push.

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

import functools
import os
import tempfile
import warnings
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any, Callable, cast

from gazu import _api
from gazu import asset as _asset
from gazu import casting as _casting
from gazu import files as _files
from gazu import person as _person
from gazu import project as _project
from gazu import shot as _shot
from gazu import task as _task
from gazu.client import KitsuClient, default_client
from gazu.exception import InvalidArgumentException
from gazu.helpers import sanitize_filename

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import ApiEvent, Comment, Entity, EntityLink, PushedEntities, Task

# Zou 1.0.97 returns at most this many events per request (events_service).
_EVENTS_PER_PAGE = 1000


# Pure helpers: matching and diffing lists of models --------------------------------


def _models(value: Any, name: str) -> list[Any]:
    """Return a list of dicts, or raise naming the argument (the caller's dicts, of any keys)."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, dict) for item in value):
        raise InvalidArgumentException("%s: expected a list of dicts, got %r" % (name, value))
    return list(value)


def _folded(value: Any) -> Any:
    """A name as matched across instances: case ignored."""
    return value.lower() if isinstance(value, str) else value


def _ids_by(models: list[dict], field: str) -> dict:
    """Map each model's ``field`` value (case ignored) to its id; the last model wins."""
    return {_folded(model.get(field)): model.get("id") for model in models if model.get(field) is not None}


def _diff(source_list: list[dict], target_list: list[dict],
          key: Callable[[dict], Any]) -> tuple[list[dict], list[dict]]:
    source_keys = {key(model) for model in source_list}
    target_keys = {key(model) for model in target_list}
    return ([model for model in source_list if key(model) not in target_keys],
            [model for model in target_list if key(model) not in source_keys])


def get_id_map_by_name(source_list: Collection[Mapping], target_list: Collection[Mapping]) -> dict[str, str]:
    """Map each source model's name to the id of the target model with the same name (case ignored)."""
    target_ids = _ids_by(_models(target_list, "target_list"), "name")
    return {model["name"]: target_ids[_folded(model["name"])] for model in _models(source_list, "source_list")
            if model.get("name") is not None and _folded(model["name"]) in target_ids}


def get_id_map_by_id(source_list: Collection[Mapping], target_list: Collection[Mapping],
                     field: str = "name") -> dict[str, str]:
    """Map each source model's id to the id of the target model with the same ``field`` value (case ignored)."""
    target_ids = _ids_by(_models(target_list, "target_list"), field)
    return {model.get("id"): target_ids[_folded(model[field])] for model in _models(source_list, "source_list")
            if model.get(field) is not None and _folded(model[field]) in target_ids}


def get_model_list_diff(source_list: Collection[Mapping], target_list: Collection[Mapping],
                        id_field: str = "id") -> tuple[list[dict], list[dict]]:
    """Return the source models missing from the target, and the target models absent from the source.

    Models are matched on ``id_field``.
    """
    return _diff(_models(source_list, "source_list"), _models(target_list, "target_list"),
                 lambda model: model.get(id_field))


def _link_key(link: dict) -> tuple:
    return link.get("entity_in_id"), link.get("entity_out_id")


def get_link_list_diff(source_list: Collection[Mapping],
                       target_list: Collection[Mapping]) -> tuple[list[dict], list[dict]]:
    """Return the source links missing from the target, and the target links absent from the source.

    A link is identified by its ``entity_in_id`` and ``entity_out_id``.
    """
    return _diff(_models(source_list, "source_list"), _models(target_list, "target_list"), _link_key)


def is_changed(source_model: Mapping, target_model: Mapping) -> bool:
    """Tell whether the source model was updated after the target copy (or either date is unknown).

    Dates are compared as the server writes them (ISO 8601 strings).
    """
    if not isinstance(source_model, dict) or not isinstance(target_model, dict):
        raise InvalidArgumentException("source_model, target_model: expected two dicts, got %r and %r"
                                       % (source_model, target_model))
    source_date, target_date = source_model.get("updated_at"), target_model.get("updated_at")
    if source_date is None or target_date is None or type(source_date) is not type(target_date):
        return True
    return source_date > target_date


def convert_id_list(ids: list[str], model_map: dict) -> list:
    """Translate source ids into target ids; an id with no counterpart on the target is left out."""
    if not isinstance(model_map, dict):
        raise InvalidArgumentException("model_map: expected a dict of source ids to target ids, got %r" % (model_map,))
    return [model_map[source_id] for source_id in ids if source_id in model_map]


# Id maps between the two instances --------------------------------------------------


def _sync_id_map(list_all: Callable[..., Collection[Mapping]], source_client: KitsuClient, target_client: KitsuClient,
                 field: str = "name") -> dict:
    """Map the ids of a reference list on the source to the ids of the same references on the target."""
    return get_id_map_by_id(list_all(client=source_client), list_all(client=target_client), field)


def get_sync_project_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Map source project ids to target project ids, matched by name."""
    return _sync_id_map(_project.all_projects, source_client, target_client)


def get_sync_department_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Map source department ids to target department ids, matched by name."""
    return _sync_id_map(_person.all_departments, source_client, target_client)


def get_sync_asset_type_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Map source asset type ids to target asset type ids, matched by name."""
    return _sync_id_map(_asset.all_asset_types, source_client, target_client)


def get_sync_task_type_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Map source task type ids to target task type ids, matched by name."""
    return _sync_id_map(_task.all_task_types, source_client, target_client)


def get_sync_task_status_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Map source task status ids to target task status ids, matched by name."""
    return _sync_id_map(_task.all_task_statuses, source_client, target_client)


def get_sync_person_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
    """Map source person ids to target person ids, matched by e-mail."""
    return _sync_id_map(_person.all_persons, source_client, target_client, "email")


# Events -------------------------------------------------------------------------------


def _accepts_page_size(function: Callable) -> Callable:
    """Accept the older ``page_size`` keyword as a deprecated alias of ``limit``."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if "page_size" in kwargs:
            if args or "limit" in kwargs:
                raise TypeError("get_last_events() got both limit and its deprecated alias page_size")
            warnings.warn("get_last_events(page_size=...) is deprecated: use limit=...",
                          DeprecationWarning, stacklevel=2)
            kwargs["limit"] = kwargs.pop("page_size")
        return function(*args, **kwargs)

    return wrapper


@_accepts_page_size
def get_last_events(limit: int = 20000, project: str | Mapping | None = None, after: str | None = None,
                    before: str | None = None, only_files: bool = False, name: str | None = None,
                    client: KitsuClient = default_client) -> list[ApiEvent]:
    """Return the latest events of the instance, newest first (admins and managers only).

    Args:
        limit: How many events at most. The server sends at most 1000 per
            request; older ones are fetched page after page until ``limit``.
        project: Only the events of this project.
        after, before: Only the events strictly after / before this date.
        only_files: Only the events about files (previews, thumbnails).
        name: Only the events with this name, e.g. ``"task:update"``.

    ``page_size``, this argument's former name, is still accepted as a
    keyword, with a DeprecationWarning.
    """
    limit = _api.number(limit, "limit")
    # Zou reads only_files in lower case only: upstream's "True" was ignored (CHANGELOG, deliberate differences).
    params = _api.query(limit=limit, only_files="true" if only_files else _api.flag(False),
                        project_id=_api.optional_id(project, "project"), after=_api.date(after, "after", optional=True),
                        before=_api.date(before, "before", optional=True), name=name)
    events: list[ApiEvent] = []
    while True:
        wanted = limit - len(events)
        page = _api.fetch_list("data/events/last", client, params={**params, "limit": wanted})
        events.extend(page)
        if len(page) < min(wanted, _EVENTS_PER_PAGE) or len(events) >= limit:
            return events
        params["cursor_event_id"] = page[-1]["id"]


# Imports: rows keep their ids and audit dates ---------------------------------------------


def import_entities(entities: Collection[Mapping], client: KitsuClient = default_client) -> list[Entity]:
    """Create or update entities (assets, shots, sequences, …) by id, keeping ids and dates; return them."""
    return _api.post("import/kitsu/entities", client, entities)


def import_entity_links(links: Collection[Mapping], client: KitsuClient = default_client) -> list[EntityLink]:
    """Create or update entity links (casting), matched by their two entities; return them."""
    return _api.post("import/kitsu/entity-links", client, links)


def import_tasks(tasks: Collection[Mapping], client: KitsuClient = default_client) -> list[Task]:
    """Create or update tasks by id, with their assignees, keeping ids and dates; return them."""
    return _api.post("import/kitsu/tasks", client, tasks)


# Pushes: every row of the source, rewritten for the target ------------------------------------


def _push_entities(list_all: Callable[..., Collection[Mapping]], project_source: Mapping, project_target: Mapping,
                   client_source: KitsuClient, client_target: KitsuClient) -> list[Entity]:
    """Push the entities ``list_all`` lists for the source project, moved to the target project."""
    _api.to_id(project_source, "project_source")
    target_id = _api.given_id(project_target, "project_target")
    entities = [{**entity, "project_id": target_id} for entity in list_all(project_source, client=client_source)]
    return import_entities(entities, client=client_target)


def push_episodes(project_source: Mapping, project_target: Mapping, client_source: KitsuClient,
                  client_target: KitsuClient) -> list[Entity]:
    """Push the project's episodes to the target project; return those imported."""
    return _push_entities(_shot.all_episodes_for_project, project_source, project_target, client_source,
                          client_target)


def push_sequences(project_source: Mapping, project_target: Mapping, client_source: KitsuClient,
                   client_target: KitsuClient) -> list[Entity]:
    """Push the project's sequences (after their episodes); return those imported."""
    return _push_entities(_shot.all_sequences_for_project, project_source, project_target, client_source,
                          client_target)


def push_assets(project_source: Mapping, project_target: Mapping, client_source: KitsuClient,
                client_target: KitsuClient) -> list[Entity]:
    """Push the project's assets, with the target's asset types and task types; return those imported.

    An asset whose asset type the target lacks is left out.
    """
    _api.to_id(project_source, "project_source")
    target_id = _api.given_id(project_target, "project_target")
    # Looked up with the rows' own values, None included.
    asset_types: dict[Any, str] = get_sync_asset_type_id_map(client_source, client_target)
    task_types: dict[Any, str] = get_sync_task_type_id_map(client_source, client_target)
    assets = [{**item, "entity_type_id": asset_types[item.get("entity_type_id")],
               "ready_for": task_types.get(item.get("ready_for")), "project_id": target_id}
              for item in _asset.all_assets_for_project(project_source, client=client_source)
              if item.get("entity_type_id") in asset_types]
    return import_entities(assets, client=client_target)


def push_shots(project_source: Mapping, project_target: Mapping, client_source: KitsuClient,
               client_target: KitsuClient) -> list[Entity]:
    """Push the project's shots (after their sequences); return those imported."""
    return _push_entities(_shot.all_shots_for_project, project_source, project_target, client_source, client_target)


def push_entity_links(project_source: Mapping, project_target: Mapping, client_source: KitsuClient,
                      client_target: KitsuClient) -> list[EntityLink]:
    """Push the project's casting (entity links, which keep their ids); return those imported."""
    _api.to_id(project_source, "project_source")
    _api.given_id(project_target, "project_target")
    links = _casting.all_entity_links_for_project(project_source, client=client_source)
    return import_entity_links(cast("list[EntityLink]", links), client=client_target)  # no page asked: a list


def push_project_entities(project_source: Mapping, project_target: Mapping, client_source: KitsuClient,
                          client_target: KitsuClient) -> PushedEntities:
    """Push assets, episodes (of a tv show), sequences, shots then casting; return what each step imported."""
    _api.to_id(project_source, "project_source")
    _api.given_id(project_target, "project_target")
    production_type = project_source.get("production_type") if isinstance(project_source, dict) else None
    if production_type is None:  # an id, or a dict without it: upstream needs the project dict
        production_type = _api.fetch("data/projects/{project_source}", client_source,
                                     project_source=project_source).get("production_type")
    return {
        "assets": push_assets(project_source, project_target, client_source, client_target),
        "episodes": (push_episodes(project_source, project_target, client_source, client_target)
                     if production_type == "tvshow" else []),
        "sequences": push_sequences(project_source, project_target, client_source, client_target),
        "shots": push_shots(project_source, project_target, client_source, client_target),
        "entity_links": push_entity_links(project_source, project_target, client_source, client_target),
    }


def push_tasks(project_source: Mapping, project_target: Mapping, default_status: str | Mapping,
               client_source: KitsuClient,
               client_target: KitsuClient) -> list[Task]:
    """Push the project's tasks, after its entities, all at ``default_status``; return those imported.

    ``default_status`` is a status of the target: statuses then follow the
    comments pushed by :func:`push_tasks_comments`. A task whose task type
    the target lacks is left out.
    """
    _api.to_id(project_source, "project_source")
    status_id = _api.to_id(default_status, "default_status")
    target_id = _api.given_id(project_target, "project_target")
    # Looked up with the rows' own values, None included.
    task_types: dict[Any, str] = get_sync_task_type_id_map(client_source, client_target)
    people: dict[Any, str] = get_sync_person_id_map(client_source, client_target)
    tasks = [{**item, "task_type_id": task_types[item.get("task_type_id")], "task_status_id": status_id,
              "assigner_id": people.get(item.get("assigner_id")),
              "assignees": convert_id_list(item.get("assignees") or [], people), "project_id": target_id}
             for item in _task.all_tasks_for_project(project_source, client=client_source)
             if item.get("task_type_id") in task_types]
    return import_tasks(tasks, client=client_target)


# Comments: replayed through the comment action, files included -----------------------------


def _fetch_files(fetch: Callable[..., Mapping], download: Callable[..., Any], name: Callable[[Any], str],
                 items: list | None, folder: str, client: KitsuClient) -> list[tuple[Any, str]]:
    """Download each item (dict or id) into its own sub-folder of ``folder``; return (item read, path) pairs."""
    files = []
    for item in items or []:
        found = fetch(_api.to_id(item, "file"), client=client)
        # A name made only of characters sanitize_filename removes would leave the folder itself.
        file_path = os.path.join(tempfile.mkdtemp(dir=folder), sanitize_filename(name(found)) or found["id"])
        download(found, file_path, client=client)
        files.append((found, file_path))
    return files


def push_task_comment(task_status_map: dict, person_map: dict, task: str | Mapping, comment: Mapping,
                      client_source: KitsuClient, client_target: KitsuClient, author_id: str | None = None,
                      tmp_path: str | None = None) -> Comment | None:
    """Post a source comment on the target task, with its status, author, date, attachments and previews.

    Args:
        task_status_map, person_map: Source-to-target id maps, as the
            ``get_sync_*_id_map`` functions return them.
        task: The task on the target (tasks keep their ids across instances).
        author_id: A target person to sign the comment instead of its author.
        tmp_path: The folder in which files transit (a temporary one by
            default); what is downloaded there is removed afterwards.

    Returns:
        The source comment, or None when the target lacks its status (nothing is posted).
    """
    _api.entity(comment, "comment")
    status_id = task_status_map.get(comment.get("task_status_id"))
    if status_id is None:
        return None
    author = author_id or person_map.get(comment.get("person_id"))
    if tmp_path is not None and not os.path.isdir(tmp_path):
        raise InvalidArgumentException("tmp_path: %r is not a folder" % (tmp_path,))
    with tempfile.TemporaryDirectory(prefix="gazu-sync-", dir=tmp_path) as folder:
        attachments = _fetch_files(_files.get_attachment_file, _files.download_attachment_file,
                                   lambda attachment: attachment.get("name") or attachment["id"],
                                   comment.get("attachment_files"), folder, client_source)
        previews = _fetch_files(_files.get_preview_file, _files.download_preview_file,
                                lambda preview: "%s.%s" % (preview.get("original_name") or preview["id"],
                                                           preview.get("extension")),
                                comment.get("previews"), folder, client_source)
        new_comment = _task.add_comment(
            task, {"id": status_id}, attachments=[file_path for _, file_path in attachments],
            comment=comment.get("text") or "", created_at=comment.get("created_at"),
            person=None if author is None else {"id": author}, checklist=comment.get("checklist") or [],
            client=client_target)
        for preview, file_path in previews:
            new_preview = _task.add_preview(task, new_comment, file_path, client=client_target)
            if preview.get("annotations"):
                _files.update_preview(new_preview, {"annotations": preview["annotations"]}, client=client_target)
    return cast("Comment", comment)  # the caller's comment, as given


def push_task_comments(task_status_map: dict, person_map: dict, task: str | Mapping, client_source: KitsuClient,
                       client_target: KitsuClient) -> list[Comment | None]:
    """Post on the target task every comment of the source task, oldest first; return what each push returned
    (None for a comment whose status the target lacks)."""
    _api.to_id(task, "task")
    comments = _task.all_comments_for_task(task, client=client_source)
    # The server lists newest first.
    return [push_task_comment(task_status_map, person_map, task, comment, client_source, client_target)
            for comment in reversed(comments)]


def push_tasks_comments(project_source: Mapping, client_source: KitsuClient, client_target: KitsuClient) -> list[Task]:
    """Push the comments of every task of the project, after its tasks; return the project's tasks."""
    _api.to_id(project_source, "project_source")
    statuses = get_sync_task_status_id_map(client_source, client_target)
    people = get_sync_person_id_map(client_source, client_target)
    tasks = _task.all_tasks_for_project(project_source, client=client_source)
    for task in tasks:
        push_task_comments(statuses, people, task, client_source, client_target)
    return tasks
