"""Static types of the domain accessors on KitsuClient (generated; do not edit).

Regenerate with ``scripts/generate-accessor-types``. Imported only by type
checkers (``if TYPE_CHECKING``), never at run time.
"""

import datetime
from collections.abc import Collection, Mapping
from typing import Any, Callable, Literal

import requests
import socketio

from gazu.client import KitsuClient
from gazu.types import (
    ApiEvent,
    Asset,
    AssetInstance,
    AssetType,
    AttachmentFile,
    Budget,
    BudgetEntry,
    BuildJob,
    CastIn,
    CastingEntry,
    Chat,
    Comment,
    CommentAttachment,
    Concept,
    Context,
    DayOff,
    Department,
    DesktopLoginLog,
    Edit,
    Entity,
    EntityLink,
    EntityLinksPage,
    EntityPreviewFile,
    EntityType,
    Episode,
    FileStatus,
    FullTask,
    LinkedEntity,
    LoginLog,
    MetadataDescriptor,
    Milestone,
    NamedItem,
    Notification,
    NotificationDetails,
    OpenTasksPage,
    Organisation,
    OutputFile,
    OutputType,
    Person,
    PersonTask,
    PersonTasksDates,
    Playlist,
    PlaylistEntry,
    PlaylistShareLink,
    PreviewBackgroundFile,
    PreviewFile,
    Project,
    ProjectStatus,
    ProjectTaskStats,
    ProjectTemplate,
    ProjectTemplateTaskStatusLink,
    ProjectTemplateTaskTypeLink,
    PushedEntities,
    Quotas,
    Reply,
    Scene,
    SearchFilter,
    SearchFilterGroup,
    SearchResults,
    Sequence,
    Shot,
    Software,
    StatusAutomation,
    Studio,
    Subscription,
    SuccessMessage,
    Task,
    TaskStatus,
    TaskType,
    TeamMemberRole,
    TempPlaylistEntity,
    TemplateBackground,
    TimeSpent,
    TimeSpentRow,
    WorkingFile,
)


class AssetAccessor:
    """gazu.asset, bound to a client."""

    def all_asset_instances_for_asset(self, asset: str | Mapping) -> dict[str, list[AssetInstance]]:
        """Return the instances of other assets placed in an asset (a set's props, for instance)."""

    def all_asset_instances_for_shot(self, shot: str | Mapping) -> dict[str, list[AssetInstance]]:
        """Return the asset instances placed in a shot."""

    def all_asset_types(self) -> list[AssetType]:
        """Return every asset type, sorted by name."""

    def all_asset_types_for_project(self, project: str | Mapping) -> list[AssetType]:
        """Return the asset types of a project's assets, sorted by name."""

    def all_asset_types_for_shot(self, shot: str | Mapping) -> list[AssetType]:
        """Return the asset types of the assets cast in a shot, sorted by name."""

    def all_assets_for_episode(self, episode: str | Mapping) -> list[Asset]:
        """Return the assets that belong to an episode, sorted by name."""

    def all_assets_for_open_projects(self) -> list[Asset]:
        """Return the assets of every open project, sorted by name."""

    def all_assets_for_project(self, project: str | Mapping) -> list[Asset]:
        """Return the assets of a project (of every project for None), sorted by name."""

    def all_assets_for_project_and_type(self, project: str | Mapping, asset_type: str | Mapping) -> list[Asset]:
        """Return the assets of a project with this asset type, sorted by name."""

    def all_assets_for_shot(self, shot: str | Mapping) -> list[Asset]:
        """Return the assets cast in a shot, sorted by name."""

    def all_scene_asset_instances_for_asset(self, asset: str | Mapping) -> dict[str, list[AssetInstance]]:
        """Return the instances of an asset placed in scenes."""

    def all_shot_asset_instances_for_asset(self, asset: str | Mapping) -> dict[str, list[AssetInstance]]:
        """Return the instances of an asset placed in shots."""

    def disable_asset_instance(self, asset_instance: str | Mapping) -> AssetInstance:
        """Mark an asset instance as inactive."""

    def enable_asset_instance(self, asset_instance: str | Mapping) -> AssetInstance:
        """Mark an asset instance as active."""

    def export_assets_with_csv(self, project: str | Mapping, csv_file_path: str, episode: str | Mapping | None = ..., assigned_to: str | Mapping | None = ..., progress_callback=...) -> requests.Response:
        """Save a project's assets as a CSV file (only an episode's, or only those with tasks assigned to a person)."""

    def get_all_assets_url(self, project: str | Mapping) -> str:
        """Return the address of the project's asset list in Kitsu (the "main" episode's, for a TV show)."""

    def get_asset(self, asset_id: str) -> Asset:
        """Return the asset with this id, with its project, type and episode names and ids."""

    def get_asset_by_name(self, project: str | Mapping, name: str, asset_type: str | Mapping | None = ...) -> Asset | None:
        """Return the project's asset with this name (and asset type, if given), or None."""

    def get_asset_instance(self, asset_instance_id: str) -> AssetInstance:
        """Return the asset instance with this id."""

    def get_asset_type(self, asset_type_id: str) -> AssetType:
        """Return the asset type with this id."""

    def get_asset_type_by_name(self, name: str) -> AssetType | None:
        """Return the entity type with this name, or None."""

    def get_asset_type_from_asset(self, asset: Mapping) -> AssetType:
        """Return the asset type of an asset dict."""

    def get_asset_type_url(self, project: str | Mapping, asset_type: str | Mapping) -> str:
        """Return the address of the project's asset list in Kitsu, filtered on this asset type."""

    def get_asset_url(self, asset: str | Mapping) -> str:
        """Return the address of the asset's page in Kitsu (the asset is read fresh)."""

    def get_episode_from_asset(self, asset: Mapping) -> Episode | None:
        """Return the episode an asset dict belongs to (its ``source_id``, else its ``episode_id``), or None."""

    def import_assets_with_csv(self, project: str | Mapping, csv_file_path: str, progress_callback=...) -> list[Asset]:
        """Create or update a project's assets from a Kitsu CSV file; return the assets."""

    def new_asset(self, project: str | Mapping, asset_type: str | Mapping, name: str, description: str | None = ..., extra_data: dict | None = ..., episode: str | Mapping | None = ..., is_shared: bool = ...) -> Asset:
        """Create an asset, or return the project's asset of this type that has this name."""

    def new_asset_asset_instance(self, asset: str | Mapping, asset_to_instantiate: str | Mapping, description: str | None = ...) -> AssetInstance:
        """Place an instance of ``asset_to_instantiate`` in ``asset``; the server numbers it."""

    def new_asset_type(self, name: str) -> AssetType:
        """Create an asset type, or return the one with this name."""

    def remove_asset(self, asset: str | Mapping, force: bool = ...) -> str:
        """Delete an asset; without ``force``, an asset with tasks is only marked as canceled."""

    def remove_asset_type(self, asset_type: str | Mapping) -> str:
        """Delete an asset type no asset uses."""

    def update_asset(self, asset: Mapping) -> Asset:
        """Save a modified asset dict, as :func:`get_asset` returns it; a changed ``episode_id`` moves the asset."""

    def update_asset_data(self, asset: str | Mapping, data: dict | None = ...) -> Asset:
        """Merge ``data`` into the asset's free-form ``data`` field (read fresh), keeping its other keys."""

    def update_asset_type(self, asset_type: Mapping) -> AssetType:
        """Rename an asset type: send the ``name`` of a modified asset type dict."""


class CastingAccessor:
    """gazu.casting, bound to a client."""

    def all_entity_links_for_project(self, project: str | Mapping, page: int | None = ..., limit: int | None = ...) -> list[EntityLink] | EntityLinksPage:
        """Return the casting links of a project; with ``page``, one page of them as a dict with ``data``."""

    def cast_asset(self, project: str | Mapping, entities: Collection[str | Mapping] | str | Mapping, asset: str | Mapping, nb_occurences: int | None = ..., label: str | None = ...) -> dict[str, list[CastingEntry]]:
        """Cast an asset in one or several entities, leaving the rest of their castings as it is."""

    def delete_entity_link(self, entity_link: str | Mapping) -> dict:
        """Delete one casting link; return the link given (``{"id": …}`` for an id)."""

    def get_asset_cast_in(self, asset: str | Mapping) -> list[CastIn]:
        """Return the shots, episodes and assets an asset is cast in."""

    def get_asset_casting(self, asset: Mapping) -> list[CastingEntry]:
        """Return the casting of an asset dict: the assets it contains."""

    def get_asset_type_casting(self, project: str | Mapping, asset_type: str | Mapping) -> dict[str, list[CastingEntry]]:
        """Return the castings of the project's assets of this type, by asset id."""

    def get_episode_casting(self, episode: Mapping) -> list[CastingEntry]:
        """Return the casting of an episode dict: the assets used in it."""

    def get_episode_shots_casting(self, project: str | Mapping, episode: str | Mapping) -> dict[str, list[CastingEntry]]:
        """Return the castings of every shot of an episode, by shot id."""

    def get_episodes_casting(self, project: str | Mapping) -> dict[str, list[CastingEntry]]:
        """Return the castings of every episode of a project, by episode id."""

    def get_project_shots_casting(self, project: str | Mapping) -> dict[str, list[CastingEntry]]:
        """Return the castings of every shot of a project, by shot id."""

    def get_sequence_casting(self, sequence: Mapping) -> dict[str, list[CastingEntry]]:
        """Return the castings of the shots of a sequence dict, by shot id."""

    def get_sequence_shots_casting(self, project: str | Mapping, sequence: str | Mapping) -> dict[str, list[CastingEntry]]:
        """Return the castings of the shots of a sequence, by shot id."""

    def get_shot_casting(self, shot: Mapping) -> list[CastingEntry]:
        """Return the casting of a shot dict: the assets that appear in it."""

    def uncast_asset(self, project: str | Mapping, entities: Collection[str | Mapping] | str | Mapping, asset: str | Mapping) -> dict[str, list[CastingEntry]]:
        """Remove an asset from the castings of one or several entities; return their castings by entity id."""

    def update_asset_casting(self, project: str | Mapping, asset: str | Mapping, casting: Collection[Mapping]) -> list[CastingEntry]:
        """Replace the casting of an asset (the assets it contains); return the new casting."""

    def update_episode_casting(self, project: str | Mapping, episode: str | Mapping, casting: Collection[Mapping]) -> list[CastingEntry]:
        """Replace the casting of an episode; return the new casting."""

    def update_shot_casting(self, project: str | Mapping, shot: str | Mapping, casting: Collection[Mapping]) -> list[CastingEntry]:
        """Replace the casting of a shot; return the new casting."""


class ConceptAccessor:
    """gazu.concept, bound to a client."""

    def all_concepts(self) -> list[Concept]:
        """Return the concepts of every project the user can see, sorted by name."""

    def all_concepts_for_project(self, project: str | Mapping) -> list[Concept]:
        """Return the concepts of a project, sorted by name."""

    def all_previews_for_concept(self, concept: str | Mapping) -> dict[str, list[EntityPreviewFile]]:
        """Return the previews published on a concept's tasks, grouped by task type id."""

    def get_concept(self, concept_id: str) -> Concept:
        """Return the concept with this id."""

    def get_concept_by_name(self, project: str | Mapping, concept_name: str) -> Concept | None:
        """Return the project's concept with this name, or None."""

    def new_concept(self, project: str | Mapping, name: str, description: str | None = ..., data: dict | None = ..., entity_concept_links: Collection[str | Mapping] | None = ...) -> Concept:
        """Create a concept, or return the project's concept with this name."""

    def remove_concept(self, concept: str | Mapping, force: bool = ...) -> str:
        """Delete a concept."""

    def update_concept(self, concept: Mapping) -> Concept:
        """Save a modified concept dict."""


