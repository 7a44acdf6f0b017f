import datetime

import pytest

import gazu
from gazu.exception import InvalidArgumentException
from tests.unit.conftest import bad_entities, body_bytes, new_id

person = gazu.person
PERSON, DEPARTMENT, DAY_OFF, BOT = new_id(), new_id(), new_id(), new_id()
UNSORTED = [{"name": "b"}, {"name": "A"}]

# function, args, route, query, answer, expected return
READERS = [
    (person.all_persons, (), "data/persons", {}, UNSORTED, UNSORTED[::-1]),
    (person.all_departments, (), "data/departments", {}, UNSORTED, UNSORTED[::-1]),
    (person.all_organisations, (), "data/organisations", {}, UNSORTED, UNSORTED[::-1]),
    (person.get_organisation, (), "auth/authenticated", {}, {"organisation": {"name": "O"}}, {"name": "O"}),
    (person.get_person, (PERSON,), "data/persons", {"id": PERSON}, [{"id": PERSON}], {"id": PERSON}),
    (person.get_person, (PERSON, True), "data/persons", {"id": PERSON, "relations": "True"}, [], None),
    (person.get_person_by_desktop_login, ("jdoe",), "data/persons", {"desktop_login": "jdoe", "is_bot": "False"},
     [{"id": PERSON}], {"id": PERSON}),
    (person.get_person_by_email, ("j@example.com",), "data/persons", {"email": "j@example.com", "is_bot": "False"},
     [{"id": PERSON}], {"id": PERSON}),
    (person.get_person_by_email, ("b@example.com", True), "data/persons", {"email": "b@example.com", "is_bot": "True"},
     [], None),
    (person.get_person_by_full_name, ("John Doe",), "data/persons", {"full_name": "John Doe", "is_bot": "False"},
     [{"id": PERSON}], {"id": PERSON}),
    (person.get_person_by_full_name, ("", "Jean Luc", "Doe"), "data/persons",
     {"first_name": "Jean Luc", "last_name": "Doe", "is_bot": "False"}, [], None),
    (person.get_department, (DEPARTMENT,), "data/departments/" + DEPARTMENT, {}, {"id": DEPARTMENT}, {"id": DEPARTMENT}),
    (person.get_department_by_name, ("Anim",), "data/departments", {"name": "Anim"}, [{"name": "Anim"}], {"name": "Anim"}),
    (person.get_day_off, (DAY_OFF,), "data/day-offs/" + DAY_OFF, {}, {"id": DAY_OFF}, {"id": DAY_OFF}),
    (person.get_day_offs, ({"id": PERSON},), "data/persons/%s/day-offs" % PERSON, {}, UNSORTED, UNSORTED),
    (person.get_week_day_offs, (PERSON, 2026, 3), "data/persons/%s/day-offs/week/2026/3" % PERSON, {}, [], []),
    (person.get_month_day_offs, (PERSON, 2026, 3), "data/persons/%s/day-offs/month/2026/03" % PERSON, {}, [], []),
    (person.get_month_day_offs, (PERSON, "2026", "11"), "data/persons/%s/day-offs/month/2026/11" % PERSON, {}, [], []),
    (person.get_year_day_offs, (PERSON, 2026), "data/persons/%s/day-offs/year/2026" % PERSON, {}, [], []),
    (person.get_time_spents_by_date, (PERSON, "2026-01-02"), "data/persons/%s/time-spents/2026-01-02" % PERSON, {},
     UNSORTED, UNSORTED),
    (person.get_time_spents_by_date, (PERSON, datetime.date(2026, 1, 2)),
     "data/persons/%s/time-spents/2026-01-02" % PERSON, {}, [], []),
    (person.get_time_spents_range, (PERSON, "2026-01-01", "2026-01-31"), "data/persons/%s/time-spents" % PERSON,
     {"start_date": "2026-01-01", "end_date": "2026-01-31"}, UNSORTED, UNSORTED),
    (person.get_week_time_spents, (PERSON, 2026, 3), "data/persons/%s/time-spents/week/2026/3" % PERSON, {}, [], []),
    (person.get_year_time_spents, (PERSON, 2026), "data/persons/%s/time-spents/year/2026" % PERSON, {}, [], []),
    (person.get_all_month_time_spents, (PERSON, datetime.date(2026, 3, 14)),
     "data/persons/%s/time-spents/month/all/2026/03" % PERSON, {}, UNSORTED, UNSORTED),
    (person.get_all_month_time_spents, (PERSON, "2026-12-01"),
     "data/persons/%s/time-spents/month/all/2026/12" % PERSON, {}, [], []),
    (person.invite_person, (PERSON,), "actions/persons/%s/invite" % PERSON, {}, {"success": True},
     {"success": True}),
]


