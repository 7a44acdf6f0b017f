"""Projects (productions): their settings, team, metadata descriptors and budgets.

Every entity argument is a dict with an ``"id"`` or an id string. Entity
types of metadata descriptors are Kitsu's model names (``"Asset"``,
``"Shot"``, ``"Sequence"``, ``"Episode"``, ``"Edit"``, ``"Project"``,
``"Task"``), sent as given.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Literal, cast

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.exception import MethodNotAllowedException, ProjectStatusNotFoundException, RouteNotFoundException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import (
        Budget,
        BudgetEntry,
        MetadataDescriptor,
        Milestone,
        Person,
        PreviewBackgroundFile,
        Project,
        ProjectStatus,
        Quotas,
        StatusAutomation,
        TaskStatus,
        TaskType,
        TeamMemberRole,
    )

# The lists of entities a project dict carries, saved as ids (as upstream saves them).
_PROJECT_LISTS = ("team", "asset_types", "task_types", "task_statuses")


# Projects -----------------------------------------------------------------------


@cache
def all_projects(client: KitsuClient = default_client) -> list[Project]:
    """Return every project (open or closed), sorted by name."""
    return _api.fetch_list("data/projects", client, sort=True)


@cache
def all_open_projects(client: KitsuClient = default_client) -> list[Project]:
    """Return the open projects, sorted by name."""
    return _api.fetch_list("data/projects/open", client, sort=True)


@cache
def get_project(project_id: str, client: KitsuClient = default_client) -> Project:
    """Return the project with this id."""
    return _api.fetch("data/projects/{project_id}", client, project_id=project_id)


@cache
def get_project_by_name(project_name: str, client: KitsuClient = default_client) -> Project | None:
    """Return the project with this name, or None."""
    return _api.fetch_first("data/projects", client, params=_api.plain_query(name=project_name))


@cache
def get_project_url(project: str | Mapping, section: str = "assets", client: KitsuClient = default_client) -> str:
    """Return the web page of a project's ``section`` (``assets``, ``shots``, …) in Kitsu."""
    return _api.production_url(client, _api.to_id(project, "project"), "%s/" % (section,))


def new_project(
    name: str,
    production_type: str = "short",
    team: list | None = None,
    asset_types: list | None = None,
    task_statuses: list | None = None,
    task_types: list | None = None,
    production_style: str = "2d3d",
    project_template: str | Mapping | None = None,
    client: KitsuClient = default_client,
) -> Project:
    """Create a project, or return the one that already has this name.

    Args:
        production_type: ``short``, ``featurefilm`` or ``tvshow``.
        team, asset_types, task_statuses, task_types: persons, asset types,
            task statuses and task types (dicts or ids) to link to the project.
        production_style: ``2d``, ``3d``, ``2d3d``, …
        project_template: a template whose settings the new project starts with.
    """
    body = {
        "name": name,
        "production_type": production_type,
        "production_style": production_style,
        "team": _api.to_ids(team, "team", given=True),
        "asset_types": _api.to_ids(asset_types, "asset_types", given=True),
        "task_statuses": _api.to_ids(task_statuses, "task_statuses", given=True),
        "task_types": _api.to_ids(task_types, "task_types", given=True),
        **_api.query(project_template_id=_api.optional_id(project_template, "project_template", given=True)),
    }
    return get_project_by_name(name, client=client) or _api.post("data/projects", client, body)


def update_project(project: Mapping, client: KitsuClient = default_client) -> Project:
    """Save a modified project dict (its ``data`` replaces the stored one)."""
    return _api.update("data/projects/{project}", client, project, "project", ids=_PROJECT_LISTS)


def update_project_data(project: str | Mapping, data: dict | None = None,
                        client: KitsuClient = default_client) -> Project:
    """Merge ``data`` into the project's free-form ``data``; keys not given are kept.

    As upstream, the project is read fresh and saved whole, its ``data`` merged.
    """
    return update_project(_api.with_merged_data("data/projects/{project}", client, data, whole=True, project=project),
                          client=client)


