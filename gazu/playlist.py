"""Review playlists: their entities and previews, movie builds, zips and share links.

Every entity argument is a dict with an ``"id"`` or an id string. A
playlist's ``"shots"`` is its ordered list of entries, each
``{"entity_id": …, "preview_file_id": …}``, whatever the entity type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, cast
from urllib.parse import quote

import requests

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.exception import InvalidArgumentException
from gazu.sorting import sort_by_name

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import BuildJob, EntityPreviewFile, Playlist, PlaylistEntry, PlaylistShareLink, TempPlaylistEntity


def _editable(playlist: Mapping, saved: bool = True) -> dict:
    """Return a playlist dict argument itself, whose entries are to change, or raise naming the argument.

    A dict without ``shots`` has none, unless it is to be ``saved`` with its entries changed: it is
    then refused before any request (upstream: a bare KeyError), since saving it would empty the
    playlist on the server.
    """
    _api.to_id(playlist, "playlist")
    if not isinstance(playlist, dict) or not isinstance(playlist.get("shots", () if saved else None),
                                                          (list, type(None))):
        raise InvalidArgumentException(
            "playlist: expected a playlist dict with its 'shots' (as get_playlist returns), got %r" % (playlist,))
    return playlist


def _entries(playlist: dict) -> list[dict]:
    return playlist.get("shots") or []


def _saved(playlist: dict, persist: bool, client: KitsuClient) -> Any:
    """Save the playlist dict when ``persist``; return it (as changed here, as upstream does).

    The answer is the caller's own dict: of the type the caller gave it (a Playlist, as get_playlist answers).
    """
    if persist:
        update_playlist(playlist, client=client)
    return playlist


def _latest_preview_id(previews_by_task_type: dict) -> str | None:
    """Return the newest of the latest previews of each task type (the first one on a tie), or None."""
    latest = None
    for previews in previews_by_task_type.values():
        if previews and (latest is None or (previews[0].get("created_at") or "") > (latest.get("created_at") or "")):
            latest = previews[0]
    return latest["id"] if latest else None


# Playlists ------------------------------------------------------------------------


@cache
def all_playlists(client: KitsuClient = default_client) -> list[Playlist]:
    """Return the playlists of every project, sorted by name."""
    return _api.fetch_list("data/playlists", client, sort=True)


@cache
def all_playlists_for_project(project: str | Mapping, client: KitsuClient = default_client,
                              page: int = 1) -> list[Playlist]:
    """Return one page of the project's playlists (pages go from the most recently updated), sorted by name."""
    return _api.fetch_list("data/projects/{project}/playlists", client, params={"page": page}, sort=True,
                           project=project)


@cache
def all_playlists_for_episode(episode: str | Mapping, client: KitsuClient = default_client) -> list[Playlist]:
    """Return the playlists of an episode, sorted by name."""
    known = episode if isinstance(episode, dict) and episode.get("project_id") else None
    if known is None:  # an id: upstream needs the episode dict
        known = _api.fetch("data/episodes/{episode}", client, episode=episode)
    return _api.fetch_list("data/projects/{project}/episodes/{episode}/playlists", client, sort=True,
                           project=known.get("project_id"), episode=known)


@cache
def get_playlist(playlist: str | Mapping, client: KitsuClient = default_client) -> Playlist:
    """Return the playlist with this id, with its entries."""
    return _api.fetch("data/playlists/{playlist}", client, playlist=playlist)


@cache
def get_playlist_by_name(project: str | Mapping, name: str, client: KitsuClient = default_client) -> Playlist | None:
    """Return the project's playlist with this name (case ignored), or None."""
    return _api.fetch_first("data/playlists", client, params={
        "project_id": _api.to_id(project, "project"), "name": _api.given(name, "name")})


