
import pytest

import gazu
from tests.unit.conftest import bad_entities, new_id
from tests.unit.surface import Call

A = new_id()
B = new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]

# Each listing studio-wide, and with user_context=True where it has one. As upstream, caching is the delegated
# readers' (gazu.scene.all_scenes_for_project is not cached).
SURFACE = [
    Call("context.all_open_projects", (), path="data/projects/open", sorts=True, cached=True),
    Call("context.all_open_projects", (), {"user_context": True}, path="data/user/projects/open", sorts=True,
         cached=True),
    Call("context.all_asset_types_for_project", (A,), path="data/projects/%s/asset-types" % A, sorts=True, cached=True,
         bad=("project",)),
    Call("context.all_asset_types_for_project", (A,), {"user_context": True},
         path="data/user/projects/%s/asset-types" % A, sorts=True, cached=True, bad=("project",)),
    Call("context.all_assets_for_asset_type_and_project", (A, {"id": B}),
         path="data/projects/%s/asset-types/%s/assets" % (A, B), sorts=True, cached=True, bad=("asset_type",)),
    Call("context.all_assets_for_asset_type_and_project", (A, {"id": B}), {"user_context": True},
         path="data/user/projects/%s/asset-types/%s/assets" % (A, B), sorts=True, cached=True, bad=("asset_type",)),
    Call("context.all_assets_for_project", ({"id": A},), path="data/projects/%s/assets" % A, sorts=True, cached=True,
         bad=(("project", [bad for bad in bad_entities("project") if bad is not None]),)),
    Call("context.all_episodes_for_project", (A,), path="data/projects/%s/episodes" % A, sorts=True, cached=True,
         bad=("project",)),
    Call("context.all_episodes_for_project", (A,), {"user_context": True}, path="data/user/projects/%s/episodes" % A,
         sorts=True, cached=True, bad=("project",)),
    Call("context.all_sequences_for_project", (A,), path="data/projects/%s/sequences" % A, sorts=True, cached=True,
         bad=("project",)),
    Call("context.all_sequences_for_project", (A,), {"user_context": True}, path="data/user/projects/%s/sequences" % A,
         sorts=True, cached=True, bad=("project",)),
    Call("context.all_sequences_for_episode", (A,), path="data/episodes/%s/sequences" % A, sorts=True, cached=True,
         bad=("episode",)),
    Call("context.all_shots_for_sequence", (A,), path="data/sequences/%s/shots" % A, sorts=True, cached=True,
         bad=("sequence",)),
    Call("context.all_shots_for_sequence", (A,), {"user_context": True}, path="data/user/sequences/%s/shots" % A,
         sorts=True, cached=True, bad=("sequence",)),
    Call("context.all_scenes_for_project", (A,), path="data/projects/%s/scenes" % A, sorts=True, cached=False,
         bad=("project",)),
    Call("context.all_scenes_for_sequence", (A,), path="data/sequences/%s/scenes" % A, sorts=True, cached=True,
         bad=("sequence",)),
    Call("context.all_scenes_for_sequence", (A,), {"user_context": True}, path="data/user/sequences/%s/scenes" % A,
         sorts=True, cached=True, bad=("sequence",)),
    Call("context.all_task_types_for_asset", (A,), path="data/assets/%s/task-types" % A, sorts=True, cached=True,
         bad=("asset",)),
    Call("context.all_task_types_for_asset", (A,), {"user_context": True}, path="data/user/assets/%s/task-types" % A,
         sorts=True, cached=True, bad=("asset",)),
    Call("context.all_task_types_for_shot", (A,), path="data/shots/%s/task-types" % A, sorts=True, cached=True,
         bad=("shot",)),
    Call("context.all_task_types_for_shot", (A,), {"user_context": True}, path="data/user/shots/%s/task-types" % A,
         sorts=True, cached=True, bad=("shot",)),
    Call("context.all_task_types_for_scene", (A,), path="data/scenes/%s/task-types" % A, sorts=True, cached=True,
         bad=("scene",)),
    Call("context.all_task_types_for_scene", (A,), {"user_context": True}, path="data/user/scenes/%s/task-types" % A,
         sorts=True, cached=True, bad=("scene",)),
    Call("context.all_task_types_for_sequence", (A,), path="data/sequences/%s/task-types" % A, sorts=True, cached=True,
         bad=("sequence",)),
    Call("context.all_task_types_for_sequence", (A,), {"user_context": True},
         path="data/user/sequences/%s/task-types" % A, sorts=True, cached=True, bad=("sequence",)),
]
HAND_TESTED = set()


@pytest.mark.parametrize("user_context, module", [(True, "user"), (False, "shot")])
def test_listings_go_through_the_domain_modules(kitsu, monkeypatch, user_context, module):
    calls = []
    monkeypatch.setattr(getattr(gazu, module), "all_shots_for_sequence",
                        lambda sequence, client: calls.append(sequence) or [])
    assert gazu.context.all_shots_for_sequence(A, user_context=user_context) == []
    assert calls == [A] and kitsu.sent == []


def test_all_assets_for_project_none_reads_every_asset(kitsu):
    kitsu.on("GET", "data/assets/all", json=[{"name": "b"}, {"name": "A"}])
    assert gazu.context.all_assets_for_project(None) == [{"name": "A"}, {"name": "b"}]
    assert kitsu.sent == [("GET", "data/assets/all", {}, None)]
