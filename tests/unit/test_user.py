import datetime

import pytest

import gazu
from gazu.exception import InvalidArgumentException, NotAuthenticatedException
from tests.unit.conftest import bad_entities, new_id

ID = new_id()
OTHER_ID = new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}, {"name": "c"}]

# (function, positional arguments, path of the one GET it sends, sorted by name)
LIST_READS = [
    ("all_open_projects", (), "data/user/projects/open", True),
    ("all_asset_types_for_project", (ID,), "data/user/projects/%s/asset-types" % ID, True),
    ("all_assets_for_asset_type_and_project", (ID, {"id": OTHER_ID}),
     "data/user/projects/%s/asset-types/%s/assets" % (ID, OTHER_ID), True),
    ("all_episodes_for_project", ({"id": ID},), "data/user/projects/%s/episodes" % ID, True),
    ("all_sequences_for_project", (ID,), "data/user/projects/%s/sequences" % ID, True),
    ("all_shots_for_sequence", (ID,), "data/user/sequences/%s/shots" % ID, True),
    ("all_scenes_for_sequence", (ID,), "data/user/sequences/%s/scenes" % ID, True),
    ("all_tasks_for_asset", (ID,), "data/user/assets/%s/tasks" % ID, True),
    ("all_tasks_for_shot", (ID,), "data/user/shots/%s/tasks" % ID, True),
    ("all_tasks_for_scene", (ID,), "data/user/scenes/%s/tasks" % ID, True),
    ("all_tasks_for_sequence", (ID,), "data/user/sequences/%s/tasks" % ID, True),
    ("all_task_types_for_asset", (ID,), "data/user/assets/%s/task-types" % ID, True),
    ("all_task_types_for_shot", (ID,), "data/user/shots/%s/task-types" % ID, True),
    ("all_task_types_for_scene", (ID,), "data/user/scenes/%s/task-types" % ID, True),
    ("all_task_types_for_sequence", (ID,), "data/user/sequences/%s/task-types" % ID, True),
    ("all_tasks_to_do", (), "data/user/tasks", False),
    ("all_done_tasks", (), "data/user/done-tasks", False),
    ("all_tasks_requiring_feedback", (), "data/user/tasks-to-check", False),
    ("all_filters", (), "data/user/filters", False),
    ("all_filter_groups", (), "data/user/filter-groups", False),
    ("all_notifications", (), "data/user/notifications", False),
    ("all_chats", (), "data/user/chats", False),
    ("all_desktop_login_logs", (), "data/user/desktop-login-logs", False),
]

# (function, positional arguments, path of the one GET it sends)
ONE_READS = [
    ("check_task_subscription", (ID,), "data/user/tasks/%s/subscribed" % ID),
    ("get_filter_group", ({"id": ID},), "data/user/filter-groups/%s" % ID),
    ("get_notification", (ID,), "data/user/notifications/%s" % ID),
    ("get_context", (), "data/user/context"),
    ("get_day_off", ("2026-01-02",), "data/user/day-offs/2026-01-02"),
    ("get_time_spents_by_date", ("2026-01-02",), "data/user/time-spents/2026-01-02"),
    ("get_task_time_spent", (ID, "2026-01-02"), "data/user/tasks/%s/time-spents/2026-01-02" % ID),
]

# (function, positional arguments, method, path, JSON body sent)
WRITES = [
    ("subscribe_to_task", (ID,), "POST", "actions/user/tasks/%s/subscribe" % ID, {}),
    ("unsubscribe_from_task", ({"id": ID},), "DELETE", "actions/user/tasks/%s/unsubscribe" % ID, None),
    ("join_chat", (ID,), "POST", "actions/user/chats/%s/join" % ID, {}),
    ("leave_chat", (ID,), "DELETE", "actions/user/chats/%s/join" % ID, None),
    ("remove_filter", (ID,), "DELETE", "data/user/filters/%s" % ID, None),
    ("remove_filter_group", ({"id": ID},), "DELETE", "data/user/filter-groups/%s" % ID, None),
    ("mark_all_notifications_as_read", (), "POST", "actions/user/notifications/mark-all-as-read", {}),
    ("clear_avatar", (), "DELETE", "actions/user/clear-avatar", None),
    ("new_filter", ("Mine", "status=wip", "shot"), "POST", "data/user/filters",
     {"name": "Mine", "query": "status=wip", "list_type": "shot", "project_id": None, "entity_type": None}),
    ("new_filter", ("Mine", "status=wip", "asset", {"id": ID}, "Asset"), "POST", "data/user/filters",
     {"name": "Mine", "query": "status=wip", "list_type": "asset", "project_id": ID, "entity_type": "Asset"}),
    ("new_filter_group", ("Group",), "POST", "data/user/filter-groups", {"name": "Group", "project_id": None}),
    ("new_filter_group", ("Group", ID), "POST", "data/user/filter-groups", {"name": "Group", "project_id": ID}),
]

# (function, name of the dict argument, route)
WHOLE_DICT_UPDATES = [
    ("update_filter", "filter", "data/user/filters/%s"),
    ("update_filter_group", "filter_group", "data/user/filter-groups/%s"),
    ("update_notification", "notification", "data/user/notifications/%s"),
]


@pytest.mark.parametrize("name, args, path, sorts", LIST_READS, ids=[row[0] for row in LIST_READS])
def test_list_reads(kitsu, name, args, path, sorts):
    kitsu.on("GET", path, json=UNSORTED)
    result = getattr(gazu.user, name)(*args)
    assert [item["name"] for item in result] == (["A", "b", "c"] if sorts else ["b", "A", "c"])
    assert kitsu.sent == [("GET", path, {}, None)]