@pytest.mark.parametrize("function, args, route, query, answer, expected", READERS,
                         ids=[row[0].__name__ for row in READERS])
def test_readers_send_one_request_when_cached(kitsu, function, args, route, query, answer, expected):
    kitsu.on("GET", route, json=answer)
    gazu.cache.enable()
    assert function(*args) == function(*args) == expected
    assert kitsu.sent == [("GET", route, query, None)] * (1 if hasattr(function, "clear_cache") else 2)


def test_uncached_readers():
    for function in (person.get_all_month_time_spents, person.invite_person, person.get_presence_log):
        assert not hasattr(function, "clear_cache")


def test_get_presence_log_returns_csv_text(kitsu):
    kitsu.on("GET", "data/persons/presence-logs/2026-03", body="person,1,2\nJohn,x,\n")
    assert person.get_presence_log(2026, 3) == "person,1,2\nJohn,x,\n"
    assert kitsu.sent == [("GET", "data/persons/presence-logs/2026-03", {}, None)]


def test_get_person_url_sends_nothing(kitsu):
    assert person.get_person_url({"id": PERSON}) == "http://kitsu.test/people/%s/" % PERSON
    assert kitsu.sent == []


# function, args, method, route, body sent, answer
WRITERS = [
    (person.update_person, ({"id": PERSON, "phone": "1"},), "PUT", "data/persons/" + PERSON,
     {"id": PERSON, "phone": "1"}, {"id": PERSON}),
    (person.update_bot, ({"id": BOT, "active": False},), "PUT", "data/persons/" + BOT,
     {"id": BOT, "active": False}, {"id": BOT}),
    (person.update_department, ({"id": DEPARTMENT, "color": "#ff0000"},), "PUT", "data/departments/" + DEPARTMENT,
     {"id": DEPARTMENT, "color": "#ff0000"}, {"id": DEPARTMENT}),
    (person.update_day_off, ({"id": DAY_OFF, "description": "x"},), "PUT", "data/day-offs/" + DAY_OFF,
     {"id": DAY_OFF, "description": "x"}, {"id": DAY_OFF}),
    (person.add_person_to_department, (PERSON, {"id": DEPARTMENT}), "POST",
     "actions/persons/%s/departments/add" % PERSON, {"department_id": DEPARTMENT}, {"id": PERSON}),
    (person.change_password_for_person, (PERSON, "s3cret-pass"), "POST", "actions/persons/%s/change-password" % PERSON,
     {"password": "s3cret-pass", "password_2": "s3cret-pass"}, {"success": True}),
    (person.new_bot, ("Robot", "robot@example.com"), "POST", "data/persons",
     {"first_name": "Robot", "last_name": "", "email": "robot@example.com", "role": "user", "is_bot": True,
      "departments": [], "active": True, "expiration_date": None}, {"id": BOT, "access_token": "t"}),
    (person.new_bot, ("Robot", "robot@example.com", "manager", [DEPARTMENT], False, "2030-01-01"), "POST",
     "data/persons", {"first_name": "Robot", "last_name": "", "email": "robot@example.com", "role": "manager",
                      "is_bot": True, "departments": [DEPARTMENT], "active": False,
                      "expiration_date": "2030-01-01"}, {"id": BOT}),
    (person.new_day_off, (PERSON, "2026-01-01", "2026-01-03"), "POST", "data/day-offs",
     {"person_id": PERSON, "date": "2026-01-01", "end_date": "2026-01-03"}, {"id": DAY_OFF}),
    (person.new_day_off, ({"id": PERSON}, "2026-01-01", "2026-01-01", "Dentist"), "POST", "data/day-offs",
     {"person_id": PERSON, "date": "2026-01-01", "end_date": "2026-01-01", "description": "Dentist"},
     {"id": DAY_OFF}),
    # dates are sent as given (a datetime.date as YYYY-MM-DD), as upstream: the server judges them
    (person.new_day_off, (PERSON, datetime.date(2026, 1, 1), "tomorrow"), "POST", "data/day-offs",
     {"person_id": PERSON, "date": "2026-01-01", "end_date": "tomorrow"}, {"id": DAY_OFF}),
]


