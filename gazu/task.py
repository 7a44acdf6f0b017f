"""Tasks, task types and task statuses; assignment, time spent, comments and previews.

Every entity argument is a dict with an ``"id"`` or an id string. Dates are
``YYYY-MM-DD`` strings (a :class:`datetime.date` is accepted too); durations
are numbers of minutes, as Kitsu counts them. A task changes status through
a comment (:func:`add_comment`); a preview is a file added to a comment
(:func:`add_preview`, :func:`publish_preview`).

Comments live in :mod:`gazu._task_comments` and previews in
:mod:`gazu._task_previews`; this module re-exports them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from gazu import _api
from gazu._task_comments import (  # noqa: F401  (re-exported: this module is the public face)
    acknowledge_comment,
    add_attachment_files_to_comment,
    add_comment,
    add_tasks_batch_comments,
    all_comments_for_project,
    all_comments_for_task,
    batch_comments,
    create_multiple_comments,
    delete_comment_attachment,
    delete_comment_reply,
    get_comment,
    get_last_comment_for_task,
    move_comment_to_task,
    remove_comment,
    reply_to_comment,
    update_comment,
)
from gazu._task_previews import (  # noqa: F401  (re-exported: this module is the public face)
    add_extra_preview,
    add_preview,
    all_preview_files_for_project,
    all_previews_for_task,
    create_extra_preview,
    create_preview,
    remove_preview_from_comment,
    set_main_preview,
    upload_preview_file,
)
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.exception import InvalidArgumentException, TaskMustBeADictException, TaskStatusNotFoundException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import (
        Comment,
        FullTask,
        Notification,
        OpenTasksPage,
        PersonTask,
        PersonTasksDates,
        PreviewFile,
        ProjectTaskStats,
        Subscription,
        Task,
        TaskStatus,
        TaskType,
        TimeSpent,
    )

if TYPE_CHECKING:
    import requests

_STARTED_STATUS_SHORT_NAME = "wip"
_PATH_ENTITY_TOKENS = {"asset": "Asset", "shot": "Shot", "scene": "Scene"}


# Helpers -------------------------------------------------------------------------------


def _entity_tasks(route: str, client: KitsuClient, relations: bool, **entity: Any) -> list[Task]:
    """Return the tasks at ``route`` sorted by name, with their relations when asked."""
    params = {"relations": _api.flag(True)} if relations else None
    return _api.fetch_list(route, client, params=params, sort=True, **entity)


def _color(color: Any) -> str:
    """Return a ``#RRGGBB`` colour, or raise naming the argument."""
    if not isinstance(color, str) or not color.startswith("#"):
        raise InvalidArgumentException("color: must start with '#', e.g. '#00FF00', got %r" % (color,))
    return color


def _create_tasks(route: str, client: KitsuClient, task_types: Any, **entity: Any) -> list[Task]:
    """Create an entity's tasks of these task types; return the new ones (existing tasks are skipped)."""
    return _api.post(route, client, {"task_type_ids": _api.to_ids(task_types, "task_types")},
                     **entity)


# Task types ------------------------------------------------------------------------------


@cache
def all_task_types(client: KitsuClient = default_client) -> list[TaskType]:
    """Return every task type, sorted by name."""
    return _api.fetch_list("data/task-types", client, sort=True)


@cache
def all_task_types_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types a project uses, sorted by name."""
    return _api.fetch_list("data/projects/{project}/task-types", client, sort=True, project=project)


@cache
def all_task_types_for_asset(asset: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of an asset's tasks, sorted by name."""
    return _api.fetch_list("data/assets/{asset}/task-types", client, sort=True, asset=asset)