@cache
def all_shots_for_playlist(playlist: str | Mapping, client: KitsuClient = default_client) -> list[PlaylistEntry]:
    """Return the playlist's entries, sorted by name (entries without one first, in playlist order)."""
    return sort_by_name(_api.fetch("data/playlists/{playlist}", client, playlist=playlist).get("shots") or [])


def new_playlist(project: str | Mapping, name: str, episode: str | Mapping | None = None,
                 for_entity: Literal["shot", "asset", "sequence", "edit", "episode"] = "shot",
                 for_client: bool = False, is_for_all: bool = False, client: KitsuClient = default_client) -> Playlist:
    """Create a playlist, or return the project's playlist with this name.

    ``for_client`` shows it to the project's clients; ``is_for_all`` makes
    it list every task type instead of one.
    """
    body = {"name": _api.given(name, "name"), "project_id": _api.to_id(project, "project"),
            "for_entity": for_entity, "for_client": for_client, "is_for_all": is_for_all,
            **_api.query(episode_id=_api.optional_id(episode, "episode"))}
    return get_playlist_by_name(project, name, client=client) or _api.post("data/playlists", client, body)


def update_playlist(playlist: Mapping, client: KitsuClient = default_client) -> Playlist:
    """Save a modified playlist dict (its entries included)."""
    return _api.update("data/playlists/{playlist}", client, playlist, "playlist")


