"""Files: working files, output files, the paths a project's file tree builds, softwares,
output types and file statuses; preview files, comment attachments and avatars.

Every entity argument is a dict with an ``"id"`` or an id string. The path
builders ask the server to render the project's file tree (set with
:func:`update_project_file_tree`); ``sep`` is the separator of the paths
returned. Preview, attachment and avatar functions live in
:mod:`gazu._files_media` and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gazu import _api
from gazu._files_media import (  # noqa: F401  (re-exported: this module is the public face)
    download_attachment_file,
    download_attachment_thumbnail,
    download_organisation_avatar,
    download_person_avatar,
    download_preview_file,
    download_preview_file_cover,
    download_preview_file_thumbnail,
    download_preview_lowdef_movie,
    download_preview_movie,
    download_project_avatar,
    extract_frame_from_preview,
    extract_tile_from_preview,
    get_all_attachment_files_for_project,
    get_all_attachment_files_for_task,
    get_all_preview_files_for_task,
    get_attachment_file,
    get_attachment_thumbnail_url,
    get_preview_file,
    get_preview_file_url,
    get_preview_lowdef_movie_url,
    get_preview_movie_url,
    get_running_preview_files,
    remove_preview_file,
    update_preview,
    update_preview_annotations,
    update_preview_position,
    upload_organisation_avatar,
    upload_person_avatar,
    upload_project_avatar,
    wait_for_preview_file,
)
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.exception import GazuException, InvalidArgumentException, UnexpectedResponseException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import FileStatus, OutputFile, OutputType, Project, Software, WorkingFile

if TYPE_CHECKING:
    import requests

# Helpers -------------------------------------------------------------------------


def _joined(answer: Any, folder_key: str, name_key: str, sep: str) -> str:
    """Join the folder and the file name a path builder answered."""
    if not isinstance(answer, dict) or folder_key not in answer or name_key not in answer:
        raise UnexpectedResponseException("path builder answered %r, expected %r and %r" % (
            answer, folder_key, name_key))
    return "%s%s%s" % (answer[folder_key], sep, answer[name_key])


def _output_filters(output_type: Any, task_type: Any, name: str | None, representation: str | None,
                    file_status: Any, **more: Any) -> dict:
    """Return the query parameters that narrow a list of output files."""
    return _api.query(output_type_id=_api.optional_id(output_type, "output_type"),
                      task_type_id=_api.optional_id(task_type, "task_type"), name=name,
                      representation=representation, file_status_id=_api.optional_id(file_status, "file_status"),
                      **more)


def _revision_query(output_type: Any, task_type: Any, name: str) -> dict:
    """Return the body of a next-revision request."""
    return {"name": name, "output_type_id": _api.to_id(output_type, "output_type"),
            "task_type_id": _api.to_id(task_type, "task_type")}


def _output_path_query(output_type: Any, task_type: Any, name: str, mode: str, representation: str,
                       revision: int, nb_elements: int, sep: str) -> dict:
    """Return the body of an output-file-path request."""
    return {**_revision_query(output_type, task_type, name), "mode": mode, "representation": representation,
            "revision": revision, "nb_elements": nb_elements, "separator": sep}


def _new_output_file(output_type: Any, task_type: Any, comment: str, working_file: Any, person: Any, name: str,
                     revision: int, nb_elements: int, representation: str, sep: str, file_status: Any) -> dict:
    """Return the body of a new-output-file request."""
    return {**_revision_query(output_type, task_type, name), "comment": comment, "revision": revision,
            "nb_elements": nb_elements, "representation": representation, "sep": sep,
            **_api.query(working_file_id=_api.optional_id(working_file, "working_file"),
                         person_id=_api.optional_id(person, "person"),
                         file_status_id=_api.optional_id(file_status, "file_status_id", given=True))}


# Working files -------------------------------------------------------------------


@cache
def get_working_file(working_file_id: str, client: KitsuClient = default_client) -> WorkingFile:
    """Return the working file with this id."""
    return _api.fetch("data/working-files/{working_file_id}", client, working_file_id=working_file_id)


@cache
def get_working_files_for_task(task: str | Mapping, client: KitsuClient = default_client) -> list[WorkingFile]:
    """Return every working file of a task."""
    return _api.fetch_list("data/tasks/{task}/working-files", client, task=task)


@cache
def get_all_working_files_for_entity(entity: str | Mapping, task: str | Mapping | None = None, name: str | None = None,
                                     client: KitsuClient = default_client) -> list[WorkingFile]:
    """Return the working files of an entity, narrowed to a task and a name when given."""
    params = _api.query(task_id=_api.optional_id(task, "task"), name=name)
    return _api.fetch_list("data/entities/{entity}/working-files", client, params=params, entity=entity)


@cache
def get_last_working_files(task: str | Mapping, client: KitsuClient = default_client) -> dict[str, WorkingFile]:
    """Return the last revision of each working file of a task, keyed by file name."""
    return _api.fetch("data/tasks/{task}/working-files/last-revisions", client, task=task)


@cache
def get_last_working_file_revision(task: str | Mapping, name: str = "main",
                                   client: KitsuClient = default_client) -> WorkingFile | None:
    """Return the last revision of the task's working file called ``name``, or None."""
    return (get_last_working_files(task, client=client) or {}).get(name)


