"""Listings for a browsing context: the studio's, or only what the user works on.

With ``user_context=True`` a listing keeps only the projects and entities in
which the logged-in user has assigned tasks (the :mod:`gazu.user` listings);
otherwise it lists everything the user may see. Lists are sorted by name.

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

from typing import Callable

from gazu import _api
from gazu import project as _project
from gazu import user as _user
from gazu.client import KitsuClient, default_client


def _listing(user_context: bool, user_listing: Callable[..., list], route: str, client: KitsuClient,
             **entities: str | dict) -> list[dict]:
    """Return ``user_listing(*entities)`` with ``user_context``, else the studio-wide list at ``route``.

    The studio-wide listings are the requests gazu.asset, gazu.shot,
    gazu.scene and gazu.task send for them (without their caching).
    """
    if user_context:
        return user_listing(*entities.values(), client=client)
    return _api.fetch_list(route, client, sort=True, **entities)


# Projects -----------------------------------------------------------------------


def all_open_projects(user_context: bool = False, client: KitsuClient = default_client) -> list[dict]:
    """Return the open projects (only the user's with ``user_context``)."""
    if user_context:
        return _user.all_open_projects(client=client)
    return _project.all_open_projects(client=client)


# Assets -------------------------------------------------------------------------


def all_asset_types_for_project(project: str | dict, user_context: bool = False,
                                client: KitsuClient = default_client) -> list[dict]:
    """Return the asset types used in a project."""
    return _listing(user_context, _user.all_asset_types_for_project,
                    "data/projects/{}/asset-types", client, project=project)


def all_assets_for_asset_type_and_project(project: str | dict, asset_type: str | dict, user_context: bool = False,
                                          client: KitsuClient = default_client) -> list[dict]:
    """Return the assets of one type in a project."""
    return _listing(user_context, _user.all_assets_for_asset_type_and_project,
                    "data/projects/{}/asset-types/{}/assets", client, project=project, asset_type=asset_type)


def all_assets_for_project(project: str | dict, client: KitsuClient = default_client) -> list[dict]:
    """Return the assets of a project."""
    return _api.fetch_list("data/projects/{}/assets", client, sort=True, project=project)


# Episodes, sequences, shots and scenes ------------------------------------------


def all_episodes_for_project(project: str | dict, user_context: bool = False,
                             client: KitsuClient = default_client) -> list[dict]:
    """Return the episodes of a project."""
    return _listing(user_context, _user.all_episodes_for_project,
                    "data/projects/{}/episodes", client, project=project)


def all_sequences_for_project(project: str | dict, user_context: bool = False,
                              client: KitsuClient = default_client) -> list[dict]:
    """Return the sequences of a project."""
    return _listing(user_context, _user.all_sequences_for_project,
                    "data/projects/{}/sequences", client, project=project)


def all_sequences_for_episode(episode: str | dict, client: KitsuClient = default_client) -> list[dict]:
    """Return the sequences of an episode."""
    return _api.fetch_list("data/episodes/{}/sequences", client, sort=True, episode=episode)


def all_shots_for_sequence(sequence: str | dict, user_context: bool = False,
                           client: KitsuClient = default_client) -> list[dict]:
    """Return the shots of a sequence."""
    return _listing(user_context, _user.all_shots_for_sequence,
                    "data/sequences/{}/shots", client, sequence=sequence)


def all_scenes_for_project(project: str | dict, client: KitsuClient = default_client) -> list[dict]:
    """Return the scenes of a project."""
    return _api.fetch_list("data/projects/{}/scenes", client, sort=True, project=project)


def all_scenes_for_sequence(sequence: str | dict, user_context: bool = False,
                            client: KitsuClient = default_client) -> list[dict]:
    """Return the scenes of a sequence."""
    return _listing(user_context, _user.all_scenes_for_sequence,
                    "data/sequences/{}/scenes", client, sequence=sequence)


# Task types ---------------------------------------------------------------------


def all_task_types_for_asset(asset: str | dict, user_context: bool = False,
                             client: KitsuClient = default_client) -> list[dict]:
    """Return the task types of an asset's tasks."""
    return _listing(user_context, _user.all_task_types_for_asset,
                    "data/assets/{}/task-types", client, asset=asset)


def all_task_types_for_shot(shot: str | dict, user_context: bool = False,
                            client: KitsuClient = default_client) -> list[dict]:
    """Return the task types of a shot's tasks."""
    return _listing(user_context, _user.all_task_types_for_shot,
                    "data/shots/{}/task-types", client, shot=shot)


def all_task_types_for_scene(scene: str | dict, user_context: bool = False,
                             client: KitsuClient = default_client) -> list[dict]:
    """Return the task types of a scene's tasks."""
    return _listing(user_context, _user.all_task_types_for_scene,
                    "data/scenes/{}/task-types", client, scene=scene)


def all_task_types_for_sequence(sequence: str | dict, user_context: bool = False,
                                client: KitsuClient = default_client) -> list[dict]:
    """Return the task types of a sequence's tasks."""
    return _listing(user_context, _user.all_task_types_for_sequence,
                    "data/sequences/{}/task-types", client, sequence=sequence)
