"""What Kitsu (Zou 1.0.97) answers, as TypedDicts: completion and typo checks for answers.

Every function of gazu returns plain dicts and lists decoded from the
server's JSON; nothing here changes that at run time. These types say which
keys those dicts have, so an IDE completes ``task["task_status_id"]`` and a
type checker catches ``shot["nb_frame"]``::

    from gazu.types import Shot

    def frames(shot: Shot) -> int:
        return shot["nb_frames"] or 0

Each model type (:class:`Shot`, :class:`Task`, …) holds the columns the
server always sends for that model; the keys that only some routes add
(names joined by listings, relation lists sent after an update, …) are
optional keys of the same type. Shapes that are not a model (casting
entries, time-sheet rows, …) have their own types. Dates and times are
ISO 8601 strings, ids are UUID strings, ``data`` is the entity's free-form
metadata.

The types were read from Zou's models and serializers and are checked
against a real server: tests/integration validates every answer the
integration suite receives against the declared types, so a drift from the
server fails a test.

This module is never imported by ``import gazu``; import it where you use
the types (under ``if TYPE_CHECKING:`` to pay nothing at run time).
"""

from typing import Any, Optional, TypedDict, Union

# Models shared by every entity kind ------------------------------------------

class _EntityCore(TypedDict):
    id: str
    name: str
    code: Optional[str]
    description: Optional[str]
    shotgun_id: Optional[int]
    canceled: bool
    nb_entities_out: int
    is_casting_standby: bool
    is_shared: bool
    status: str
    project_id: str
    entity_type_id: str
    parent_id: Optional[str]
    preview_file_id: Optional[str]
    data: Optional[dict[str, Any]]
    ready_for: Optional[str]
    created_by: Optional[str]
    created_at: str
    updated_at: str
    type: str


class _EntityColumns(_EntityCore):
    nb_frames: Optional[int]
    source_id: Optional[str]


class _EntityJoins(TypedDict, total=False):
    # Sent with the entity by update routes (its relations, as ids).
    entities_in: list[str]
    entities_out: list[str]
    instance_casting: list[str]
    # Joined by some listings and by the single-entity routes.
    project_name: str
    preview_file_status: Optional[str]
    tasks: list["EntityTask"]


class _EntityExtras(_EntityJoins, total=False):
    entity_concept_links: list[str]


class _EntityTaskRequired(TypedDict):
    id: str
    entity_id: str
    task_status_id: str
    task_type_id: str
    assignees: list[str]


class EntityTask(_EntityTaskRequired, total=False):
    """A task as listed inside a full entity (``get_shot``, ``get_asset``, …; each kind sends its own subset)."""

    priority: Optional[int]
    difficulty: int
    duration: float
    estimation: float
    retake_count: int
    nb_assets_ready: int
    nb_drawings: int
    is_subscribed: bool
    start_date: Optional[str]
    due_date: Optional[str]
    end_date: Optional[str]
    done_date: Optional[str]
    real_start_date: Optional[str]
    last_comment_date: Optional[str]
    last_preview_file_id: Optional[str]
    data: Optional[dict[str, Any]]


class Entity(_EntityColumns, _EntityExtras, total=False):
    """Any entity row: asset, shot, sequence, episode, scene, edit or concept (``type`` says which)."""


class Asset(_EntityCore, _EntityExtras, total=False):
    """An asset. ``source_id`` is its episode (``episode_id`` in ``get_asset``'s answer)."""

    nb_frames: Optional[int]
    source_id: Optional[str]
    asset_type_id: str
    asset_type_name: str
    episode_id: Optional[str]
    casting_episode_ids: list[str]


class Shot(_EntityColumns, _EntityExtras, total=False):
    """A shot; ``parent_id`` is its sequence. ``get_shot`` adds names, frame range and tasks."""

    sequence_id: str
    sequence_name: str
    episode_id: Optional[str]
    episode_name: Optional[str]
    # Copied by the server from the free-form ``data``: any JSON value.
    fps: Any
    frame_in: Any
    frame_out: Any


class Sequence(_EntityColumns, _EntityExtras, total=False):
    """A sequence; ``parent_id`` is its episode in a TV show."""

    episode_id: Optional[str]
    episode_name: Optional[str]


class Episode(_EntityColumns, _EntityExtras, total=False):
    """An episode of a TV show."""


class Scene(_EntityColumns, _EntityExtras, total=False):
    """A scene; ``parent_id`` is its sequence."""

    sequence_id: str
    sequence_name: str
    episode_id: Optional[str]
    episode_name: Optional[str]


class _EditRequired(TypedDict):
    id: str
    name: str
    description: Optional[str]
    canceled: bool
    nb_entities_out: int
    project_id: str
    entity_type_id: str
    parent_id: Optional[str]
    source_id: Optional[str]
    preview_file_id: Optional[str]
    data: Optional[dict[str, Any]]
    type: str