@cache
def build_working_file_path(task: str | Mapping, name: str = "main", mode: str = "working",
                            software: str | Mapping | None = None, revision: int = 1, sep: str = "/",
                            client: KitsuClient = default_client) -> str:
    """Return the path (without extension) the project's file tree gives a task's working file.

    As upstream, ``sep`` joins the folder and the file name; the server
    builds the folder with ``/`` (it reads no ``separator`` on this route).
    """
    body = {"mode": mode, "name": name, "revision": revision, "separator": sep,
            **_api.query(software_id=_api.optional_id(software, "software"))}
    return _joined(_api.post("data/tasks/{task}/working-file-path", client, body, task=task), "path", "name", sep)


def new_working_file(task: str | Mapping, name: str = "main", mode: str = "working",
                     software: str | Mapping | None = None,
                     comment: str = "", person: str | Mapping | None = None, revision: int = 0, sep: str = "/",
                     client: KitsuClient = default_client) -> WorkingFile:
    """Create a working file revision for a task, its path built from the file tree.

    With ``revision`` 0 the server takes the next free revision; without
    ``software`` it uses its default one, without ``person`` the current user.
    ``sep`` is not sent, as upstream: the server builds the path with ``/``.
    """
    body = {"name": name, "mode": mode, "comment": comment, "revision": revision, "task_id": _api.to_id(task, "task"),
            **_api.query(software_id=_api.optional_id(software, "software"),
                         person_id=_api.optional_id(person, "person"))}
    return _api.post("data/tasks/{task}/working-files/new", client, body, task=task)


def update_comment(working_file: str | Mapping, comment: str, client: KitsuClient = default_client) -> WorkingFile:
    """Replace the comment of a working file."""
    return _api.put("actions/working-files/{working_file}/comment", client, {"comment": comment},
                    working_file=working_file)


def update_modification_date(working_file: str | Mapping, client: KitsuClient = default_client) -> WorkingFile:
    """Mark a working file as modified now."""
    return _api.put("actions/working-files/{working_file}/modified", client, {}, working_file=working_file)


def upload_working_file(working_file: str | Mapping, file_path: str, client: KitsuClient = default_client,
                        progress_callback=None) -> WorkingFile:
    """Store a local file as the content of a working file."""
    return _api.upload("data/working-files/{working_file}/file", client, file_path, progress_callback=progress_callback,
                       working_file=working_file)


def download_working_file(working_file: str | Mapping, file_path: str | None = None,
                          client: KitsuClient = default_client, progress_callback=None) -> requests.Response:
    """Save the stored content of a working file at ``file_path`` (default: the working file's own path)."""
    if _api.local_path(file_path, optional=True) is None:  # the working file's own path, read from the server
        stored = _api.fetch("data/working-files/{working_file}", client, working_file=working_file)
        if not stored.get("path"):
            raise InvalidArgumentException("file_path: not given, and working file %s has no path" % stored.get("id"))
        file_path, working_file = stored["path"], stored
    return _api.download("data/working-files/{working_file}/file", client, file_path,
                         progress_callback=progress_callback, working_file=working_file)


# Output files --------------------------------------------------------------------


@cache
def get_output_file(output_file_id: str, client: KitsuClient = default_client) -> OutputFile:
    """Return the output file with this id."""
    return _api.fetch("data/output-files/{output_file_id}", client, output_file_id=output_file_id)


@cache
def get_output_file_by_path(path: str, client: KitsuClient = default_client) -> OutputFile | None:
    """Return the output file stored at this path, or None."""
    return _api.fetch_first("data/output-files", client, params={"path": _api.given(path, "path")})