@pytest.mark.parametrize("name, args, path", ONE_READS, ids=[row[0] for row in ONE_READS])
def test_one_reads(kitsu, name, args, path):
    kitsu.on("GET", path, json={"id": ID})
    assert getattr(gazu.user, name)(*args) == {"id": ID}
    assert kitsu.sent == [("GET", path, {}, None)]


@pytest.mark.parametrize("name, args, path", [row[:3] for row in LIST_READS] + ONE_READS,
                         ids=[row[0] for row in LIST_READS + ONE_READS])
def test_reads_are_cached(kitsu, name, args, path):
    kitsu.on("GET", path, json=[])
    gazu.cache.enable()
    function = getattr(gazu.user, name)
    assert function(*args) == function(*args)
    assert len(kitsu.sent) == 1


def test_get_timespents_range(kitsu):
    kitsu.on("GET", "data/user/time-spents", json=[{"duration": 60}])
    assert gazu.user.get_timespents_range("2026-01-01", "2026-01-31") == [{"duration": 60}]
    dates = {"start_date": "2026-01-01", "end_date": "2026-01-31"}
    assert kitsu.sent == [("GET", "data/user/time-spents", dates, None)]
    gazu.cache.enable()
    gazu.user.get_timespents_range("2026-01-01", "2026-01-31")
    gazu.user.get_timespents_range("2026-01-01", "2026-01-31")
    assert len(kitsu.sent) == 2


@pytest.mark.parametrize("name, args, method, path, body", WRITES, ids=[row[0] for row in WRITES])
def test_writes(kitsu, name, args, method, path, body):
    kitsu.on(method, path, json={"done": True})
    result = getattr(gazu.user, name)(*args)
    assert kitsu.sent == [(method, path, {}, body)]
    assert result == ({"done": True} if method == "POST" else '{"done": true}')


@pytest.mark.parametrize("name, argument, route", WHOLE_DICT_UPDATES, ids=[row[0] for row in WHOLE_DICT_UPDATES])
def test_whole_dict_updates(kitsu, name, argument, route):
    entity = {"id": ID, "name": "renamed", "read": True}
    kitsu.on("PUT", route % ID, json=entity)
    assert getattr(gazu.user, name)(entity) == entity
    assert kitsu.sent == [("PUT", route % ID, {}, entity)]
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.user, name)(ID)


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


# Bad arguments: each raises naming the argument, before any request.
BAD_ENTITY_CALLS = [
    ("all_asset_types_for_project", "project", lambda bad: (bad,)),
    ("all_assets_for_asset_type_and_project", "asset_type", lambda bad: (ID, bad)),
    ("all_shots_for_sequence", "sequence", lambda bad: (bad,)),
    ("all_tasks_for_shot", "shot", lambda bad: (bad,)),
    ("all_task_types_for_scene", "scene", lambda bad: (bad,)),
    ("check_task_subscription", "task", lambda bad: (bad,)),
    ("subscribe_to_task", "task", lambda bad: (bad,)),
    ("unsubscribe_from_task", "task", lambda bad: (bad,)),
    ("get_filter_group", "filter_group", lambda bad: (bad,)),
    ("remove_filter", "filter", lambda bad: (bad,)),
    ("remove_filter_group", "filter_group", lambda bad: (bad,)),
    ("get_notification", "notification", lambda bad: (bad,)),
    ("join_chat", "chat", lambda bad: (bad,)),
    ("leave_chat", "chat", lambda bad: (bad,)),
    ("get_task_time_spent", "task", lambda bad: (bad, "2026-01-02")),
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(*row, bad, id="%s-%r" % (row[0], bad)) for row in BAD_ENTITY_CALLS for bad in bad_entities(row[1])])
def test_bad_entities_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.user, name)(*make_args(bad))
    assert kitsu.sent == []


NOT_DATES = [None, "", 42, "02/01/2026"]  # the server judges a date's format, as upstream lets it
NOT_TEXTS = [None, "", 42]
BAD_VALUE_CALLS = [
    ("get_day_off", "date", lambda bad: (bad,), NOT_DATES),
    ("get_time_spents_by_date", "date", lambda bad: (bad,), NOT_DATES),
    ("get_task_time_spent", "date", lambda bad: (ID, bad), NOT_DATES),
    ("get_timespents_range", "start_date", lambda bad: (bad, "2026-01-02"), NOT_DATES),
    ("get_timespents_range", "end_date", lambda bad: ("2026-01-02", bad), NOT_DATES),
]


@pytest.mark.parametrize("name, argument, make_args, bad", [
    pytest.param(name, argument, make_args, bad, id="%s-%s-%r" % (name, argument, bad))
    for name, argument, make_args, bads in BAD_VALUE_CALLS for bad in bads])
def test_bad_values_rejected_before_any_request(kitsu, name, argument, make_args, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % argument):
        getattr(gazu.user, name)(*make_args(bad))
    assert kitsu.sent == []


@pytest.mark.parametrize("name", ["new_filter", "new_filter_group"])
def test_bad_optional_project_rejected(kitsu, name):
    args = ("n", "q", "shot", "a/b") if name == "new_filter" else ("n", "a/b")
    with pytest.raises(InvalidArgumentException, match="^project:"):
        getattr(gazu.user, name)(*args)
    assert kitsu.sent == []


def test_every_function_is_covered():
    covered = {row[0] for row in LIST_READS + ONE_READS + WRITES + WHOLE_DICT_UPDATES}
    covered |= {"get_timespents_range", "is_authenticated", "log_desktop_session_log_in"}
    public = {name for name, value in vars(gazu.user).items()
              if callable(value) and not name.startswith("_") and getattr(value, "__module__", "") == "gazu.user"}
    assert public == covered
