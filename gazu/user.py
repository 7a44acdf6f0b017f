"""The logged-in user's own scope: their tasks, projects, filters, notifications, chats and time.

Every function answers for the user the client is logged in as. Every entity
argument is a dict with an ``"id"`` or an id string; dates are
``YYYY-MM-DD`` strings.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.exception import NotAuthenticatedException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import (
        Asset,
        AssetType,
        Chat,
        Context,
        DayOff,
        DesktopLoginLog,
        Episode,
        Notification,
        NotificationDetails,
        PersonTask,
        Project,
        Scene,
        SearchFilter,
        SearchFilterGroup,
        Sequence,
        Shot,
        Subscription,
        Task,
        TaskType,
        TimeSpent,
    )

# Projects and entities the user has tasks in ------------------------------------


@cache
def all_open_projects(client: KitsuClient = default_client) -> list[Project]:
    """Return the open projects the user belongs to (every open project for an admin), sorted by name."""
    return _api.fetch_list("data/user/projects/open", client, sort=True)


@cache
def all_asset_types_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[AssetType]:
    """Return the asset types of a project in which the user has assigned tasks, sorted by name."""
    return _api.fetch_list("data/user/projects/{project}/asset-types", client, sort=True, project=project)


@cache
def all_assets_for_asset_type_and_project(project: str | Mapping, asset_type: str | Mapping,
                                          client: KitsuClient = default_client) -> list[Asset]:
    """Return the assets of a project and asset type in which the user has assigned tasks, sorted by name."""
    return _api.fetch_list("data/user/projects/{project}/asset-types/{asset_type}/assets", client, sort=True,
                           project=project, asset_type=asset_type)


@cache
def all_episodes_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Episode]:
    """Return the episodes of a project in which the user has assigned tasks, sorted by name."""
    return _api.fetch_list("data/user/projects/{project}/episodes", client, sort=True, project=project)


@cache
def all_sequences_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Sequence]:
    """Return the sequences of a project in which the user has assigned tasks, sorted by name."""
    return _api.fetch_list("data/user/projects/{project}/sequences", client, sort=True, project=project)


@cache
def all_shots_for_sequence(sequence: str | Mapping, client: KitsuClient = default_client) -> list[Shot]:
    """Return the shots of a sequence in which the user has assigned tasks, sorted by name."""
    return _api.fetch_list("data/user/sequences/{sequence}/shots", client, sort=True, sequence=sequence)


@cache
def all_scenes_for_sequence(sequence: str | Mapping, client: KitsuClient = default_client) -> list[Scene]:
    """Return the scenes of a sequence in which the user has assigned tasks, sorted by name."""
    return _api.fetch_list("data/user/sequences/{sequence}/scenes", client, sort=True, sequence=sequence)


# Tasks and task types -----------------------------------------------------------


@cache
def all_tasks_for_asset(asset: str | Mapping, client: KitsuClient = default_client) -> list[Task]:
    """Return the user's tasks on an asset, sorted by name."""
    return _api.fetch_list("data/user/assets/{asset}/tasks", client, sort=True, asset=asset)


@cache
def all_tasks_for_shot(shot: str | Mapping, client: KitsuClient = default_client) -> list[Task]:
    """Return the user's tasks on a shot, sorted by name."""
    return _api.fetch_list("data/user/shots/{shot}/tasks", client, sort=True, shot=shot)


@cache
def all_tasks_for_scene(scene: str | Mapping, client: KitsuClient = default_client) -> list[Task]:
    """Return the user's tasks on a scene, sorted by name."""
    return _api.fetch_list("data/user/scenes/{scene}/tasks", client, sort=True, scene=scene)


@cache
def all_tasks_for_sequence(sequence: str | Mapping, client: KitsuClient = default_client) -> list[Task]:
    """Return the user's tasks on a sequence, sorted by name."""
    return _api.fetch_list("data/user/sequences/{sequence}/tasks", client, sort=True, sequence=sequence)