def update_output_file(output_file: str | Mapping, data: dict, client: KitsuClient = default_client) -> OutputFile:
    """Write ``data`` onto an output file's fields."""
    return client.put(_api.path("data/output-files/{output_file}", output_file=output_file), data)


def all_output_files_for_entity(entity: str | Mapping, output_type: str | Mapping | None = None,
                                task_type: str | Mapping | None = None, name: str | None = None,
                                representation: str | None = None, file_status: str | Mapping | None = None,
                                client: KitsuClient = default_client) -> list[OutputFile]:
    """Return the output files of an asset or a shot, narrowed by the filters given."""
    params = _output_filters(output_type, task_type, name, representation, file_status)
    return _api.fetch_list("data/entities/{entity}/output-files", client, params=params, entity=entity)


def all_output_files_for_project(project: str | Mapping, output_type: str | Mapping | None = None,
                                 task_type: str | Mapping | None = None, name: str | None = None,
                                 representation: str | None = None, file_status: str | Mapping | None = None,
                                 client: KitsuClient = default_client) -> list[OutputFile]:
    """Return the output files of a project, narrowed by the filters given (managers only)."""
    params = _output_filters(output_type, task_type, name, representation, file_status)
    return _api.fetch_list("data/projects/{project}/output-files", client, params=params, project=project)


@cache
def all_output_files_for_asset_instance(asset_instance: str | Mapping, temporal_entity: str | Mapping | None = None,
                                        task_type: str | Mapping | None = None,
                                        output_type: str | Mapping | None = None,
                                        name: str | None = None, representation: str | None = None,
                                        file_status: str | Mapping | None = None,
                                        client: KitsuClient = default_client) -> list[OutputFile]:
    """Return the output files of an asset instance, narrowed by the filters given."""
    params = _output_filters(output_type, task_type, name, representation, file_status,
                             temporal_entity_id=_api.optional_id(temporal_entity, "temporal_entity"))
    return _api.fetch_list("data/asset-instances/{asset_instance}/output-files", client, params=params,
                           asset_instance=asset_instance)


@cache
def get_last_output_files_for_entity(entity: str | Mapping, output_type: str | Mapping | None = None,
                                     task_type: str | Mapping | None = None, name: str | None = None,
                                     representation: str | None = None, file_status: str | Mapping | None = None,
                                     client: KitsuClient = default_client) -> list[OutputFile]:
    """Return the last revision of each output file of an asset or a shot, narrowed by the filters given."""
    params = _output_filters(output_type, task_type, name, representation, file_status)
    return _api.fetch_list("data/entities/{entity}/output-files/last-revisions", client, params=params, entity=entity)


@cache
def get_last_output_files_for_asset_instance(asset_instance: str | Mapping, temporal_entity: str | Mapping,
                                             task_type: str | Mapping | None = None,
                                             output_type: str | Mapping | None = None, name: str | None = None,
                                             representation: str | None = None,
                                             file_status: str | Mapping | None = None,
                                             client: KitsuClient = default_client) -> list[OutputFile]:
    """Return the last revision of each output file of an asset instance in a shot or scene."""
    params = _output_filters(output_type, task_type, name, representation, file_status)
    return _api.fetch_list(
        "data/asset-instances/{asset_instance}/entities/{temporal_entity}/output-files/last-revisions", client,
        params=params, asset_instance=asset_instance, temporal_entity=temporal_entity)


def get_next_entity_output_revision(entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping,
                                    name: str = "main", client: KitsuClient = default_client) -> int:
    """Return the revision the next output file of an entity will get (1 for the first)."""
    body = _revision_query(output_type, task_type, name)
    return _api.post("data/entities/{entity}/output-files/next-revision", client, body, entity=entity)["next_revision"]


def get_last_entity_output_revision(entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping,
                                    name: str = "main", client: KitsuClient = default_client) -> int:
    """Return the last revision of an entity's output files (0 when there is none)."""
    return get_next_entity_output_revision(entity, output_type, task_type, name=name, client=client) - 1


def get_next_asset_instance_output_revision(asset_instance: str | Mapping, temporal_entity: str | Mapping,
                                            output_type: str | Mapping, task_type: str | Mapping, name: str = "master",
                                            client: KitsuClient = default_client) -> int:
    """Return the revision the next output file of an asset instance will get (1 for the first)."""
    body = _revision_query(output_type, task_type, name)
    return _api.post("data/asset-instances/{asset_instance}/entities/{temporal_entity}/output-files/next-revision",
                     client, body, asset_instance=asset_instance, temporal_entity=temporal_entity)["next_revision"]