class Edit(_EditRequired, _EntityExtras, total=False):
    """An edit. ``get_edit`` sends a shorter row (no audit or status columns) with names and tasks."""

    code: Optional[str]
    shotgun_id: Optional[int]
    nb_frames: Optional[int]
    is_casting_standby: bool
    is_shared: bool
    status: str
    ready_for: Optional[str]
    created_by: Optional[str]
    created_at: str
    updated_at: str
    episode_id: Optional[str]
    episode_name: Optional[str]


class _ConceptRequired(_EntityColumns):
    entity_concept_links: list[str]


class Concept(_ConceptRequired, _EntityJoins, total=False):
    """A concept (artwork); ``entity_concept_links`` lists the entities it is linked to."""

    fps: Any
    frame_in: Any
    frame_out: Any


class _LinkedEntityRequired(TypedDict):
    id: str
    name: str
    description: Optional[str]
    canceled: bool
    nb_frames: Optional[int]
    nb_entities_out: int
    is_casting_standby: bool
    project_id: str
    project_name: str
    entity_type_id: str
    parent_id: Optional[str]
    source_id: Optional[str]
    preview_file_id: Optional[str]
    data: Optional[dict[str, Any]]
    created_by: Optional[str]
    created_at: str
    updated_at: str
    entity_concept_links: list[str]
    tasks: list[EntityTask]
    type: str


class LinkedEntity(_LinkedEntityRequired, total=False):
    """An entity linked to a concept, with its tasks (``all_entities_with_tasks_linked_to_entity``)."""

    fps: Any
    frame_in: Any
    frame_out: Any


class _EntityTypeColumns(TypedDict):
    name: str
    short_name: Optional[str]
    description: Optional[str]
    archived: bool
    id: str
    created_at: str
    updated_at: str
    type: str


class EntityType(_EntityTypeColumns, total=False):
    """An entity type: asset types and the fixed Shot, Sequence, Episode, … types."""

    task_types: list[str]


class AssetType(EntityType, total=False):
    """An asset type (Character, Prop, …); ``task_types`` restricts the task types of its assets."""


class EntityLink(TypedDict, total=False):
    """A casting link: ``entity_out_id`` (an asset) is cast ``nb_occurences`` times in ``entity_in_id``."""

    entity_in_id: str
    entity_out_id: str
    data: Optional[dict[str, Any]]
    nb_occurences: int
    label: str
    id: str
    created_at: str
    updated_at: str
    type: str


# Projects ----------------------------------------------------------------------

class _ProjectColumns(TypedDict):
    name: str
    code: Optional[str]
    description: Optional[str]
    shotgun_id: Optional[int]
    file_tree: Optional[dict[str, Any]]
    data: Optional[dict[str, Any]]
    has_avatar: bool
    fps: str
    ratio: str
    resolution: str
    production_type: str
    production_style: str
    start_date: Optional[str]
    end_date: Optional[str]
    man_days: Optional[int]
    nb_episodes: int
    episode_span: int
    max_retakes: int
    is_clients_isolated: bool
    is_client_stats_visible: bool
    is_client_task_list_visible: bool
    is_client_task_panel_visible: bool
    is_preview_download_allowed: bool
    is_set_preview_automated: bool
    homepage: str
    is_publish_default_for_artists: bool
    is_bot_collaboration_enabled: bool
    is_single_preview_per_revision: bool
    is_frame_in_numbering: bool
    revision_padding: int
    hd_bitrate_compression: Optional[int]
    ld_bitrate_compression: Optional[int]
    project_status_id: Optional[str]
    default_preview_background_file_id: Optional[str]
    from_schedule_version_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class Project(_ProjectColumns, total=False):
    """A production. The single-project and open-projects routes add its links and settings."""

    team: list[str]
    asset_types: list[str]
    task_statuses: list[str]
    task_types: list[str]
    status_automations: list[str]
    preview_background_files: list[str]
    descriptors: list["ProjectDescriptor"]
    task_type_links: dict[str, "ProjectTaskTypeLink"]
    task_types_priority: dict[str, Optional[int]]
    task_statuses_link: dict[str, "ProjectTaskStatusLink"]
    project_status_name: str
    first_episode_id: str


class ProjectTaskTypeLink(TypedDict):
    """A task type's settings in a project (``Project["task_type_links"]``, by task type id)."""

    priority: Optional[int]
    hd_bitrate_compression: Optional[int]
    ld_bitrate_compression: Optional[int]
    is_client_visible: bool


class ProjectTaskStatusLink(TypedDict):
    """A task status's settings in a project (``Project["task_statuses_link"]``, by status id)."""

    priority: Optional[int]
    roles_for_board: list[str]
    is_client_allowed: Optional[bool]


class ProjectStatus(TypedDict):
    """A project status (Open, Closed)."""

    name: str
    color: str
    id: str
    created_at: str
    updated_at: str
    type: str


