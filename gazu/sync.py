"""Synchronisation between two Kitsu instances: read events, import and push production data.

Functions that move data take the two clients explicitly, ``client_source``
(or ``source_client``) and ``client_target``: every read of the source goes
through the first, every write and every read of the target through the
second, so the two instances never share a login or a host by accident.

How a push works:

- Entities, links and tasks keep their ids: the target's ``import/kitsu/*``
  routes create or update rows by id, so pushing twice updates instead of
  duplicating. Only what is missing on the target, or newer on the source
  (:func:`is_changed`), is sent. Nothing is ever deleted on the target.
- Rows that point at reference data (asset types, task types, statuses,
  people) are rewritten with the target's ids for the same reference, matched
  by a natural key: name, ``short_name`` for statuses, name and entity kind
  for task types, e-mail for people. A reference the target lacks and the row
  cannot do without (an asset type, a task type, a status) raises a
  :class:`~gazu.exception.GazuException` naming it before anything is written;
  an unknown person is left empty.
- Comments are replayed through the target's comment action, so the task's
  status follows them, with their author, date, attachments and previews
  (files go through a temporary folder).

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import tempfile
import warnings
from typing import Any, Callable

from gazu import _api
from gazu.client import KitsuClient, default_client
from gazu.exception import GazuException, InvalidArgumentException
from gazu.helpers import is_id, sanitize_filename

# Zou 1.0.97 returns at most this many events per request (events_service).
_EVENTS_PER_PAGE = 1000


# Argument checks ----------------------------------------------------------------


def _client(value: Any, name: str) -> KitsuClient:
    if not isinstance(value, KitsuClient):
        raise InvalidArgumentException("%s: expected a KitsuClient, got %r" % (name, value))
    return value


def _clients(client_source: Any, client_target: Any) -> None:
    _client(client_source, "client_source")
    _client(client_target, "client_target")


def _model(value: Any, name: str) -> dict:
    """Return a dict with an id, or raise naming the argument."""
    if not isinstance(value, dict):
        raise InvalidArgumentException("%s: expected a %s dict, got %r" % (name, name.replace("_", " "), value))
    _api.to_id(value, name)
    return value


def _models(value: Any, name: str, key: Callable[[dict], Any] | None = None, keyed_by: str = "'id'") -> list[dict]:
    """Return a list of dicts, each with an id (or a non-None ``key``), or raise naming the argument."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, dict) for item in value):
        raise InvalidArgumentException("%s: expected a list of dicts, got %r" % (name, value))
    for item in value:
        if not (key(item) is not None if key else is_id(item.get("id"))):
            raise InvalidArgumentException("%s: expected dicts with %s, got %r" % (name, keyed_by, item))
    return list(value)


def _mapping(value: Any, name: str) -> dict:
    if not isinstance(value, dict):
        raise InvalidArgumentException("%s: expected a dict of source ids to target ids, got %r" % (name, value))
    return value


# Pure helpers: matching and diffing lists of models --------------------------------


def _id_map(source_list: list[dict], target_list: list[dict], key: Callable[[dict], Any]) -> dict:
    """Map each source id to the id of the target model with the same ``key``."""
    target_ids = {key(model): model["id"] for model in target_list if key(model) is not None}
    return {model["id"]: target_ids[key(model)] for model in source_list if key(model) in target_ids}


def _diff(source_list: list[dict], target_list: list[dict],
          key: Callable[[dict], Any]) -> tuple[list[dict], list[dict]]:
    source_keys = {key(model) for model in source_list}
    target_keys = {key(model) for model in target_list}
    return ([model for model in source_list if key(model) not in target_keys],
            [model for model in target_list if key(model) not in source_keys])


def get_id_map_by_name(source_list: list[dict], target_list: list[dict]) -> dict:
    """Map each source model's name to the id of the target model with the same name."""
    target_ids = {model.get("name"): model["id"] for model in _models(target_list, "target_list")}
    return {model["name"]: target_ids[model["name"]] for model in _models(source_list, "source_list")
            if model.get("name") in target_ids}


