"""Episodes, sequences and shots: the temporal breakdown of a production.

Every entity argument is a dict with an ``"id"`` or an id string. A shot
belongs to a sequence (its ``parent_id``), and in a TV show a sequence
belongs to an episode (its ``parent_id``). Each entity has a free-form
``data`` dict; a shot keeps its frame range there (``frame_in``,
``frame_out``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

import requests

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import AssetInstance, Entity, EntityPreviewFile, Episode, Sequence, Shot


# Episodes -----------------------------------------------------------------------


@cache
def all_episodes_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Episode]:
    """Return the episodes of a project, sorted by name."""
    return _api.fetch_list("data/projects/{project}/episodes", client, sort=True, project=project)


@cache
def get_episode(episode_id: str, client: KitsuClient = default_client) -> Episode:
    """Return the episode with this id."""
    return _api.fetch("data/episodes/{episode_id}", client, episode_id=episode_id)


@cache
def get_episode_by_name(project: str | Mapping, episode_name: str,
                        client: KitsuClient = default_client) -> Episode | None:
    """Return the project's episode with this name, or None."""
    return _api.fetch_first("data/episodes", client, params=_api.plain_query(
        project_id=_api.to_id(project, "project"), name=episode_name))


@cache
def get_episode_from_sequence(sequence: Mapping, client: KitsuClient = default_client) -> Episode | None:
    """Return the episode a sequence dict belongs to (its ``parent_id``), or None outside a TV show."""
    episode_id = _api.field(sequence, "sequence", "parent_id", any_value=True)
    return _api.fetch("data/episodes/{episode_id}", client, episode_id=episode_id) if episode_id else None


def new_episode(project: str | Mapping, name: str, client: KitsuClient = default_client) -> Episode:
    """Create an episode, or return the project's episode that has this name."""
    existing = get_episode_by_name(project, name, client=client)
    return existing or _api.post("data/projects/{project}/episodes", client, {"name": name}, project=project)


def update_episode(episode: Mapping, client: KitsuClient = default_client) -> Episode:
    """Save a modified episode dict (its ``data`` keys are merged into the stored ones)."""
    return _api.update("data/entities/{episode}", client, episode, "episode")


def update_episode_data(episode: str | Mapping, data: dict | None = None,
                        client: KitsuClient = default_client) -> Episode:
    """Merge ``data`` into the episode's free-form ``data`` field (read fresh), keeping its other keys."""
    return update_episode(_api.with_merged_data("data/episodes/{episode}", client, data, episode=episode),
                          client=client)