class ProjectDescriptor(TypedDict):
    """A metadata descriptor as listed in its project (``Project["descriptors"]``)."""

    id: str
    name: str
    field_name: str
    data_type: Optional[str]
    choices: Optional[list[Any]]
    for_client: bool
    entity_type: str
    task_type_id: Optional[str]
    position: Optional[int]
    departments: list[str]


class _MetadataDescriptorColumns(TypedDict):
    project_id: str
    entity_type: str
    task_type_id: Optional[str]
    name: str
    data_type: Optional[str]
    field_name: str
    choices: Optional[list[Any]]
    for_client: bool
    position: Optional[int]
    id: str
    created_at: str
    updated_at: str
    type: str


class MetadataDescriptor(_MetadataDescriptorColumns, total=False):
    """A custom metadata column of a project (stored in entities' ``data`` under ``field_name``)."""

    departments: list[str]


class _ProjectTemplateColumns(TypedDict):
    name: str
    description: Optional[str]
    fps: str
    ratio: str
    resolution: str
    production_type: str
    production_style: str
    max_retakes: int
    is_clients_isolated: bool
    is_client_stats_visible: bool
    is_client_task_list_visible: bool
    is_client_task_panel_visible: bool
    is_preview_download_allowed: bool
    is_set_preview_automated: bool
    is_publish_default_for_artists: bool
    is_single_preview_per_revision: bool
    is_frame_in_numbering: bool
    revision_padding: int
    homepage: str
    hd_bitrate_compression: Optional[int]
    ld_bitrate_compression: Optional[int]
    file_tree: Optional[dict[str, Any]]
    data: Optional[dict[str, Any]]
    metadata_descriptors: list[Any]
    default_preview_background_file_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class ProjectTemplate(_ProjectTemplateColumns, total=False):
    """Settings a new project can be made from."""

    task_types: list[str]
    task_statuses: list[str]
    asset_types: list[str]
    status_automations: list[str]
    preview_background_files: list[str]


class ProjectTemplateTaskTypeLink(TypedDict):
    """A task type's settings in a project template."""

    project_template_id: str
    task_type_id: str
    priority: Optional[int]
    hd_bitrate_compression: Optional[int]
    ld_bitrate_compression: Optional[int]
    is_client_visible: bool
    id: str
    created_at: str
    updated_at: str
    type: str


class ProjectTemplateTaskStatusLink(TypedDict):
    """A task status's settings in a project template."""

    project_template_id: str
    task_status_id: str
    priority: Optional[int]
    roles_for_board: list[Any]
    is_client_allowed: Optional[bool]
    id: str
    created_at: str
    updated_at: str
    type: str


class NamedItem(TypedDict):
    """An id and a name (an asset type of a project template)."""

    id: str
    name: str


class TemplateBackground(NamedItem):
    """A preview background of a project template."""

    is_default: Optional[bool]


class StatusAutomation(TypedDict):
    """A rule changing a task's status when another task of the entity changes."""

    entity_type: str
    in_task_type_id: Optional[str]
    in_task_status_id: Optional[str]
    out_field_type: str
    out_task_type_id: Optional[str]
    out_task_status_id: Optional[str]
    import_last_revision: bool
    archived: bool
    id: str
    created_at: str
    updated_at: str
    type: str


class PreviewBackgroundFile(TypedDict):
    """A background picture for 3D previews."""

    name: str
    archived: bool
    is_default: bool
    original_name: Optional[str]
    extension: Optional[str]
    file_size: int
    id: str
    created_at: str
    updated_at: str
    type: str


class Budget(TypedDict, total=False):
    """A budget version of a project (listings leave out the audit columns)."""

    project_id: Optional[str]
    revision: int
    name: str
    currency: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class BudgetEntry(TypedDict, total=False):
    """A budget line: a position in a department for some months (listings leave out the audit columns)."""

    budget_id: str
    department_id: str
    person_id: Optional[str]
    start_date: str
    months_duration: int
    daily_salary: float
    position: str
    seniority: str
    exceptions: Optional[dict[str, Any]]
    id: str
    created_at: str
    updated_at: str
    type: str


class Milestone(TypedDict, total=False):
    """A dated milestone of a project's schedule (listings leave out the audit columns)."""

    date: Optional[str]
    name: str
    project_id: Optional[str]
    task_type_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class ScheduleItem(TypedDict):
    """A row of a project's schedule (a task type, or a task type within an episode or asset type)."""

    start_date: Optional[str]
    end_date: Optional[str]
    man_days: Optional[int]
    project_id: Optional[str]
    task_type_id: Optional[str]
    object_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class QuotaCounters(TypedDict, total=False):
    """Shots done in each period of one length: the periods are days (``2026-01-05``), ISO weeks (``2026-2``),
    months (``2026-01``) or years (``2026``).

    Weighted counts (Zou's default) share a shot between the days its time
    was spent, so counts and frames can be fractions.
    """

    frames: dict[str, float]
    seconds: dict[str, float]
    drawings: dict[str, float]
    count: dict[str, float]
    entries: dict[str, int]  # days counted per month, weeks per year, months per year (not for years)