def get_id_map_by_id(source_list: list[dict], target_list: list[dict], field: str = "name") -> dict:
    """Map each source model's id to the id of the target model with the same ``field`` value."""
    _api.require(field, "field")
    return _id_map(_models(source_list, "source_list"), _models(target_list, "target_list"),
                   lambda model: model.get(field))


def get_model_list_diff(source_list: list[dict], target_list: list[dict],
                        id_field: str = "id") -> tuple[list[dict], list[dict]]:
    """Return the source models missing from the target, and the target models absent from the source.

    Models are matched on ``id_field``.
    """
    _api.require(id_field, "id_field")

    def key(model: dict) -> Any:
        return model.get(id_field)

    return _diff(_models(source_list, "source_list", key, repr(id_field)),
                 _models(target_list, "target_list", key, repr(id_field)), key)


_LINK_KEYS = "'entity_in_id' and 'entity_out_id'"


def _link_key(link: dict) -> tuple | None:
    pair = (link.get("entity_in_id"), link.get("entity_out_id"))
    return None if None in pair else pair


def get_link_list_diff(source_list: list[dict], target_list: list[dict]) -> tuple[list[dict], list[dict]]:
    """Return the source links missing from the target, and the target links absent from the source.

    A link is identified by its ``entity_in_id`` and ``entity_out_id``.
    """
    return _diff(_models(source_list, "source_list", _link_key, _LINK_KEYS),
                 _models(target_list, "target_list", _link_key, _LINK_KEYS), _link_key)


def _updated_at(model: dict) -> datetime.datetime | None:
    value = model.get("updated_at")
    try:
        moment = datetime.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is not None:
        moment = moment.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return moment


def is_changed(source_model: dict, target_model: dict) -> bool:
    """Tell whether the source model was updated after the target copy (or either date is unknown)."""
    if not isinstance(source_model, dict) or not isinstance(target_model, dict):
        raise InvalidArgumentException("source_model, target_model: expected two dicts, got %r and %r"
                                       % (source_model, target_model))
    source_date, target_date = _updated_at(source_model), _updated_at(target_model)
    return source_date is None or target_date is None or source_date > target_date


def convert_id_list(ids: list[str], model_map: dict) -> list:
    """Translate source ids into target ids; an id with no counterpart on the target is left out."""
    model_map = _mapping(model_map, "model_map")
    return [model_map[source_id] for source_id in _api.to_ids(ids, "ids") if source_id in model_map]


# Id maps between the two instances --------------------------------------------------


def _sync_id_map(route: str, key: Callable[[dict], Any], source_client: KitsuClient,
                 target_client: KitsuClient) -> dict:
    """Map the ids of a reference list on the source to the ids of the same references on the target."""
    _client(source_client, "source_client")
    _client(target_client, "target_client")
    return _id_map(_api.fetch_list(route, source_client), _api.fetch_list(route, target_client), key)


def get_sync_project_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict:
    """Map source project ids to target project ids, matched by name."""
    return _sync_id_map("data/projects", lambda project: project.get("name"), source_client, target_client)


def get_sync_department_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict:
    """Map source department ids to target department ids, matched by name."""
    return _sync_id_map("data/departments", lambda department: department.get("name"), source_client, target_client)


def get_sync_asset_type_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict:
    """Map source asset type ids to target asset type ids, matched by name."""
    return _sync_id_map("data/asset-types", lambda asset_type: asset_type.get("name"), source_client, target_client)


def get_sync_task_type_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict:
    """Map source task type ids to target task type ids, matched by name and entity kind (``for_entity``)."""
    return _sync_id_map("data/task-types", lambda task_type: (task_type.get("name"), task_type.get("for_entity")),
                        source_client, target_client)


def get_sync_task_status_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict:
    """Map source task status ids to target task status ids, matched by short name."""
    return _sync_id_map("data/task-status", lambda status: status.get("short_name"), source_client, target_client)