def delete_playlist(playlist: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a playlist, with its builds and share links."""
    return _api.delete("data/playlists/{playlist}", client, playlist=playlist)


def generate_temp_playlist(project: str | Mapping, data: dict,
                           client: KitsuClient = default_client) -> list[TempPlaylistEntity]:
    """Return, unsaved, the entries a playlist of these tasks would hold.

    ``data`` is ``{"task_ids": [...]}`` and/or ``{"entity_ids": [...]}``, sent as given.
    """
    return client.post(_api.path("data/projects/{project}/playlists/temp", project=project), data)


def notify_clients_playlist_ready(playlist: str | Mapping, client: KitsuClient = default_client) -> dict[str, str]:
    """Tell the project's clients that the playlist is ready for review."""
    return _api.post("data/playlists/{playlist}/notify-clients", client, {}, playlist=playlist)


# Entries and their previews -------------------------------------------------------


def get_entity_preview_files(entity: str | Mapping,
                             client: KitsuClient = default_client) -> dict[str, list[EntityPreviewFile]]:
    """Return the entity's previews, by task type id, the latest revision first."""
    return _api.fetch("data/playlists/entities/{entity}/preview-files", client, entity=entity)


def add_entity_to_playlist(playlist: Mapping, entity: str | Mapping, preview_file: str | Mapping | None = None,
                           persist: bool = True, client: KitsuClient = default_client) -> Playlist:
    """Append an entity to the playlist, with this preview or else its newest one.

    With ``persist`` the server adds the entry and the playlist it answers
    is returned; without, a copy of ``playlist`` with the entry appended.
    The newest preview is the most recent of the latest previews of each of
    the entity's task types.
    """
    entries = [] if persist else _entries(_editable(playlist, saved=False))
    _api.to_id(playlist, "playlist")
    entity_id, preview_file_id = _api.to_id(entity, "entity"), _api.optional_id(preview_file, "preview_file")
    if preview_file_id is None:
        preview_file_id = _latest_preview_id(get_entity_preview_files(entity, client=client) or {})
    entry = {"entity_id": entity_id, **_api.query(preview_file_id=preview_file_id)}
    if persist:
        return _api.post("actions/playlists/{playlist}/add-entity", client, entry, playlist=playlist)
    return cast("Playlist", {**playlist, "shots": [*entries, entry]})  # a copy of the caller's playlist


def remove_entity_from_playlist(playlist: Mapping, entity: str | Mapping, persist: bool = True,
                                client: KitsuClient = default_client) -> Playlist:
    """Take every entry of this entity out of the playlist dict (changed in place, saved with ``persist``)."""
    editable, entity_id = _editable(playlist, saved=persist), _api.to_id(entity, "entity")
    editable["shots"] = [entry for entry in _entries(editable) if entry.get("entity_id") != entity_id]
    return _saved(editable, persist, client)


def update_entity_preview(playlist: Mapping, entity: str | Mapping, preview_file: str | Mapping, persist: bool = True,
                          client: KitsuClient = default_client) -> Playlist:
    """Show another preview for the entity in the playlist dict (changed in place, saved with ``persist``)."""
    editable, entity_id = _editable(playlist, saved=persist), _api.to_id(entity, "entity")
    preview_file_id = _api.to_id(preview_file, "preview_file")
    for entry in _entries(editable):
        if entry.get("entity_id") == entity_id:
            entry["preview_file_id"] = preview_file_id
    return _saved(editable, persist, client)


# Builds and downloads -------------------------------------------------------------


def build_playlist_movie(playlist: str | Mapping, client: KitsuClient = default_client) -> BuildJob:
    """Start building the playlist's movie; return the build job."""
    return _api.fetch("data/playlists/{playlist}/build/mp4", client, playlist=playlist)


@cache
def all_build_jobs_for_project(project: str | Mapping, client: KitsuClient = default_client) -> list[BuildJob]:
    """Return the movie build jobs of every playlist of the project."""
    return _api.fetch_list("data/projects/{project}/build-jobs", client, project=project)


@cache
def get_build_job(playlist: str | Mapping, build_job: str | Mapping, client: KitsuClient = default_client) -> BuildJob:
    """Return a build job of the playlist (its ``status`` is running, succeeded or failed)."""
    return _api.fetch("data/playlists/{playlist}/jobs/{build_job}", client, playlist=playlist, build_job=build_job)


def remove_build_job(playlist: str | Mapping, build_job: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a build job of the playlist, with its movie."""
    return _api.delete("data/playlists/{playlist}/jobs/{build_job}", client, playlist=playlist, build_job=build_job)


def download_playlist_build(playlist: str | Mapping, build_job: str | Mapping, file_path: str,
                            client: KitsuClient = default_client, progress_callback=None) -> requests.Response:
    """Download the movie of a finished build job to ``file_path``."""
    return _api.download("data/playlists/{playlist}/jobs/{build_job}/build/mp4", client, file_path, optional=True,
                         progress_callback=progress_callback, playlist=playlist, build_job=build_job)


def download_playlist_zip(playlist: str | Mapping, file_path: str, client: KitsuClient = default_client,
                          progress_callback=None) -> requests.Response:
    """Download a zip of the playlist's preview files to ``file_path``."""
    return _api.download("data/playlists/{playlist}/download/zip", client, file_path, optional=True,
                         progress_callback=progress_callback, playlist=playlist)


# Share links ----------------------------------------------------------------------


def all_share_links_for_playlist(playlist: str | Mapping,
                                 client: KitsuClient = default_client) -> list[PlaylistShareLink]:
    """Return the active links that open the playlist to guests."""
    return _api.fetch_list("data/playlists/{playlist}/share", client, playlist=playlist)


def new_share_link(playlist: str | Mapping, expiration_date: str | None = None, can_comment: bool = True,
                   password: str | None = None, client: KitsuClient = default_client) -> PlaylistShareLink:
    """Create a link that opens the playlist to guests; its ``token`` identifies it."""
    return _api.post("data/playlists/{playlist}/share", client, {
        "can_comment": can_comment, **_api.query(expiration_date=expiration_date, password=password)},
        playlist=playlist)


def remove_share_link(playlist: str | Mapping, token: str, client: KitsuClient = default_client) -> str:
    """Revoke the playlist's share link with this token."""
    return client.delete("data/playlists/{playlist}/share/{token}".format(
        playlist=_api.to_id(playlist, "playlist"), token=quote(_api.require(token, "token"), safe="")))
