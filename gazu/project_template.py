"""Project templates: reusable production settings new projects start from.

A template holds production settings (fps, ratio, resolution, type, style),
the task types, task statuses, asset types, status automations and preview
background files a project gets, and a snapshot of metadata descriptors.
Applying a template to a project adds what the project lacks.

Every entity argument is a dict with an ``"id"`` or an id string.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import (
        NamedItem,
        Project,
        ProjectTemplate,
        ProjectTemplateTaskStatusLink,
        ProjectTemplateTaskTypeLink,
        StatusAutomation,
        TaskStatus,
        TaskType,
        TemplateBackground,
    )

# Templates ----------------------------------------------------------------------


@cache
def all_project_templates(client: KitsuClient = default_client) -> list[ProjectTemplate]:
    """Return every project template, sorted by name."""
    return _api.fetch_list("data/project-templates", client, sort=True)


@cache
def get_project_template(project_template_id: str, client: KitsuClient = default_client) -> ProjectTemplate:
    """Return the project template with this id."""
    return _api.fetch("data/project-templates/{project_template_id}", client, project_template_id=project_template_id)


@cache
def get_project_template_by_name(name: str, client: KitsuClient = default_client) -> ProjectTemplate | None:
    """Return the project template with this name, or None."""
    return _api.fetch_first("data/project-templates", client, params=_api.plain_query(name=name))


def new_project_template(
    name: str,
    description: str | None = None,
    fps: str | None = None,
    ratio: str | None = None,
    resolution: str | None = None,
    production_type: str | None = None,
    production_style: str | None = None,
    client: KitsuClient = default_client,
) -> ProjectTemplate:
    """Create an empty project template; settings left None are not set.

    Args:
        fps: e.g. ``"25"``; ratio: e.g. ``"16:9"``; resolution: e.g. ``"1920x1080"``.
        production_type: ``short``, ``featurefilm``, ``tvshow``; production_style: ``2d``, ``3d``, ``2d3d``, …
    """
    body = {"name": name, "description": description, **_api.query(
        fps=fps, ratio=ratio, resolution=resolution, production_type=production_type,
        production_style=production_style)}
    return _api.post("data/project-templates", client, body)


def new_project_template_from_project(project: str | Mapping, name: str, description: str | None = None,
                                      client: KitsuClient = default_client) -> ProjectTemplate:
    """Create a project template from a project's settings and links."""
    return _api.post("data/project-templates/from-project/{project}", client,
                     {"name": name, "description": description}, project=project)


def update_project_template(project_template: Mapping, client: KitsuClient = default_client) -> ProjectTemplate:
    """Save a modified project template dict."""
    return _api.update("data/project-templates/{project_template}", client, project_template, "project_template")