def get_sync_person_id_map(source_client: KitsuClient, target_client: KitsuClient) -> dict:
    """Map source person ids to target person ids, matched by e-mail (ignoring case)."""
    return _sync_id_map("data/persons", lambda person: (person.get("email") or "").lower() or None,
                        source_client, target_client)


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
def get_last_events(limit: int = 20000, project: str | dict | None = None, after: str | None = None,
                    before: str | None = None, only_files: bool = False, name: str | None = None,
                    client: KitsuClient = default_client) -> list[dict]:
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
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InvalidArgumentException("limit: expected a positive int, got %r" % (limit,))
    params = _api.query(limit=limit, only_files="true" if only_files else "false",
                        project_id=_api.optional_id(project, "project"), after=_api.date(after, "after", optional=True),
                        before=_api.date(before, "before", optional=True), name=name)
    events: list[dict] = []
    while True:
        wanted = limit - len(events)
        page = _api.fetch_list("data/events/last", client, params={**params, "limit": wanted})
        events.extend(page)
        if len(page) < min(wanted, _EVENTS_PER_PAGE) or len(events) >= limit:
            return events
        params["cursor_event_id"] = page[-1]["id"]


# Imports: rows keep their ids and audit dates ---------------------------------------------


def import_entities(entities: list[dict], client: KitsuClient = default_client) -> list[dict]:
    """Create or update entities (assets, shots, sequences, …) by id, keeping ids and dates; return them."""
    return _api.post("import/kitsu/entities", client, _models(entities, "entities"))


def import_entity_links(links: list[dict], client: KitsuClient = default_client) -> list[dict]:
    """Create or update entity links (casting), matched by their two entities; return them."""
    return _api.post("import/kitsu/entity-links", client, _models(links, "links", _link_key, _LINK_KEYS))


def import_tasks(tasks: list[dict], client: KitsuClient = default_client) -> list[dict]:
    """Create or update tasks by id, with their assignees, keeping ids and dates; return them."""
    return _api.post("import/kitsu/tasks", client, _models(tasks, "tasks"))


# Pushes: what the target lacks or has older ------------------------------------------------


