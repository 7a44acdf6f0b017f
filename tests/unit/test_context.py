import inspect

import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import bad_entities, new_id

A = new_id()
B = new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]

# (function, positional arguments, studio-wide path, path with user_context=True or None)
LISTINGS = [
    ("all_open_projects", (), "data/projects/open", "data/user/projects/open"),
    ("all_asset_types_for_project", (A,), "data/projects/%s/asset-types" % A,
     "data/user/projects/%s/asset-types" % A),
    ("all_assets_for_asset_type_and_project", (A, {"id": B}), "data/projects/%s/asset-types/%s/assets" % (A, B),
     "data/user/projects/%s/asset-types/%s/assets" % (A, B)),
    ("all_assets_for_project", ({"id": A},), "data/projects/%s/assets" % A, None),
    ("all_episodes_for_project", (A,), "data/projects/%s/episodes" % A, "data/user/projects/%s/episodes" % A),
    ("all_sequences_for_project", (A,), "data/projects/%s/sequences" % A, "data/user/projects/%s/sequences" % A),
    ("all_sequences_for_episode", (A,), "data/episodes/%s/sequences" % A, None),
    ("all_shots_for_sequence", (A,), "data/sequences/%s/shots" % A, "data/user/sequences/%s/shots" % A),
    ("all_scenes_for_project", (A,), "data/projects/%s/scenes" % A, None),
    ("all_scenes_for_sequence", (A,), "data/sequences/%s/scenes" % A, "data/user/sequences/%s/scenes" % A),
    ("all_task_types_for_asset", (A,), "data/assets/%s/task-types" % A, "data/user/assets/%s/task-types" % A),
    ("all_task_types_for_shot", (A,), "data/shots/%s/task-types" % A, "data/user/shots/%s/task-types" % A),
    ("all_task_types_for_scene", (A,), "data/scenes/%s/task-types" % A, "data/user/scenes/%s/task-types" % A),
    ("all_task_types_for_sequence", (A,), "data/sequences/%s/task-types" % A,
     "data/user/sequences/%s/task-types" % A),
]
IDS = [row[0] for row in LISTINGS]
WITH_USER_CONTEXT = [row for row in LISTINGS if row[3]]


@pytest.mark.parametrize("name, args, path, user_path", LISTINGS, ids=IDS)
def test_studio_wide_listings_sorted_by_name(kitsu, name, args, path, user_path):
    kitsu.on("GET", path, json=UNSORTED)
    assert [item["name"] for item in getattr(gazu.context, name)(*args)] == ["A", "b", "c"]
    assert kitsu.sent == [("GET", path, {}, None)]


@pytest.mark.parametrize("name, args, path, user_path", WITH_USER_CONTEXT, ids=[row[0] for row in WITH_USER_CONTEXT])
def test_user_context_listings(kitsu, name, args, path, user_path):
    kitsu.on("GET", user_path, json=UNSORTED)
    result = getattr(gazu.context, name)(*args, user_context=True)
    assert [item["name"] for item in result] == ["A", "b", "c"]
    assert kitsu.sent == [("GET", user_path, {}, None)]


@pytest.mark.parametrize("name, args, path, user_path", LISTINGS, ids=IDS)
def test_caching_is_the_delegated_readers(kitsu, name, args, path, user_path):
    # As upstream: the context functions delegate to the domain readers, which are cached
    # except gazu.scene.all_scenes_for_project.
    kitsu.on("GET", path, json=[])
    gazu.cache.enable()
    function = getattr(gazu.context, name)
    function(*args)
    function(*args)
    assert len(kitsu.sent) == (2 if name == "all_scenes_for_project" else 1)


@pytest.mark.parametrize("name, args, path, user_path", WITH_USER_CONTEXT, ids=[row[0] for row in WITH_USER_CONTEXT])
def test_user_context_readers_are_cached(kitsu, name, args, path, user_path):
    kitsu.on("GET", user_path, json=[])
    gazu.cache.enable()
    function = getattr(gazu.context, name)
    function(*args, user_context=True)
    function(*args, user_context=True)
    assert len(kitsu.sent) == 1


@pytest.mark.parametrize("user_context, module", [(True, "user"), (False, "shot")])
def test_listings_go_through_the_domain_modules(kitsu, monkeypatch, user_context, module):
    calls = []
    monkeypatch.setattr(getattr(gazu, module), "all_shots_for_sequence",
                        lambda sequence, client: calls.append(sequence) or [])
    assert gazu.context.all_shots_for_sequence(A, user_context=user_context) == []
    assert calls == [A] and kitsu.sent == []


def _last_entity_argument(name, args):
    return list(inspect.signature(getattr(gazu.context, name)).parameters)[len(args) - 1]


# (function, arguments before the bad one, name of the bad argument, user_context), all with an entity argument
BAD_CALLS = [(name, args[:-1], _last_entity_argument(name, args), user_context)
             for name, args, _path, user_path in LISTINGS[1:]
             for user_context in ([False, True] if user_path else [False])]


@pytest.mark.parametrize("name, first_args, argument, user_context, bad", [
    pytest.param(*row, bad, id="%s-%s-%r" % (row[0], "user" if row[3] else "studio", bad))
    for row in BAD_CALLS for bad in bad_entities(row[2])
    if not (row[0] == "all_assets_for_project" and bad is None)])  # None: every project's assets, as upstream
def test_bad_entities_rejected_before_any_request(kitsu, name, first_args, argument, user_context, bad):
    kwargs = {"user_context": True} if user_context else {}
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.context, name)(*first_args, bad, **kwargs)
    assert kitsu.sent == []


def test_all_assets_for_project_none_reads_every_asset(kitsu):
    kitsu.on("GET", "data/assets/all", json=[{"name": "b"}, {"name": "A"}])
    assert gazu.context.all_assets_for_project(None) == [{"name": "A"}, {"name": "b"}]
    assert kitsu.sent == [("GET", "data/assets/all", {}, None)]


def test_every_function_is_covered():
    module = gazu.context
    public = {name for name, value in vars(module).items()
              if callable(value) and not name.startswith("_") and getattr(value, "__module__", "") == module.__name__}
    assert public == set(IDS)