@pytest.mark.parametrize("function, args, method, route, body, answer", WRITERS,
                         ids=[row[0].__name__ for row in WRITERS])
def test_writers(kitsu, function, args, method, route, body, answer):
    kitsu.on(method, route, json=answer)
    assert function(*args) == answer
    assert kitsu.sent == [(method, route, {}, body)]


@pytest.mark.parametrize("function", [person.update_person, person.update_bot])
def test_saved_persons_carry_their_departments_as_ids(kitsu, function):
    # As upstream: each department a dict or an id of UUID shape, saved as ids; the dict given is left as it is.
    given = {"id": "person-01", "departments": [{"id": "department-01"}, DEPARTMENT]}
    kitsu.on("PUT", "data/persons/person-01", json={"id": "person-01"})
    function(given)
    assert kitsu.sent == [("PUT", "data/persons/person-01", {}, {"id": "person-01",
                                                                  "departments": ["department-01", DEPARTMENT]})]
    assert given["departments"][0] == {"id": "department-01"}
    with pytest.raises(InvalidArgumentException, match="^departments: "):
        function({"id": "person-01", "departments": ["department-01"]})
    assert len(kitsu.sent) == 1


# function, args, route, query
DELETERS = [
    (person.remove_person, (PERSON,), "data/persons/" + PERSON, {}),
    (person.remove_person, ({"id": PERSON}, True), "data/persons/" + PERSON, {"force": "True"}),
    (person.remove_bot, ({"id": BOT},), "data/persons/" + BOT, {}),
    (person.remove_bot, ({"id": BOT}, True), "data/persons/" + BOT, {"force": "True"}),
    (person.remove_department, (DEPARTMENT,), "data/departments/" + DEPARTMENT, {}),
    (person.remove_department, (DEPARTMENT, True), "data/departments/" + DEPARTMENT, {"force": "True"}),
    (person.remove_day_off, ({"id": DAY_OFF},), "data/day-offs/" + DAY_OFF, {}),
    (person.remove_person_from_department, (PERSON, DEPARTMENT),
     "actions/persons/%s/departments/%s" % (PERSON, DEPARTMENT), {}),
    (person.clear_person_avatar, (PERSON,), "actions/persons/%s/clear-avatar" % PERSON, {}),
    (person.disable_two_factor_authentication, (PERSON,),
     "actions/persons/%s/disable-two-factor-authentication" % PERSON, {}),
]


@pytest.mark.parametrize("function, args, route, query", DELETERS, ids=[row[0].__name__ for row in DELETERS])
def test_deleters(kitsu, function, args, route, query):
    kitsu.on("DELETE", route, body="")
    assert function(*args) == ""
    assert kitsu.sent == [("DELETE", route, query, None)]


def test_new_person_creates_when_email_unknown(kitsu):
    kitsu.on("GET", "data/persons", json=[])
    kitsu.on("POST", "data/persons", json={"id": PERSON})
    created = person.new_person("John", "Doe", "john@example.com", desktop_login="jdoe",
                                departments=[{"id": DEPARTMENT}], password="s3cret-pass")
    assert created == {"id": PERSON}
    assert kitsu.sent == [
        ("GET", "data/persons", {"email": "john@example.com", "is_bot": "False"}, None),
        ("POST", "data/persons", {}, {
            "first_name": "John", "last_name": "Doe", "email": "john@example.com", "phone": "", "role": "user",
            "desktop_login": "jdoe", "departments": [DEPARTMENT], "active": True, "contract_type": "open-ended",
            "password": "s3cret-pass"}),
    ]