def _outdated(source_list: list[dict], target_list: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each source model the target lacks or has older with its target copy (None when missing)."""
    target_by_id = {model["id"]: model for model in target_list}
    return [(model, target_by_id.get(model["id"])) for model in source_list
            if model["id"] not in target_by_id or is_changed(model, target_by_id[model["id"]])]


def _required(model_map: dict, source_id: Any, what: str, owner: dict) -> str:
    """Return the target id of a reference the row cannot do without, or raise naming it."""
    if source_id in model_map:
        return model_map[source_id]
    owner_kind = str(owner.get("type") or "row").lower()
    raise GazuException("%s %r: its %s %s has no counterpart on the target; create it there first"
                        % (owner_kind, owner.get("name") or owner.get("id"), what, source_id))


def _push_entities(route: str, project_source: dict, project_target: dict, client_source: KitsuClient,
                   client_target: KitsuClient, asset_types: bool = False) -> list[dict]:
    """Push the entities a project route lists, rewritten for the target project and references."""
    _clients(client_source, client_target)
    source = _api.fetch_list(route, client_source, project=project_source)
    outdated = _outdated(source, _api.fetch_list(route, client_target, project=project_target))
    if not outdated:
        return []
    people = get_sync_person_id_map(client_source, client_target)
    task_types = get_sync_task_type_id_map(client_source, client_target)
    kinds = get_sync_asset_type_id_map(client_source, client_target) if asset_types else None
    payload = [{
        **entity,
        "project_id": _api.to_id(project_target, "project_target"),
        "created_by": people.get(entity.get("created_by")),
        "ready_for": task_types.get(entity.get("ready_for")),
        **({"entity_type_id": _required(kinds, entity.get("entity_type_id"), "asset type", entity)}
           if asset_types else {}),
    } for entity, _ in outdated]
    return import_entities(payload, client=client_target)


def push_episodes(project_source: dict, project_target: dict, client_source: KitsuClient,
                  client_target: KitsuClient) -> list[dict]:
    """Push the project's episodes to the target project; return those imported."""
    return _push_entities("data/projects/{}/episodes", project_source, project_target, client_source, client_target)


def push_sequences(project_source: dict, project_target: dict, client_source: KitsuClient,
                   client_target: KitsuClient) -> list[dict]:
    """Push the project's sequences (after their episodes); return those imported."""
    return _push_entities("data/projects/{}/sequences", project_source, project_target, client_source, client_target)


def push_assets(project_source: dict, project_target: dict, client_source: KitsuClient,
                client_target: KitsuClient) -> list[dict]:
    """Push the project's assets, with the target's asset types; return those imported."""
    return _push_entities("data/projects/{}/assets", project_source, project_target, client_source, client_target,
                          asset_types=True)


def push_shots(project_source: dict, project_target: dict, client_source: KitsuClient,
               client_target: KitsuClient) -> list[dict]:
    """Push the project's shots (after their sequences); return those imported."""
    return _push_entities("data/projects/{}/shots", project_source, project_target, client_source, client_target)


_LINK_FIELDS = ("nb_occurences", "label", "data")


def push_entity_links(project_source: dict, project_target: dict, client_source: KitsuClient,
                      client_target: KitsuClient) -> list[dict]:
    """Push the project's casting (entity links) the target lacks or has different; return those imported."""
    _clients(client_source, client_target)
    source = _api.fetch_list("data/projects/{}/entity-links", client_source, project=project_source)
    target = {_link_key(link): link for link in
              _api.fetch_list("data/projects/{}/entity-links", client_target, project=project_target)}
    payload = []
    for link in source:
        existing = target.get(_link_key(link))
        if existing is None:
            payload.append(link)
        elif any(link.get(field) != existing.get(field) for field in _LINK_FIELDS):
            payload.append({**link, "id": existing["id"]})  # the target's row, matched by its two entities
    return import_entity_links(payload, client=client_target) if payload else []


def push_project_entities(project_source: dict, project_target: dict, client_source: KitsuClient,
                          client_target: KitsuClient) -> dict:
    """Push episodes, sequences, assets, shots then casting, parents first; return what each step imported."""
    steps = (("episodes", push_episodes), ("sequences", push_sequences), ("assets", push_assets),
             ("shots", push_shots), ("entity_links", push_entity_links))
    return {key: step(project_source, project_target, client_source, client_target) for key, step in steps}


def push_tasks(project_source: dict, project_target: dict, default_status: str | dict, client_source: KitsuClient,
               client_target: KitsuClient) -> list[dict]:
    """Push the project's tasks, after its entities; return those imported.

    A task new on the target gets ``default_status`` (a status of the
    target): statuses then follow the comments pushed by
    :func:`push_tasks_comments`. A task already there keeps its status.
    """
    status_id = _api.to_id(default_status, "default_status")
    _clients(client_source, client_target)
    source = _api.fetch_list("data/projects/{}/tasks", client_source, project=project_source)
    outdated = _outdated(source, _api.fetch_list("data/projects/{}/tasks", client_target, project=project_target))
    if not outdated:
        return []
    people = get_sync_person_id_map(client_source, client_target)
    task_types = get_sync_task_type_id_map(client_source, client_target)
    payload = [{
        **task,
        "project_id": _api.to_id(project_target, "project_target"),
        "task_type_id": _required(task_types, task.get("task_type_id"), "task type", task),
        "task_status_id": target_copy["task_status_id"] if target_copy else status_id,
        "assigner_id": people.get(task.get("assigner_id")),
        "assignees": convert_id_list(task.get("assignees") or [], people),
    } for task, target_copy in outdated]
    return import_tasks(payload, client=client_target)


# Comments: replayed through the comment action, files included -----------------------------


def _comment_key(comment: dict) -> tuple:
    return comment.get("created_at"), comment.get("text") or ""


def _download(client: KitsuClient, route: str, folder: str, file_name: str) -> str:
    """Download an API path into its own sub-folder of ``folder``, under ``file_name``; return the path."""
    file_path = os.path.join(tempfile.mkdtemp(dir=folder), sanitize_filename(file_name))
    client.download(route, file_path)
    return file_path


def push_task_comment(task_status_map: dict, person_map: dict, task: str | dict, comment: dict,
                      client_source: KitsuClient, client_target: KitsuClient, author_id: str | None = None,
                      tmp_path: str | None = None) -> dict:
    """Post a source comment on the target task, with its status, author, date, attachments and previews.

    Args:
        task_status_map, person_map: Source-to-target id maps, as the
            ``get_sync_*_id_map`` functions return them.
        task: The task on the target (tasks keep their ids across instances).
        author_id: A target person to sign the comment instead of its author.
        tmp_path: The folder in which files transit (a temporary one by
            default); what is downloaded there is removed afterwards.

    Returns:
        The comment created on the target.
    """
    task_status_map, person_map = _mapping(task_status_map, "task_status_map"), _mapping(person_map, "person_map")
    _api.to_id(task, "task")
    _model(comment, "comment")
    _clients(client_source, client_target)
    fields = _api.query(
        task_status_id=_required(task_status_map, comment.get("task_status_id"), "task status", comment),
        comment=comment.get("text") or "",
        person_id=_api.optional_id(author_id, "author_id") or person_map.get(comment.get("person_id")),
        created_at=comment.get("created_at"),
        checklist=comment.get("checklist") or [],
        links=comment.get("links") or [],
        for_client=bool(comment.get("for_client")),
    )
    if tmp_path is not None and not os.path.isdir(tmp_path):
        raise InvalidArgumentException("tmp_path: %r is not a folder" % (tmp_path,))
    with tempfile.TemporaryDirectory(prefix="gazu-sync-", dir=tmp_path) as folder:
        attachments = [_download(client_source, "data/attachment-files/{}/file/{}".format(
            _api.to_id(attachment, "attachment"), attachment["name"]), folder, attachment["name"])
            for attachment in comment.get("attachment_files") or []]
        if attachments:
            form = {**fields, "checklist": json.dumps(fields["checklist"]), "links": json.dumps(fields["links"])}
            created = client_target.upload(_api.path("actions/tasks/{}/comment", task=task), attachments[0],
                                           data=form, extra_files=attachments[1:])
        else:
            created = _api.post("actions/tasks/{}/comment", client_target, fields, task=task)
        previews = []
        for preview in comment.get("previews") or []:
            file_path = _download(client_source, _api.path("pictures/originals/preview-files/{}/download",
                                                           preview=preview), folder,
                                  "%s.%s" % (preview["id"], preview.get("extension") or "png"))
            new_preview = _api.post("actions/tasks/{}/comments/{}/add-preview", client_target,
                                    {"revision": preview.get("revision")}, task=task, comment=created)
            previews.append(client_target.upload(_api.path("pictures/preview-files/{}", preview=new_preview),
                                                 file_path))
    return {**created, "previews": previews} if previews else created


def push_task_comments(task_status_map: dict, person_map: dict, task: str | dict, client_source: KitsuClient,
                       client_target: KitsuClient) -> list[dict]:
    """Post on the target task the source comments it lacks, oldest first; return the comments created.

    A comment is taken as already there when the target task has one with
    the same date and text.
    """
    _clients(client_source, client_target)
    there = {_comment_key(comment) for comment in _api.fetch_list("data/tasks/{}/comments", client_target, task=task)}
    source = _api.fetch_list("data/tasks/{}/comments", client_source, task=task)
    return [push_task_comment(task_status_map, person_map, task, comment, client_source, client_target)
            # The server lists newest first; reversed, ties on the (second-precise) date keep their order.
            for comment in sorted(reversed(source), key=lambda comment: comment.get("created_at") or "")
            if _comment_key(comment) not in there]


def push_tasks_comments(project_source: dict, client_source: KitsuClient, client_target: KitsuClient) -> list[dict]:
    """Push the comments of every task of the project, after its tasks; return the comments created."""
    statuses = get_sync_task_status_id_map(client_source, client_target)
    people = get_sync_person_id_map(client_source, client_target)
    tasks = _api.fetch_list("data/projects/{}/tasks", client_source, project=project_source)
    return [comment for task in tasks
            for comment in push_task_comments(statuses, people, task, client_source, client_target)]