def remove_episode(episode: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete an episode and what it holds; without ``force``, an episode with tasks is only canceled."""
    return _api.delete("data/episodes/{episode}", client, force=force, episode=episode)


# Sequences ----------------------------------------------------------------------


@cache
def all_sequences_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Sequence]:
    """Return the sequences of a project, sorted by name."""
    return _api.fetch_list("data/projects/{project}/sequences", client, sort=True, project=project)


@cache
def all_sequences_for_episode(episode: str | Mapping, client: KitsuClient = default_client) -> list[Sequence]:
    """Return the sequences of an episode, sorted by name."""
    return _api.fetch_list("data/episodes/{episode}/sequences", client, sort=True, episode=episode)


@cache
def get_sequence(sequence_id: str, client: KitsuClient = default_client) -> Sequence:
    """Return the sequence with this id."""
    return _api.fetch("data/sequences/{sequence_id}", client, sequence_id=sequence_id)


@cache
def get_sequence_by_name(project: str | Mapping, sequence_name: str, episode: str | Mapping | None = None,
                         client: KitsuClient = default_client) -> Sequence | None:
    """Return the project's sequence with this name (in this episode, if given), or None.

    With an episode, upstream sends ``episode_id``, which the server ignores
    (a sequence's episode is its ``parent_id``): the project and the episode
    are sent as ``project_id`` and ``parent_id`` too, so that another
    project's or episode's sequence of that name is never returned.
    """
    episode_id = _api.optional_id(episode, "episode")
    return _api.fetch_first("data/sequences", client, params={
        **_api.plain_query(project_id=_api.to_id(project, "project"), name=sequence_name),
        **_api.query(episode_id=episode_id, parent_id=episode_id)})


@cache
def get_sequence_from_shot(shot: str | Mapping, client: KitsuClient = default_client) -> Sequence:
    """Return the sequence a shot belongs to: its dict's ``parent_id``, else the shot is read for it."""
    if not (isinstance(shot, dict) and shot.get("parent_id")):
        shot = get_shot(_api.to_id(shot, "shot"), client=client)
    # A shot always has its sequence (a None would be refused by get_sequence, naming it).
    return get_sequence(shot["parent_id"], client=client)  # type: ignore[arg-type]


def new_sequence(project: str | Mapping, name: str, episode: str | Mapping | None = None,
                 client: KitsuClient = default_client) -> Sequence:
    """Create a sequence (in an episode, for a TV show), or return the one that has this name there."""
    body = {"name": name, **_api.query(episode_id=_api.optional_id(episode, "episode"))}
    existing = get_sequence_by_name(project, name, episode, client=client)
    return existing or _api.post("data/projects/{project}/sequences", client, body, project=project)


def update_sequence(sequence: Mapping, client: KitsuClient = default_client) -> Sequence:
    """Save a modified sequence dict (its ``data`` keys are merged into the stored ones)."""
    return _api.update("data/entities/{sequence}", client, sequence, "sequence")


def update_sequence_data(sequence: str | Mapping, data: dict | None = None,
                         client: KitsuClient = default_client) -> Sequence:
    """Merge ``data`` into the sequence's free-form ``data`` field (read fresh), keeping its other keys."""
    return update_sequence(_api.with_merged_data("data/sequences/{sequence}", client, data, sequence=sequence),
                           client=client)


def remove_sequence(sequence: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a sequence and its shots; without ``force``, a sequence with tasks is only canceled."""
    return _api.delete("data/sequences/{sequence}", client, force=force, sequence=sequence)


# Shots --------------------------------------------------------------------------


@cache
def all_shots_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[Shot]:
    """Return the shots of a project, sorted by name."""
    return _api.fetch_list("data/projects/{project}/shots", client, sort=True, project=project)


@cache
def all_shots_for_episode(episode: str | Mapping, client: KitsuClient = default_client) -> list[Shot]:
    """Return the shots of an episode, sorted by name."""
    return _api.fetch_list("data/episodes/{episode}/shots", client, sort=True, episode=episode)


@cache
def all_shots_for_sequence(sequence: str | Mapping, client: KitsuClient = default_client) -> list[Shot]:
    """Return the shots of a sequence, sorted by name."""
    return _api.fetch_list("data/sequences/{sequence}/shots", client, sort=True, sequence=sequence)


@cache
def all_previews_for_shot(shot: str | Mapping,
                          client: KitsuClient = default_client) -> dict[str, list[EntityPreviewFile]]:
    """Return the shot's preview files, grouped by task type id as the server sends them."""
    return _api.fetch("data/shots/{shot}/preview-files", client, shot=shot)


@cache
def get_shot(shot_id: str, client: KitsuClient = default_client) -> Shot:
    """Return the shot with this id, with its project, episode and sequence names and ids, and its tasks."""
    return _api.fetch("data/shots/{shot_id}", client, shot_id=shot_id)


@cache
def get_shot_by_name(sequence: str | Mapping, shot_name: str, client: KitsuClient = default_client) -> Shot | None:
    """Return the sequence's shot with this name, or None."""
    return _api.fetch_first("data/shots/all", client, params=_api.plain_query(
        sequence_id=_api.to_id(sequence, "sequence"), name=shot_name))


def new_shot(project: str | Mapping, sequence: str | Mapping, name: str, nb_frames: int | None = None,
             frame_in: int | None = None, frame_out: int | None = None, description: str | None = None,
             data: dict | None = None, client: KitsuClient = default_client) -> Shot:
    """Create a shot in a sequence, or return the sequence's shot that has this name.

    ``frame_in`` and ``frame_out``, when given, are stored in the shot's
    ``data`` along with ``data``'s own keys.
    """
    project_id = _api.to_id(project, "project")
    data = {**_api.data_dict(data), **_api.query(frame_in=frame_in, frame_out=frame_out)}
    body = {"name": name, "data": data, "sequence_id": _api.to_id(sequence, "sequence"),
            **_api.query(nb_frames=nb_frames, description=description)}
    existing = get_shot_by_name(sequence, name, client=client)
    return existing or _api.post("data/projects/{project}/shots", client, body, project=project_id)


def update_shot(shot: Mapping, client: KitsuClient = default_client) -> Shot:
    """Save a modified shot dict (its ``data`` keys are merged into the stored ones)."""
    return _api.update("data/entities/{shot}", client, shot, "shot")


def update_shot_data(shot: str | Mapping, data: dict | None = None, client: KitsuClient = default_client) -> Shot:
    """Merge ``data`` into the shot's free-form ``data`` field (read fresh), keeping its other keys."""
    return update_shot(_api.with_merged_data("data/shots/{shot}", client, data, shot=shot), client=client)


def remove_shot(shot: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a shot; without ``force``, a shot with tasks is only marked as canceled."""
    return _api.delete("data/shots/{shot}", client, force=force, shot=shot)


def restore_shot(shot: str | Mapping, client: KitsuClient = default_client) -> Shot:
    """Un-cancel a shot that a removal without ``force`` marked as canceled."""
    return _api.put("data/shots/{shot}", client, {"canceled": False}, shot=shot)


# Asset instances ----------------------------------------------------------------


def all_asset_instances_for_shot(shot: str | Mapping,
                                 client: KitsuClient = default_client) -> dict[str, list[AssetInstance]]:
    """Return the asset instances cast in a shot, grouped by asset id as the server sends them."""
    return _api.fetch("data/shots/{shot}/asset-instances", client, shot=shot)


@cache
def get_asset_instances_for_shot(shot: str | Mapping,
                                 client: KitsuClient = default_client) -> dict[str, list[AssetInstance]]:
    """Return the asset instances cast in a shot (the cached twin of :func:`all_asset_instances_for_shot`)."""
    return all_asset_instances_for_shot(shot, client=client)


def add_asset_instance_to_shot(shot: str | Mapping, asset_instance: str | Mapping,
                               client: KitsuClient = default_client) -> Entity:
    """Cast an asset instance in a shot; return the shot."""
    return _api.post("data/shots/{shot}/asset-instances", client,
                     {"asset_instance_id": _api.to_id(asset_instance, "asset_instance")}, shot=shot)


def remove_asset_instance_from_shot(shot: str | Mapping, asset_instance: str | Mapping,
                                    client: KitsuClient = default_client) -> str:
    """Take an asset instance out of a shot's casting."""
    return _api.delete("data/shots/{shot}/asset-instances/{asset_instance}", client, shot=shot,
                       asset_instance=asset_instance)


# Import and export --------------------------------------------------------------


def import_shots_with_csv(project: str | Mapping, csv_file_path: str, client: KitsuClient = default_client,
                          progress_callback=None) -> list[Shot]:
    """Create or update a project's shots from a Kitsu CSV file; return the shots."""
    return _api.upload("import/csv/projects/{project}/shots", client, csv_file_path, argument="csv_file_path",
                       progress_callback=progress_callback, project=project)


def export_shots_with_csv(project: str | Mapping, csv_file_path: str, episode: str | Mapping | None = None,
                          assigned_to: str | Mapping | None = None, client: KitsuClient = default_client,
                          progress_callback=None) -> requests.Response:
    """Save a project's shots as a CSV file (only an episode's, or only those with tasks assigned to a person)."""
    params = _api.query(episode_id=_api.optional_id(episode, "episode"),
                        assigned_to=_api.optional_id(assigned_to, "assigned_to"))
    return _api.download("export/csv/projects/{project}/shots.csv", client, csv_file_path, argument="csv_file_path",
                         params=params, progress_callback=progress_callback, project=project)


_OTIO_NAMING = "${project_name}_${sequence_name}-${shot_name}"
_OTIO_EPISODE_NAMING = "${project_name}_${episode_name}-${sequence_name}-${shot_name}"


def import_otio(project: str | Mapping, otio_file_path: str, episode: str | Mapping | None = None,
                naming_convention: str | None = None, match_case: bool = True,
                client: KitsuClient = default_client,
                progress_callback=None) -> dict[Literal['created_shots', 'updated_shots'], list[Shot]]:
    """Create or update shots from an edit timeline (any format OpenTimelineIO reads).

    ``naming_convention`` tells how clip names split into sequence and shot
    names (when None, upstream's default: ``${project_name}_${sequence_name}-${shot_name}``,
    with ``-${episode_name}`` before the sequence for an episode); ``match_case`` makes
    that matching case-sensitive.
    """
    if episode is None:
        route = _api.path("import/otio/projects/{project}", project=project)
        naming_convention = _OTIO_NAMING if naming_convention is None else naming_convention
    else:
        route = _api.path("import/otio/projects/{project}/episodes/{episode}", project=project, episode=episode)
        naming_convention = _OTIO_EPISODE_NAMING if naming_convention is None else naming_convention
    return _api.upload(route, client, otio_file_path, argument="otio_file_path",
                       data=_api.query(naming_convention=naming_convention, match_case=bool(match_case)),
                       progress_callback=progress_callback)


# Kitsu web addresses ------------------------------------------------------------


@cache
def get_all_episodes_url(project: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the project's episode list in Kitsu."""
    return _api.production_url(client, _api.to_id(project, "project"), "episodes/")


@cache
def get_all_sequences_url(project: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the project's sequence list in Kitsu."""
    return _api.production_url(client, _api.to_id(project, "project"), "sequences/")


@cache
def get_episode_url(episode: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the episode's shot list in Kitsu (the episode is read fresh)."""
    episode = get_episode(_api.to_id(episode, "episode"), client=client)
    return _api.production_url(client, episode["project_id"], "shots", episode=episode["id"])


@cache
def get_sequence_url(sequence: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the sequence's page in Kitsu (the sequence is read fresh)."""
    sequence = get_sequence(_api.to_id(sequence, "sequence"), client=client)
    return _api.production_url(client, sequence["project_id"], "sequences/%s/" % sequence["id"],
                               episode=sequence.get("parent_id"))


@cache
def get_shot_url(shot: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the shot's page in Kitsu (the shot is read fresh)."""
    shot = get_shot(_api.to_id(shot, "shot"), client=client)
    return _api.production_url(client, shot["project_id"], "shots/%s/" % shot["id"], episode=shot.get("episode_id"))