def get_last_asset_instance_output_revision(asset_instance: str | Mapping, temporal_entity: str | Mapping,
                                            output_type: str | Mapping, task_type: str | Mapping, name: str = "master",
                                            client: KitsuClient = default_client) -> int:
    """Return the last revision of an asset instance's output files (0 when there is none)."""
    return get_next_asset_instance_output_revision(asset_instance, temporal_entity, output_type, task_type,
                                                   name=name, client=client) - 1


@cache
def build_entity_output_file_path(entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping,
                                  name: str = "main", mode: str = "output", representation: str = "",
                                  revision: int = 0, nb_elements: int = 1, sep: str = "/",
                                  client: KitsuClient = default_client) -> str:
    """Return the path (without extension) the project's file tree gives an entity's output file."""
    body = _output_path_query(output_type, task_type, name, mode, representation, revision, nb_elements, sep)
    answer = _api.post("data/entities/{entity}/output-file-path", client, body, entity=entity)
    return _joined(answer, "folder_path", "file_name", sep)


@cache
def build_asset_instance_output_file_path(asset_instance: str | Mapping, temporal_entity: str | Mapping,
                                          output_type: str | Mapping, task_type: str | Mapping, name: str = "main",
                                          representation: str = "", mode: str = "output", revision: int = 0,
                                          nb_elements: int = 1, sep: str = "/",
                                          client: KitsuClient = default_client) -> str:
    """Return the path (without extension) the project's file tree gives an asset instance's output file."""
    body = _output_path_query(output_type, task_type, name, mode, representation, revision, nb_elements, sep)
    answer = _api.post("data/asset-instances/{asset_instance}/entities/{temporal_entity}/output-file-path", client,
                       body, asset_instance=asset_instance, temporal_entity=temporal_entity)
    return _joined(answer, "folder_path", "file_name", sep)


def new_entity_output_file(entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping, comment: str,
                           working_file: str | Mapping | None = None, person: str | Mapping | None = None,
                           name: str = "main", mode: str = "output", revision: int = 0, nb_elements: int = 1,
                           representation: str = "", sep: str = "/", file_status_id: str | None = None,
                           client: KitsuClient = default_client) -> OutputFile:
    """Create an output file revision for an entity; the server stores its path, built from the file tree.

    With ``revision`` 0 the server takes the next free revision. The result
    also carries the ``folder_path`` and ``file_name`` the path was built from.
    """
    body = _new_output_file(output_type, task_type, comment, working_file, person, name, revision, nb_elements,
                            representation, sep, file_status_id)
    return _api.post("data/entities/{entity}/output-files/new", client, body, entity=entity)


def new_asset_instance_output_file(asset_instance: str | Mapping, temporal_entity: str | Mapping,
                                   output_type: str | Mapping, task_type: str | Mapping, comment: str,
                                   name: str = "master", mode: str = "output",
                                   working_file: str | Mapping | None = None, person: str | Mapping | None = None,
                                   revision: int = 0, nb_elements: int = 1, representation: str = "",
                                   sep: str = "/", file_status_id: str | Mapping | None = None,
                                   client: KitsuClient = default_client) -> OutputFile:
    """Create an output file revision for an asset instance in a shot or scene (see new_entity_output_file)."""
    body = _new_output_file(output_type, task_type, comment, working_file, person, name, revision, nb_elements,
                            representation, sep, file_status_id)
    return _api.post("data/asset-instances/{asset_instance}/entities/{temporal_entity}/output-files/new", client, body,
                     asset_instance=asset_instance, temporal_entity=temporal_entity)


# Output types --------------------------------------------------------------------


@cache
def all_output_types(client: KitsuClient = default_client) -> list[OutputType]:
    """Return every output type."""
    return _api.fetch_list("data/output-types", client)


@cache
def all_output_types_for_entity(entity: str | Mapping, client: KitsuClient = default_client) -> list[OutputType]:
    """Return the output types of an entity's output files."""
    return _api.fetch_list("data/entities/{entity}/output-types", client, entity=entity)


@cache
def all_output_types_for_asset_instance(asset_instance: Mapping, temporal_entity: Mapping,
                                        client: KitsuClient = default_client) -> list[OutputType]:
    """Return the output types of an asset instance's output files in a shot or scene."""
    return _api.fetch_list("data/asset-instances/{asset_instance}/entities/{temporal_entity}/output-types", client,
                           asset_instance=asset_instance, temporal_entity=temporal_entity)


