"""Listings for a browsing context: the studio's, or only what the user works on.

With ``user_context=True`` a listing keeps only the projects and entities in
which the logged-in user has assigned tasks (the :mod:`gazu.user` listings);
otherwise it lists everything the user may see (the :mod:`gazu.project`,
:mod:`gazu.asset`, :mod:`gazu.shot`, :mod:`gazu.scene` and :mod:`gazu.task`
listings, with their caching). Lists are sorted by name.

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gazu import asset as _asset
from gazu import project as _project
from gazu import scene as _scene
from gazu import shot as _shot
from gazu import task as _task
from gazu import user as _user
from gazu.client import KitsuClient, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Asset, AssetType, Episode, Project, Scene, Sequence, Shot, TaskType

# Projects and assets ------------------------------------------------------------


def all_open_projects(user_context: bool = False, client: KitsuClient = default_client) -> list[Project]:
    """Return the open projects."""
    listing = _user.all_open_projects if user_context else _project.all_open_projects
    return listing(client=client)


def all_asset_types_for_project(project: str | Mapping, user_context: bool = False,
                                client: KitsuClient = default_client) -> list[AssetType]:
    """Return the asset types used in a project."""
    listing = _user.all_asset_types_for_project if user_context else _asset.all_asset_types_for_project
    return listing(project, client=client)


def all_assets_for_asset_type_and_project(project: str | Mapping, asset_type: str | Mapping, user_context: bool = False,
                                          client: KitsuClient = default_client) -> list[Asset]:
    """Return the assets of one type in a project."""
    listing = _user.all_assets_for_asset_type_and_project if user_context else _asset.all_assets_for_project_and_type
    return listing(project, asset_type, client=client)


def all_assets_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Asset]:
    """Return the assets of a project."""
    return _asset.all_assets_for_project(project, client=client)


# Episodes, sequences, shots and scenes ------------------------------------------


def all_episodes_for_project(project: str | Mapping, user_context: bool = False,
                             client: KitsuClient = default_client) -> list[Episode]:
    """Return the episodes of a project."""
    listing = _user.all_episodes_for_project if user_context else _shot.all_episodes_for_project
    return listing(project, client=client)


def all_sequences_for_project(project: str | Mapping, user_context: bool = False,
                              client: KitsuClient = default_client) -> list[Sequence]:
    """Return the sequences of a project."""
    listing = _user.all_sequences_for_project if user_context else _shot.all_sequences_for_project
    return listing(project, client=client)


def all_sequences_for_episode(episode: str | Mapping, client: KitsuClient = default_client) -> list[Sequence]:
    """Return the sequences of an episode."""
    return _shot.all_sequences_for_episode(episode, client=client)


def all_shots_for_sequence(sequence: str | Mapping, user_context: bool = False,
                           client: KitsuClient = default_client) -> list[Shot]:
    """Return the shots of a sequence."""
    listing = _user.all_shots_for_sequence if user_context else _shot.all_shots_for_sequence
    return listing(sequence, client=client)


def all_scenes_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Scene]:
    """Return the scenes of a project."""
    return _scene.all_scenes_for_project(project, client=client)


def all_scenes_for_sequence(sequence: str | Mapping, user_context: bool = False,
                            client: KitsuClient = default_client) -> list[Scene]:
    """Return the scenes of a sequence."""
    listing = _user.all_scenes_for_sequence if user_context else _scene.all_scenes_for_sequence
    return listing(sequence, client=client)


# Task types ---------------------------------------------------------------------


def all_task_types_for_asset(asset: str | Mapping, user_context: bool = False,
                             client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of an asset's tasks."""
    listing = _user.all_task_types_for_asset if user_context else _task.all_task_types_for_asset
    return listing(asset, client=client)


def all_task_types_for_shot(shot: str | Mapping, user_context: bool = False,
                            client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of a shot's tasks."""
    listing = _user.all_task_types_for_shot if user_context else _task.all_task_types_for_shot
    return listing(shot, client=client)


def all_task_types_for_scene(scene: str | Mapping, user_context: bool = False,
                             client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of a scene's tasks."""
    listing = _user.all_task_types_for_scene if user_context else _task.all_task_types_for_scene
    return listing(scene, client=client)


def all_task_types_for_sequence(sequence: str | Mapping, user_context: bool = False,
                                client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of a sequence's tasks.

    Zou answers differently per context: studio-wide, the task types of the
    tasks of the sequence's shots and scenes; for the user, those of their
    tasks on the sequence itself.
    """
    listing = _user.all_task_types_for_sequence if user_context else _task.all_task_types_for_sequence
    return listing(sequence, client=client)