@cache
def all_task_types_for_asset(asset: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of the user's tasks on an asset, sorted by name."""
    return _api.fetch_list("data/user/assets/{asset}/task-types", client, sort=True, asset=asset)


@cache
def all_task_types_for_shot(shot: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of the user's tasks on a shot, sorted by name."""
    return _api.fetch_list("data/user/shots/{shot}/task-types", client, sort=True, shot=shot)


@cache
def all_task_types_for_scene(scene: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of the user's tasks on a scene, sorted by name."""
    return _api.fetch_list("data/user/scenes/{scene}/task-types", client, sort=True, scene=scene)


@cache
def all_task_types_for_sequence(sequence: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of the user's tasks on a sequence, sorted by name."""
    return _api.fetch_list("data/user/sequences/{sequence}/task-types", client, sort=True, sequence=sequence)


@cache
def all_tasks_to_do(client: KitsuClient = default_client) -> list[PersonTask]:
    """Return the user's unfinished tasks in open projects."""
    return _api.fetch_list("data/user/tasks", client)


@cache
def all_done_tasks(client: KitsuClient = default_client) -> list[PersonTask]:
    """Return the user's finished tasks in open projects."""
    return _api.fetch_list("data/user/done-tasks", client)


@cache
def all_tasks_requiring_feedback(client: KitsuClient = default_client) -> list[PersonTask]:
    """Return the tasks waiting for the user's feedback (tasks to check)."""
    return _api.fetch_list("data/user/tasks-to-check", client)


# Task subscriptions -------------------------------------------------------------


@cache
def check_task_subscription(task: str | Mapping, client: KitsuClient = default_client) -> bool:
    """Tell whether the user is subscribed to a task's notifications."""
    return _api.fetch("data/user/tasks/{task}/subscribed", client, task=task)


def subscribe_to_task(task: str | Mapping, client: KitsuClient = default_client) -> Subscription:
    """Subscribe the user to a task's notifications; return the subscription."""
    return _api.post("actions/user/tasks/{task}/subscribe", client, task=task)


def unsubscribe_from_task(task: str | Mapping, client: KitsuClient = default_client) -> str:
    """Unsubscribe the user from a task's notifications."""
    return _api.delete("actions/user/tasks/{task}/unsubscribe", client, task=task)


# Search filters and filter groups -----------------------------------------------


@cache
def all_filters(client: KitsuClient = default_client) -> dict[str, dict[str, list[SearchFilter]]] | list[Any]:
    """Return the user's saved search filters."""
    return _api.fetch_list("data/user/filters", client)


def new_filter(name: str, query: str, list_type: str, project: str | Mapping | None = None,
               entity_type: str | None = None, client: KitsuClient = default_client) -> SearchFilter:
    """Save a search filter for a list (``list_type``: "asset", "shot", "todo", …), optionally for one project."""
    return _api.post("data/user/filters", client, {
        "name": name,
        "query": query,
        "list_type": list_type,
        "project_id": _api.optional_id(project, "project"),
        "entity_type": entity_type,
    })


def update_filter(filter: Mapping, client: KitsuClient = default_client) -> SearchFilter:
    """Save a modified filter dict."""
    return _api.update("data/user/filters/{filter}", client, filter, "filter")


def remove_filter(filter: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a saved search filter."""
    return _api.delete("data/user/filters/{filter}", client, filter=filter)


@cache
def all_filter_groups(
        client: KitsuClient = default_client) -> dict[str, dict[str, list[SearchFilterGroup]]] | list[Any]:
    """Return the user's filter groups."""
    return _api.fetch_list("data/user/filter-groups", client)


@cache
def get_filter_group(filter_group: str | Mapping, client: KitsuClient = default_client) -> SearchFilterGroup:
    """Return one of the user's filter groups."""
    return _api.fetch("data/user/filter-groups/{filter_group}", client, filter_group=filter_group)


def new_filter_group(name: str, project: str | Mapping | None = None,
                     client: KitsuClient = default_client) -> SearchFilterGroup:
    """Create a filter group, optionally for one project."""
    return _api.post("data/user/filter-groups", client, {
        "name": name,
        "project_id": _api.optional_id(project, "project"),
    })


def update_filter_group(filter_group: Mapping, client: KitsuClient = default_client) -> SearchFilterGroup:
    """Save a modified filter group dict."""
    return _api.update("data/user/filter-groups/{filter_group}", client, filter_group, "filter_group")


def remove_filter_group(filter_group: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a filter group."""
    return _api.delete("data/user/filter-groups/{filter_group}", client, filter_group=filter_group)


# Notifications -------------------------------------------------------------------


@cache
def all_notifications(client: KitsuClient = default_client) -> list[NotificationDetails]:
    """Return the user's notifications."""
    return _api.fetch_list("data/user/notifications", client)


@cache
def get_notification(notification: str | Mapping, client: KitsuClient = default_client) -> NotificationDetails:
    """Return one of the user's notifications."""
    return _api.fetch("data/user/notifications/{notification}", client, notification=notification)


def update_notification(notification: Mapping, client: KitsuClient = default_client) -> Notification:
    """Save a modified notification dict (the server keeps its ``read`` flag)."""
    return _api.update("data/user/notifications/{notification}", client, notification, "notification")


def mark_all_notifications_as_read(client: KitsuClient = default_client) -> dict[Literal['success'], bool]:
    """Mark every notification of the user as read."""
    return _api.post("actions/user/notifications/mark-all-as-read", client)


# Time spent and days off ---------------------------------------------------------


@cache
def get_time_spents_by_date(date: str, client: KitsuClient = default_client) -> list[TimeSpent]:
    """Return the time the user spent on each task on a day."""
    return _api.fetch("data/user/time-spents/{date}".format(date=_api.date(date, "date")), client)


@cache
def get_task_time_spent(task: str | Mapping, date: str, client: KitsuClient = default_client) -> TimeSpent:
    """Return the time the user spent on a task on a day."""
    return client.get("data/user/tasks/{task}/time-spents/{date}".format(task=_api.to_id(task, "task"),
                                                                       date=_api.date(date, "date")))


@cache
def get_timespents_range(start_date: str, end_date: str, client: KitsuClient = default_client) -> list[TimeSpent]:
    """Return the user's time spent between two days, both included."""
    return _api.fetch("data/user/time-spents", client, params={
        "start_date": _api.date(start_date, "start_date"), "end_date": _api.date(end_date, "end_date")})


@cache
def get_day_off(date: str, client: KitsuClient = default_client) -> DayOff | dict[str, Any]:
    """Return the user's day off on a day (an empty dict when they work that day)."""
    return _api.fetch("data/user/day-offs/{date}".format(date=_api.date(date, "date")), client)


# Chats ----------------------------------------------------------------------------


@cache
def all_chats(client: KitsuClient = default_client) -> list[Chat]:
    """Return the entity chats the user has joined."""
    return _api.fetch_list("data/user/chats", client)


def join_chat(chat: str | Mapping, client: KitsuClient = default_client) -> Chat:
    """Join the chat of an entity (``chat`` is the entity or its id)."""
    return _api.post("actions/user/chats/{chat}/join", client, chat=chat)


def leave_chat(chat: str | Mapping, client: KitsuClient = default_client) -> str:
    """Leave the chat of an entity."""
    return _api.delete("actions/user/chats/{chat}/join", client, chat=chat)


# Session, context and profile --------------------------------------------------------


def is_authenticated(client: KitsuClient = default_client) -> bool:
    """Tell whether the client's tokens are accepted by the server.

    A 401 (a missing or expired token) means no; as upstream, any other
    error is raised (Zou answers 422, a ``ValidationException``, to a
    malformed token).
    """
    try:
        return bool(_api.fetch("auth/authenticated", client).get("authenticated"))
    except NotAuthenticatedException:
        return False


@cache
def get_context(client: KitsuClient = default_client) -> Context:
    """Return what the user's session needs: projects, task types, statuses, people, …"""
    return _api.fetch("data/user/context", client)


@cache
def all_desktop_login_logs(client: KitsuClient = default_client) -> list[DesktopLoginLog]:
    """Return the user's desktop log-in records."""
    return _api.fetch_list("data/user/desktop-login-logs", client)


def log_desktop_session_log_in(client: KitsuClient = default_client) -> DesktopLoginLog:
    """Record that the user logged in from a desktop application, now (UTC, as the server keeps dates)."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None).isoformat()
    return _api.post("data/user/desktop-login-logs", client, {"date": now})


def clear_avatar(client: KitsuClient = default_client) -> str:
    """Remove the user's avatar picture."""
    return _api.delete("actions/user/clear-avatar", client)