class Quotas(TypedDict):
    """The quotas of a person (or of a task type, or the ``total``), by day, week, month and year."""

    day: QuotaCounters
    week: QuotaCounters
    month: QuotaCounters
    year: QuotaCounters


class TeamMemberRole(TypedDict):
    """A person's role in a project."""

    project_id: str
    person_id: str
    role: Optional[str]


# Tasks ---------------------------------------------------------------------------

class _TaskColumns(TypedDict):
    name: str
    description: Optional[str]
    priority: int
    difficulty: int
    duration: float
    estimation: float
    completion_rate: int
    retake_count: int
    sort_order: int
    start_date: Optional[str]
    due_date: Optional[str]
    real_start_date: Optional[str]
    end_date: Optional[str]
    done_date: Optional[str]
    last_comment_date: Optional[str]
    nb_assets_ready: int
    data: Optional[dict[str, Any]]
    nb_drawings: int
    shotgun_id: Optional[int]
    last_preview_file_id: Optional[str]
    project_id: Optional[str]
    task_type_id: Optional[str]
    task_status_id: Optional[str]
    entity_id: Optional[str]
    assigner_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class Task(_TaskColumns, total=False):
    """A task. Listings join names and colours; ``assignees`` lists the assigned persons' ids."""

    assignees: list[str]
    project_name: str
    entity_name: str
    entity_type_name: str
    task_type_name: str
    task_type_color: str
    task_type_priority: Optional[int]
    task_status_name: str
    task_status_color: str
    task_status_short_name: str


class _FullTaskRequired(TypedDict):
    entity: Entity
    entity_type: EntityType
    project: Project
    task_type: "TaskType"
    task_status: "TaskStatus"
    persons: list["Person"]
    is_subscribed: bool


class FullTask(Task, _FullTaskRequired, total=False):
    """A task with its entity, project, type, status and people as dicts (``get_task``)."""

    assigner: "Person"
    sequence: Entity
    episode: Entity


class LastComment(TypedDict, total=False):
    """The last comment on a task, in to-do lists (empty when there is none)."""

    text: str
    date: str
    person_id: str


class _TaskDetails(TypedDict):
    """What the task lists of people and of the studio join to each task."""

    project_name: str
    project_has_avatar: bool
    entity_name: str
    entity_description: Optional[str]
    entity_data: Optional[dict[str, Any]]
    entity_preview_file_id: Optional[str]
    entity_source_id: Optional[str]
    entity_type_name: str
    entity_canceled: bool
    sequence_name: Optional[str]
    episode_id: Optional[str]
    episode_name: Optional[str]
    task_type_for_entity: str
    assignees: list[str]


class _PersonTaskRequired(_TaskDetails):
    task_type_name: str
    task_type_color: str
    task_status_name: str
    task_status_color: str
    task_status_short_name: str


class PersonTask(_TaskColumns, _PersonTaskRequired, total=False):
    """A task in a person's task lists (to do, done, to check), with its entity's and project's details."""

    last_comment: LastComment
    task_estimation: float
    task_duration: float
    task_start_date: Optional[str]
    task_due_date: Optional[str]
    episode_ids: list[str]
    episode_names: list[str]


class _OpenTaskRequired(_TaskDetails):
    type_name: str
    type_color: str
    status_name: str
    status_color: str
    status_short_name: str


class OpenTask(_TaskColumns, _OpenTaskRequired, total=False):
    """A task of the studio's open-tasks page (its type's and status's names as ``type_*``/``status_*``)."""

    last_comment: LastComment


class OpenTasksPage(TypedDict):
    """One page of the studio's open tasks, with statistics on the whole selection."""

    data: list[OpenTask]
    stats: dict[str, Any]
    limit: Optional[int]
    page: int
    is_more: bool


class _TaskTypeColumns(TypedDict):
    name: str
    short_name: Optional[str]
    description: Optional[str]
    color: str
    priority: Optional[int]
    for_entity: str
    allow_timelog: bool
    archived: bool
    shotgun_id: Optional[int]
    department_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class TaskType(_TaskTypeColumns, total=False):
    """A task type (Modeling, Animation, …); ``for_entity`` says which entity kind it applies to."""

    # A project template's task types carry their settings in the template.
    hd_bitrate_compression: Optional[int]
    ld_bitrate_compression: Optional[int]
    is_client_visible: bool


class _TaskStatusColumns(TypedDict):
    name: str
    archived: bool
    short_name: str
    description: Optional[str]
    color: str
    priority: Optional[int]
    is_done: bool
    is_artist_allowed: bool
    is_client_allowed: bool
    is_retake: bool
    is_feedback_request: bool
    is_default: bool
    is_wip: bool
    shotgun_id: Optional[int]
    for_concept: bool
    id: str
    created_at: str
    updated_at: str
    type: str