class ContextAccessor:
    """gazu.context, bound to a client."""

    def all_asset_types_for_project(self, project: str | Mapping, user_context: bool = ...) -> list[AssetType]:
        """Return the asset types used in a project."""

    def all_assets_for_asset_type_and_project(self, project: str | Mapping, asset_type: str | Mapping, user_context: bool = ...) -> list[Asset]:
        """Return the assets of one type in a project."""

    def all_assets_for_project(self, project: str | Mapping) -> list[Asset]:
        """Return the assets of a project."""

    def all_episodes_for_project(self, project: str | Mapping, user_context: bool = ...) -> list[Episode]:
        """Return the episodes of a project."""

    def all_open_projects(self, user_context: bool = ...) -> list[Project]:
        """Return the open projects."""

    def all_scenes_for_project(self, project: str | Mapping) -> list[Scene]:
        """Return the scenes of a project."""

    def all_scenes_for_sequence(self, sequence: str | Mapping, user_context: bool = ...) -> list[Scene]:
        """Return the scenes of a sequence."""

    def all_sequences_for_episode(self, episode: str | Mapping) -> list[Sequence]:
        """Return the sequences of an episode."""

    def all_sequences_for_project(self, project: str | Mapping, user_context: bool = ...) -> list[Sequence]:
        """Return the sequences of a project."""

    def all_shots_for_sequence(self, sequence: str | Mapping, user_context: bool = ...) -> list[Shot]:
        """Return the shots of a sequence."""

    def all_task_types_for_asset(self, asset: str | Mapping, user_context: bool = ...) -> list[TaskType]:
        """Return the task types of an asset's tasks."""

    def all_task_types_for_scene(self, scene: str | Mapping, user_context: bool = ...) -> list[TaskType]:
        """Return the task types of a scene's tasks."""

    def all_task_types_for_sequence(self, sequence: str | Mapping, user_context: bool = ...) -> list[TaskType]:
        """Return the task types of a sequence's tasks."""

    def all_task_types_for_shot(self, shot: str | Mapping, user_context: bool = ...) -> list[TaskType]:
        """Return the task types of a shot's tasks."""


class EditAccessor:
    """gazu.edit, bound to a client."""

    def all_edits_for_project(self, project: str | Mapping) -> list[Edit]:
        """Return the edits of a project, sorted by name."""

    def all_previews_for_edit(self, edit: str | Mapping) -> dict[str, list[EntityPreviewFile]]:
        """Return the edit's preview files, grouped by task type id as the server sends them."""

    def get_edit(self, edit_id: str) -> Edit:
        """Return the edit with this id, with its project and episode names and ids, and its tasks."""

    def get_edit_by_name(self, project: str | Mapping, edit_name: str) -> Edit | None:
        """Return the project's edit with this name, or None."""

    def get_edit_url(self, edit: str | Mapping) -> str:
        """Return the address of the edit's page in Kitsu (under its episode, in a TV show; the edit is read fresh)."""

    def new_edit(self, project: str | Mapping, name: str, description: str | None = ..., data: dict | None = ..., episode: str | Mapping | None = ...) -> Edit:
        """Create an edit (in an episode, if given), or return the project's edit that has this name."""

    def remove_edit(self, edit: str | Mapping, force: bool = ...) -> str:
        """Delete an edit; without ``force``, an edit with tasks is only marked as canceled."""

    def update_edit(self, edit: Mapping) -> Edit:
        """Save a modified edit dict (its ``data`` keys are merged into the stored ones)."""

    def update_edit_data(self, edit: str | Mapping, data: dict | None = ...) -> Edit:
        """Merge ``data`` into the edit's free-form ``data`` field (read fresh), keeping its other keys."""


class EntityAccessor:
    """gazu.entity, bound to a client."""

    def all_entities(self) -> list[Entity]:
        """Return every entity."""

    def all_entities_with_tasks_linked_to_entity(self, entity: str | Mapping) -> list[LinkedEntity]:
        """Return the entities linked to an entity by casting, each with its tasks."""

    def all_entity_types(self) -> list[EntityType]:
        """Return every entity type (asset types and the built-in Shot, Sequence, Episode…), sorted by name."""

    def get_entity(self, entity_id: str) -> Entity:
        """Return the entity with this id, whatever its kind."""

    def get_entity_by_name(self, entity_name: str, project: str | Mapping | None = ...) -> Entity | None:
        """Return an entity with this name (in this project, if given), or None."""

    def get_entity_type(self, entity_type_id: str) -> EntityType:
        """Return the entity type with this id."""

    def get_entity_type_by_name(self, entity_type_name: str) -> EntityType | None:
        """Return the entity type with this name, or None."""

    def guess_from_path(self, project_id: str, path: str, sep: str = ...) -> list[dict[str, str]]:
        """Return the entities and file tree templates of the project that a file path matches."""

    def new_entity_type(self, name: str) -> EntityType:
        """Create an entity type (an asset type)."""

    def remove_entities(self, project: str | Mapping, entities: Collection[str | Mapping], force: bool = ...) -> list[str]:
        """Delete assets, shots, edits and concepts of a project in one request; return the ids deleted."""

    def remove_entity(self, entity: str | Mapping, force: bool = ...) -> str:
        """Delete an entity; with ``force``, its tasks and files too."""

    def remove_entity_type(self, entity_type: str | Mapping) -> str:
        """Delete an entity type no entity uses."""


class EventsAccessor:
    """gazu.events, bound to a client."""

    def add_listener(self, event_client: socketio.Client, event_name: str, event_handler: Callable) -> socketio.Client:
        """Call ``event_handler(data)`` for each ``event_name`` event; return the client."""

    def connect_error(self, data: Any) -> Any:
        """Log why a connection to the event stream failed; return ``data``."""

    def get_last_login_logs(self, after: str | None = ..., before: str | None = ..., limit: int = ..., cursor_login_log_id: str | None = ..., person_ids: Collection[str | Mapping] | None = ...) -> list[LoginLog]:
        """Return the latest log-ins of the studio, newest first (administrators only)."""

    def init(self, ssl_verify: bool | None = ..., reconnection: bool = ..., logger: bool = ..., **kwargs: Any) -> socketio.Client:
        """Connect to the client's event stream and return the connected socket.io client."""

    def run_client(self, event_client: socketio.Client) -> socketio.Client:
        """Dispatch events to the listeners until the client is disconnected; return it."""