def close_project(project: str | Mapping, client: KitsuClient = default_client) -> Project:
    """Set a project's status to "Closed" (any case); return the project given with its new ``project_status_id``.

    Raises:
        ProjectStatusNotFoundException: the server has no such status (a ValueError, as upstream).
    """
    given = _api.with_ids(_api.to_dict(project, "project"), *_PROJECT_LISTS)  # as upstream returns it
    closed = next((status for status in all_project_status(client=client)
                   if str(status.get("name")).lower() == "closed"), None)
    if closed is None:
        raise ProjectStatusNotFoundException("close_project: the server has no project status named 'Closed'")
    # Only the id and the status, as upstream sends for an id: upstream saves back a dict given whole,
    # reverting what changed since it was read (CHANGELOG, deliberate differences).
    _api.put("data/projects/{project}", client, {"id": given["id"], "project_status_id": closed["id"]}, project=given)
    return cast("Project", {**given, "project_status_id": closed["id"]})  # the caller's project, closed


def remove_project(project: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a closed project; ``force`` also deletes everything it holds."""
    # Upstream spells this one force=true (its other deletions: force=True); Zou reads both.
    return _api.delete("data/projects/{project}", client, params={"force": "true"} if force else None, project=project)


# Project statuses ---------------------------------------------------------------


@cache
def all_project_status(client: KitsuClient = default_client) -> list[ProjectStatus]:
    """Return the project statuses ("Open", "Closed", …), sorted by name."""
    return _api.fetch_list("data/project-status", client, sort=True)


@cache
def get_project_status_by_name(project_status_name: str, client: KitsuClient = default_client) -> ProjectStatus | None:
    """Return the project status with this name, or None."""
    return _api.fetch_first("data/project-status", client, params=_api.plain_query(name=project_status_name))


# Team ---------------------------------------------------------------------------


def get_team(project: str | Mapping, client: KitsuClient = default_client) -> list[Person]:
    """Return the persons of a project's team, each with its ``project_role``."""
    return _api.fetch_list("data/projects/{project}/team", client, project=project)


def add_person_to_team(project: str | Mapping, person: str | Mapping, role: str | None = None,
                       client: KitsuClient = default_client) -> Project:
    """Add a person to a project's team, optionally with a role for this project only."""
    body = {"person_id": _api.to_id(person, "person"), **_api.query(role=role)}
    return _api.post("data/projects/{project}/team", client, body, project=project)


def update_team_member_role(project: str | Mapping, person: str | Mapping, role: str | None,
                            client: KitsuClient = default_client) -> TeamMemberRole:
    """Set a team member's role on this project (None: back to their studio role)."""
    return _api.put("data/projects/{project}/team/{person}", client, {"role": role}, project=project, person=person)


def remove_person_from_team(project: str | Mapping, person: str | Mapping, client: KitsuClient = default_client) -> str:
    """Remove a person from a project's team."""
    return _api.delete("data/projects/{project}/team/{person}", client, project=project, person=person)


# Settings: asset types, task types, task statuses, automations, backgrounds ------


def add_asset_type(project: str | Mapping, asset_type: str | Mapping, client: KitsuClient = default_client) -> Project:
    """Make an asset type available in a project; return the project."""
    return _api.post("data/projects/{project}/settings/asset-types", client,
                     {"asset_type_id": _api.to_id(asset_type, "asset_type")}, project=project)


@cache
def get_project_task_types(project: str | Mapping, client: KitsuClient = default_client) -> list[TaskType]:
    """Return the task types of a project.

    Reads upstream's ``data/projects/{id}/settings/task-types``; Zou 1.0.97
    does not serve it (405), and the same list is then read from
    ``data/projects/{id}/task-types``.
    """
    try:
        return _api.fetch_list("data/projects/{project}/settings/task-types", client, project=project)
    except (MethodNotAllowedException, RouteNotFoundException):
        return _api.fetch_list("data/projects/{project}/task-types", client, project=project)


def add_task_type(project: str | Mapping, task_type: str | Mapping, priority: int,
                  client: KitsuClient = default_client) -> Project:
    """Make a task type available in a project, at a priority (its order); return the project."""
    body = {"task_type_id": _api.to_id(task_type, "task_type"), "priority": priority}
    return _api.post("data/projects/{project}/settings/task-types", client, body, project=project)


def remove_task_type(project: str | Mapping, task_type: str | Mapping, client: KitsuClient = default_client) -> str:
    """Make a task type unavailable in a project."""
    return _api.delete("data/projects/{project}/settings/task-types/{task_type}", client, project=project,
                       task_type=task_type)


@cache
def get_project_task_statuses(project: str | Mapping, client: KitsuClient = default_client) -> list[TaskStatus]:
    """Return the task statuses of a project."""
    return _api.fetch_list("data/projects/{project}/settings/task-status", client, project=project)


def add_task_status(project: str | Mapping, task_status: str | Mapping,
                    client: KitsuClient = default_client) -> Project:
    """Make a task status available in a project; return the project."""
    return _api.post("data/projects/{project}/settings/task-status", client,
                     {"task_status_id": _api.to_id(task_status, "task_status")}, project=project)


def remove_task_status(project: str | Mapping, task_status: str | Mapping, client: KitsuClient = default_client) -> str:
    """Make a task status unavailable in a project."""
    return _api.delete("data/projects/{project}/settings/task-status/{task_status}", client, project=project,
                       task_status=task_status)


@cache
def all_status_automations(project: str | Mapping, client: KitsuClient = default_client) -> list[StatusAutomation]:
    """Return the status automations of a project."""
    return _api.fetch_list("data/projects/{project}/settings/status-automations", client, project=project)


def add_status_automation(project: str | Mapping, automation: dict[Literal["status_automation_id"], str],
                          client: KitsuClient = default_client) -> Project:
    """Enable a status automation in a project; return the project.

    Args:
        automation: ``{"status_automation_id": id}``, sent as the body as it is.
    """
    return _api.post("data/projects/{project}/settings/status-automations", client, automation, project=project)


def remove_status_automation(project: str | Mapping, automation: str | Mapping,
                             client: KitsuClient = default_client) -> str:
    """Disable a status automation in a project."""
    return _api.delete("data/projects/{project}/settings/status-automations/{automation}", client, project=project,
                       automation=automation)


@cache
def get_preview_background_files(project: str | Mapping,
                                 client: KitsuClient = default_client) -> list[PreviewBackgroundFile]:
    """Return the preview background files (HDRs for 3D previews) of a project."""
    return _api.fetch_list("data/projects/{project}/settings/preview-background-files", client, project=project)


def add_preview_background_file(project: str | Mapping,
                                background_file: dict[Literal["preview_background_file_id"], str],
                                client: KitsuClient = default_client) -> Project:
    """Make a preview background file available in a project; return the project.

    Args:
        background_file: ``{"preview_background_file_id": id}``, sent as the body as it is.
    """
    return _api.post("data/projects/{project}/settings/preview-background-files", client, background_file,
                     project=project)


def remove_preview_background_file(project: str | Mapping, background_file: str | Mapping,
                                   client: KitsuClient = default_client) -> str:
    """Make a preview background file unavailable in a project."""
    return _api.delete("data/projects/{project}/settings/preview-background-files/{background_file}", client,
                       project=project, background_file=background_file)


# Metadata descriptors (the custom columns of entities) -------------------------


def all_metadata_descriptors(project: str | Mapping, client: KitsuClient = default_client, *,
                             entity_type: str | None = None) -> list[MetadataDescriptor]:
    """Return a project's metadata descriptors, only those of ``entity_type`` (``"Asset"``, …) if given."""
    descriptors = _api.fetch_list("data/projects/{project}/metadata-descriptors", client, project=project)
    if entity_type is None:
        return descriptors
    return [descriptor for descriptor in descriptors if descriptor.get("entity_type") == entity_type]


def get_metadata_descriptor(project: str | Mapping, metadata_descriptor_id: str,
                            client: KitsuClient = default_client) -> MetadataDescriptor:
    """Return a project's metadata descriptor with this id."""
    return _api.fetch("data/projects/{project}/metadata-descriptors/{metadata_descriptor_id}", client, project=project,
                      metadata_descriptor_id=_api.to_id(metadata_descriptor_id, "metadata_descriptor_id"))


def get_metadata_descriptor_by_field_name(project: str | Mapping, field_name: str,
                                          client: KitsuClient = default_client) -> MetadataDescriptor | None:
    """Return a project's metadata descriptor for this ``data`` key, or None."""
    return _api.fetch_first("data/metadata-descriptors", client, params=_api.plain_query(
        project_id=_api.to_id(project, "project"), field_name=field_name))


def add_metadata_descriptor(
    project: str | Mapping,
    name: str,
    entity_type: str,
    data_type: str = "string",
    choices: list[str] | None = None,
    for_client: bool = False,
    departments: Collection[str | Mapping] | None = None,
    task_type_id: str | Mapping | None = None,
    client: KitsuClient = default_client,
) -> MetadataDescriptor:
    """Create a metadata descriptor: a custom field of a project's entities.

    Args:
        data_type: ``string``, ``number``, ``boolean``, ``list``, ``taglist``, ``checklist``, …
        choices: the values allowed (for list types); empty for free values.
        for_client: whether clients see it.
        departments: the departments (dicts or ids) that see it; all when empty.
        task_type_id: for ``Task`` descriptors, the task type they apply to.
    """
    body = {
        "name": name,
        "data_type": data_type,
        "choices": list(choices or []),
        "for_client": for_client,
        "entity_type": entity_type,
        "departments": _api.to_ids(departments, "departments"),
        **_api.query(task_type_id=_api.optional_id(task_type_id, "task_type_id")),
    }
    return _api.post("data/projects/{project}/metadata-descriptors", client, body, project=project)


def update_metadata_descriptor(project: str | Mapping, metadata_descriptor: Mapping,
                               client: KitsuClient = default_client) -> MetadataDescriptor:
    """Save a modified metadata descriptor dict."""
    return _api.put("data/projects/{project}/metadata-descriptors/{metadata_descriptor}", client,
                    _api.with_ids(_api.require(metadata_descriptor, "metadata_descriptor", dict), "departments"),
                    project=project, metadata_descriptor=metadata_descriptor)


def reorder_metadata_descriptors(project: str | Mapping, entity_type: str, descriptor_ids: Collection[str | Mapping],
                                 client: KitsuClient = default_client) -> list[MetadataDescriptor]:
    """Set the order of a project's descriptors of one entity type; return them in that order."""
    body = {"entity_type": entity_type, "descriptor_ids": _api.to_ids(descriptor_ids, "descriptor_ids")}
    return _api.post("data/projects/{project}/metadata-descriptors/reorder", client, body, project=project)


def remove_metadata_descriptor(project: str | Mapping, metadata_descriptor_id: str | Mapping, force: bool = False,
                               client: KitsuClient = default_client) -> str:
    """Delete a metadata descriptor (the values stored under its key stay in the entities)."""
    return _api.delete("data/projects/{project}/metadata-descriptors/{metadata_descriptor_id}", client, force=force,
                       project=project,
                       metadata_descriptor_id=_api.to_id(metadata_descriptor_id, "metadata_descriptor_id"))


# Budgets ------------------------------------------------------------------------


@cache
def get_budgets(project: str | Mapping, client: KitsuClient = default_client) -> list[Budget]:
    """Return a project's budgets (one per revision)."""
    return _api.fetch_list("data/projects/{project}/budgets", client, project=project)


@cache
def get_budget(project: str | Mapping, budget: str | Mapping, client: KitsuClient = default_client) -> Budget:
    """Return one budget of a project."""
    return _api.fetch("data/projects/{project}/budgets/{budget}", client, project=project, budget=budget)


def create_budget(
    project: str | Mapping,
    name: str,
    description: str | None = None,
    currency: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    amount: int | float | None = None,
    client: KitsuClient = default_client,
) -> Budget:
    """Create a budget for a project (the server numbers its revision)."""
    body = {"name": name, **_api.query(
        description=description, currency=currency, start_date=start_date, end_date=end_date, amount=amount)}
    return _api.post("data/projects/{project}/budgets", client, body, project=project)


def update_budget(project: str | Mapping, budget: str | Mapping, data: dict,
                  client: KitsuClient = default_client) -> Budget:
    """Change a budget's fields (``name``, ``currency``) to those in ``data``."""
    return _api.put("data/projects/{project}/budgets/{budget}", client, _api.data_dict(data), project=project,
                    budget=budget)


def remove_budget(project: str | Mapping, budget: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a budget and its entries."""
    return _api.delete("data/projects/{project}/budgets/{budget}", client, project=project, budget=budget)


@cache
def get_budget_entries(project: str | Mapping, budget: str | Mapping,
                       client: KitsuClient = default_client) -> list[BudgetEntry]:
    """Return the entries of a budget."""
    return _api.fetch_list("data/projects/{project}/budgets/{budget}/entries", client, project=project, budget=budget)


@cache
def get_budget_entry(project: str | Mapping, budget: str | Mapping, entry: str | Mapping,
                     client: KitsuClient = default_client) -> BudgetEntry:
    """Return one entry of a budget."""
    return _api.fetch("data/projects/{project}/budgets/{budget}/entries/{entry}", client, project=project,
                      budget=budget, entry=entry)


def create_budget_entry(
    project: str | Mapping,
    budget: str | Mapping,
    name: str,
    date: str | None = None,
    amount: int | float | None = None,
    quantity: int | float | None = None,
    unit_price: int | float | None = None,
    description: str | None = None,
    category: str | None = None,
    client: KitsuClient = default_client,
) -> BudgetEntry:
    """Add an entry to a budget.

    Zou 1.0.97 describes entries by department, person, start date, duration
    and daily salary, and requires a ``department_id``, which these arguments
    (upstream's) cannot give: it answers with a ParameterException. Set those
    fields with :func:`update_budget_entry` on an entry made in Kitsu.
    """
    body = {"name": name, **_api.query(
        date=date, amount=amount, quantity=quantity, unit_price=unit_price, description=description,
        category=category)}
    return _api.post("data/projects/{project}/budgets/{budget}/entries", client, body, project=project, budget=budget)


def update_budget_entry(project: str | Mapping, budget: str | Mapping, entry: str | Mapping, data: dict,
                        client: KitsuClient = default_client) -> BudgetEntry:
    """Change a budget entry's fields to those in ``data``.

    Zou 1.0.97 replaces every field of the entry, setting those ``data``
    leaves out to null (and refuses a null ``department_id``): pass the whole
    entry, e.g. ``{**entry, "months_duration": 5}``.
    """
    return _api.put("data/projects/{project}/budgets/{budget}/entries/{entry}", client, _api.data_dict(data),
                    project=project, budget=budget, entry=entry)


def remove_budget_entry(project: str | Mapping, budget: str | Mapping, entry: str | Mapping,
                        client: KitsuClient = default_client) -> str:
    """Delete a budget entry."""
    return _api.delete("data/projects/{project}/budgets/{budget}/entries/{entry}", client, project=project,
                       budget=budget, entry=entry)


# Schedule and quotas ------------------------------------------------------------


@cache
def get_milestones(project: str | Mapping, client: KitsuClient = default_client) -> list[Milestone]:
    """Return the milestones of a project's schedule."""
    return _api.fetch_list("data/projects/{project}/milestones", client, project=project)


@cache
def get_project_quotas(project: str | Mapping, task_type: str | Mapping,
                       client: KitsuClient = default_client) -> dict[str, Quotas]:
    """Return the quotas of a project for a task type: shots done per person and period.

    Returns:
        ``{person_id | "total": {"day" | "week" | "month" | "year": {"count" | "frames" | …: {period: …}}}}``,
        as Zou computes it (upstream annotated this ``list[dict]``; the server answers a dict).
    """
    return _api.fetch("data/projects/{project}/quotas/{task_type}", client, project=project, task_type=task_type)


@cache
def get_project_person_quotas(project: str | Mapping, person: str | Mapping,
                              client: KitsuClient = default_client) -> dict[str, Quotas]:
    """Return the quotas of one person in a project by task type (and ``total``), shaped as
    :func:`get_project_quotas`'s."""
    return _api.fetch("data/projects/{project}/quotas/persons/{person}", client, project=project, person=person)