def test_new_person_sends_its_values_as_given(kitsu):
    kitsu.on("GET", "data/persons", json=[])
    kitsu.on("POST", "data/persons", json={"id": PERSON})
    person.new_person("", "", "")
    assert kitsu.sent == [
        ("GET", "data/persons", {"email": "", "is_bot": "False"}, None),
        ("POST", "data/persons", {}, {
            "first_name": "", "last_name": "", "email": "", "phone": "", "role": "user", "desktop_login": "",
            "departments": [], "password": None, "active": True, "contract_type": "open-ended"})]


@pytest.mark.parametrize("call, route, query", [
    (lambda: person.get_person_by_email(""), "data/persons", {"email": "", "is_bot": "False"}),
    (lambda: person.get_person_by_desktop_login(""), "data/persons", {"desktop_login": "", "is_bot": "False"}),
    (lambda: person.get_person_by_full_name("John Doe", "", ""), "data/persons",
     {"first_name": "", "last_name": "", "is_bot": "False"}),
    (lambda: person.get_department_by_name(""), "data/departments", {"name": ""}),
])
def test_lookups_send_an_empty_value_as_upstream(kitsu, call, route, query):
    kitsu.on("GET", route, json=[])
    assert call() is None
    assert kitsu.sent == [("GET", route, query, None)]


@pytest.mark.parametrize("call, path", [
    (lambda: person.get_presence_log("2026", "march"), "data/persons/presence-logs/2026-march"),
    (lambda: person.get_presence_log(2026, 3), "data/persons/presence-logs/2026-03"),
    (lambda: person.get_week_day_offs(PERSON, 2026, 1.5), "data/persons/%s/day-offs/week/2026/1.5" % PERSON),
    (lambda: person.get_month_day_offs(PERSON, "2026", "3"), "data/persons/%s/day-offs/month/2026/03" % PERSON),
])
def test_years_months_and_weeks_go_in_the_route_as_upstream_writes_them(kitsu, call, path):
    kitsu.on("GET", path, json=[])
    call()
    assert kitsu.sent == [("GET", path, {}, None)]


def test_bot_and_password_values_are_sent_as_given(kitsu):
    kitsu.on("POST", "data/persons", json={"id": BOT})
    kitsu.on("POST", "actions/persons/%s/change-password" % PERSON, json={"success": True})
    person.new_bot("", "", expiration_date=datetime.datetime(2030, 1, 2, 3, 4))
    person.change_password_for_person(PERSON, "")
    assert [request[3] for request in kitsu.sent] == [
        {"first_name": "", "last_name": "", "email": "", "role": "user", "is_bot": True, "departments": [],
         "active": True, "expiration_date": "2030-01-02T03:04:00"},
        {"password": "", "password_2": ""}]


def test_update_department_of_an_id_sends_the_id(kitsu):
    kitsu.on("PUT", "data/departments/" + DEPARTMENT, json={"id": DEPARTMENT})
    person.update_department(DEPARTMENT)
    assert kitsu.sent == [("PUT", "data/departments/" + DEPARTMENT, {}, {"id": DEPARTMENT})]


def test_new_person_returns_existing_one(kitsu):
    kitsu.on("GET", "data/persons", json=[{"id": PERSON}])
    assert person.new_person("John", "Doe", "john@example.com") == {"id": PERSON}
    assert [request[0] for request in kitsu.sent] == ["GET"]


def test_new_department_creates_when_name_unknown(kitsu):
    kitsu.on("GET", "data/departments", json=[])
    kitsu.on("POST", "data/departments", json={"id": DEPARTMENT})
    assert person.new_department("Animation", "#00ff00") == {"id": DEPARTMENT}
    assert kitsu.sent == [
        ("GET", "data/departments", {"name": "Animation"}, None),
        ("POST", "data/departments", {}, {"name": "Animation", "color": "#00ff00", "archived": False}),
    ]


def test_new_department_returns_existing_one(kitsu):
    kitsu.on("GET", "data/departments", json=[{"id": DEPARTMENT}])
    assert person.new_department("Animation") == {"id": DEPARTMENT}
    assert len(kitsu.sent) == 1