@cache
def get_output_type(output_type_id: str, client: KitsuClient = default_client) -> OutputType:
    """Return the output type with this id."""
    return _api.fetch("data/output-types/{output_type_id}", client, output_type_id=output_type_id)


@cache
def get_output_type_by_name(output_type_name: str, client: KitsuClient = default_client) -> OutputType | None:
    """Return the output type with this name, or None."""
    return _api.fetch_first("data/output-types", client,
                            params={"name": _api.given(output_type_name, "output_type_name")})


def new_output_type(name: str, short_name: str, client: KitsuClient = default_client) -> OutputType:
    """Return the output type called ``name``, creating it if missing."""
    body = {"name": _api.given(name, "name"), "short_name": short_name}
    return get_output_type_by_name(name, client=client) or _api.post("data/output-types", client, body)


# Softwares -----------------------------------------------------------------------


@cache
def all_softwares(client: KitsuClient = default_client) -> list[Software]:
    """Return every software."""
    return _api.fetch_list("data/softwares", client)


@cache
def get_software(software_id: str, client: KitsuClient = default_client) -> Software:
    """Return the software with this id."""
    return _api.fetch("data/softwares/{software_id}", client, software_id=software_id)


@cache
def get_software_by_name(software_name: str, client: KitsuClient = default_client) -> Software | None:
    """Return the software with this name, or None."""
    return _api.fetch_first("data/softwares", client, params={"name": _api.given(software_name, "software_name")})


def new_software(name: str, short_name: str, file_extension: str, secondary_extensions: list[str] | None = None,
                 client: KitsuClient = default_client) -> Software:
    """Return the software called ``name``, creating it if missing."""
    body = {"name": _api.given(name, "name"), "short_name": short_name, "file_extension": file_extension,
            **_api.query(secondary_extensions=secondary_extensions)}
    return get_software_by_name(name, client=client) or _api.post("data/softwares", client, body)


def update_software(software: Mapping, client: KitsuClient = default_client) -> Software:
    """Save a modified software dict."""
    return _api.update("data/softwares/{software}", client, software, "software")


# File statuses -------------------------------------------------------------------


@cache
def get_file_status(status_id: str, client: KitsuClient = default_client) -> FileStatus:
    """Return the file status with this id."""
    return _api.fetch("data/file-status/{status_id}", client, status_id=status_id)


@cache
def get_file_status_by_name(name: str, client: KitsuClient = default_client) -> FileStatus | None:
    """Return the file status with this name, or None."""
    return _api.fetch_first("data/file-status", client, params={"name": _api.given(name, "name")})


def new_file_status(name: str, color: str, client: KitsuClient = default_client) -> FileStatus:
    """Return the file status called ``name``, creating it with ``color`` (``#rrggbb``) if missing."""
    body = {"name": _api.given(name, "name"), "color": color}
    return get_file_status_by_name(name, client=client) or _api.post("data/file-status", client, body)


# File trees ----------------------------------------------------------------------


def update_project_file_tree(project: str | Mapping, file_tree: dict, client: KitsuClient = default_client) -> Project:
    """Set the file tree (path templates) the server builds a project's file paths from."""
    return _api.put("data/projects/{project}", client, {"file_tree": file_tree}, project=project)


@_api.deprecated("use update_project_file_tree(project, file_tree) with the tree itself")
def set_project_file_tree(project: str | Mapping, file_tree_name: str, client: KitsuClient = default_client) -> Project:
    """(Deprecated) Set the file tree of the project template called ``file_tree_name`` on a project.

    The server no longer picks file trees by name; the tree is read from the
    project template of that name (or ``file_tree_name`` may be the tree
    dict itself), then set with :func:`update_project_file_tree`.

    Raises:
        GazuException: no project template of that name carries a file tree.
    """
    _api.to_id(project, "project")
    if isinstance(file_tree_name, dict):
        return update_project_file_tree(project, file_tree_name, client=client)
    template = _api.fetch_first("data/project-templates", client,
                                params={"name": _api.require(file_tree_name, "file_tree_name")})
    if not (template or {}).get("file_tree"):
        raise GazuException(
            "file_tree_name: the server has no file tree called %r (Kitsu no longer sets file trees by name; "
            "create a project template of that name with a file_tree, or call "
            "update_project_file_tree(project, file_tree))" % (file_tree_name,))
    return update_project_file_tree(project, template["file_tree"], client=client)
