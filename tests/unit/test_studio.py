from tests.unit.conftest import new_id
from tests.unit.surface import Call

STUDIO = new_id()
SOUTH = {"id": STUDIO, "name": "South"}

SURFACE = [
    Call("studio.all_studios", (), path="data/studios", sorts=True, cached=True),
    Call("studio.get_studio", (STUDIO,), path="data/studios/" + STUDIO, cached=True),
    Call("studio.get_studio_by_name", ("North",), path="data/studios", query={"name": "North"}, first=True,
         cached=True),
    Call("studio.update_studio", (SOUTH,), method="PUT", path="data/studios/" + STUDIO, body=SOUTH, answer=SOUTH),
    Call("studio.remove_studio", ({"id": STUDIO},), method="DELETE", path="data/studios/" + STUDIO,
         bad=(("studio", [None, "", "a/b", {"name": "x"}, 42]),)),
    Call("studio.remove_studio", ({"id": STUDIO}, True), method="DELETE", path="data/studios/" + STUDIO,
         query={"force": "True"}),
]
HAND_TESTED = set()
