import datetime

import pytest

import gazu
from gazu.exception import NotAuthenticatedException
from tests.unit.conftest import new_id
from tests.unit.surface import Call

ID = new_id()
OTHER_ID = new_id()
NOT_DATES = [None, "", 42, "02/01/2026"]  # the server judges a date's format, as upstream lets it
DAY = "2026-01-02"
WHOLE = {"id": ID, "name": "renamed", "read": True}


def read(name, args, path, sorts=False, bad=()):
    return Call("user." + name, args, path=path, sorts=sorts, cached=True, bad=bad)


def write(name, args, method, path, body, bad=()):
    return Call("user." + name, args, method=method, path=path, body=body, bad=bad)


def whole(name, argument, route):  # a whole dict saved back
    return Call("user." + name, (WHOLE,), method="PUT", path=route % ID, body=WHOLE, answer=WHOLE,
                bad=((argument, [ID]),))


SURFACE = [
    read("all_open_projects", (), "data/user/projects/open", True),
    read("all_asset_types_for_project", (ID,), "data/user/projects/%s/asset-types" % ID, True, bad=("project",)),
    read("all_assets_for_asset_type_and_project", (ID, {"id": OTHER_ID}),
         "data/user/projects/%s/asset-types/%s/assets" % (ID, OTHER_ID), True, bad=("asset_type",)),
    read("all_episodes_for_project", ({"id": ID},), "data/user/projects/%s/episodes" % ID, True),
    read("all_sequences_for_project", (ID,), "data/user/projects/%s/sequences" % ID, True),
    read("all_shots_for_sequence", (ID,), "data/user/sequences/%s/shots" % ID, True, bad=("sequence",)),
    read("all_scenes_for_sequence", (ID,), "data/user/sequences/%s/scenes" % ID, True),
    read("all_tasks_for_asset", (ID,), "data/user/assets/%s/tasks" % ID, True),
    read("all_tasks_for_shot", (ID,), "data/user/shots/%s/tasks" % ID, True, bad=("shot",)),
    read("all_tasks_for_scene", (ID,), "data/user/scenes/%s/tasks" % ID, True),
    read("all_tasks_for_sequence", (ID,), "data/user/sequences/%s/tasks" % ID, True),
    read("all_task_types_for_asset", (ID,), "data/user/assets/%s/task-types" % ID, True),
    read("all_task_types_for_shot", (ID,), "data/user/shots/%s/task-types" % ID, True),
    read("all_task_types_for_scene", (ID,), "data/user/scenes/%s/task-types" % ID, True, bad=("scene",)),
    read("all_task_types_for_sequence", (ID,), "data/user/sequences/%s/task-types" % ID, True),
    read("all_tasks_to_do", (), "data/user/tasks"),
    read("all_done_tasks", (), "data/user/done-tasks"),
    read("all_tasks_requiring_feedback", (), "data/user/tasks-to-check"),
    read("all_filters", (), "data/user/filters"),
    read("all_filter_groups", (), "data/user/filter-groups"),
    read("all_notifications", (), "data/user/notifications"),
    read("all_chats", (), "data/user/chats"),
    read("all_desktop_login_logs", (), "data/user/desktop-login-logs"),
    read("check_task_subscription", (ID,), "data/user/tasks/%s/subscribed" % ID, bad=("task",)),
    read("get_filter_group", ({"id": ID},), "data/user/filter-groups/%s" % ID, bad=("filter_group",)),
    read("get_notification", (ID,), "data/user/notifications/%s" % ID, bad=("notification",)),
    read("get_context", (), "data/user/context"),
    read("get_day_off", (DAY,), "data/user/day-offs/" + DAY, bad=(("date", NOT_DATES),)),
    read("get_time_spents_by_date", (DAY,), "data/user/time-spents/" + DAY, bad=(("date", NOT_DATES),)),
    read("get_task_time_spent", (ID, DAY), "data/user/tasks/%s/time-spents/%s" % (ID, DAY),
         bad=("task", ("date", NOT_DATES))),
    Call("user.get_timespents_range", (DAY, "2026-01-31"), path="data/user/time-spents",
         query={"start_date": DAY, "end_date": "2026-01-31"}, cached=True,
         bad=(("start_date", NOT_DATES), ("end_date", NOT_DATES))),
    write("subscribe_to_task", (ID,), "POST", "actions/user/tasks/%s/subscribe" % ID, {}, bad=("task",)),
    write("unsubscribe_from_task", ({"id": ID},), "DELETE", "actions/user/tasks/%s/unsubscribe" % ID, None,
          bad=("task",)),
    write("join_chat", (ID,), "POST", "actions/user/chats/%s/join" % ID, {}, bad=("chat",)),
    write("leave_chat", (ID,), "DELETE", "actions/user/chats/%s/join" % ID, None, bad=("chat",)),
    write("remove_filter", (ID,), "DELETE", "data/user/filters/%s" % ID, None, bad=("filter",)),
    write("remove_filter_group", ({"id": ID},), "DELETE", "data/user/filter-groups/%s" % ID, None,
          bad=("filter_group",)),
    write("mark_all_notifications_as_read", (), "POST", "actions/user/notifications/mark-all-as-read", {}),
    write("clear_avatar", (), "DELETE", "actions/user/clear-avatar", None),
    write("new_filter", ("Mine", "status=wip", "shot"), "POST", "data/user/filters",
          {"name": "Mine", "query": "status=wip", "list_type": "shot", "project_id": None, "entity_type": None},
          bad=(("project", ["a/b"]),)),
    write("new_filter", ("Mine", "status=wip", "asset", {"id": ID}, "Asset"), "POST", "data/user/filters",
          {"name": "Mine", "query": "status=wip", "list_type": "asset", "project_id": ID, "entity_type": "Asset"}),
    write("new_filter_group", ("Group",), "POST", "data/user/filter-groups", {"name": "Group", "project_id": None},
          bad=(("project", ["a/b"]),)),
    write("new_filter_group", ("Group", ID), "POST", "data/user/filter-groups", {"name": "Group", "project_id": ID}),
    whole("update_filter", "filter", "data/user/filters/%s"),
    whole("update_filter_group", "filter_group", "data/user/filter-groups/%s"),
    whole("update_notification", "notification", "data/user/notifications/%s"),
]
HAND_TESTED = {"is_authenticated", "log_desktop_session_log_in"}


