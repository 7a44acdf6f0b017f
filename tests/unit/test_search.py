from tests.unit.conftest import new_id
from tests.unit.surface import Call

P = new_id()
TYPE = new_id()
FOUND = {"assets": [{"name": "Chair"}], "shots": [], "persons": []}


def search(args, body, kwargs=None, bad=()):
    return Call("search.search_entities", args, kwargs or {}, method="POST", path="data/search", body=body,
                answer=FOUND, bad=bad)


SURFACE = [
    search(("chair",), {"query": "chair"}),
    search(("chair", {"id": P}), {"query": "chair", "project_id": P},
           bad=(("project", ["a/b", {"name": "x"}]), ("entity_types", [[None], [{"name": "Asset"}]]))),
    # Entity types go out as upstream sends them: their ids under entity_types (Zou 1.0.97 ignores them).
    search(("chair", P, [TYPE, {"id": P, "name": "Shot"}]), {"query": "chair", "project_id": P,
                                                             "entity_types": [TYPE, P]}),
    search(("chair",), {"query": "chair", "entity_types": []}, {"entity_types": []}),
    search(("ch",), {"query": "ch"}),
    search(("",), {"query": ""}),
]
HAND_TESTED = set()