def remove_project_template(project_template: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a project template (projects made from it keep their settings)."""
    return _api.delete("data/project-templates/{project_template}", client, project_template=project_template)


def apply_project_template(project: str | Mapping, project_template: str | Mapping,
                           client: KitsuClient = default_client) -> Project:
    """Add a template's settings and links to a project; return the project."""
    return _api.post("data/projects/{project}/apply-template/{project_template}", client, project=project,
                     project_template=project_template)


# Task types ---------------------------------------------------------------------


@cache
def all_task_types_for_project_template(project_template: str | Mapping,
                                        client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of a template, with their priorities."""
    return _api.fetch_list("data/project-templates/{project_template}/task-types", client,
                           project_template=project_template)


def add_task_type_to_project_template(project_template: str | Mapping, task_type: str | Mapping,
                                      priority: int | None = None,
                                      client: KitsuClient = default_client) -> ProjectTemplateTaskTypeLink:
    """Add a task type to a template (or change its priority); return the link."""
    body = {"task_type_id": _api.to_id(task_type, "task_type"), **_api.query(priority=priority)}
    return _api.post("data/project-templates/{project_template}/task-types", client, body,
                     project_template=project_template)


def remove_task_type_from_project_template(project_template: str | Mapping, task_type: str | Mapping,
                                           client: KitsuClient = default_client) -> str:
    """Remove a task type from a template."""
    return _api.delete("data/project-templates/{project_template}/task-types/{task_type}", client,
                       project_template=project_template, task_type=task_type)


# Task statuses ------------------------------------------------------------------


@cache
def all_task_statuses_for_project_template(project_template: str | Mapping,
                                           client: KitsuClient = default_client) -> list[TaskStatus]:
    """Return the task statuses of a template, with their priorities and board roles."""
    return _api.fetch_list("data/project-templates/{project_template}/task-statuses", client,
                           project_template=project_template)


def add_task_status_to_project_template(project_template: str | Mapping, task_status: str | Mapping,
                                        priority: int | None = None, roles_for_board: list[str] | None = None,
                                        client: KitsuClient = default_client) -> ProjectTemplateTaskStatusLink:
    """Add a task status to a template (or change its priority and board roles); return the link.

    Args:
        roles_for_board: the roles (``user``, ``supervisor``, ``manager``, …) shown the status on boards.
    """
    body = {"task_status_id": _api.to_id(task_status, "task_status"),
            **_api.query(priority=priority, roles_for_board=roles_for_board)}
    return _api.post("data/project-templates/{project_template}/task-statuses", client, body,
                     project_template=project_template)


def remove_task_status_from_project_template(project_template: str | Mapping, task_status: str | Mapping,
                                             client: KitsuClient = default_client) -> str:
    """Remove a task status from a template."""
    return _api.delete("data/project-templates/{project_template}/task-statuses/{task_status}", client,
                       project_template=project_template, task_status=task_status)


# Asset types --------------------------------------------------------------------


@cache
def all_asset_types_for_project_template(project_template: str | Mapping,
                                         client: KitsuClient = default_client) -> list[NamedItem]:
    """Return the asset types of a template."""
    return _api.fetch_list("data/project-templates/{project_template}/asset-types", client,
                           project_template=project_template)


def add_asset_type_to_project_template(project_template: str | Mapping, asset_type: str | Mapping,
                                       client: KitsuClient = default_client) -> NamedItem:
    """Add an asset type to a template."""
    return _api.post("data/project-templates/{project_template}/asset-types", client,
                     {"asset_type_id": _api.to_id(asset_type, "asset_type")}, project_template=project_template)


def remove_asset_type_from_project_template(project_template: str | Mapping, asset_type: str | Mapping,
                                            client: KitsuClient = default_client) -> str:
    """Remove an asset type from a template."""
    return _api.delete("data/project-templates/{project_template}/asset-types/{asset_type}", client,
                       project_template=project_template, asset_type=asset_type)


# Status automations -------------------------------------------------------------


@cache
def all_status_automations_for_project_template(project_template: str | Mapping,
                                                client: KitsuClient = default_client) -> list[StatusAutomation]:
    """Return the status automations of a template."""
    return _api.fetch_list("data/project-templates/{project_template}/status-automations", client,
                           project_template=project_template)


def add_status_automation_to_project_template(project_template: str | Mapping, status_automation: str | Mapping,
                                              client: KitsuClient = default_client) -> StatusAutomation:
    """Add a status automation to a template."""
    return _api.post("data/project-templates/{project_template}/status-automations", client,
                     {"status_automation_id": _api.to_id(status_automation, "status_automation")},
                     project_template=project_template)


def remove_status_automation_from_project_template(project_template: str | Mapping, status_automation: str | Mapping,
                                                   client: KitsuClient = default_client) -> str:
    """Remove a status automation from a template."""
    return _api.delete("data/project-templates/{project_template}/status-automations/{status_automation}", client,
                       project_template=project_template, status_automation=status_automation)


# Preview background files and metadata descriptors -------------------------------


@cache
def all_preview_background_files_for_project_template(project_template: str | Mapping,
                                                      client: KitsuClient = default_client) -> list[TemplateBackground]:
    """Return the preview background files of a template."""
    return _api.fetch_list("data/project-templates/{project_template}/preview-background-files", client,
                           project_template=project_template)


def add_preview_background_file_to_project_template(project_template: str | Mapping,
                                                    preview_background_file: str | Mapping,
                                                    client: KitsuClient = default_client) -> TemplateBackground:
    """Add a preview background file to a template."""
    return _api.post("data/project-templates/{project_template}/preview-background-files", client,
                     {"preview_background_file_id": _api.to_id(preview_background_file, "preview_background_file")},
                     project_template=project_template)


def remove_preview_background_file_from_project_template(project_template: str | Mapping,
                                                         preview_background_file: str | Mapping,
                                                         client: KitsuClient = default_client) -> str:
    """Remove a preview background file from a template."""
    return _api.delete("data/project-templates/{project_template}/preview-background-files/{preview_background_file}",
                       client, project_template=project_template, preview_background_file=preview_background_file)


def set_project_template_default_preview_background_file(project_template: str | Mapping,
                                                         preview_background_file: str | Mapping | None,
                                                         client: KitsuClient = default_client) -> ProjectTemplate:
    """Make one of a template's preview background files the default (None: no default); return the template."""
    body = {"default_preview_background_file_id": _api.optional_id(preview_background_file,
                                                                   "preview_background_file")}
    return _api.put("data/project-templates/{project_template}/default-preview-background-file", client, body,
                    project_template=project_template)


def set_project_template_metadata_descriptors(project_template: str | Mapping, descriptors: Collection[Mapping],
                                              client: KitsuClient = default_client) -> ProjectTemplate:
    """Replace a template's metadata descriptors with ``descriptors``; return the template.

    Args:
        descriptors: descriptor dicts (``name``, ``entity_type``, ``data_type``, ``choices``, …),
            as :func:`gazu.project.all_metadata_descriptors` returns them; ``[]`` clears them.
            Sent as given, for the server to judge.
    """
    return _api.put("data/project-templates/{project_template}/metadata-descriptors", client,
                    {"metadata_descriptors": descriptors}, project_template=project_template)