class FilesAccessor:
    """gazu.files, bound to a client."""

    def all_output_files_for_asset_instance(self, asset_instance: str | Mapping, temporal_entity: str | Mapping | None = ..., task_type: str | Mapping | None = ..., output_type: str | Mapping | None = ..., name: str | None = ..., representation: str | None = ..., file_status: str | Mapping | None = ...) -> list[OutputFile]:
        """Return the output files of an asset instance, narrowed by the filters given."""

    def all_output_files_for_entity(self, entity: str | Mapping, output_type: str | Mapping | None = ..., task_type: str | Mapping | None = ..., name: str | None = ..., representation: str | None = ..., file_status: str | Mapping | None = ...) -> list[OutputFile]:
        """Return the output files of an asset or a shot, narrowed by the filters given."""

    def all_output_files_for_project(self, project: str | Mapping, output_type: str | Mapping | None = ..., task_type: str | Mapping | None = ..., name: str | None = ..., representation: str | None = ..., file_status: str | Mapping | None = ...) -> list[OutputFile]:
        """Return the output files of a project, narrowed by the filters given (managers only)."""

    def all_output_types(self) -> list[OutputType]:
        """Return every output type."""

    def all_output_types_for_asset_instance(self, asset_instance: Mapping, temporal_entity: Mapping) -> list[OutputType]:
        """Return the output types of an asset instance's output files in a shot or scene."""

    def all_output_types_for_entity(self, entity: str | Mapping) -> list[OutputType]:
        """Return the output types of an entity's output files."""

    def all_softwares(self) -> list[Software]:
        """Return every software."""

    def build_asset_instance_output_file_path(self, asset_instance: str | Mapping, temporal_entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping, name: str = ..., representation: str = ..., mode: str = ..., revision: int = ..., nb_elements: int = ..., sep: str = ...) -> str:
        """Return the path (without extension) the project's file tree gives an asset instance's output file."""

    def build_entity_output_file_path(self, entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping, name: str = ..., mode: str = ..., representation: str = ..., revision: int = ..., nb_elements: int = ..., sep: str = ...) -> str:
        """Return the path (without extension) the project's file tree gives an entity's output file."""

    def build_working_file_path(self, task: str | Mapping, name: str = ..., mode: str = ..., software: str | Mapping | None = ..., revision: int = ..., sep: str = ...) -> str:
        """Return the path (without extension) the project's file tree gives a task's working file."""

    def download_attachment_file(self, attachment_file: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save an attachment file at ``file_path``."""

    def download_attachment_thumbnail(self, attachment_file: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save an attachment's thumbnail (PNG) at ``file_path``."""

    def download_organisation_avatar(self, organisation: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save the organisation's avatar (PNG) at ``file_path``."""

    def download_person_avatar(self, person: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save a person's avatar (PNG) at ``file_path``."""

    def download_preview_file(self, preview_file: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save a preview's original file (movie or picture) at ``file_path``."""

    def download_preview_file_cover(self, preview_file: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save a preview's full-size picture (PNG; a movie's first frame) at ``file_path``."""

    def download_preview_file_thumbnail(self, preview_file: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save a preview's thumbnail (PNG) at ``file_path``."""

    def download_preview_lowdef_movie(self, preview_file: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save the low-definition version of a movie preview at ``file_path``."""

    def download_preview_movie(self, preview_file: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save a movie preview at ``file_path``."""

    def download_project_avatar(self, project: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Save a project's avatar (PNG) at ``file_path``."""

    def download_working_file(self, working_file: str | Mapping, file_path: str | None = ..., progress_callback=...) -> requests.Response:
        """Save the stored content of a working file at ``file_path`` (default: the working file's own path)."""

    def extract_frame_from_preview(self, preview_file: str | Mapping, frame_number: int, file_path: str | None = ..., progress_callback=...) -> requests.Response:
        """Have the server extract a movie frame as a PNG; save it at ``file_path``."""

    def extract_tile_from_preview(self, preview_file: str | Mapping, file_path: str | None = ..., progress_callback=...) -> requests.Response:
        """Have the server build a movie's tile of frames as a PNG; save it at ``file_path``."""

    def get_all_attachment_files_for_project(self, project: str | Mapping) -> list[AttachmentFile]:
        """Return the files attached to the comments of a project."""

    def get_all_attachment_files_for_task(self, task: str | Mapping) -> list[AttachmentFile]:
        """Return the files attached to the comments of a task."""

    def get_all_preview_files_for_task(self, task: str | Mapping) -> list[PreviewFile]:
        """Return every preview file uploaded for a task."""

    def get_all_working_files_for_entity(self, entity: str | Mapping, task: str | Mapping | None = ..., name: str | None = ...) -> list[WorkingFile]:
        """Return the working files of an entity, narrowed to a task and a name when given."""

    def get_attachment_file(self, attachment_file_id: str) -> AttachmentFile:
        """Return the attachment file with this id."""

    def get_attachment_thumbnail_url(self, attachment_file: str | Mapping) -> str:
        """Return the API path of an attachment's thumbnail (no request is sent)."""

    def get_file_status(self, status_id: str) -> FileStatus:
        """Return the file status with this id."""

    def get_file_status_by_name(self, name: str) -> FileStatus | None:
        """Return the file status with this name, or None."""

    def get_last_asset_instance_output_revision(self, asset_instance: str | Mapping, temporal_entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping, name: str = ...) -> int:
        """Return the last revision of an asset instance's output files (0 when there is none)."""

    def get_last_entity_output_revision(self, entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping, name: str = ...) -> int:
        """Return the last revision of an entity's output files (0 when there is none)."""

    def get_last_output_files_for_asset_instance(self, asset_instance: str | Mapping, temporal_entity: str | Mapping, task_type: str | Mapping | None = ..., output_type: str | Mapping | None = ..., name: str | None = ..., representation: str | None = ..., file_status: str | Mapping | None = ...) -> list[OutputFile]:
        """Return the last revision of each output file of an asset instance in a shot or scene."""

    def get_last_output_files_for_entity(self, entity: str | Mapping, output_type: str | Mapping | None = ..., task_type: str | Mapping | None = ..., name: str | None = ..., representation: str | None = ..., file_status: str | Mapping | None = ...) -> list[OutputFile]:
        """Return the last revision of each output file of an asset or a shot, narrowed by the filters given."""

    def get_last_working_file_revision(self, task: str | Mapping, name: str = ...) -> WorkingFile | None:
        """Return the last revision of the task's working file called ``name``, or None."""

    def get_last_working_files(self, task: str | Mapping) -> dict[str, WorkingFile]:
        """Return the last revision of each working file of a task, keyed by file name."""

    def get_next_asset_instance_output_revision(self, asset_instance: str | Mapping, temporal_entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping, name: str = ...) -> int:
        """Return the revision the next output file of an asset instance will get (1 for the first)."""

    def get_next_entity_output_revision(self, entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping, name: str = ...) -> int:
        """Return the revision the next output file of an entity will get (1 for the first)."""

    def get_output_file(self, output_file_id: str) -> OutputFile:
        """Return the output file with this id."""

    def get_output_file_by_path(self, path: str) -> OutputFile | None:
        """Return the output file stored at this path, or None."""

    def get_output_type(self, output_type_id: str) -> OutputType:
        """Return the output type with this id."""

    def get_output_type_by_name(self, output_type_name: str) -> OutputType | None:
        """Return the output type with this name, or None."""

    def get_preview_file(self, preview_file_id: str) -> PreviewFile:
        """Return the preview file with this id."""

    def get_preview_file_url(self, preview_file: str | Mapping) -> str:
        """Return the API path of a preview's original file (a movie or a picture)."""

    def get_preview_lowdef_movie_url(self, preview_file: str | Mapping) -> str:
        """Return the API path of a movie preview in low definition."""

    def get_preview_movie_url(self, preview_file: str | Mapping, lowdef: bool = ...) -> str:
        """Return the API path of a movie preview, in low definition when ``lowdef`` is true."""

    def get_running_preview_files(self) -> list[PreviewFile]:
        """Return the preview files of open productions still processing, broken or missing (admins only)."""

    def get_software(self, software_id: str) -> Software:
        """Return the software with this id."""

    def get_software_by_name(self, software_name: str) -> Software | None:
        """Return the software with this name, or None."""

    def get_working_file(self, working_file_id: str) -> WorkingFile:
        """Return the working file with this id."""

    def get_working_files_for_task(self, task: str | Mapping) -> list[WorkingFile]:
        """Return every working file of a task."""

    def new_asset_instance_output_file(self, asset_instance: str | Mapping, temporal_entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping, comment: str, name: str = ..., mode: str = ..., working_file: str | Mapping | None = ..., person: str | Mapping | None = ..., revision: int = ..., nb_elements: int = ..., representation: str = ..., sep: str = ..., file_status_id: str | Mapping | None = ...) -> OutputFile:
        """Create an output file revision for an asset instance in a shot or scene (see new_entity_output_file)."""

    def new_entity_output_file(self, entity: str | Mapping, output_type: str | Mapping, task_type: str | Mapping, comment: str, working_file: str | Mapping | None = ..., person: str | Mapping | None = ..., name: str = ..., mode: str = ..., revision: int = ..., nb_elements: int = ..., representation: str = ..., sep: str = ..., file_status_id: str | None = ...) -> OutputFile:
        """Create an output file revision for an entity; the server stores its path, built from the file tree."""

    def new_file_status(self, name: str, color: str) -> FileStatus:
        """Return the file status called ``name``, creating it with ``color`` (``#rrggbb``) if missing."""

    def new_output_type(self, name: str, short_name: str) -> OutputType:
        """Return the output type called ``name``, creating it if missing."""

    def new_software(self, name: str, short_name: str, file_extension: str, secondary_extensions: list[str] | None = ...) -> Software:
        """Return the software called ``name``, creating it if missing."""

    def new_working_file(self, task: str | Mapping, name: str = ..., mode: str = ..., software: str | Mapping | None = ..., comment: str = ..., person: str | Mapping | None = ..., revision: int = ..., sep: str = ...) -> WorkingFile:
        """Create a working file revision for a task, its path built from the file tree."""

    def remove_preview_file(self, preview_file: str | Mapping, force: bool = ...) -> str:
        """Delete a preview file."""

    def set_project_file_tree(self, project: str | Mapping, file_tree_name: str) -> Project:
        """(Deprecated) Set the file tree of the project template called ``file_tree_name`` on a project."""

    def update_comment(self, working_file: str | Mapping, comment: str) -> WorkingFile:
        """Replace the comment of a working file."""

    def update_modification_date(self, working_file: str | Mapping) -> WorkingFile:
        """Mark a working file as modified now."""

    def update_output_file(self, output_file: str | Mapping, data: dict) -> OutputFile:
        """Write ``data`` onto an output file's fields."""

    def update_preview(self, preview_file: str | Mapping, data: dict) -> PreviewFile:
        """Write ``data`` onto a preview file's fields."""

    def update_preview_annotations(self, preview_file: str | Mapping, additions: Collection[Mapping] | None = ..., updates: Collection[Mapping] | None = ..., deletions: list[str] | None = ...) -> PreviewFile:
        """Add, change and delete drawings on a preview file; only the lists given are sent."""

    def update_preview_position(self, preview_file: str | Mapping, position: float) -> list[PreviewFile]:
        """Move a preview file to ``position`` (from 1) among the previews of its revision."""

    def update_project_file_tree(self, project: str | Mapping, file_tree: dict) -> Project:
        """Set the file tree (path templates) the server builds a project's file paths from."""

    def update_software(self, software: Mapping) -> Software:
        """Save a modified software dict."""

    def upload_organisation_avatar(self, organisation: str | Mapping, file_path: str, progress_callback=...) -> dict[Literal['thumbnail_path'], str]:
        """Set the organisation's avatar from a picture file."""

    def upload_person_avatar(self, person: str | Mapping, file_path: str, progress_callback=...) -> dict[Literal['thumbnail_path'], str]:
        """Set a person's avatar from a picture file."""

    def upload_project_avatar(self, project: str | Mapping, file_path: str, progress_callback=...) -> dict[Literal['thumbnail_path'], str]:
        """Set a project's avatar from a picture file."""

    def upload_working_file(self, working_file: str | Mapping, file_path: str, progress_callback=...) -> WorkingFile:
        """Store a local file as the content of a working file."""

    def wait_for_preview_file(self, preview_file: str | Mapping, timeout: float = ..., poll_interval: float = ...) -> PreviewFile:
        """Poll a preview file until the server is done processing it, and return it."""


class PersonAccessor:
    """gazu.person, bound to a client."""

    def add_person_to_department(self, person: str | Mapping, department: str | Mapping) -> Person:
        """Add a person to a department; return the person."""

    def all_departments(self) -> list[Department]:
        """Return every department, sorted by name."""

    def all_organisations(self) -> list[Organisation]:
        """Return every organisation, sorted by name."""

    def all_persons(self) -> list[Person]:
        """Return every person of the studio, sorted by name."""

    def change_password_for_person(self, person: str | Mapping, password: str) -> dict[Literal['success'], bool]:
        """Set a person's password (an administrator's action)."""

    def clear_person_avatar(self, person: str | Mapping) -> str:
        """Remove the person's avatar."""

    def disable_two_factor_authentication(self, person: str | Mapping) -> str:
        """Turn off a person's two-factor authentication (an administrator's action)."""

    def get_all_month_time_spents(self, id: str, date: datetime.date) -> list[TimeSpent]:
        """Return every time entry the person logged in the month of ``date``."""

    def get_day_off(self, day_off_id: str) -> DayOff:
        """Return the day off with this id."""

    def get_day_offs(self, person: str | Mapping) -> list[DayOff]:
        """Return every day off of the person."""

    def get_department(self, department_id: str) -> Department:
        """Return the department with this id."""

    def get_department_by_name(self, name: str) -> Department | None:
        """Return the department with this name (case ignored), or None."""

    def get_month_day_offs(self, person: str | Mapping, year: int, month: int) -> list[DayOff]:
        """Return the person's day offs overlapping a month."""

    def get_organisation(self) -> Organisation:
        """Return the organisation the logged-in user belongs to."""

    def get_person(self, id: str, relations: bool = ...) -> Person | None:
        """Return the person with this id (with their relations when asked), or None."""

    def get_person_by_desktop_login(self, desktop_login: str) -> Person | None:
        """Return the person (not a bot) with this desktop login, or None."""

    def get_person_by_email(self, email: str, is_bot: bool = ...) -> Person | None:
        """Return the person (or, with ``is_bot``, the bot) with this e-mail, or None."""

    def get_person_by_full_name(self, full_name: str, first_name: str | None = ..., last_name: str | None = ...) -> Person | None:
        """Return the person (not a bot) with this full name, or None."""

    def get_person_url(self, person: str | Mapping) -> str:
        """Return the address of the person's page in the Kitsu web application (no request)."""

    def get_presence_log(self, year: int, month: int) -> str:
        """Return the month's presence table as CSV text (one row per person, one column per day)."""

    def get_time_spents_by_date(self, person: str | Mapping, date: str) -> list[TimeSpent]:
        """Return the time the person logged on a day, one entry per task."""

    def get_time_spents_range(self, person_id: str, start_date: str, end_date: str) -> list[TimeSpent]:
        """Return the time the person logged from ``start_date`` to ``end_date`` included."""

    def get_week_day_offs(self, person: str | Mapping, year: int, week: int) -> list[DayOff]:
        """Return the person's day offs overlapping an ISO week."""

    def get_week_time_spents(self, person: str | Mapping, year: int, week: int) -> list[TimeSpentRow]:
        """Return the time the person logged in an ISO week, summed per task."""

    def get_year_day_offs(self, person: str | Mapping, year: int) -> list[DayOff]:
        """Return the person's day offs overlapping a year."""

    def get_year_time_spents(self, person: str | Mapping, year: int) -> list[TimeSpentRow]:
        """Return the time the person logged in a year, summed per task."""

    def invite_person(self, person: str | Mapping) -> SuccessMessage:
        """E-mail the person an invitation to set their password and log in."""

    def new_bot(self, name: str, email: str, role: str = ..., departments: Collection[str | Mapping] | None = ..., active: bool = ..., expiration_date: str | None = ...) -> Person:
        """Create a bot (a person for scripts); the answer carries its ``access_token``."""

    def new_day_off(self, person: str | Mapping, date: str, end_date: str, description: str | None = ...) -> DayOff:
        """Book days off for a person, from ``date`` to ``end_date`` included."""

    def new_department(self, name: str, color: str = ..., archived: bool = ...) -> Department:
        """Create a department, or return the one with this name."""

    def new_person(self, first_name: str, last_name: str, email: str, phone: str = ..., role: str = ..., desktop_login: str = ..., departments: Collection[str | Mapping] | None = ..., password: str | None = ..., active: bool = ..., contract_type: str = ...) -> Person:
        """Create a person, or return the one who already has this e-mail."""

    def remove_bot(self, bot: Mapping, force: bool = ...) -> str:
        """Delete a bot."""

    def remove_day_off(self, day_off: str | Mapping) -> str:
        """Delete a day off."""

    def remove_department(self, department, force=...) -> str:
        """Delete a department."""

    def remove_person(self, person: str | Mapping, force: bool = ...) -> str:
        """Delete a person; with ``force``, also delete what they made."""

    def remove_person_from_department(self, person: str | Mapping, department: str | Mapping) -> str:
        """Take a person out of a department."""

    def set_avatar(self, person: str | Mapping, file_path: str, progress_callback=...) -> dict[Literal['thumbnail_path'], str]:
        """Upload a picture as the person's avatar."""

    def update_bot(self, bot: Mapping) -> Person:
        """Save a modified bot dict (a new expiration date yields a new ``access_token``)."""

    def update_day_off(self, day_off: Mapping) -> DayOff:
        """Save a modified day off dict."""

    def update_department(self, department) -> Department:
        """Save a modified department dict (an id alone sends just the id, as upstream)."""

    def update_person(self, person: Mapping) -> Person:
        """Save a modified person dict."""


class PlaylistAccessor:
    """gazu.playlist, bound to a client."""

    def add_entity_to_playlist(self, playlist: Mapping, entity: str | Mapping, preview_file: str | Mapping | None = ..., persist: bool = ...) -> Playlist:
        """Append an entity to the playlist, with this preview or else its newest one."""

    def all_build_jobs_for_project(self, project: str | Mapping) -> list[BuildJob]:
        """Return the movie build jobs of every playlist of the project."""

    def all_playlists(self) -> list[Playlist]:
        """Return the playlists of every project, sorted by name."""

    def all_playlists_for_episode(self, episode: str | Mapping) -> list[Playlist]:
        """Return the playlists of an episode, sorted by name."""

    def all_playlists_for_project(self, project: str | Mapping, page: int = ...) -> list[Playlist]:
        """Return one page of the project's playlists (pages go from the most recently updated), sorted by name."""

    def all_share_links_for_playlist(self, playlist: str | Mapping) -> list[PlaylistShareLink]:
        """Return the active links that open the playlist to guests."""

    def all_shots_for_playlist(self, playlist: str | Mapping) -> list[PlaylistEntry]:
        """Return the playlist's entries, sorted by name (entries without one first, in playlist order)."""

    def build_playlist_movie(self, playlist: str | Mapping) -> BuildJob:
        """Start building the playlist's movie; return the build job."""

    def delete_playlist(self, playlist: str | Mapping) -> str:
        """Delete a playlist, with its builds and share links."""

    def download_playlist_build(self, playlist: str | Mapping, build_job: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Download the movie of a finished build job to ``file_path``."""

    def download_playlist_zip(self, playlist: str | Mapping, file_path: str, progress_callback=...) -> requests.Response:
        """Download a zip of the playlist's preview files to ``file_path``."""

    def generate_temp_playlist(self, project: str | Mapping, data: dict) -> list[TempPlaylistEntity]:
        """Return, unsaved, the entries a playlist of these tasks would hold."""

    def get_build_job(self, playlist: str | Mapping, build_job: str | Mapping) -> BuildJob:
        """Return a build job of the playlist (its ``status`` is running, succeeded or failed)."""

    def get_entity_preview_files(self, entity: str | Mapping) -> dict[str, list[EntityPreviewFile]]:
        """Return the entity's previews, by task type id, the latest revision first."""

    def get_playlist(self, playlist: str | Mapping) -> Playlist:
        """Return the playlist with this id, with its entries."""

    def get_playlist_by_name(self, project: str | Mapping, name: str) -> Playlist | None:
        """Return the project's playlist with this name (case ignored), or None."""

    def new_playlist(self, project: str | Mapping, name: str, episode: str | Mapping | None = ..., for_entity: Literal['shot', 'asset', 'sequence', 'edit', 'episode'] = ..., for_client: bool = ..., is_for_all: bool = ...) -> Playlist:
        """Create a playlist, or return the project's playlist with this name."""

    def new_share_link(self, playlist: str | Mapping, expiration_date: str | None = ..., can_comment: bool = ..., password: str | None = ...) -> PlaylistShareLink:
        """Create a link that opens the playlist to guests; its ``token`` identifies it."""

    def notify_clients_playlist_ready(self, playlist: str | Mapping) -> dict[str, str]:
        """Tell the project's clients that the playlist is ready for review."""

    def remove_build_job(self, playlist: str | Mapping, build_job: str | Mapping) -> str:
        """Delete a build job of the playlist, with its movie."""

    def remove_entity_from_playlist(self, playlist: Mapping, entity: str | Mapping, persist: bool = ...) -> Playlist:
        """Take every entry of this entity out of the playlist dict (changed in place, saved with ``persist``)."""

    def remove_share_link(self, playlist: str | Mapping, token: str) -> str:
        """Revoke the playlist's share link with this token."""

    def update_entity_preview(self, playlist: Mapping, entity: str | Mapping, preview_file: str | Mapping, persist: bool = ...) -> Playlist:
        """Show another preview for the entity in the playlist dict (changed in place, saved with ``persist``)."""

    def update_playlist(self, playlist: Mapping) -> Playlist:
        """Save a modified playlist dict (its entries included)."""


class ProjectAccessor:
    """gazu.project, bound to a client."""

    def add_asset_type(self, project: str | Mapping, asset_type: str | Mapping) -> Project:
        """Make an asset type available in a project; return the project."""

    def add_metadata_descriptor(self, project: str | Mapping, name: str, entity_type: str, data_type: str = ..., choices: list[str] | None = ..., for_client: bool = ..., departments: Collection[str | Mapping] | None = ..., task_type_id: str | Mapping | None = ...) -> MetadataDescriptor:
        """Create a metadata descriptor: a custom field of a project's entities."""

    def add_person_to_team(self, project: str | Mapping, person: str | Mapping, role: str | None = ...) -> Project:
        """Add a person to a project's team, optionally with a role for this project only."""

    def add_preview_background_file(self, project: str | Mapping, background_file: dict[Literal['preview_background_file_id'], str]) -> Project:
        """Make a preview background file available in a project; return the project."""

    def add_status_automation(self, project: str | Mapping, automation: dict[Literal['status_automation_id'], str]) -> Project:
        """Enable a status automation in a project; return the project."""

    def add_task_status(self, project: str | Mapping, task_status: str | Mapping) -> Project:
        """Make a task status available in a project; return the project."""

    def add_task_type(self, project: str | Mapping, task_type: str | Mapping, priority: int) -> Project:
        """Make a task type available in a project, at a priority (its order); return the project."""

    def all_metadata_descriptors(self, project: str | Mapping, *, entity_type: str | None = ...) -> list[MetadataDescriptor]:
        """Return a project's metadata descriptors, only those of ``entity_type`` (``"Asset"``, …) if given."""

    def all_open_projects(self) -> list[Project]:
        """Return the open projects, sorted by name."""

    def all_project_status(self) -> list[ProjectStatus]:
        """Return the project statuses ("Open", "Closed", …), sorted by name."""

    def all_projects(self) -> list[Project]:
        """Return every project (open or closed), sorted by name."""

    def all_status_automations(self, project: str | Mapping) -> list[StatusAutomation]:
        """Return the status automations of a project."""

    def close_project(self, project: str | Mapping) -> Project:
        """Set a project's status to "Closed" (any case); return the project given with its new ``project_status_id``."""

    def create_budget(self, project: str | Mapping, name: str, description: str | None = ..., currency: str | None = ..., start_date: str | None = ..., end_date: str | None = ..., amount: int | float | None = ...) -> Budget:
        """Create a budget for a project (the server numbers its revision)."""

    def create_budget_entry(self, project: str | Mapping, budget: str | Mapping, name: str, date: str | None = ..., amount: int | float | None = ..., quantity: int | float | None = ..., unit_price: int | float | None = ..., description: str | None = ..., category: str | None = ...) -> BudgetEntry:
        """Add an entry to a budget."""

    def get_budget(self, project: str | Mapping, budget: str | Mapping) -> Budget:
        """Return one budget of a project."""

    def get_budget_entries(self, project: str | Mapping, budget: str | Mapping) -> list[BudgetEntry]:
        """Return the entries of a budget."""

    def get_budget_entry(self, project: str | Mapping, budget: str | Mapping, entry: str | Mapping) -> BudgetEntry:
        """Return one entry of a budget."""

    def get_budgets(self, project: str | Mapping) -> list[Budget]:
        """Return a project's budgets (one per revision)."""

    def get_metadata_descriptor(self, project: str | Mapping, metadata_descriptor_id: str) -> MetadataDescriptor:
        """Return a project's metadata descriptor with this id."""

    def get_metadata_descriptor_by_field_name(self, project: str | Mapping, field_name: str) -> MetadataDescriptor | None:
        """Return a project's metadata descriptor for this ``data`` key, or None."""

    def get_milestones(self, project: str | Mapping) -> list[Milestone]:
        """Return the milestones of a project's schedule."""

    def get_preview_background_files(self, project: str | Mapping) -> list[PreviewBackgroundFile]:
        """Return the preview background files (HDRs for 3D previews) of a project."""

    def get_project(self, project_id: str) -> Project:
        """Return the project with this id."""

    def get_project_by_name(self, project_name: str) -> Project | None:
        """Return the project with this name, or None."""

    def get_project_person_quotas(self, project: str | Mapping, person: str | Mapping) -> dict[str, Quotas]:
        """Return the quotas of one person in a project by task type (and ``total``), shaped as"""

    def get_project_quotas(self, project: str | Mapping, task_type: str | Mapping) -> dict[str, Quotas]:
        """Return the quotas of a project for a task type: shots done per person and period."""

    def get_project_status_by_name(self, project_status_name: str) -> ProjectStatus | None:
        """Return the project status with this name, or None."""

    def get_project_task_statuses(self, project: str | Mapping) -> list[TaskStatus]:
        """Return the task statuses of a project."""

    def get_project_task_types(self, project: str | Mapping) -> list[TaskType]:
        """Return the task types of a project."""

    def get_project_url(self, project: str | Mapping, section: str = ...) -> str:
        """Return the web page of a project's ``section`` (``assets``, ``shots``, …) in Kitsu."""

    def get_team(self, project: str | Mapping) -> list[Person]:
        """Return the persons of a project's team, each with its ``project_role``."""

    def new_project(self, name: str, production_type: str = ..., team: list | None = ..., asset_types: list | None = ..., task_statuses: list | None = ..., task_types: list | None = ..., production_style: str = ..., project_template: str | Mapping | None = ...) -> Project:
        """Create a project, or return the one that already has this name."""

    def remove_budget(self, project: str | Mapping, budget: str | Mapping) -> str:
        """Delete a budget and its entries."""

    def remove_budget_entry(self, project: str | Mapping, budget: str | Mapping, entry: str | Mapping) -> str:
        """Delete a budget entry."""

    def remove_metadata_descriptor(self, project: str | Mapping, metadata_descriptor_id: str | Mapping, force: bool = ...) -> str:
        """Delete a metadata descriptor (the values stored under its key stay in the entities)."""

    def remove_person_from_team(self, project: str | Mapping, person: str | Mapping) -> str:
        """Remove a person from a project's team."""

    def remove_preview_background_file(self, project: str | Mapping, background_file: str | Mapping) -> str:
        """Make a preview background file unavailable in a project."""

    def remove_project(self, project: str | Mapping, force: bool = ...) -> str:
        """Delete a closed project; ``force`` also deletes everything it holds."""

    def remove_status_automation(self, project: str | Mapping, automation: str | Mapping) -> str:
        """Disable a status automation in a project."""

    def remove_task_status(self, project: str | Mapping, task_status: str | Mapping) -> str:
        """Make a task status unavailable in a project."""

    def remove_task_type(self, project: str | Mapping, task_type: str | Mapping) -> str:
        """Make a task type unavailable in a project."""

    def reorder_metadata_descriptors(self, project: str | Mapping, entity_type: str, descriptor_ids: Collection[str | Mapping]) -> list[MetadataDescriptor]:
        """Set the order of a project's descriptors of one entity type; return them in that order."""

    def update_budget(self, project: str | Mapping, budget: str | Mapping, data: dict) -> Budget:
        """Change a budget's fields (``name``, ``currency``) to those in ``data``."""

    def update_budget_entry(self, project: str | Mapping, budget: str | Mapping, entry: str | Mapping, data: dict) -> BudgetEntry:
        """Change a budget entry's fields to those in ``data``."""

    def update_metadata_descriptor(self, project: str | Mapping, metadata_descriptor: Mapping) -> MetadataDescriptor:
        """Save a modified metadata descriptor dict."""

    def update_project(self, project: Mapping) -> Project:
        """Save a modified project dict (its ``data`` replaces the stored one)."""

    def update_project_data(self, project: str | Mapping, data: dict | None = ...) -> Project:
        """Merge ``data`` into the project's free-form ``data``; keys not given are kept."""

    def update_team_member_role(self, project: str | Mapping, person: str | Mapping, role: str | None) -> TeamMemberRole:
        """Set a team member's role on this project (None: back to their studio role)."""


class ProjectTemplateAccessor:
    """gazu.project_template, bound to a client."""

    def add_asset_type_to_project_template(self, project_template: str | Mapping, asset_type: str | Mapping) -> NamedItem:
        """Add an asset type to a template."""

    def add_preview_background_file_to_project_template(self, project_template: str | Mapping, preview_background_file: str | Mapping) -> TemplateBackground:
        """Add a preview background file to a template."""

    def add_status_automation_to_project_template(self, project_template: str | Mapping, status_automation: str | Mapping) -> StatusAutomation:
        """Add a status automation to a template."""

    def add_task_status_to_project_template(self, project_template: str | Mapping, task_status: str | Mapping, priority: int | None = ..., roles_for_board: list[str] | None = ...) -> ProjectTemplateTaskStatusLink:
        """Add a task status to a template (or change its priority and board roles); return the link."""

    def add_task_type_to_project_template(self, project_template: str | Mapping, task_type: str | Mapping, priority: int | None = ...) -> ProjectTemplateTaskTypeLink:
        """Add a task type to a template (or change its priority); return the link."""

    def all_asset_types_for_project_template(self, project_template: str | Mapping) -> list[NamedItem]:
        """Return the asset types of a template."""

    def all_preview_background_files_for_project_template(self, project_template: str | Mapping) -> list[TemplateBackground]:
        """Return the preview background files of a template."""

    def all_project_templates(self) -> list[ProjectTemplate]:
        """Return every project template, sorted by name."""

    def all_status_automations_for_project_template(self, project_template: str | Mapping) -> list[StatusAutomation]:
        """Return the status automations of a template."""

    def all_task_statuses_for_project_template(self, project_template: str | Mapping) -> list[TaskStatus]:
        """Return the task statuses of a template, with their priorities and board roles."""

    def all_task_types_for_project_template(self, project_template: str | Mapping) -> list[TaskType]:
        """Return the task types of a template, with their priorities."""

    def apply_project_template(self, project: str | Mapping, project_template: str | Mapping) -> Project:
        """Add a template's settings and links to a project; return the project."""

    def get_project_template(self, project_template_id: str) -> ProjectTemplate:
        """Return the project template with this id."""

    def get_project_template_by_name(self, name: str) -> ProjectTemplate | None:
        """Return the project template with this name, or None."""

    def new_project_template(self, name: str, description: str | None = ..., fps: str | None = ..., ratio: str | None = ..., resolution: str | None = ..., production_type: str | None = ..., production_style: str | None = ...) -> ProjectTemplate:
        """Create an empty project template; settings left None are not set."""

    def new_project_template_from_project(self, project: str | Mapping, name: str, description: str | None = ...) -> ProjectTemplate:
        """Create a project template from a project's settings and links."""

    def remove_asset_type_from_project_template(self, project_template: str | Mapping, asset_type: str | Mapping) -> str:
        """Remove an asset type from a template."""

    def remove_preview_background_file_from_project_template(self, project_template: str | Mapping, preview_background_file: str | Mapping) -> str:
        """Remove a preview background file from a template."""

    def remove_project_template(self, project_template: str | Mapping) -> str:
        """Delete a project template (projects made from it keep their settings)."""

    def remove_status_automation_from_project_template(self, project_template: str | Mapping, status_automation: str | Mapping) -> str:
        """Remove a status automation from a template."""

    def remove_task_status_from_project_template(self, project_template: str | Mapping, task_status: str | Mapping) -> str:
        """Remove a task status from a template."""

    def remove_task_type_from_project_template(self, project_template: str | Mapping, task_type: str | Mapping) -> str:
        """Remove a task type from a template."""

    def set_project_template_default_preview_background_file(self, project_template: str | Mapping, preview_background_file: str | Mapping | None) -> ProjectTemplate:
        """Make one of a template's preview background files the default (None: no default); return the template."""

    def set_project_template_metadata_descriptors(self, project_template: str | Mapping, descriptors: Collection[Mapping]) -> ProjectTemplate:
        """Replace a template's metadata descriptors with ``descriptors``; return the template."""

    def update_project_template(self, project_template: Mapping) -> ProjectTemplate:
        """Save a modified project template dict."""


class SceneAccessor:
    """gazu.scene, bound to a client."""

    def add_shot_to_scene(self, scene: str | Mapping, shot: str | Mapping) -> Entity:
        """Link a shot to a scene; return the link."""

    def all_asset_instances_for_scene(self, scene: str | Mapping) -> dict[str, list[AssetInstance]]:
        """Return the asset instances of a scene, grouped by asset id as the server sends them."""

    def all_camera_instances_for_scene(self, scene: str | Mapping) -> dict[str, list[AssetInstance]]:
        """Return the instances of the scene's cameras (assets of the "Camera" type), grouped by asset id."""

    def all_scenes(self, project: str | Mapping | None = ...) -> list[Scene]:
        """Return the scenes of every project, or of one project (as :func:`all_scenes_for_project`), sorted by name."""

    def all_scenes_for_project(self, project: str | Mapping) -> list[Scene]:
        """Return the scenes of a project, sorted by name."""

    def all_scenes_for_sequence(self, sequence: str | Mapping) -> list[Scene]:
        """Return the scenes of a sequence, sorted by name."""

    def all_shots_for_scene(self, scene: str | Mapping) -> list[Shot]:
        """Return the shots linked to a scene."""

    def get_asset_instance_by_name(self, scene: str | Mapping, name: str) -> AssetInstance | None:
        """Return the scene's asset instance with this name, or None."""

    def get_scene(self, scene_id: str) -> Scene:
        """Return the scene with this id, with its project, sequence and episode names and ids."""

    def get_scene_by_name(self, sequence: str | Mapping, scene_name: str) -> Scene | None:
        """Return the sequence's scene with this name, or None."""

    def get_sequence_from_scene(self, scene: str | Mapping) -> Sequence:
        """Return the sequence a scene belongs to: its dict's ``parent_id``, else the scene is read for it."""

    def new_scene(self, project: str | Mapping, sequence: str | Mapping, name: str) -> Scene:
        """Create a scene in a sequence (the server returns the existing one when the name is taken there)."""

    def new_scene_asset_instance(self, scene: str | Mapping, asset: str | Mapping, description: str | None = ...) -> AssetInstance:
        """Place a new instance of an asset in a scene; the server numbers and names it."""

    def remove_shot_from_scene(self, scene: str | Mapping, shot: str | Mapping) -> str:
        """Remove the link between a shot and a scene."""

    def update_asset_instance_data(self, asset_instance: str | Mapping, data: dict) -> AssetInstance:
        """Replace the free-form ``data`` of an asset instance (``{}`` or None clears it)."""

    def update_asset_instance_name(self, asset_instance: Mapping, name: str) -> AssetInstance:
        """Rename an asset instance."""

    def update_scene(self, scene: Mapping) -> Scene:
        """Save a modified scene dict (its ``data`` keys are merged into the stored ones)."""


class SearchAccessor:
    """gazu.search, bound to a client."""

    def search_entities(self, query: str, project: str | Mapping | None = ..., entity_types: Collection[str | Mapping] | None = ...) -> SearchResults:
        """Search assets, shots and persons whose names match ``query`` (3 characters at least)."""


class ShotAccessor:
    """gazu.shot, bound to a client."""

    def add_asset_instance_to_shot(self, shot: str | Mapping, asset_instance: str | Mapping) -> Entity:
        """Cast an asset instance in a shot; return the shot."""

    def all_asset_instances_for_shot(self, shot: str | Mapping) -> dict[str, list[AssetInstance]]:
        """Return the asset instances cast in a shot, grouped by asset id as the server sends them."""

    def all_episodes_for_project(self, project: str | Mapping) -> list[Episode]:
        """Return the episodes of a project, sorted by name."""

    def all_previews_for_shot(self, shot: str | Mapping) -> dict[str, list[EntityPreviewFile]]:
        """Return the shot's preview files, grouped by task type id as the server sends them."""

    def all_sequences_for_episode(self, episode: str | Mapping) -> list[Sequence]:
        """Return the sequences of an episode, sorted by name."""

    def all_sequences_for_project(self, project: str | Mapping) -> list[Sequence]:
        """Return the sequences of a project, sorted by name."""

    def all_shots_for_episode(self, episode: str | Mapping) -> list[Shot]:
        """Return the shots of an episode, sorted by name."""

    def all_shots_for_project(self, project: str | Mapping) -> list[Shot]:
        """Return the shots of a project, sorted by name."""

    def all_shots_for_sequence(self, sequence: str | Mapping) -> list[Shot]:
        """Return the shots of a sequence, sorted by name."""

    def export_shots_with_csv(self, project: str | Mapping, csv_file_path: str, episode: str | Mapping | None = ..., assigned_to: str | Mapping | None = ..., progress_callback=...) -> requests.Response:
        """Save a project's shots as a CSV file (only an episode's, or only those with tasks assigned to a person)."""

    def get_all_episodes_url(self, project: str | Mapping) -> str:
        """Return the address of the project's episode list in Kitsu."""

    def get_all_sequences_url(self, project: str | Mapping) -> str:
        """Return the address of the project's sequence list in Kitsu."""

    def get_asset_instances_for_shot(self, shot: str | Mapping) -> dict[str, list[AssetInstance]]:
        """Return the asset instances cast in a shot (the cached twin of :func:`all_asset_instances_for_shot`)."""

    def get_episode(self, episode_id: str) -> Episode:
        """Return the episode with this id."""

    def get_episode_by_name(self, project: str | Mapping, episode_name: str) -> Episode | None:
        """Return the project's episode with this name, or None."""

    def get_episode_from_sequence(self, sequence: Mapping) -> Episode | None:
        """Return the episode a sequence dict belongs to (its ``parent_id``), or None outside a TV show."""

    def get_episode_url(self, episode: str | Mapping) -> str:
        """Return the address of the episode's shot list in Kitsu (the episode is read fresh)."""

    def get_sequence(self, sequence_id: str) -> Sequence:
        """Return the sequence with this id."""

    def get_sequence_by_name(self, project: str | Mapping, sequence_name: str, episode: str | Mapping | None = ...) -> Sequence | None:
        """Return the project's sequence with this name (in this episode, if given), or None."""

    def get_sequence_from_shot(self, shot: str | Mapping) -> Sequence:
        """Return the sequence a shot belongs to: its dict's ``parent_id``, else the shot is read for it."""

    def get_sequence_url(self, sequence: str | Mapping) -> str:
        """Return the address of the sequence's page in Kitsu (the sequence is read fresh)."""

    def get_shot(self, shot_id: str) -> Shot:
        """Return the shot with this id, with its project, episode and sequence names and ids, and its tasks."""

    def get_shot_by_name(self, sequence: str | Mapping, shot_name: str) -> Shot | None:
        """Return the sequence's shot with this name, or None."""

    def get_shot_url(self, shot: str | Mapping) -> str:
        """Return the address of the shot's page in Kitsu (the shot is read fresh)."""

    def import_otio(self, project: str | Mapping, otio_file_path: str, episode: str | Mapping | None = ..., naming_convention: str | None = ..., match_case: bool = ..., progress_callback=...) -> dict[Literal['created_shots', 'updated_shots'], list[Shot]]:
        """Create or update shots from an edit timeline (any format OpenTimelineIO reads)."""

    def import_shots_with_csv(self, project: str | Mapping, csv_file_path: str, progress_callback=...) -> list[Shot]:
        """Create or update a project's shots from a Kitsu CSV file; return the shots."""

    def new_episode(self, project: str | Mapping, name: str) -> Episode:
        """Create an episode, or return the project's episode that has this name."""

    def new_sequence(self, project: str | Mapping, name: str, episode: str | Mapping | None = ...) -> Sequence:
        """Create a sequence (in an episode, for a TV show), or return the one that has this name there."""

    def new_shot(self, project: str | Mapping, sequence: str | Mapping, name: str, nb_frames: int | None = ..., frame_in: int | None = ..., frame_out: int | None = ..., description: str | None = ..., data: dict | None = ...) -> Shot:
        """Create a shot in a sequence, or return the sequence's shot that has this name."""

    def remove_asset_instance_from_shot(self, shot: str | Mapping, asset_instance: str | Mapping) -> str:
        """Take an asset instance out of a shot's casting."""

    def remove_episode(self, episode: str | Mapping, force: bool = ...) -> str:
        """Delete an episode and what it holds; without ``force``, an episode with tasks is only canceled."""

    def remove_sequence(self, sequence: str | Mapping, force: bool = ...) -> str:
        """Delete a sequence and its shots; without ``force``, a sequence with tasks is only canceled."""

    def remove_shot(self, shot: str | Mapping, force: bool = ...) -> str:
        """Delete a shot; without ``force``, a shot with tasks is only marked as canceled."""

    def restore_shot(self, shot: str | Mapping) -> Shot:
        """Un-cancel a shot that a removal without ``force`` marked as canceled."""

    def update_episode(self, episode: Mapping) -> Episode:
        """Save a modified episode dict (its ``data`` keys are merged into the stored ones)."""

    def update_episode_data(self, episode: str | Mapping, data: dict | None = ...) -> Episode:
        """Merge ``data`` into the episode's free-form ``data`` field (read fresh), keeping its other keys."""

    def update_sequence(self, sequence: Mapping) -> Sequence:
        """Save a modified sequence dict (its ``data`` keys are merged into the stored ones)."""

    def update_sequence_data(self, sequence: str | Mapping, data: dict | None = ...) -> Sequence:
        """Merge ``data`` into the sequence's free-form ``data`` field (read fresh), keeping its other keys."""

    def update_shot(self, shot: Mapping) -> Shot:
        """Save a modified shot dict (its ``data`` keys are merged into the stored ones)."""

    def update_shot_data(self, shot: str | Mapping, data: dict | None = ...) -> Shot:
        """Merge ``data`` into the shot's free-form ``data`` field (read fresh), keeping its other keys."""


class StudioAccessor:
    """gazu.studio, bound to a client."""

    def all_studios(self) -> list[Studio]:
        """Return every studio, sorted by name."""

    def get_studio(self, studio_id: str) -> Studio:
        """Return the studio with this id."""

    def get_studio_by_name(self, studio_name: str) -> Studio | None:
        """Return the studio with this name, or None."""

    def remove_studio(self, studio: str | Mapping, force: bool = ...) -> str:
        """Delete a studio."""

    def update_studio(self, studio: Mapping) -> Studio:
        """Save a modified studio dict."""


class SyncAccessor:
    """gazu.sync, bound to a client."""

    def convert_id_list(self, ids: list[str], model_map: dict) -> list:
        """Translate source ids into target ids; an id with no counterpart on the target is left out."""

    def get_id_map_by_id(self, source_list: Collection[Mapping], target_list: Collection[Mapping], field: str = ...) -> dict[str, str]:
        """Map each source model's id to the id of the target model with the same ``field`` value (case ignored)."""

    def get_id_map_by_name(self, source_list: Collection[Mapping], target_list: Collection[Mapping]) -> dict[str, str]:
        """Map each source model's name to the id of the target model with the same name (case ignored)."""

    def get_last_events(self, limit: int = ..., project: str | Mapping | None = ..., after: str | None = ..., before: str | None = ..., only_files: bool = ..., name: str | None = ...) -> list[ApiEvent]:
        """Return the latest events of the instance, newest first (admins and managers only)."""

    def get_link_list_diff(self, source_list: Collection[Mapping], target_list: Collection[Mapping]) -> tuple[list[dict], list[dict]]:
        """Return the source links missing from the target, and the target links absent from the source."""

    def get_model_list_diff(self, source_list: Collection[Mapping], target_list: Collection[Mapping], id_field: str = ...) -> tuple[list[dict], list[dict]]:
        """Return the source models missing from the target, and the target models absent from the source."""

    def get_sync_asset_type_id_map(self, source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
        """Map source asset type ids to target asset type ids, matched by name."""

    def get_sync_department_id_map(self, source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
        """Map source department ids to target department ids, matched by name."""

    def get_sync_person_id_map(self, source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
        """Map source person ids to target person ids, matched by e-mail."""

    def get_sync_project_id_map(self, source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
        """Map source project ids to target project ids, matched by name."""

    def get_sync_task_status_id_map(self, source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
        """Map source task status ids to target task status ids, matched by name."""

    def get_sync_task_type_id_map(self, source_client: KitsuClient, target_client: KitsuClient) -> dict[str, str]:
        """Map source task type ids to target task type ids, matched by name."""

    def import_entities(self, entities: Collection[Mapping]) -> list[Entity]:
        """Create or update entities (assets, shots, sequences, …) by id, keeping ids and dates; return them."""

    def import_entity_links(self, links: Collection[Mapping]) -> list[EntityLink]:
        """Create or update entity links (casting), matched by their two entities; return them."""

    def import_tasks(self, tasks: Collection[Mapping]) -> list[Task]:
        """Create or update tasks by id, with their assignees, keeping ids and dates; return them."""

    def is_changed(self, source_model: Mapping, target_model: Mapping) -> bool:
        """Tell whether the source model was updated after the target copy (or either date is unknown)."""

    def push_assets(self, project_source: Mapping, project_target: Mapping, client_source: KitsuClient, client_target: KitsuClient) -> list[Entity]:
        """Push the project's assets, with the target's asset types and task types; return those imported."""

    def push_entity_links(self, project_source: Mapping, project_target: Mapping, client_source: KitsuClient, client_target: KitsuClient) -> list[EntityLink]:
        """Push the project's casting (entity links, which keep their ids); return those imported."""

    def push_episodes(self, project_source: Mapping, project_target: Mapping, client_source: KitsuClient, client_target: KitsuClient) -> list[Entity]:
        """Push the project's episodes to the target project; return those imported."""

    def push_project_entities(self, project_source: Mapping, project_target: Mapping, client_source: KitsuClient, client_target: KitsuClient) -> PushedEntities:
        """Push assets, episodes (of a tv show), sequences, shots then casting; return what each step imported."""

    def push_sequences(self, project_source: Mapping, project_target: Mapping, client_source: KitsuClient, client_target: KitsuClient) -> list[Entity]:
        """Push the project's sequences (after their episodes); return those imported."""

    def push_shots(self, project_source: Mapping, project_target: Mapping, client_source: KitsuClient, client_target: KitsuClient) -> list[Entity]:
        """Push the project's shots (after their sequences); return those imported."""

    def push_task_comment(self, task_status_map: dict, person_map: dict, task: str | Mapping, comment: Mapping, client_source: KitsuClient, client_target: KitsuClient, author_id: str | None = ..., tmp_path: str | None = ...) -> Comment | None:
        """Post a source comment on the target task, with its status, author, date, attachments and previews."""

    def push_task_comments(self, task_status_map: dict, person_map: dict, task: str | Mapping, client_source: KitsuClient, client_target: KitsuClient) -> list[Comment | None]:
        """Post on the target task every comment of the source task, oldest first; return what each push returned"""

    def push_tasks(self, project_source: Mapping, project_target: Mapping, default_status: str | Mapping, client_source: KitsuClient, client_target: KitsuClient) -> list[Task]:
        """Push the project's tasks, after its entities, all at ``default_status``; return those imported."""

    def push_tasks_comments(self, project_source: Mapping, client_source: KitsuClient, client_target: KitsuClient) -> list[Task]:
        """Push the comments of every task of the project, after its tasks; return the project's tasks."""


class TaskAccessor:
    """gazu.task, bound to a client."""

    def acknowledge_comment(self, task: str | Mapping, comment: str | Mapping) -> Comment:
        """Acknowledge a comment as the logged-in user, or withdraw the acknowledgement if given already."""

    def add_attachment_files_to_comment(self, task: str | Mapping, comment: str | Mapping, attachments: str | list[str] | None = ..., progress_callback: Callable | None = ...) -> list[CommentAttachment]:
        """Attach local files to a comment; return the comment's attachment files."""

    def add_comment(self, task: str | Mapping, task_status: str | Mapping, comment: str = ..., person: str | Mapping | None = ..., checklist: Collection[Mapping] | None = ..., attachments: list[str] | None = ..., created_at: str | None = ..., links: list[str] | None = ..., for_client: bool = ..., progress_callback: Callable | None = ...) -> Comment:
        """Post a comment on a task, setting the task to ``task_status``; return the comment."""

    def add_extra_preview(self, task: str | Mapping, comment: str | Mapping, preview_file: str | Mapping, preview_file_path: str | None = ..., preview_file_url: str | None = ..., normalize_movie: bool = ..., no_job: bool = ...) -> PreviewFile:
        """Add another preview to ``preview_file``'s revision, from a local file or a URL; return the new preview file."""

    def add_preview(self, task: str | Mapping, comment: str | Mapping, preview_file_path: str | None = ..., preview_file_url: str | None = ..., normalize_movie: bool = ..., revision: int | None = ..., no_job: bool = ...) -> PreviewFile:
        """Add a preview to a comment from a local file or a URL; return the preview file."""

    def add_tasks_batch_comments(self, tasks: Collection[str | Mapping], comments_data: dict) -> list[Comment]:
        """Post the same comment (``task_status_id``, ``text``, …, as for batch_comments) on several tasks."""

    def add_time_spent(self, task: str | Mapping, person: str | Mapping, date: str, duration: int) -> TimeSpent:
        """Add to the time a person spent on a task on a date; return the time spent entry."""

    def all_assets_tasks_for_episode(self, episode: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return the tasks of the assets made for an episode, sorted by name."""

    def all_comments_for_project(self, project: str | Mapping) -> list[Comment]:
        """Return every comment of a project's tasks, last updated first."""

    def all_comments_for_task(self, task: str | Mapping) -> list[Comment]:
        """Return the comments of a task, newest first."""

    def all_done_tasks_for_person(self, person: str | Mapping) -> list[PersonTask]:
        """Return the finished tasks assigned to a person, in open projects."""

    def all_notifications_for_project(self, project: str | Mapping) -> list[Notification]:
        """Return the notifications of a project (administrators only)."""

    def all_open_tasks(self) -> OpenTasksPage:
        """Return the first page of the unfinished tasks of open projects, as the server pages them."""

    def all_preview_files_for_project(self, project: str | Mapping) -> list[PreviewFile]:
        """Return every preview file of a project (administrators only)."""

    def all_previews_for_task(self, task: str | Mapping) -> list[PreviewFile]:
        """Return the preview files of a task."""

    def all_shot_tasks_for_episode(self, episode: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return the tasks of an episode's shots (and scenes), sorted by name."""

    def all_shot_tasks_for_sequence(self, sequence: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return the tasks of a sequence's shots (and scenes), sorted by name."""

    def all_subscriptions_for_project(self, project: str | Mapping) -> list[Subscription]:
        """Return the task subscriptions of a project (administrators only)."""

    def all_task_statuses(self) -> list[TaskStatus]:
        """Return every task status, sorted by name."""

    def all_task_statuses_for_project(self, project: str | Mapping) -> list[TaskStatus]:
        """Return the task statuses a project uses, sorted by name."""

    def all_task_types(self) -> list[TaskType]:
        """Return every task type, sorted by name."""

    def all_task_types_for_asset(self, asset: str | Mapping) -> list[TaskType]:
        """Return the task types of an asset's tasks, sorted by name."""

    def all_task_types_for_concept(self, concept: str | Mapping) -> list[TaskType]:
        """Return the task types of a concept's tasks, sorted by name."""

    def all_task_types_for_episode(self, episode: str | Mapping) -> list[TaskType]:
        """Return the task types of the tasks of an episode's shots and scenes, sorted by name."""

    def all_task_types_for_project(self, project: str | Mapping) -> list[TaskType]:
        """Return the task types a project uses, sorted by name."""

    def all_task_types_for_scene(self, scene: str | Mapping) -> list[TaskType]:
        """Return the task types of a scene's tasks, sorted by name."""

    def all_task_types_for_sequence(self, sequence: str | Mapping) -> list[TaskType]:
        """Return the task types of the tasks of a sequence's shots and scenes, sorted by name."""

    def all_task_types_for_shot(self, shot: str | Mapping) -> list[TaskType]:
        """Return the task types of a shot's tasks, sorted by name."""

    def all_tasks_for_asset(self, asset: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return an asset's tasks, sorted by name."""

    def all_tasks_for_concept(self, concept: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return a concept's tasks, sorted by name."""

    def all_tasks_for_edit(self, edit: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return an edit's tasks, sorted by name."""

    def all_tasks_for_entity_and_task_type(self, entity: str | Mapping, task_type: str | Mapping) -> list[Task]:
        """Return an entity's tasks of a task type."""

    def all_tasks_for_episode(self, episode: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return the tasks linked to an episode itself, sorted by name."""

    def all_tasks_for_person(self, person: str | Mapping) -> list[PersonTask]:
        """Return the unfinished tasks assigned to a person, in open projects."""

    def all_tasks_for_person_and_type(self, person: str | Mapping, task_type: str | Mapping) -> list[Task]:
        """Return the tasks of a task type on the entities a person works on."""

    def all_tasks_for_project(self, project: str | Mapping, task_type: str | Mapping | None = ..., episode: str | Mapping | None = ...) -> list[Task]:
        """Return a project's tasks, of one task type and one episode when given."""

    def all_tasks_for_scene(self, scene: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return a scene's tasks, sorted by name."""

    def all_tasks_for_sequence(self, sequence: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return the tasks linked to a sequence itself, sorted by name."""

    def all_tasks_for_shot(self, shot: str | Mapping, relations: bool = ...) -> list[Task]:
        """Return a shot's tasks, sorted by name."""

    def all_tasks_for_task_status(self, project: str | Mapping, task_type: str | Mapping, task_status: str | Mapping) -> list[Task]:
        """Return a project's tasks of a task type set at a task status."""

    def all_tasks_for_task_type(self, project: str | Mapping, task_type: str | Mapping, episode: str | Mapping | None = ...) -> list[Task]:
        """Return a project's tasks of a task type (in one episode when given)."""

    def assign_task(self, task: str | Mapping, person: str | Mapping) -> list[Task]:
        """Assign a person to a task; return the server's answer (the list of the tasks assigned)."""

    def assign_tasks_to_person(self, tasks: Collection[str | Mapping], person: str | Mapping) -> list[Task]:
        """Assign a person to several tasks; return the tasks assigned."""

    def batch_comments(self, comments: Collection[Mapping] | None = ..., task: str | Mapping | None = ..., progress_callback: Callable | None = ...) -> list[Comment]:
        """Post several comments at once, with their attachments and previews; return the new comments."""

    def clear_assignations(self, tasks: str | Mapping | Collection[str | Mapping], person: str | Mapping | None = ...) -> list[str]:
        """Unassign ``person`` (everyone when None) from one or several tasks; return the ids of the tasks changed."""

    def create_asset_tasks(self, asset: str | Mapping, task_types: Collection[str | Mapping]) -> list[Task]:
        """Create an asset's tasks of these task types; return the new ones."""

    def create_concept_tasks(self, concept: str | Mapping, task_types: Collection[str | Mapping]) -> list[Task]:
        """Create a concept's tasks of these task types; return the new ones."""

    def create_edit_tasks(self, edit: str | Mapping, task_types: Collection[str | Mapping]) -> list[Task]:
        """Create an edit's tasks of these task types; return the new ones."""

    def create_entity_tasks(self, entity: str | Mapping, task_types: Collection[str | Mapping]) -> list[Task]:
        """Create an entity's tasks of these task types; return the new ones (existing tasks are skipped)."""

    def create_extra_preview(self, task: str | Mapping, comment: str | Mapping, preview_file: str | Mapping) -> PreviewFile:
        """Add an empty preview file to a comment, in the same revision as ``preview_file``; return it."""

    def create_multiple_comments(self, project: str | Mapping, comments: Collection[Mapping] | None = ..., progress_callback: Callable | None = ...) -> list[Comment]:
        """Post several comments on tasks of a project; return the new comments."""

    def create_preview(self, task: str | Mapping, comment: str | Mapping, revision: int | None = ...) -> PreviewFile:
        """Add an empty preview file to a comment, as the next revision unless ``revision`` is given; return it."""

    def create_shot_tasks(self, shot: str | Mapping, task_types: Collection[str | Mapping]) -> list[Task]:
        """Create a shot's tasks of these task types; return the new ones."""

    def delete_comment_attachment(self, task: str | Mapping, comment: str | Mapping, attachment_file: str | Mapping) -> str:
        """Delete a file attached to a comment."""

    def delete_comment_reply(self, task: str | Mapping, comment: str | Mapping, reply: str | Mapping) -> str:
        """Delete a reply to a comment."""

    def get_comment(self, comment_id: str) -> Comment:
        """Return the comment with this id."""

    def get_default_task_status(self) -> TaskStatus | None:
        """Return the status new tasks start with (``todo`` on a fresh server), or None."""

    def get_last_comment_for_task(self, task: str | Mapping) -> Comment | None:
        """Return the newest comment of a task, or None."""

    def get_open_tasks_stats(self) -> dict[str, ProjectTaskStats]:
        """Return the counts of unfinished tasks, by project, task type and status."""

    def get_persons_tasks_dates(self) -> list[PersonTasksDates]:
        """Return, for each person, the first start and last end dates of their tasks."""

    def get_task(self, task_id: str | Mapping) -> FullTask:
        """Return the task with this id, with its entity, project, type, status and assignees."""

    def get_task_by_entity(self, entity: str | Mapping, task_type: str | Mapping, name: str = ...) -> Task | None:
        """Return an entity's task of a task type with this name, or None."""

    def get_task_by_name(self, entity: str | Mapping, task_type: str | Mapping, name: str = ...) -> Task | None:
        """Return an entity's task of a task type with this name, or None (the older name of get_task_by_entity)."""

    def get_task_by_path(self, project: str | Mapping, file_path: str, entity_type: str = ...) -> Task | None:
        """Return the task a working folder path of the project's file tree points at, or None."""

    def get_task_status(self, task_status_id: str) -> TaskStatus:
        """Return the task status with this id."""

    def get_task_status_by_name(self, name: str) -> TaskStatus | None:
        """Return the task status with this name, or None."""

    def get_task_status_by_short_name(self, task_status_short_name: str) -> TaskStatus | None:
        """Return the task status with this short name (``wip``, ``wfa``, …), or None."""

    def get_task_time_spent_for_date(self, task: str | Mapping, date: str) -> dict[str, float | list[TimeSpent]]:
        """Return the time spent on a task on a date: entries by person id, and ``total``."""

    def get_task_type(self, task_type_id: str) -> TaskType:
        """Return the task type with this id."""

    def get_task_type_by_name(self, task_type_name: str, for_entity: str | None = ..., department: str | Mapping | None = ...) -> TaskType | None:
        """Return the task type with this name (for this kind of entity, of this department), or None."""

    def get_task_type_by_short_name(self, task_type_short_name: str, for_entity: str | None = ..., department: str | Mapping | None = ...) -> TaskType | None:
        """Return the task type with this short name (for this kind of entity, of this department), or None."""

    def get_task_url(self, task: Mapping) -> str:
        """Return the address of a task's page in Kitsu's web application (from its ``id`` and ``project_id``)."""

    def get_time_spent(self, task: str | Mapping, date: str | None = ...) -> dict[str, float | list[TimeSpent]]:
        """Return the time spent on a task (on ``date`` only, when given): entries by person id, and ``total``."""

    def move_comment_to_task(self, task: str | Mapping, comment: str | Mapping, target_task: str | Mapping) -> Comment:
        """Move a comment (without previews) to another task of the same entity; return the moved comment."""

    def new_task(self, entity: str | Mapping, task_type: str | Mapping, name: str = ..., task_status: Mapping | None = ..., assigner: str | Mapping | None = ..., assignees: Collection[str | Mapping] | None = ...) -> Task:
        """Return the entity's task of this type and name, created if missing (at the default status unless"""

    def new_task_status(self, name: str, short_name: str, color: str) -> TaskStatus:
        """Create a task status; ``color`` is ``#RRGGBB``."""

    def new_task_type(self, name: str, color: str = ..., for_entity: str = ...) -> TaskType:
        """Return the task type with this name for this kind of entity, created if missing."""

    def publish_preview(self, task: str | Mapping, task_status: str | Mapping, comment: str = ..., person: str | Mapping | None = ..., checklist: Collection[Mapping] | None = ..., attachments: list[str] | None = ..., created_at: str | None = ..., preview_file_path: str | None = ..., preview_file_url: str | None = ..., normalize_movie: bool = ..., revision: int | None = ..., set_thumbnail: bool = ..., links: list[str] | None = ...) -> tuple[Comment, PreviewFile]:
        """Post a comment with a new preview revision (and make it the entity's thumbnail if asked)."""

    def remove_comment(self, comment: str | Mapping) -> str:
        """Delete a comment with its previews, news and notifications (the task status is recomputed)."""

    def remove_preview_from_comment(self, task: str | Mapping, comment: str | Mapping, preview_file: str | Mapping) -> str:
        """Delete a preview file of a comment."""

    def remove_task(self, task: str | Mapping) -> str:
        """Delete a task with its comments, previews and files."""

    def remove_task_status(self, task_status: str | Mapping) -> str:
        """Delete a task status."""

    def remove_task_type(self, task_type: str | Mapping, force: bool = ...) -> str:
        """Delete a task type; with ``force``, detach it from projects and schedules first."""

    def remove_tasks_batch(self, project: str | Mapping, tasks: Collection[str | Mapping]) -> requests.Response:
        """Delete several tasks of a project; return the server's answer (decoded JSON)."""

    def remove_tasks_for_type(self, project: str | Mapping, task_type: str | Mapping) -> str:
        """Delete every task of a task type in a project (administrators only)."""

    def remove_time_spent(self, time_spent: str | Mapping) -> str:
        """Delete a time spent entry."""

    def reply_to_comment(self, task: str | Mapping, comment: str | Mapping, text: str, person: str | Mapping | None = ...) -> Reply:
        """Reply to a comment; return the reply (the server signs it with the logged-in user)."""

    def set_main_preview(self, preview_file: str | Mapping, frame_number: int | None = ...) -> Entity:
        """Make a preview its entity's thumbnail (for a movie, the frame ``frame_number``); return the entity."""

    def set_time_spent(self, task: str | Mapping, person: str | Mapping, date: str, duration: int) -> TimeSpent:
        """Set the time a person spent on a task on a date; return the time spent entry."""

    def start_task(self, task: str | Mapping, started_task_status: str | Mapping | None = ..., person: str | Mapping | None = ...) -> Comment:
        """Set a task to ``started_task_status`` (WIP by default) with a comment; return the comment."""

    def task_to_review(self, task: str | Mapping, person: str | Mapping, comment: str, revision: int = ..., change_status: bool = ...) -> FullTask:
        """(Deprecated) Post ``comment`` as ``person``, setting the task to wait for approval; return the task."""

    def update_comment(self, comment: Mapping) -> Comment:
        """Save a modified comment dict."""

    def update_task(self, task: Mapping) -> Task:
        """Save a modified task dict."""

    def update_task_data(self, task: str | Mapping, data: dict | None = ...) -> Task:
        """Merge ``data`` into a task's free-form ``data`` field (read fresh from the server); return the task."""

    def update_task_status(self, task_status: Mapping) -> TaskStatus:
        """Save a modified task status dict."""

    def update_task_type(self, task_type: Mapping) -> TaskType:
        """Save a modified task type dict."""

    def upload_preview_file(self, preview_file: str | Mapping, file_path: str, normalize_movie: bool = ..., no_job: bool = ..., progress_callback: Callable | None = ...) -> PreviewFile:
        """Upload the media of an empty preview file; return the preview file."""


class UserAccessor:
    """gazu.user, bound to a client."""

    def all_asset_types_for_project(self, project: str | Mapping) -> list[AssetType]:
        """Return the asset types of a project in which the user has assigned tasks, sorted by name."""

    def all_assets_for_asset_type_and_project(self, project: str | Mapping, asset_type: str | Mapping) -> list[Asset]:
        """Return the assets of a project and asset type in which the user has assigned tasks, sorted by name."""

    def all_chats(self) -> list[Chat]:
        """Return the entity chats the user has joined."""

    def all_desktop_login_logs(self) -> list[DesktopLoginLog]:
        """Return the user's desktop log-in records."""

    def all_done_tasks(self) -> list[PersonTask]:
        """Return the user's finished tasks in open projects."""

    def all_episodes_for_project(self, project: str | Mapping) -> list[Episode]:
        """Return the episodes of a project in which the user has assigned tasks, sorted by name."""

    def all_filter_groups(self) -> dict[str, dict[str, list[SearchFilterGroup]]] | list[Any]:
        """Return the user's filter groups."""

    def all_filters(self) -> dict[str, dict[str, list[SearchFilter]]] | list[Any]:
        """Return the user's saved search filters."""

    def all_notifications(self) -> list[NotificationDetails]:
        """Return the user's notifications."""

    def all_open_projects(self) -> list[Project]:
        """Return the open projects the user belongs to (every open project for an admin), sorted by name."""

    def all_scenes_for_sequence(self, sequence: str | Mapping) -> list[Scene]:
        """Return the scenes of a sequence in which the user has assigned tasks, sorted by name."""

    def all_sequences_for_project(self, project: str | Mapping) -> list[Sequence]:
        """Return the sequences of a project in which the user has assigned tasks, sorted by name."""

    def all_shots_for_sequence(self, sequence: str | Mapping) -> list[Shot]:
        """Return the shots of a sequence in which the user has assigned tasks, sorted by name."""

    def all_task_types_for_asset(self, asset: str | Mapping) -> list[TaskType]:
        """Return the task types of the user's tasks on an asset, sorted by name."""

    def all_task_types_for_scene(self, scene: str | Mapping) -> list[TaskType]:
        """Return the task types of the user's tasks on a scene, sorted by name."""

    def all_task_types_for_sequence(self, sequence: str | Mapping) -> list[TaskType]:
        """Return the task types of the user's tasks on a sequence, sorted by name."""

    def all_task_types_for_shot(self, shot: str | Mapping) -> list[TaskType]:
        """Return the task types of the user's tasks on a shot, sorted by name."""

    def all_tasks_for_asset(self, asset: str | Mapping) -> list[Task]:
        """Return the user's tasks on an asset, sorted by name."""

    def all_tasks_for_scene(self, scene: str | Mapping) -> list[Task]:
        """Return the user's tasks on a scene, sorted by name."""

    def all_tasks_for_sequence(self, sequence: str | Mapping) -> list[Task]:
        """Return the user's tasks on a sequence, sorted by name."""

    def all_tasks_for_shot(self, shot: str | Mapping) -> list[Task]:
        """Return the user's tasks on a shot, sorted by name."""

    def all_tasks_requiring_feedback(self) -> list[PersonTask]:
        """Return the tasks waiting for the user's feedback (tasks to check)."""

    def all_tasks_to_do(self) -> list[PersonTask]:
        """Return the user's unfinished tasks in open projects."""

    def check_task_subscription(self, task: str | Mapping) -> bool:
        """Tell whether the user is subscribed to a task's notifications."""

    def clear_avatar(self) -> str:
        """Remove the user's avatar picture."""

    def get_context(self) -> Context:
        """Return what the user's session needs: projects, task types, statuses, people, …"""

    def get_day_off(self, date: str) -> DayOff | dict[str, Any]:
        """Return the user's day off on a day (an empty dict when they work that day)."""

    def get_filter_group(self, filter_group: str | Mapping) -> SearchFilterGroup:
        """Return one of the user's filter groups."""

    def get_notification(self, notification: str | Mapping) -> NotificationDetails:
        """Return one of the user's notifications."""

    def get_task_time_spent(self, task: str | Mapping, date: str) -> TimeSpent:
        """Return the time the user spent on a task on a day."""

    def get_time_spents_by_date(self, date: str) -> list[TimeSpent]:
        """Return the time the user spent on each task on a day."""

    def get_timespents_range(self, start_date: str, end_date: str) -> list[TimeSpent]:
        """Return the user's time spent between two days, both included."""

    def is_authenticated(self) -> bool:
        """Tell whether the client's tokens are accepted by the server."""

    def join_chat(self, chat: str | Mapping) -> Chat:
        """Join the chat of an entity (``chat`` is the entity or its id)."""

    def leave_chat(self, chat: str | Mapping) -> str:
        """Leave the chat of an entity."""

    def log_desktop_session_log_in(self) -> DesktopLoginLog:
        """Record that the user logged in from a desktop application, now (UTC, as the server keeps dates)."""

    def mark_all_notifications_as_read(self) -> dict[Literal['success'], bool]:
        """Mark every notification of the user as read."""

    def new_filter(self, name: str, query: str, list_type: str, project: str | Mapping | None = ..., entity_type: str | None = ...) -> SearchFilter:
        """Save a search filter for a list (``list_type``: "asset", "shot", "todo", …), optionally for one project."""

    def new_filter_group(self, name: str, project: str | Mapping | None = ...) -> SearchFilterGroup:
        """Create a filter group, optionally for one project."""

    def remove_filter(self, filter: str | Mapping) -> str:
        """Delete a saved search filter."""

    def remove_filter_group(self, filter_group: str | Mapping) -> str:
        """Delete a filter group."""

    def subscribe_to_task(self, task: str | Mapping) -> Subscription:
        """Subscribe the user to a task's notifications; return the subscription."""

    def unsubscribe_from_task(self, task: str | Mapping) -> str:
        """Unsubscribe the user from a task's notifications."""

    def update_filter(self, filter: Mapping) -> SearchFilter:
        """Save a modified filter dict."""

    def update_filter_group(self, filter_group: Mapping) -> SearchFilterGroup:
        """Save a modified filter group dict."""

    def update_notification(self, notification: Mapping) -> Notification:
        """Save a modified notification dict (the server keeps its ``read`` flag)."""


class Accessors:
    """The domain accessors of a KitsuClient."""

    asset: AssetAccessor
    casting: CastingAccessor
    concept: ConceptAccessor
    context: ContextAccessor
    edit: EditAccessor
    entity: EntityAccessor
    events: EventsAccessor
    files: FilesAccessor
    person: PersonAccessor
    playlist: PlaylistAccessor
    project: ProjectAccessor
    project_template: ProjectTemplateAccessor
    scene: SceneAccessor
    search: SearchAccessor
    shot: ShotAccessor
    studio: StudioAccessor
    sync: SyncAccessor
    task: TaskAccessor
    user: UserAccessor