class TaskStatus(_TaskStatusColumns, total=False):
    """A task status (todo, wip, wfa, done, …)."""

    # A project template's task statuses carry their settings in the template.
    roles_for_board: list[str]
    link_is_client_allowed: Optional[bool]


class TimeSpent(TypedDict, total=False):
    """Time a person spent on a task on a day (``duration`` in minutes)."""

    duration: float
    date: str
    task_id: Optional[str]
    person_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str
    project_id: str
    task_type_id: str


class TimeSpentRow(TypedDict):
    """A row of a person's time sheet for a week, month or year: time spent on one task."""

    task_id: str
    task_type_id: str
    project_id: str
    project_name: str
    entity_name: str
    entity_type_name: str
    sequence_name: Optional[str]
    episode_name: Optional[str]
    duration: float


class PersonTasksDates(TypedDict):
    """When a person's tasks start and end."""

    person_id: str
    min_date: Optional[str]
    max_date: Optional[str]
    busy_periods: list[Any]


class Subscription(TypedDict):
    """A person's subscription to a task's notifications."""

    person_id: str
    task_id: Optional[str]
    entity_id: Optional[str]
    task_type_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


# Comments, previews and notifications -------------------------------------------

class CommentPerson(TypedDict):
    """The author of a comment, as sent with it."""

    id: str
    first_name: str
    last_name: str
    full_name: str
    has_avatar: bool
    role: str


class CommentTaskStatus(TypedDict):
    """The status a comment set, as sent with it."""

    id: str
    name: str
    short_name: str
    color: str


class CommentPreview(TypedDict, total=False):
    """A preview attached to a comment, as sent with it."""

    id: str
    task_id: str
    revision: int
    extension: str
    width: Optional[int]
    height: Optional[int]
    duration: Optional[float]
    status: str
    validation_status: str
    original_name: Optional[str]
    position: Optional[int]
    annotations: Optional[list[Any]]


class CommentAttachment(TypedDict, total=False):
    """A file attached to a comment, as sent with it."""

    id: str
    name: str
    extension: str
    size: int
    reply_id: Optional[str]


class _CommentColumns(TypedDict):
    shotgun_id: Optional[int]
    object_id: str
    object_type: str
    text: Optional[str]
    data: Optional[dict[str, Any]]
    replies: list[dict[str, Any]]
    checklist: Optional[list[dict[str, Any]]]
    pinned: Optional[bool]
    for_client: bool
    links: Optional[list[Any]]
    task_status_id: Optional[str]
    person_id: str
    editor_id: Optional[str]
    preview_file_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class Comment(_CommentColumns, total=False):
    """A comment on a task (``object_id``), optionally changing its status."""

    # Listings send a summary of the author and status, the creation routes the whole rows.
    person: Union[CommentPerson, "Person"]
    task_status: Union[CommentTaskStatus, "TaskStatus"]
    previews: list[Union[CommentPreview, "PreviewFile", str]]
    preview_files: list["PreviewFile"]
    mentions: list[str]
    department_mentions: list[str]
    acknowledgements: list[str]
    attachment_files: list[Union[CommentAttachment, str]]


class Reply(TypedDict, total=False):
    """A reply to a comment."""

    id: str
    date: str
    created_at: str
    person_id: str
    text: str
    mentions: list[str]
    department_mentions: list[str]
    person: CommentPerson


class _PreviewFileColumns(TypedDict):
    name: Optional[str]
    original_name: Optional[str]
    revision: int
    position: int
    extension: Optional[str]
    description: Optional[str]
    path: Optional[str]
    source: Optional[str]
    file_size: int
    status: str
    validation_status: str
    annotations: Optional[list[Any]]
    width: int
    height: int
    duration: float
    data: Optional[dict[str, Any]]
    token_in: Optional[int]
    token_out: Optional[int]
    task_id: Optional[str]
    person_id: Optional[str]
    source_file_id: Optional[str]
    shotgun_id: Optional[int]
    is_movie: bool
    url: Optional[str]
    uploaded_movie_url: Optional[str]
    uploaded_movie_name: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class PreviewFile(_PreviewFileColumns, total=False):
    """A preview (picture, movie or file) uploaded for a task revision."""

    comments: list[str]
    # Joined by the running-previews listing.
    project_id: str
    task_type_id: str
    full_entity_name: str


class EntityPreviewFile(TypedDict, total=False):
    """A preview as listed for playlists (by entity and task type)."""

    id: str
    revision: int
    original_name: Optional[str]
    extension: str
    width: Optional[int]
    height: Optional[int]
    duration: Optional[float]
    status: str
    annotations: Optional[list[Any]]
    previews: list[Any]
    created_at: str
    task_id: str
    original_width: Optional[int]
    original_height: Optional[int]
    original_duration: Optional[float]
    original_file_size: Optional[int]


class _AttachmentFileColumns(TypedDict):
    name: Optional[str]
    size: int
    extension: Optional[str]
    mimetype: Optional[str]
    comment_id: Optional[str]
    reply_id: Optional[str]
    chat_message_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class AttachmentFile(_AttachmentFileColumns, total=False):
    """A file attached to a comment or a chat message."""

    comment: Optional[dict[str, Any]]
    chat_message: Optional[dict[str, Any]]


