"""Layout scenes: the 3D scenes of a sequence from which shots are made, and their asset instances.

Every entity argument is a dict with an ``"id"`` or an id string. A scene
belongs to a sequence (its ``parent_id``) and can be linked to shots; the
asset instances of a scene are numbered copies of assets placed in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import AssetInstance, Entity, Scene, Sequence, Shot

# Scenes -------------------------------------------------------------------------


@cache
def all_scenes(project: str | Mapping | None = None, client: KitsuClient = default_client) -> list[Scene]:
    """Return the scenes of every project, or of one project (as :func:`all_scenes_for_project`), sorted by name."""
    if project is None:
        return _api.fetch_list("data/scenes/all", client, sort=True)
    return _api.fetch_list("data/projects/{project}/scenes", client, sort=True, project=project)


def all_scenes_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Scene]:
    """Return the scenes of a project, sorted by name."""
    return _api.fetch_list("data/projects/{project}/scenes", client, sort=True, project=project)


@cache
def all_scenes_for_sequence(sequence: str | Mapping, client: KitsuClient = default_client) -> list[Scene]:
    """Return the scenes of a sequence, sorted by name."""
    return _api.fetch_list("data/sequences/{sequence}/scenes", client, sort=True, sequence=sequence)


@cache
def get_scene(scene_id: str, client: KitsuClient = default_client) -> Scene:
    """Return the scene with this id, with its project, sequence and episode names and ids."""
    return _api.fetch("data/scenes/{scene_id}", client, scene_id=scene_id)


@cache
def get_scene_by_name(sequence: str | Mapping, scene_name: str, client: KitsuClient = default_client) -> Scene | None:
    """Return the sequence's scene with this name, or None."""
    return _api.fetch_first("data/scenes/all", client, params=_api.plain_query(
        parent_id=_api.to_id(sequence, "sequence"), name=scene_name))


@cache
def get_sequence_from_scene(scene: str | Mapping, client: KitsuClient = default_client) -> Sequence:
    """Return the sequence a scene belongs to: its dict's ``parent_id``, else the scene is read for it."""
    if not (isinstance(scene, dict) and scene.get("parent_id")):
        scene = get_scene(_api.to_id(scene, "scene"), client=client)
    return _api.fetch("data/sequences/{sequence_id}", client, sequence_id=scene["parent_id"])


def new_scene(project: str | Mapping, sequence: str | Mapping, name: str,
              client: KitsuClient = default_client) -> Scene:
    """Create a scene in a sequence (the server returns the existing one when the name is taken there)."""
    body = {"name": name, "sequence_id": _api.to_id(sequence, "sequence")}
    return _api.post("data/projects/{project}/scenes", client, body, project=project)


def update_scene(scene: Mapping, client: KitsuClient = default_client) -> Scene:
    """Save a modified scene dict (its ``data`` keys are merged into the stored ones)."""
    return _api.update("data/entities/{scene}", client, scene, "scene")


# Shots made from a scene --------------------------------------------------------


@cache
def all_shots_for_scene(scene: str | Mapping, client: KitsuClient = default_client) -> list[Shot]:
    """Return the shots linked to a scene."""
    return _api.fetch_list("data/scenes/{scene}/shots", client, scene=scene)


def add_shot_to_scene(scene: str | Mapping, shot: str | Mapping, client: KitsuClient = default_client) -> Entity:
    """Link a shot to a scene; return the link."""
    return _api.post("data/scenes/{scene}/shots", client, {"shot_id": _api.to_id(shot, "shot")}, scene=scene)


def remove_shot_from_scene(scene: str | Mapping, shot: str | Mapping, client: KitsuClient = default_client) -> str:
    """Remove the link between a shot and a scene."""
    return _api.delete("data/scenes/{scene}/shots/{shot}", client, scene=scene, shot=shot)


# Asset instances ----------------------------------------------------------------


@cache
def all_asset_instances_for_scene(scene: str | Mapping,
                                  client: KitsuClient = default_client) -> dict[str, list[AssetInstance]]:
    """Return the asset instances of a scene, grouped by asset id as the server sends them."""
    return _api.fetch("data/scenes/{scene}/asset-instances", client, scene=scene)


@cache
def all_camera_instances_for_scene(scene: str | Mapping,
                                   client: KitsuClient = default_client) -> dict[str, list[AssetInstance]]:
    """Return the instances of the scene's cameras (assets of the "Camera" type), grouped by asset id."""
    return _api.fetch("data/scenes/{scene}/camera-instances", client, scene=scene)


@cache
def get_asset_instance_by_name(scene: str | Mapping, name: str,
                               client: KitsuClient = default_client) -> AssetInstance | None:
    """Return the scene's asset instance with this name, or None."""
    return _api.fetch_first("data/asset-instances", client, params=_api.plain_query(
        name=name, scene_id=_api.to_id(scene, "scene")))


def new_scene_asset_instance(scene: str | Mapping, asset: str | Mapping, description: str | None = None,
                             client: KitsuClient = default_client) -> AssetInstance:
    """Place a new instance of an asset in a scene; the server numbers and names it."""
    body = {"asset_id": _api.to_id(asset, "asset"), **_api.query(description=description)}
    return _api.post("data/scenes/{scene}/asset-instances", client, body, scene=scene)


def update_asset_instance_name(asset_instance: Mapping, name: str,
                               client: KitsuClient = default_client) -> AssetInstance:
    """Rename an asset instance."""
    return _api.put("data/asset-instances/{asset_instance}", client, {"name": name}, asset_instance=asset_instance)


def update_asset_instance_data(asset_instance: str | Mapping, data: dict,
                               client: KitsuClient = default_client) -> AssetInstance:
    """Replace the free-form ``data`` of an asset instance (``{}`` or None clears it)."""
    return _api.put("data/asset-instances/{asset_instance}", client,
                    {"data": None if data is None else _api.data_dict(data)}, asset_instance=asset_instance)
