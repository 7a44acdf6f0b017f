"""Assets, their types and their instances, and the Kitsu web pages that show them.

Every entity argument is a dict with an ``"id"`` or an id string. An asset
belongs to a project and has an asset type (its ``entity_type_id``); in a TV
show it may belong to an episode (its ``episode_id``, stored by the server as
``source_id``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import requests

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.sorting import sort_by_name

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import Asset, AssetInstance, AssetType, Episode


def _saveable(asset: Any) -> Any:
    """Return an asset dict the server accepts back.

    The server reads an asset's episode from ``source_id``, and renders a
    missing preview or ready-for task type as ``""`` or ``"None"``, which
    it refuses when written back: those are sent as null.
    """
    if not isinstance(asset, dict):
        return asset
    saveable = {key: None if value in ("", "None") and (key.endswith("_id") or key == "ready_for") else value
                for key, value in asset.items()}
    if "episode_id" in asset:
        saveable["source_id"] = saveable["episode_id"]
    return saveable


def _tvshow_episode(project: Mapping, episode_id: str | None = None) -> str | None:
    """Return the episode a production's asset pages sit in: in a TV show, the asset's or "main"; else none."""
    return (episode_id or "main") if project.get("production_type") == "tvshow" else None


# Assets -------------------------------------------------------------------------


@cache
def all_assets_for_open_projects(client: KitsuClient = default_client) -> list[Asset]:
    """Return the assets of every open project, sorted by name."""
    projects = _api.fetch_list("data/projects/open", client, sort=True)
    return sort_by_name([asset for project in projects for asset in all_assets_for_project(project, client=client)])


@cache
def all_assets_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Asset]:
    """Return the assets of a project (of every project for None), sorted by name."""
    if project is None:
        return _api.fetch_list("data/assets/all", client, sort=True)
    return _api.fetch_list("data/projects/{project}/assets", client, sort=True, project=project)


@cache
def all_assets_for_episode(episode: str | Mapping, client: KitsuClient = default_client) -> list[Asset]:
    """Return the assets that belong to an episode, sorted by name."""
    return _api.fetch_list("data/assets", client, sort=True, params={"source_id": _api.to_id(episode, "episode")})


@cache
def all_assets_for_shot(shot: str | Mapping, client: KitsuClient = default_client) -> list[Asset]:
    """Return the assets cast in a shot, sorted by name."""
    return _api.fetch_list("data/shots/{shot}/assets", client, sort=True, shot=shot)


@cache
def all_assets_for_project_and_type(project: str | Mapping, asset_type: str | Mapping,
                                    client: KitsuClient = default_client) -> list[Asset]:
    """Return the assets of a project with this asset type, sorted by name."""
    return _api.fetch_list("data/projects/{project}/asset-types/{asset_type}/assets", client, sort=True,
                           project=project, asset_type=asset_type)


@cache
def get_asset(asset_id: str, client: KitsuClient = default_client) -> Asset:
    """Return the asset with this id, with its project, type and episode names and ids."""
    return _api.fetch("data/assets/{asset_id}", client, asset_id=asset_id)


@cache
def get_asset_by_name(project: str | Mapping, name: str, asset_type: str | Mapping | None = None,
                      client: KitsuClient = default_client) -> Asset | None:
    """Return the project's asset with this name (and asset type, if given), or None."""
    return _api.fetch_first("data/assets/all", client, params={
        **_api.plain_query(project_id=_api.to_id(project, "project"), name=name),
        **_api.query(entity_type_id=_api.optional_id(asset_type, "asset_type"))})


def new_asset(project: str | Mapping, asset_type: str | Mapping, name: str, description: str | None = None,
              extra_data: dict | None = None, episode: str | Mapping | None = None, is_shared: bool = False,
              client: KitsuClient = default_client) -> Asset:
    """Create an asset, or return the project's asset of this type that has this name.

    ``extra_data`` fills the asset's free-form ``data`` field; ``is_shared``
    makes it usable in other projects' asset libraries.
    """
    _api.to_id(asset_type, "asset_type")  # before the look-up, which takes None for any type
    body = {"name": name, "data": _api.data_dict(extra_data, "extra_data"),
            "is_shared": is_shared,
            **_api.query(description=description, episode_id=_api.optional_id(episode, "episode"))}
    existing = get_asset_by_name(project, name, asset_type, client=client)
    return existing or _api.post("data/projects/{project}/asset-types/{asset_type}/assets/new", client, body,
                                 project=project, asset_type=asset_type)