@cache
def all_task_types_for_shot(shot: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of a shot's tasks, sorted by name."""
    return _api.fetch_list("data/shots/{shot}/task-types", client, sort=True, shot=shot)


@cache
def all_task_types_for_scene(scene: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of a scene's tasks, sorted by name."""
    return _api.fetch_list("data/scenes/{scene}/task-types", client, sort=True, scene=scene)


@cache
def all_task_types_for_sequence(sequence: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of the tasks of a sequence's shots and scenes, sorted by name."""
    return _api.fetch_list("data/sequences/{sequence}/task-types", client, sort=True, sequence=sequence)


@cache
def all_task_types_for_episode(episode: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of the tasks of an episode's shots and scenes, sorted by name."""
    return _api.fetch_list("data/episodes/{episode}/task-types", client, sort=True, episode=episode)


@cache
def all_task_types_for_concept(concept: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of a concept's tasks, sorted by name."""
    return _api.fetch_list("data/concepts/{concept}/task-types", client, sort=True, concept=concept)


@cache
def get_task_type(task_type_id: str, client: KitsuClient = default_client) -> TaskType:
    """Return the task type with this id."""
    return _api.fetch("data/task-types/{task_type_id}", client, task_type_id=task_type_id)


@cache
def get_task_type_by_name(task_type_name: str, for_entity: str | None = None, department: str | Mapping | None = None,
                          client: KitsuClient = default_client) -> TaskType | None:
    """Return the task type with this name (for this kind of entity, of this department), or None."""
    return _api.fetch_first("data/task-types", client, params=_api.query(
        name=_api.given(task_type_name, "task_type_name"), for_entity=for_entity,
        department_id=_api.optional_id(department, "department")))


@cache
def get_task_type_by_short_name(task_type_short_name: str, for_entity: str | None = None,
                                department: str | Mapping | None = None,
                                client: KitsuClient = default_client) -> TaskType | None:
    """Return the task type with this short name (for this kind of entity, of this department), or None."""
    return _api.fetch_first("data/task-types", client, params=_api.query(
        short_name=_api.given(task_type_short_name, "task_type_short_name"), for_entity=for_entity,
        department_id=_api.optional_id(department, "department")))


def new_task_type(name: str, color: str = "#000000", for_entity: str = "Asset",
                  client: KitsuClient = default_client) -> TaskType:
    """Return the task type with this name for this kind of entity, created if missing."""
    query = {"name": _api.given(name, "name"), "for_entity": _api.given(for_entity, "for_entity")}
    body = {**query, "color": color}
    existing = _api.fetch_first("data/task-types", client, params=query)
    return existing or _api.post("data/task-types", client, body)


def update_task_type(task_type: Mapping, client: KitsuClient = default_client) -> TaskType:
    """Save a modified task type dict."""
    return _api.update("data/task-types/{task_type}", client, task_type, "task_type")


def remove_task_type(task_type: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a task type; with ``force``, detach it from projects and schedules first."""
    return _api.delete("data/task-types/{task_type}", client, force=force, task_type=task_type)


# Task statuses ---------------------------------------------------------------------------


@cache
def all_task_statuses(client: KitsuClient = default_client) -> list[TaskStatus]:
    """Return every task status, sorted by name."""
    return _api.fetch_list("data/task-status", client, sort=True)


@cache
def all_task_statuses_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[TaskStatus]:
    """Return the task statuses a project uses, sorted by name."""
    return _api.fetch_list("data/projects/{project}/settings/task-status", client, sort=True, project=project)


@cache
def get_task_status(task_status_id: str, client: KitsuClient = default_client) -> TaskStatus:
    """Return the task status with this id."""
    return _api.fetch("data/task-status/{task_status_id}", client, task_status_id=task_status_id)


@cache
def get_task_status_by_name(name: str, client: KitsuClient = default_client) -> TaskStatus | None:
    """Return the task status with this name, or None."""
    return _api.fetch_first("data/task-status", client, params={"name": _api.given(name, "name")})


@cache
def get_task_status_by_short_name(task_status_short_name: str,
                                  client: KitsuClient = default_client) -> TaskStatus | None:
    """Return the task status with this short name (``wip``, ``wfa``, …), or None."""
    return _api.fetch_first("data/task-status", client, params={
        "short_name": _api.given(task_status_short_name, "task_status_short_name")})


@cache
def get_default_task_status(client: KitsuClient = default_client) -> TaskStatus | None:
    """Return the status new tasks start with (``todo`` on a fresh server), or None."""
    return _api.fetch_first("data/task-status", client, params={"is_default": _api.flag(True)})


def new_task_status(name: str, short_name: str, color: str, client: KitsuClient = default_client) -> TaskStatus:
    """Create a task status; ``color`` is ``#RRGGBB``."""
    return _api.post("data/task-status", client, {"name": name, "short_name": short_name, "color": _color(color)})


def update_task_status(task_status: Mapping, client: KitsuClient = default_client) -> TaskStatus:
    """Save a modified task status dict."""
    return _api.update("data/task-status/{task_status}", client, task_status, "task_status")


def remove_task_status(task_status: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a task status."""
    return _api.delete("data/task-status/{task_status}", client, force=True, task_status=task_status)


# Tasks of entities --------------------------------------------------------------------------


@cache
def all_tasks_for_shot(shot: str | Mapping, relations: bool = False,
                       client: KitsuClient = default_client) -> list[Task]:
    """Return a shot's tasks, sorted by name."""
    return _entity_tasks("data/shots/{shot}/tasks", client, relations, shot=shot)


@cache
def all_tasks_for_sequence(sequence: str | Mapping, relations: bool = False,
                           client: KitsuClient = default_client) -> list[Task]:
    """Return the tasks linked to a sequence itself, sorted by name."""
    return _entity_tasks("data/sequences/{sequence}/tasks", client, relations, sequence=sequence)


@cache
def all_tasks_for_scene(scene: str | Mapping, relations: bool = False,
                        client: KitsuClient = default_client) -> list[Task]:
    """Return a scene's tasks, sorted by name."""
    return _entity_tasks("data/scenes/{scene}/tasks", client, relations, scene=scene)


@cache
def all_tasks_for_asset(asset: str | Mapping, relations: bool = False,
                        client: KitsuClient = default_client) -> list[Task]:
    """Return an asset's tasks, sorted by name."""
    return _entity_tasks("data/assets/{asset}/tasks", client, relations, asset=asset)


@cache
def all_tasks_for_episode(episode: str | Mapping, relations: bool = False,
                          client: KitsuClient = default_client) -> list[Task]:
    """Return the tasks linked to an episode itself, sorted by name."""
    return _entity_tasks("data/episodes/{episode}/tasks", client, relations, episode=episode)


@cache
def all_tasks_for_edit(edit: str | Mapping, relations: bool = False,
                       client: KitsuClient = default_client) -> list[Task]:
    """Return an edit's tasks, sorted by name."""
    return _entity_tasks("data/edits/{edit}/tasks", client, relations, edit=edit)


@cache
def all_tasks_for_concept(concept: str | Mapping, relations: bool = False,
                          client: KitsuClient = default_client) -> list[Task]:
    """Return a concept's tasks, sorted by name."""
    return _entity_tasks("data/concepts/{concept}/tasks", client, relations, concept=concept)


@cache
def all_shot_tasks_for_sequence(sequence: str | Mapping, relations: bool = False,
                                client: KitsuClient = default_client) -> list[Task]:
    """Return the tasks of a sequence's shots (and scenes), sorted by name."""
    return _entity_tasks("data/sequences/{sequence}/shot-tasks", client, relations, sequence=sequence)


@cache
def all_shot_tasks_for_episode(episode: str | Mapping, relations: bool = False,
                               client: KitsuClient = default_client) -> list[Task]:
    """Return the tasks of an episode's shots (and scenes), sorted by name."""
    return _entity_tasks("data/episodes/{episode}/shot-tasks", client, relations, episode=episode)


@cache
def all_assets_tasks_for_episode(episode: str | Mapping, relations: bool = False,
                                 client: KitsuClient = default_client) -> list[Task]:
    """Return the tasks of the assets made for an episode, sorted by name."""
    return _entity_tasks("data/episodes/{episode}/asset-tasks", client, relations, episode=episode)


@cache
def all_tasks_for_entity_and_task_type(entity: str | Mapping, task_type: str | Mapping,
                                       client: KitsuClient = default_client) -> list[Task]:
    """Return an entity's tasks of a task type."""
    return _api.fetch_list("data/entities/{entity}/task-types/{task_type}/tasks", client, entity=entity,
                           task_type=task_type)


# Tasks of projects and persons -------------------------------------------------------------


@cache
def all_tasks_for_project(project: str | Mapping, task_type: str | Mapping | None = None,
                          episode: str | Mapping | None = None, client: KitsuClient = default_client) -> list[Task]:
    """Return a project's tasks, of one task type and one episode when given."""
    return _api.fetch_list("data/projects/{project}/tasks", client, project=project, params=_api.query(
        task_type_id=_api.optional_id(task_type, "task_type"), episode_id=_api.optional_id(episode, "episode")))


@cache
def all_tasks_for_task_type(project: str | Mapping, task_type: str | Mapping, episode: str | Mapping | None = None,
                            client: KitsuClient = default_client) -> list[Task]:
    """Return a project's tasks of a task type (in one episode when given)."""
    return _api.fetch_list("data/tasks", client, params=_api.query(
        project_id=_api.to_id(project, "project"), task_type_id=_api.to_id(task_type, "task_type"),
        episode_id=_api.optional_id(episode, "episode")))


@cache
def all_tasks_for_task_status(project: str | Mapping, task_type: str | Mapping, task_status: str | Mapping,
                              client: KitsuClient = default_client) -> list[Task]:
    """Return a project's tasks of a task type set at a task status."""
    return _api.fetch_list("data/tasks", client, params={
        "project_id": _api.to_id(project, "project"), "task_type_id": _api.to_id(task_type, "task_type"),
        "task_status_id": _api.to_id(task_status, "task_status")})


@cache
def all_tasks_for_person(person: str | Mapping, client: KitsuClient = default_client) -> list[PersonTask]:
    """Return the unfinished tasks assigned to a person, in open projects."""
    return _api.fetch_list("data/persons/{person}/tasks", client, person=person)


@cache
def all_done_tasks_for_person(person: str | Mapping, client: KitsuClient = default_client) -> list[PersonTask]:
    """Return the finished tasks assigned to a person, in open projects."""
    return _api.fetch_list("data/persons/{person}/done-tasks", client, person=person)


@cache
def all_tasks_for_person_and_type(person: str | Mapping, task_type: str | Mapping,
                                  client: KitsuClient = default_client) -> list[Task]:
    """Return the tasks of a task type on the entities a person works on."""
    return _api.fetch_list("data/persons/{person}/related-tasks/{task_type}", client, person=person,
                           task_type=task_type)


@cache
def all_open_tasks(client: KitsuClient = default_client) -> OpenTasksPage:
    """Return the first page of the unfinished tasks of open projects, as the server pages them."""
    return _api.fetch("data/tasks/open-tasks", client)


@cache
def get_open_tasks_stats(client: KitsuClient = default_client) -> dict[str, ProjectTaskStats]:
    """Return the counts of unfinished tasks, by project, task type and status."""
    return _api.fetch("data/tasks/open-tasks/stats", client)


@cache
def get_persons_tasks_dates(client: KitsuClient = default_client) -> list[PersonTasksDates]:
    """Return, for each person, the first start and last end dates of their tasks."""
    return _api.fetch("data/persons/task-dates", client)


@cache
def all_notifications_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Notification]:
    """Return the notifications of a project (administrators only)."""
    return _api.fetch_list("data/projects/{project}/notifications", client, project=project)


@cache
def all_subscriptions_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Subscription]:
    """Return the task subscriptions of a project (administrators only)."""
    return _api.fetch_list("data/projects/{project}/subscriptions", client, project=project)


# One task ---------------------------------------------------------------------------------------


@cache
def get_task(task_id: str | Mapping, client: KitsuClient = default_client) -> FullTask:
    """Return the task with this id, with its entity, project, type, status and assignees."""
    return _api.fetch("data/tasks/{task_id}/full", client, task_id=_api.to_id(task_id, "task_id"))


@cache
def get_task_by_entity(entity: str | Mapping, task_type: str | Mapping, name: str = "main",
                       client: KitsuClient = default_client) -> Task | None:
    """Return an entity's task of a task type with this name, or None."""
    return _api.fetch_first("data/tasks", client, params={
        "name": _api.given(name, "name"), "task_type_id": _api.to_id(task_type, "task_type"),
        "entity_id": _api.to_id(entity, "entity")})


def get_task_by_name(entity: str | Mapping, task_type: str | Mapping, name: str = "main",
                     client: KitsuClient = default_client) -> Task | None:
    """Return an entity's task of a task type with this name, or None (the older name of get_task_by_entity)."""
    return get_task_by_entity(entity, task_type, name=name, client=client)


def get_task_by_path(project: str | Mapping, file_path: str, entity_type: str = "shot",
                     client: KitsuClient = default_client) -> Task | None:
    """Return the task a working folder path of the project's file tree points at, or None.

    ``entity_type`` (``asset``, ``shot`` or ``scene``) names the file tree
    template the path follows. The server reads the entity and the task type
    from the path; the task is the entity's task of that type (the one the
    path names, when the template has a ``<Task>`` folder).
    """
    token = _PATH_ENTITY_TOKENS.get(entity_type)
    if token is None:
        raise InvalidArgumentException("entity_type: expected one of %s, got %r" % (
            ", ".join(sorted(_PATH_ENTITY_TOKENS)), entity_type))
    matches = _api.post("data/entities/guess-from-path", client, {
        "project_id": _api.to_id(project, "project"), "file_path": _api.require(file_path, "file_path"), "sep": "/"})
    for match in matches or []:
        if match.get("Template") == entity_type and match.get(token) and match.get("TaskType"):
            if match.get("Task"):
                return _api.fetch("data/tasks/{task}", client, task=match["Task"])
            return _api.fetch_first("data/tasks", client, params={"entity_id": match[token],
                                                                  "task_type_id": match["TaskType"]})
    return None


@cache
def get_task_url(task: Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of a task's page in Kitsu's web application (from its ``id`` and ``project_id``).

    Raises:
        TaskMustBeADictException: ``task`` is not a dict.
    """
    if not isinstance(task, dict):
        raise TaskMustBeADictException("task: expected a task dict with 'id' and 'project_id', got %r" % (task,))
    task_id = _api.to_id(task, "task")
    return _api.production_url(client, _api.given_id(task.get("project_id"), "project_id"), "shots/tasks/%s/" % task_id)


# Creating and changing tasks -------------------------------------------------------------------


def new_task(entity: str | Mapping, task_type: str | Mapping, name: str = "main", task_status: Mapping | None = None,
             assigner: str | Mapping | None = None, assignees: Collection[str | Mapping] | None = None,
             client: KitsuClient = default_client) -> Task:
    """Return the entity's task of this type and name, created if missing (at the default status unless
    ``task_status`` is given).

    The default status is looked up only when the task is missing (upstream
    looks it up first, for a task it may not create).

    Raises:
        TaskStatusNotFoundException: no ``task_status`` is given and the server has no default status.
    """
    body = {"entity_id": _api.to_id(entity, "entity"), "task_type_id": _api.to_id(task_type, "task_type"),
            "name": _api.given(name, "name"), "assignees": _api.to_ids(assignees, "assignees"),
            **_api.query(assigner_id=_api.optional_id(assigner, "assigner"))}
    status_id = _api.optional_id(task_status, "task_status")
    existing = get_task_by_entity(entity, task_type, name, client=client)
    if existing:
        return existing
    if status_id is None:
        status_id = _api.optional_id(get_default_task_status(client=client), "task_status")
    if status_id is None:  # upstream crashes here with a bare TypeError
        raise TaskStatusNotFoundException("new_task: the server has no default task status: give task_status")
    project_id = entity.get("project_id") if isinstance(entity, dict) else None
    if project_id is None:  # an id string: upstream needs the entity dict
        project_id = _api.fetch("data/entities/{entity}", client, entity=entity)["project_id"]
    return _api.post("data/tasks", client, {**body, "project_id": project_id, **_api.query(task_status_id=status_id)})


def create_entity_tasks(entity: str | Mapping, task_types: Collection[str | Mapping],
                        client: KitsuClient = default_client) -> list[Task]:
    """Create an entity's tasks of these task types; return the new ones (existing tasks are skipped)."""
    return _create_tasks("data/entities/{entity}/tasks", client, task_types, entity=entity)


def create_asset_tasks(asset: str | Mapping, task_types: Collection[str | Mapping],
                       client: KitsuClient = default_client) -> list[Task]:
    """Create an asset's tasks of these task types; return the new ones."""
    return _create_tasks("data/entities/{asset}/tasks", client, task_types, asset=asset)


def create_shot_tasks(shot: str | Mapping, task_types: Collection[str | Mapping],
                      client: KitsuClient = default_client) -> list[Task]:
    """Create a shot's tasks of these task types; return the new ones."""
    return _create_tasks("data/entities/{shot}/tasks", client, task_types, shot=shot)


def create_edit_tasks(edit: str | Mapping, task_types: Collection[str | Mapping],
                      client: KitsuClient = default_client) -> list[Task]:
    """Create an edit's tasks of these task types; return the new ones."""
    return _create_tasks("data/entities/{edit}/tasks", client, task_types, edit=edit)


def create_concept_tasks(concept: str | Mapping, task_types: Collection[str | Mapping],
                         client: KitsuClient = default_client) -> list[Task]:
    """Create a concept's tasks of these task types; return the new ones."""
    return _create_tasks("data/entities/{concept}/tasks", client, task_types, concept=concept)


def update_task(task: Mapping, client: KitsuClient = default_client) -> Task:
    """Save a modified task dict."""
    return _api.update("data/tasks/{task}", client, task, "task", ids=("assignees",))


def update_task_data(task: str | Mapping, data: dict | None = None, client: KitsuClient = default_client) -> Task:
    """Merge ``data`` into a task's free-form ``data`` field (read fresh from the server); return the task."""
    data = _api.data_dict(data)  # checked before the task
    return _api.update("data/tasks/{task}", client, _api.with_merged_data(
        "data/tasks/{task_id}/full", client, data, task_id=_api.to_id(task, "task", uuid=True)), "task")


def remove_task(task: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a task with its comments, previews and files."""
    return _api.delete("data/tasks/{task}", client, force=True, task=task)


def remove_tasks_batch(project: str | Mapping, tasks: Collection[str | Mapping],
                       client: KitsuClient = default_client) -> requests.Response:
    """Delete several tasks of a project; return the server's answer (decoded JSON)."""
    return _api.post("actions/projects/{project}/delete-tasks", client, _api.to_ids(tasks, "tasks"), project=project)


def remove_tasks_for_type(project: str | Mapping, task_type: str | Mapping,
                          client: KitsuClient = default_client) -> str:
    """Delete every task of a task type in a project (administrators only)."""
    return _api.delete("actions/projects/{project}/task-types/{task_type}/delete-tasks", client, project=project,
                       task_type=task_type)


def start_task(task: str | Mapping, started_task_status: str | Mapping | None = None,
               person: str | Mapping | None = None,
               client: KitsuClient = default_client) -> Comment:
    """Set a task to ``started_task_status`` (WIP by default) with a comment; return the comment.

    Raises:
        TaskStatusNotFoundException: no status was given and the server has no ``wip`` status.
    """
    _api.to_id(task, "task")
    _api.optional_id(person, "person")
    status = started_task_status
    if status is None:
        status = get_task_status_by_short_name(_STARTED_STATUS_SHORT_NAME, client=client)
        if status is None:
            raise TaskStatusNotFoundException("started_task_status: the server has no task status with the short "
                                              "name %r: pass the status to start with" % _STARTED_STATUS_SHORT_NAME)
    return add_comment(task, status, person=person, client=client)


@_api.deprecated("post a comment with a feedback-request status instead: add_comment(task, "
             "get_task_status_by_short_name('wfa'), comment, person=person)")
def task_to_review(task: str | Mapping, person: str | Mapping, comment: str, revision: int = 1,
                   change_status: bool = True,
                   client: KitsuClient = default_client) -> FullTask:
    """(Deprecated) Post ``comment`` as ``person``, setting the task to wait for approval; return the task.

    The status is the server's first feedback-request status (``WFA`` on a
    fresh server); with ``change_status=False`` the task keeps its status.
    ``revision`` is ignored: revisions are numbered when a preview is added.

    Raises:
        TaskStatusNotFoundException: the server has no feedback-request status.
    """
    _api.check_ids(task=task, person=person)
    if change_status:
        status = _api.fetch_first("data/task-status", client, params={"is_feedback_request": "true"})
        if status is None:
            raise TaskStatusNotFoundException("the server has no feedback-request task status to set")
    else:
        status = _api.fetch("data/tasks/{task}", client, task=task)["task_status_id"]
    add_comment(task, status, comment, person=person, client=client)
    return get_task(task, client=client)


def publish_preview(task: str | Mapping, task_status: str | Mapping, comment: str = "",
                    person: str | Mapping | None = None,
                    checklist: Collection[Mapping] | None = None, attachments: list[str] | None = None,
                    created_at: str | None = None, preview_file_path: str | None = None,
                    preview_file_url: str | None = None, normalize_movie: bool = True, revision: int | None = None,
                    set_thumbnail: bool = False, links: list[str] | None = None,
                    client: KitsuClient = default_client) -> tuple[Comment, PreviewFile]:
    """Post a comment with a new preview revision (and make it the entity's thumbnail if asked).

    Returns:
        ``(comment, preview_file)``.
    """
    _api.check_ids(task=task, task_status=task_status)
    with _api.preview_source(preview_file_path, preview_file_url, "publish_preview") as source:
        new_comment = add_comment(task, task_status, comment, person=person, checklist=checklist,
                                  attachments=attachments, created_at=created_at, links=links, client=client)
        preview_file = add_preview(task, new_comment, preview_file_path=source, normalize_movie=normalize_movie,
                                   revision=revision, client=client)
    if set_thumbnail:
        set_main_preview(preview_file, client=client)
    return new_comment, preview_file


# Assignment -------------------------------------------------------------------------------------


def assign_task(task: str | Mapping, person: str | Mapping, client: KitsuClient = default_client) -> list[Task]:
    """Assign a person to a task; return the server's answer (the list of the tasks assigned)."""
    return assign_tasks_to_person([_api.to_dict(task, "task")], person, client=client)


def assign_tasks_to_person(tasks: Collection[str | Mapping], person: str | Mapping,
                           client: KitsuClient = default_client) -> list[Task]:
    """Assign a person to several tasks; return the tasks assigned."""
    return _api.put("actions/persons/{person}/assign", client,
                    {"task_ids": _api.to_ids(tasks, "tasks")}, person=person)


def clear_assignations(tasks: str | Mapping | Collection[str | Mapping], person: str | Mapping | None = None,
                       client: KitsuClient = default_client) -> list[str]:
    """Unassign ``person`` (everyone when None) from one or several tasks; return the ids of the tasks changed.

    An empty list of tasks changes nothing and sends nothing.
    """
    task_ids = _api.to_ids(tasks, "tasks")
    if not task_ids:
        return []
    return _api.put("actions/tasks/clear-assignation", client, {
        "task_ids": task_ids, **_api.query(person_id=_api.optional_id(person, "person"))})


# Time spent ------------------------------------------------------------------------------------------


@cache
def get_time_spent(task: str | Mapping, date: str | None = None,
                   client: KitsuClient = default_client) -> dict[str, float | list[TimeSpent]]:
    """Return the time spent on a task (on ``date`` only, when given): entries by person id, and ``total``."""
    if date is not None:
        return get_task_time_spent_for_date(task, date, client=client)
    return _api.fetch("actions/tasks/{task}/time-spents", client, task=task)


@cache
def get_task_time_spent_for_date(task: str | Mapping, date: str,
                                 client: KitsuClient = default_client) -> dict[str, float | list[TimeSpent]]:
    """Return the time spent on a task on a date: entries by person id, and ``total``."""
    return _api.fetch("actions/tasks/{task}/time-spents/%s" % _api.date(date, "date"), client, task=task)


def set_time_spent(task: str | Mapping, person: str | Mapping, date: str, duration: int,
                   client: KitsuClient = default_client) -> TimeSpent:
    """Set the time a person spent on a task on a date; return the time spent entry."""
    return _api.post("actions/tasks/{task}/time-spents/%s/persons/{person}" % _api.date(date, "date"), client,
                     {"duration": duration}, task=task, person=person)


def add_time_spent(task: str | Mapping, person: str | Mapping, date: str, duration: int,
                   client: KitsuClient = default_client) -> TimeSpent:
    """Add to the time a person spent on a task on a date; return the time spent entry."""
    return _api.post("actions/tasks/{task}/time-spents/%s/persons/{person}/add" % _api.date(date, "date"), client,
                     {"duration": duration}, task=task, person=person)


def remove_time_spent(time_spent: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a time spent entry."""
    return _api.delete("data/time-spents/{time_spent}", client, time_spent=time_spent)