def test_writes_clear_cached_reads(kitsu):
    kitsu.on("GET", "data/user/filters", json=[])
    kitsu.on("POST", "data/user/filters", json={"id": ID})
    gazu.cache.enable()
    gazu.user.all_filters()
    gazu.user.new_filter("Mine", "wip", "shot")
    gazu.user.all_filters()
    assert [request[0] for request in kitsu.sent] == ["GET", "POST", "GET"]


@pytest.mark.parametrize("answer, expected", [({"authenticated": True, "user": {}}, True),
                                               ({"authenticated": False}, False)])
def test_is_authenticated(kitsu, answer, expected):
    kitsu.on("GET", "auth/authenticated", json=answer)
    assert gazu.user.is_authenticated() is expected
    assert kitsu.sent == [("GET", "auth/authenticated", {}, None)]


def test_is_authenticated_false_when_token_refused(kitsu):
    gazu.client.default_client.tokens = {"access_token": "expired"}
    kitsu.on("GET", "auth/authenticated", status=401, json={"msg": "Token has expired"})
    assert gazu.user.is_authenticated() is False


def test_a_malformed_token_raises_as_upstream(kitsu):
    gazu.client.default_client.tokens = {"access_token": "not-a-jwt"}
    kitsu.on("GET", "auth/authenticated", status=422, json={"msg": "Not enough segments"})
    with pytest.raises(gazu.exception.ValidationException):
        gazu.user.is_authenticated()


def test_is_authenticated_is_never_cached(kitsu):
    kitsu.on("GET", "auth/authenticated", json={"authenticated": True})
    gazu.cache.enable()
    gazu.user.is_authenticated()
    gazu.user.is_authenticated()
    assert len(kitsu.sent) == 2


def test_other_errors_of_is_authenticated_propagate(kitsu):
    kitsu.on("GET", "auth/authenticated", status=403, json={"message": "no"})
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.user.is_authenticated()
    assert not issubclass(gazu.exception.NotAllowedException, NotAuthenticatedException)


def test_log_desktop_session_log_in_sends_now(kitsu):
    kitsu.on("POST", "data/user/desktop-login-logs", json={"id": ID})
    before = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    assert gazu.user.log_desktop_session_log_in() == {"id": ID}
    method, path, query, body = kitsu.last
    assert (method, path, query, list(body)) == ("POST", "data/user/desktop-login-logs", {}, ["date"])
    # The ISO format upstream sends (microseconds included), in UTC as the server keeps its dates.
    sent = datetime.datetime.fromisoformat(body["date"])
    assert body["date"] == sent.isoformat() and before <= sent <= before + datetime.timedelta(seconds=5)


def test_filters_send_their_values_as_given(kitsu):
    kitsu.on("POST", "data/user/filters", json={"id": ID})
    kitsu.on("POST", "data/user/filter-groups", json={"id": ID})
    gazu.user.new_filter("", "", "")
    gazu.user.new_filter_group("")
    assert [request[3] for request in kitsu.sent] == [
        {"name": "", "query": "", "list_type": "", "project_id": None, "entity_type": None},
        {"name": "", "project_id": None}]