def update_asset(asset: Mapping, client: KitsuClient = default_client) -> Asset:
    """Save a modified asset dict, as :func:`get_asset` returns it; a changed ``episode_id`` moves the asset."""
    return _api.update("data/entities/{asset}", client, _saveable(asset), "asset")


def update_asset_data(asset: str | Mapping, data: dict | None = None, client: KitsuClient = default_client) -> Asset:
    """Merge ``data`` into the asset's free-form ``data`` field (read fresh), keeping its other keys."""
    return update_asset(_api.with_merged_data("data/assets/{asset}", client, data, asset=asset), client=client)


def remove_asset(asset: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete an asset; without ``force``, an asset with tasks is only marked as canceled."""
    return _api.delete("data/assets/{asset}", client, force=force, asset=asset)


@cache
def get_episode_from_asset(asset: Mapping, client: KitsuClient = default_client) -> Episode | None:
    """Return the episode an asset dict belongs to (its ``source_id``, else its ``episode_id``), or None."""
    asset = _api.entity(asset, "asset")
    episode_id = asset.get("source_id") or asset.get("episode_id")
    return _api.fetch("data/episodes/{episode}", client, episode=episode_id) if episode_id else None


# Asset types ----------------------------------------------------------------------


@cache
def all_asset_types(client: KitsuClient = default_client) -> list[AssetType]:
    """Return every asset type, sorted by name."""
    return _api.fetch_list("data/asset-types", client, sort=True)


@cache
def all_asset_types_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[AssetType]:
    """Return the asset types of a project's assets, sorted by name."""
    return _api.fetch_list("data/projects/{project}/asset-types", client, sort=True, project=project)


@cache
def all_asset_types_for_shot(shot: str | Mapping, client: KitsuClient = default_client) -> list[AssetType]:
    """Return the asset types of the assets cast in a shot, sorted by name."""
    return _api.fetch_list("data/shots/{shot}/asset-types", client, sort=True, shot=shot)


@cache
def get_asset_type(asset_type_id: str, client: KitsuClient = default_client) -> AssetType:
    """Return the asset type with this id."""
    return _api.fetch("data/asset-types/{asset_type_id}", client,
                      asset_type_id=_api.to_id(asset_type_id, "asset_type_id"))


@cache
def get_asset_type_by_name(name: str, client: KitsuClient = default_client) -> AssetType | None:
    """Return the entity type with this name, or None."""
    return _api.fetch_first("data/entity-types", client, params=_api.plain_query(name=name))


@cache
def get_asset_type_from_asset(asset: Mapping, client: KitsuClient = default_client) -> AssetType:
    """Return the asset type of an asset dict."""
    return get_asset_type(_api.field(asset, "asset", "entity_type_id"), client=client)


def new_asset_type(name: str, client: KitsuClient = default_client) -> AssetType:
    """Create an asset type, or return the one with this name."""
    return get_asset_type_by_name(name, client=client) or _api.post("data/entity-types", client, {"name": name})


def update_asset_type(asset_type: Mapping, client: KitsuClient = default_client) -> AssetType:
    """Rename an asset type: send the ``name`` of a modified asset type dict."""
    name = _api.field(asset_type, "asset_type", "name", any_value=True)
    return _api.put("data/entity-types/{asset_type}", client, {"name": name}, asset_type=asset_type)


def remove_asset_type(asset_type: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete an asset type no asset uses."""
    return _api.delete("data/entity-types/{asset_type}", client, asset_type=asset_type)


# Asset instances ------------------------------------------------------------------


@cache
def all_asset_instances_for_asset(asset: str | Mapping,
                                  client: KitsuClient = default_client) -> dict[str, list[AssetInstance]]:
    """Return the instances of other assets placed in an asset (a set's props, for instance)."""
    return _api.fetch("data/assets/{asset}/asset-asset-instances", client, asset=asset)


@cache
def all_shot_asset_instances_for_asset(asset: str | Mapping,
                                       client: KitsuClient = default_client) -> dict[str, list[AssetInstance]]:
    """Return the instances of an asset placed in shots."""
    return _api.fetch("data/assets/{asset}/shot-asset-instances", client, asset=asset)


@cache
def all_scene_asset_instances_for_asset(asset: str | Mapping,
                                        client: KitsuClient = default_client) -> dict[str, list[AssetInstance]]:
    """Return the instances of an asset placed in scenes."""
    return _api.fetch("data/assets/{asset}/scene-asset-instances", client, asset=asset)


def all_asset_instances_for_shot(shot: str | Mapping,
                                 client: KitsuClient = default_client) -> dict[str, list[AssetInstance]]:
    """Return the asset instances placed in a shot."""
    return _api.fetch("data/shots/{shot}/asset-instances", client, shot=shot)


@cache
def get_asset_instance(asset_instance_id: str, client: KitsuClient = default_client) -> AssetInstance:
    """Return the asset instance with this id."""
    return _api.fetch("data/asset-instances/{asset_instance_id}", client, asset_instance_id=asset_instance_id)


def new_asset_asset_instance(asset: str | Mapping, asset_to_instantiate: str | Mapping, description: str | None = None,
                             client: KitsuClient = default_client) -> AssetInstance:
    """Place an instance of ``asset_to_instantiate`` in ``asset``; the server numbers it."""
    body = {"asset_to_instantiate_id": _api.to_id(asset_to_instantiate, "asset_to_instantiate"),
            **_api.query(description=description)}
    return _api.post("data/assets/{asset}/asset-asset-instances", client, body, asset=asset)


def enable_asset_instance(asset_instance: str | Mapping, client: KitsuClient = default_client) -> AssetInstance:
    """Mark an asset instance as active."""
    return _api.put("data/asset-instances/{asset_instance}", client, {"active": True}, asset_instance=asset_instance)


def disable_asset_instance(asset_instance: str | Mapping, client: KitsuClient = default_client) -> AssetInstance:
    """Mark an asset instance as inactive."""
    return _api.put("data/asset-instances/{asset_instance}", client, {"active": False}, asset_instance=asset_instance)


# CSV import and export -------------------------------------------------------------


def import_assets_with_csv(project: str | Mapping, csv_file_path: str, client: KitsuClient = default_client,
                           progress_callback=None) -> list[Asset]:
    """Create or update a project's assets from a Kitsu CSV file; return the assets."""
    return _api.upload("import/csv/projects/{project}/assets", client, csv_file_path, argument="csv_file_path",
                       progress_callback=progress_callback, project=project)


def export_assets_with_csv(project: str | Mapping, csv_file_path: str, episode: str | Mapping | None = None,
                           assigned_to: str | Mapping | None = None, client: KitsuClient = default_client,
                           progress_callback=None) -> requests.Response:
    """Save a project's assets as a CSV file (only an episode's, or only those with tasks assigned to a person)."""
    params = _api.query(episode_id=_api.optional_id(episode, "episode"),
                        assigned_to=_api.optional_id(assigned_to, "assigned_to"))
    return _api.download("export/csv/projects/{project}/assets.csv", client, csv_file_path, argument="csv_file_path",
                         params=params, progress_callback=progress_callback, project=project)


# Kitsu web addresses ---------------------------------------------------------------


@cache
def get_all_assets_url(project: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the project's asset list in Kitsu (the "main" episode's, for a TV show)."""
    production = _api.fetch("data/projects/{project}", client, project=project)
    return _api.production_url(client, production["id"], "assets/", episode=_tvshow_episode(production))


@cache
def get_asset_url(asset: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the asset's page in Kitsu (the asset is read fresh)."""
    found = get_asset(_api.to_id(asset, "asset"), client=client)
    project = _api.fetch("data/projects/{project_id}", client, project_id=found["project_id"])
    return _api.production_url(client, project["id"], "assets/%s/" % found["id"],
                               episode=_tvshow_episode(project, found.get("episode_id")))


@cache
def get_asset_type_url(project: str | Mapping, asset_type: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the project's asset list in Kitsu, filtered on this asset type.

    An asset type dict with its ``name`` is not read again.
    """
    if isinstance(asset_type, dict) and "name" in asset_type:
        name = asset_type["name"]
        production = _api.fetch("data/projects/{project}", client, project=project)
    else:
        asset_type_id = _api.to_id(asset_type, "asset_type")  # checked before any read
        production = _api.fetch("data/projects/{project}", client, project=project)
        name = get_asset_type(asset_type_id, client=client)["name"]
    return _api.production_url(client, production["id"], "assets?" + urlencode({"search": "type=[%s]" % name}),
                               episode=_tvshow_episode(production))