class _NotificationColumns(TypedDict):
    read: bool
    change: bool
    person_id: str
    author_id: str
    comment_id: Optional[str]
    task_id: Optional[str]
    playlist_id: Optional[str]
    reply_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class Notification(_NotificationColumns, total=False):
    """A notification sent to a person (a comment, a mention, an assignment, …)."""

    notification_type: str


class NotificationDetails(TypedDict, total=False):
    """A notification as listed for its recipient, with the task's and comment's details."""

    id: str
    type: str
    notification_type: str
    read: bool
    change: bool
    created_at: str
    author_id: str
    comment_id: Optional[str]
    task_id: Optional[str]
    playlist_id: Optional[str]
    subscription_id: Optional[str]
    project_id: str
    project_name: str
    task_type_id: str
    task_status_id: Optional[str]
    episode_id: Optional[str]
    preview_file_id: Optional[str]
    entity_preview_file_id: Optional[str]
    full_entity_name: str
    comment_text: Optional[str]
    reply_text: Optional[str]
    mentions: list[str]
    department_mentions: list[str]
    reply_mentions: list[str]
    reply_department_mentions: list[str]
    playlist_name: Optional[str]
    playlist_for_entity: Optional[str]
    playlist_is_for_all: Optional[bool]


class Chat(TypedDict, total=False):
    """An entity's chat room."""

    object_id: str
    object_type: str
    last_message: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str
    entity_name: str
    preview_file_id: Optional[str]
    project_id: str


class ChatMessage(TypedDict, total=False):
    """A message in an entity's chat room."""

    chat_id: str
    person_id: str
    text: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str
    attachment_files: list[Any]


class News(TypedDict):
    """A project's news feed item (a comment or status change)."""

    change: bool
    author_id: str
    comment_id: Optional[str]
    task_id: str
    preview_file_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


# People and studio --------------------------------------------------------------

class _PersonRequired(TypedDict):
    id: str
    first_name: str
    last_name: str
    full_name: str
    active: bool
    role: str
    has_avatar: bool
    is_bot: bool
    type: str


class Person(_PersonRequired, total=False):
    """A person of the studio (never with passwords or secrets).

    Everyone gets the minimal row (names, role, avatar, active, bot); the
    other columns go to managers and administrators.
    """

    email: Optional[str]
    phone: Optional[str]
    country: Optional[str]
    contract_type: str
    archived: bool
    last_presence: Optional[str]
    desktop_login: Optional[str]
    totp_enabled: bool
    email_otp_enabled: bool
    fido_enabled: bool
    preferred_two_factor_authentication: Optional[str]
    shotgun_id: Optional[int]
    timezone: str
    locale: str
    use_12_hour_clock: bool
    display_date_format: str
    data: Optional[dict[str, Any]]
    position: Optional[str]
    seniority: Optional[str]
    daily_salary: int
    notifications_enabled: bool
    notifications_slack_enabled: bool
    notifications_slack_userid: str
    notifications_mattermost_enabled: bool
    notifications_mattermost_userid: str
    notifications_discord_enabled: bool
    notifications_discord_userid: str
    is_guest: bool
    preview_project_id: Optional[str]
    preview_opened_at: Optional[str]
    preview_open_until: Optional[str]
    expiration_date: Optional[str]
    is_generated_from_ldap: bool
    ldap_uid: Optional[str]
    studio_id: Optional[str]
    created_at: str
    updated_at: str

    departments: list[str]
    fido_devices: list[Any]
    # A bot's token, sent once when it is created or its token renewed.
    access_token: str
    # In a project's team: the person's role in that project (None: their studio role).
    project_role: Optional[str]


class Department(TypedDict):
    """A department of the studio (Modeling, Animation, …)."""

    name: str
    color: str
    archived: bool
    id: str
    created_at: str
    updated_at: str
    type: str


class _OrganisationRequired(TypedDict):
    name: str
    hours_by_day: float
    has_avatar: bool
    use_original_file_name: bool
    timesheets_locked: bool
    format_duration_in_hours: bool
    hd_by_default: bool
    dark_theme_by_default: bool
    id: str
    created_at: str
    updated_at: str
    type: str


class Organisation(_OrganisationRequired, total=False):
    """The studio's settings; the chat integrations' tokens go to administrators only."""

    chat_token_slack: Optional[str]
    chat_webhook_mattermost: Optional[str]
    chat_token_discord: Optional[str]


class Studio(TypedDict):
    """A studio (a company the persons work for)."""

    name: str
    color: str
    archived: bool
    id: str
    created_at: str
    updated_at: str
    type: str


class DayOff(TypedDict):
    """A person's day (or days) off."""

    date: str
    end_date: str
    description: Optional[str]
    person_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class DesktopLoginLog(TypedDict):
    """A log-in from a desktop application."""

    person_id: str
    date: str
    id: str
    created_at: str
    updated_at: str
    type: str