def test_set_avatar_uploads_the_file(kitsu, tmp_path):
    picture = tmp_path / "me.png"
    picture.write_bytes(b"\x89PNG fake")
    kitsu.on("POST", "pictures/thumbnails/persons/" + PERSON, json={"thumbnail_path": "/x.png"})
    progress = []
    answer = person.set_avatar({"id": PERSON}, str(picture), progress_callback=lambda *a: progress.append(a))
    assert answer == {"thumbnail_path": "/x.png"}
    request = kitsu.mock.calls[0].request
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    body = body_bytes(request)
    assert b'name="file"; filename="me.png"' in body and b"\x89PNG fake" in body
    assert progress


# function, call with the bad value, argument named in the error
BAD_CALLS = [
    (lambda bad: person.get_person(bad), "id"),
    (lambda bad: person.get_person_url(bad), "person"),
    (lambda bad: person.update_person(bad), "person"),
    (lambda bad: person.remove_person(bad), "person"),
    (lambda bad: person.update_bot(bad), "bot"),
    (lambda bad: person.remove_bot(bad), "bot"),
    (lambda bad: person.invite_person(bad), "person"),
    (lambda bad: person.change_password_for_person(bad, "s3cret-pass"), "person"),
    (lambda bad: person.disable_two_factor_authentication(bad), "person"),
    (lambda bad: person.set_avatar(bad, __file__), "person"),
    (lambda bad: person.clear_person_avatar(bad), "person"),
    (lambda bad: person.get_department(bad), "department_id"),
    (lambda bad: person.update_department(bad), "department"),
    (lambda bad: person.remove_department(bad), "department"),
    (lambda bad: person.add_person_to_department(bad, DEPARTMENT), "person"),
    (lambda bad: person.add_person_to_department(PERSON, bad), "department"),
    (lambda bad: person.remove_person_from_department(bad, DEPARTMENT), "person"),
    (lambda bad: person.remove_person_from_department(PERSON, bad), "department"),
    (lambda bad: person.get_time_spents_by_date(bad, "2026-01-01"), "person"),
    (lambda bad: person.get_time_spents_range(bad, "2026-01-01", "2026-01-02"), "person_id"),
    (lambda bad: person.get_week_time_spents(bad, 2026, 1), "person"),
    (lambda bad: person.get_year_time_spents(bad, 2026), "person"),
    (lambda bad: person.get_all_month_time_spents(bad, datetime.date(2026, 1, 1)), "id"),
    (lambda bad: person.get_day_off(bad), "day_off_id"),
    (lambda bad: person.get_day_offs(bad), "person"),
    (lambda bad: person.get_week_day_offs(bad, 2026, 1), "person"),
    (lambda bad: person.get_month_day_offs(bad, 2026, 1), "person"),
    (lambda bad: person.get_year_day_offs(bad, 2026), "person"),
    (lambda bad: person.new_day_off(bad, "2026-01-01", "2026-01-02"), "person"),
    (lambda bad: person.update_day_off(bad), "day_off"),
    (lambda bad: person.remove_day_off(bad), "day_off"),
]


@pytest.mark.parametrize("call, name, bad", [(call, name, bad) for call, name in BAD_CALLS
                                             for bad in bad_entities(name)])
def test_bad_entities_rejected_before_any_request(kitsu, call, name, bad):
    with pytest.raises(InvalidArgumentException, match="^%s:" % name):
        call(bad)
    assert kitsu.sent == []


# call, argument named in the error
BAD_VALUES = [
    (lambda: person.get_person_by_email(None), "email"),
    (lambda: person.get_person_by_full_name(None), "full_name"),
    (lambda: person.new_person("John", "Doe", None), "email"),
    (lambda: person.new_person("John", "Doe", "j@example.com", departments=["a/b"]), "departments"),
    (lambda: person.get_presence_log(None, 3), "year"),
    (lambda: person.get_week_day_offs(PERSON, 2026, "1/2"), "week"),
    (lambda: person.get_time_spents_by_date(PERSON, "01/02/2026"), "date"),
    (lambda: person.get_time_spents_range(PERSON, "2026-01-01", None), "end_date"),
    (lambda: person.get_all_month_time_spents(PERSON, "March"), "date"),
]


@pytest.mark.parametrize("call, name", BAD_VALUES)
def test_bad_values_rejected_before_any_request(kitsu, call, name):
    with pytest.raises(InvalidArgumentException, match="^%s:" % name):
        call()
    assert kitsu.sent == []