class LoginLog(TypedDict):
    """A log-in to the server."""

    id: str
    created_at: str
    person_id: str
    ip_address: Optional[str]
    origin: Optional[str]


class SearchFilter(TypedDict):
    """A saved search of a list page."""

    list_type: str
    entity_type: Optional[str]
    name: str
    search_query: str
    is_shared: bool
    department_id: Optional[str]
    search_filter_group_id: Optional[str]
    person_id: Optional[str]
    project_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class SearchFilterGroup(TypedDict):
    """A group of saved searches."""

    list_type: str
    entity_type: Optional[str]
    name: str
    color: str
    is_shared: bool
    person_id: Optional[str]
    project_id: Optional[str]
    department_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class LoginAnswer(TypedDict, total=False):
    """The server's answer to a log-in: the user and the tokens."""

    login: bool
    user: Person
    organisation: Organisation
    access_token: str
    refresh_token: str


class ApiEvent(TypedDict):
    """An event the server recorded (``name`` like ``task:update``, details in ``data``)."""

    id: str
    created_at: str
    name: str
    user_id: Optional[str]
    project_id: Optional[str]
    data: Optional[dict[str, Any]]


# Files --------------------------------------------------------------------------

class _WorkingFileColumns(TypedDict):
    shotgun_id: Optional[int]
    name: Optional[str]
    description: Optional[str]
    comment: Optional[str]
    revision: Optional[int]
    size: Optional[int]
    checksum: Optional[int]
    path: Optional[str]
    data: Optional[dict[str, Any]]
    validation_status: str
    task_id: Optional[str]
    entity_id: Optional[str]
    person_id: Optional[str]
    software_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class WorkingFile(_WorkingFileColumns, total=False):
    """A working file (a DCC scene) of a task, by revision."""

    outputs: list[str]


class _OutputFileColumns(TypedDict):
    shotgun_id: Optional[int]
    name: str
    canceled: bool
    size: Optional[int]
    checksum: Optional[str]
    description: Optional[str]
    comment: Optional[str]
    extension: Optional[str]
    revision: int
    representation: Optional[str]
    nb_elements: int
    source: Optional[str]
    path: Optional[str]
    data: Optional[dict[str, Any]]
    quality: Optional[str]
    file_status_id: str
    entity_id: Optional[str]
    asset_instance_id: Optional[str]
    output_type_id: Optional[str]
    task_type_id: Optional[str]
    person_id: Optional[str]
    source_file_id: Optional[str]
    temporal_entity_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class OutputFile(_OutputFileColumns, total=False):
    """A file exported from a working file for an entity or an asset instance."""

    source_file: Optional[WorkingFile]
    # Sent by the creation routes: where the file goes.
    file_name: str
    folder_path: str


class OutputType(TypedDict):
    """A kind of output file (Cache, Movie, …)."""

    name: str
    short_name: str
    id: str
    created_at: str
    updated_at: str
    type: str


class Software(TypedDict):
    """A DCC software and its file extension."""

    name: str
    short_name: str
    archived: bool
    version: Optional[str]
    file_extension: str
    secondary_extensions: Optional[list[Any]]
    monthly_cost: int
    inventory_amount: int
    id: str
    created_at: str
    updated_at: str
    type: str


class FileStatus(TypedDict):
    """A status of output files."""

    name: str
    color: str
    id: str
    created_at: str
    updated_at: str
    type: str


class _AssetInstanceColumns(TypedDict):
    asset_id: str
    name: Optional[str]
    number: Optional[int]
    description: Optional[str]
    active: bool
    data: Optional[dict[str, Any]]
    scene_id: Optional[str]
    target_asset_id: Optional[str]
    entity_id: Optional[str]
    entity_type_id: Optional[str]
    id: str
    created_at: str
    updated_at: str
    type: str


class AssetInstance(_AssetInstanceColumns, total=False):
    """An instance of an asset placed in a scene, a shot or another asset."""

    shots: list[str]


# Casting ------------------------------------------------------------------------

class _CastingEntryRequired(TypedDict):
    asset_id: str
    nb_occurences: int


class CastingEntry(_CastingEntryRequired, total=False):
    """An asset cast in a shot, a sequence, an episode or an asset, with its details."""

    label: Optional[str]
    name: str
    asset_name: str
    asset_type_name: str
    episode_id: Optional[str]
    is_shared: bool
    preview_file_id: Optional[str]
    project_id: str
    ready_for: Optional[str]
    # Casting of several shots or sequences at once: whose casting this row is.
    shot_id: str
    sequence_id: str
    sequence_name: Optional[str]
    episode_name: Optional[str]
    asset_type_id: str


class CastIn(TypedDict, total=False):
    """A shot (or sequence, episode, or another asset) an asset is cast in."""

    asset_id: str
    asset_name: str
    asset_type_name: str
    shot_id: str
    shot_name: str
    sequence_id: str
    sequence_name: Optional[str]
    episode_id: Optional[str]
    episode_name: Optional[str]
    preview_file_id: Optional[str]
    nb_occurences: int


class EntityLinksPage(TypedDict):
    """One page of a project's casting links."""

    data: list[EntityLink]
    total: int
    nb_pages: int
    limit: int
    offset: int
    page: int


# Playlists ----------------------------------------------------------------------

class _PlaylistEntryRequired(TypedDict):
    entity_id: str


class PlaylistEntry(_PlaylistEntryRequired, total=False):
    """An entity in a playlist and the preview it shows (none yet: no ``preview_file_id``)."""

    preview_file_id: Optional[str]


class _PlaylistRequired(TypedDict):
    id: str
    name: str
    project_id: Optional[str]
    episode_id: Optional[str]
    task_type_id: Optional[str]
    for_client: bool
    for_entity: str
    is_for_all: bool
    created_by: Optional[str]
    created_at: str
    updated_at: str
    type: str


class Playlist(_PlaylistRequired, total=False):
    """A playlist of previews; listings leave out ``shots`` (its entries)."""

    shots: Optional[list[PlaylistEntry]]
    build_jobs: list[Any]
    # Listings by project or episode: the preview to show for the playlist.
    first_preview_file_id: Optional[str]


class BuildJob(TypedDict):
    """A job building a playlist's movie."""

    status: str
    job_type: str
    ended_at: Optional[str]
    message: Optional[str]
    playlist_id: str
    id: str
    created_at: str
    updated_at: str
    type: str


class PlaylistShareLink(TypedDict):
    """A link sharing a playlist with people outside the studio."""

    id: str
    token: str
    playlist_id: str
    created_by: str
    expiration_date: Optional[str]
    is_active: bool
    can_comment: bool
    has_password: bool
    created_at: str
    updated_at: str
    type: str


class TempPlaylistEntity(TypedDict, total=False):
    """An entity of a temporary playlist, with its previews by task type."""

    id: str
    name: str
    parent_name: Optional[str]
    episode_id: Optional[str]
    episode_name: Optional[str]
    sequence_id: Optional[str]
    sequence_name: Optional[str]
    asset_type_id: Optional[str]
    asset_type_name: Optional[str]
    preview_file_id: Optional[str]
    preview_file_task_id: Optional[str]
    preview_file_extension: Optional[str]
    preview_file_width: Optional[int]
    preview_file_height: Optional[int]
    preview_file_duration: Optional[float]
    preview_file_revision: Optional[int]
    preview_file_status: Optional[str]
    preview_file_annotations: Optional[list[Any]]
    preview_file_previews: list[Any]
    preview_files: dict[str, list[EntityPreviewFile]]


# Small answers ---------------------------------------------------------------------

class Success(TypedDict):
    """The server's acknowledgement of an action."""

    success: bool


class SuccessMessage(Success):
    """The server's acknowledgement of an action, with a message."""

    message: str


class _ContextRequired(TypedDict):
    asset_types: list[AssetType]
    custom_actions: list[dict[str, Any]]
    status_automations: list[StatusAutomation]
    departments: list[Department]
    studios: list[Studio]
    notification_count: int
    persons: list[Person]
    project_status: list[ProjectStatus]
    project_roles: dict[str, Optional[str]]
    projects: list[Project]
    task_types: list[TaskType]
    task_status: list[TaskStatus]
    # By list type, then project id; an empty list when there are none.
    search_filters: Union[dict[str, dict[str, list[SearchFilter]]], list[Any]]
    search_filter_groups: Union[dict[str, dict[str, list[SearchFilterGroup]]], list[Any]]
    preview_background_files: list[PreviewBackgroundFile]
    plugins: list[dict[str, Any]]


class Context(_ContextRequired, total=False):
    """What the web application loads at log-in: the studio's settings, people and open projects."""

    # Sent to administrators only.
    user_limit: int


class SearchResults(TypedDict, total=False):
    """Search results by kind (the server leaves a kind out when its index is off)."""

    persons: list[dict[str, Any]]
    assets: list[dict[str, Any]]
    shots: list[dict[str, Any]]


class TaskTypeStats(TypedDict):
    """Open tasks of one task type and status in a project: how many, and their time."""

    project_id: str
    task_type_id: str
    task_status_id: str
    amount: int
    amount_done: int
    total_duration: float
    total_estimation: float


class ProjectTaskStats(TypedDict):
    """A project's open tasks: how many, their time, and the same by task type and status."""

    amount: int
    amount_done: int
    total_duration: float
    total_estimation: float
    task_types: list[TaskTypeStats]


class PushedEntities(TypedDict):
    """What ``gazu.sync.push_project_entities`` pushed, by kind."""

    episodes: list[Entity]
    sequences: list[Entity]
    shots: list[Entity]
    assets: list[Entity]
    entity_links: list[EntityLink]
