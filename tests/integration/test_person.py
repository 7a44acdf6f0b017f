"""gazu.person against the sandbox Kitsu: a studio's departments, members and bots, their
passwords and avatars, the time they log and the days they take off.

Everything the tests need besides gazu.person (a shot task to log time on) is made with raw
calls (gazu.client).
"""

import base64
import datetime

import pytest

import gazu
from gazu.exception import ParameterException
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED = {}

person_module = gazu.person
PNG_16PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mM4Y2xMEmIY1TCqYfhqAABHizIQlCQN8AAAAABJRU5ErkJggg==")


def a_person(**fields):
    """Create a uniquely named person with gazu.person.new_person."""
    name = unique("member")
    return person_module.new_person("Alex", name, name + "@example.com", **fields)


def test_departments_and_their_members(admin_client):
    name = unique("dept")
    department = person_module.new_department(name, "#112233")
    assert person_module.new_department(name, "#ffffff")["id"] == department["id"]
    assert person_module.get_department(department["id"])["color"] == "#112233"
    assert person_module.get_department_by_name(name.upper())["id"] == department["id"]
    assert department["id"] in [d["id"] for d in person_module.all_departments()]
    person_module.update_department({**department, "color": "#445566"})
    assert person_module.get_department(department["id"])["color"] == "#445566"

    member = a_person()
    assert department["id"] in person_module.add_person_to_department(member, department)["departments"]
    assert person_module.get_person(member["id"], relations=True)["departments"] == [department["id"]]
    person_module.remove_person_from_department(member["id"], department["id"])
    assert person_module.get_person(member["id"], relations=True)["departments"] == []

    person_module.remove_department(department)
    assert person_module.get_department_by_name(name) is None
    person_module.remove_person(member)


def test_a_person_is_found_updated_and_removed(admin_client):
    last_name, login = unique("Doe"), unique("login")
    email = last_name.lower() + "@example.com"
    person = person_module.new_person("John", last_name, email, phone="0102", role="supervisor", desktop_login=login,
                                      contract_type="freelance")
    assert person_module.new_person("Someone", "Else", email)["id"] == person["id"]
    stored = person_module.get_person(person["id"])
    assert (stored["role"], stored["contract_type"], stored["phone"]) == ("supervisor", "freelance", "0102")
    assert person_module.get_person_by_email(email)["id"] == person["id"]
    assert person_module.get_person_by_email(email, is_bot=True) is None
    assert person_module.get_person_by_desktop_login(login)["id"] == person["id"]
    assert person_module.get_person_by_full_name("John " + last_name)["id"] == person["id"]
    assert person_module.get_person_by_full_name("", "John", last_name)["id"] == person["id"]
    assert person["id"] in [p["id"] for p in person_module.all_persons()]
    assert person_module.get_person_url(person) == "%s/people/%s/" % (
        gazu.client.get_api_url_from_host(), person["id"])

    person_module.update_person({"id": person["id"], "phone": "0607"})
    assert person_module.get_person(person["id"])["phone"] == "0607"
    person_module.remove_person(person)
    assert person_module.get_person(person["id"]) is None


def test_an_administrator_sets_a_password_the_person_logs_in_with(admin_client):
    person = a_person(password="first-password-1")
    assert person_module.change_password_for_person(person, "second-password-2") == {"success": True}
    own_client = gazu.client.create_client(gazu.client.get_host())
    assert gazu.log_in(person["email"], "second-password-2", client=own_client)["user"]["id"] == person["id"]
    with pytest.raises(ParameterException, match="not enabled"):
        person_module.disable_two_factor_authentication(person)
    with pytest.raises(ParameterException, match="still linked"):  # the log-in is on record
        person_module.remove_person(person)
    person_module.remove_person(person, force=True)
    assert person_module.get_person(person["id"]) is None


def test_an_invitation_is_mailed(admin_client):
    person = a_person()
    assert person_module.invite_person(person)["success"] is True
    person_module.remove_person(person)


def test_bots_carry_an_access_token(admin_client):
    name = unique("bot")
    expiration = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    bot = person_module.new_bot(name, name + "@example.com", role="manager", expiration_date=expiration)
    assert bot["is_bot"] is True and bot["access_token"]
    assert person_module.get_person_by_email(name + "@example.com", is_bot=True)["id"] == bot["id"]
    renamed = person_module.update_bot({**person_module.get_person(bot["id"]), "first_name": name + "-renamed"})
    assert renamed["first_name"] == name + "-renamed"
    assert person_module.get_person(bot["id"])["first_name"] == name + "-renamed"
    person_module.remove_bot(bot)
    assert person_module.get_person(bot["id"]) is None


def test_avatar_is_set_and_cleared(admin_client, tmp_path):
    person, picture = a_person(), tmp_path / "face.png"
    picture.write_bytes(PNG_16PX)
    assert "thumbnail_path" in person_module.set_avatar(person, str(picture))
    assert person_module.get_person(person["id"])["has_avatar"] is True
    gazu.client.download("pictures/thumbnails/persons/%s.png" % person["id"], str(tmp_path / "back.png"))
    assert (tmp_path / "back.png").read_bytes()[:8] == PNG_16PX[:8]
    person_module.clear_person_avatar(person)
    assert person_module.get_person(person["id"])["has_avatar"] is False
    person_module.remove_person(person)


def test_organisation(admin_client):
    organisation = person_module.get_organisation()
    assert organisation["id"] in [o["id"] for o in person_module.all_organisations()]


def test_time_sheets_of_a_person(new_project):
    post = gazu.client.post
    task_type = post("data/task-types", {"name": unique("anim"), "for_entity": "Shot"})
    sequence = post("data/projects/%s/sequences" % new_project["id"], {"name": unique("sq")})
    shot = post("data/projects/%s/shots" % new_project["id"], {"name": unique("sh"), "sequence_id": sequence["id"]})
    task = post("actions/projects/%s/task-types/%s/shots/create-tasks" % (new_project["id"], task_type["id"]),
                [shot["id"]])[0]
    person = a_person()
    gazu.client.put("actions/persons/%s/assign" % person["id"], {"task_ids": [task["id"]]})
    post("actions/tasks/%s/time-spents/2024-03-12/persons/%s" % (task["id"], person["id"]), {"duration": 5400})

    [logged] = person_module.get_time_spents_by_date(person, "2024-03-12")
    assert (logged["task_id"], logged["duration"]) == (task["id"], 5400)
    assert [t["id"] for t in person_module.get_time_spents_range(person["id"], "2024-03-01", "2024-03-31")] == [
        logged["id"]]
    assert person_module.get_time_spents_range(person["id"], "2024-04-01", "2024-04-30") == []
    assert [t["id"] for t in person_module.get_all_month_time_spents(person["id"], datetime.date(2024, 3, 1))] == [
        logged["id"]]
    week = datetime.date(2024, 3, 12).isocalendar()[1]
    for summed in (person_module.get_week_time_spents(person, 2024, week),
                   person_module.get_year_time_spents(person, 2024)):
        assert [(t["task_id"], t["duration"]) for t in summed] == [(task["id"], 5400)]
    assert person_module.get_year_time_spents(person, 2023) == []
    presence = person_module.get_presence_log(2024, 3)
    assert isinstance(presence, str) and person["last_name"] in presence
    person_module.remove_person(person, force=True)


def test_day_offs_of_a_person(admin_client):
    person = a_person()
    day_off = person_module.new_day_off(person, "2031-02-03", "2031-02-05", description="Holidays")
    assert (day_off["date"], day_off["end_date"], day_off["person_id"]) == ("2031-02-03", "2031-02-05", person["id"])
    assert person_module.get_day_off(day_off["id"])["description"] == "Holidays"
    assert [d["id"] for d in person_module.get_day_offs(person)] == [day_off["id"]]
    week = datetime.date(2031, 2, 3).isocalendar()[1]
    for found in (person_module.get_week_day_offs(person, 2031, week), person_module.get_month_day_offs(person, 2031, 2),
                  person_module.get_year_day_offs(person["id"], 2031)):
        assert [d["id"] for d in found] == [day_off["id"]]
    assert person_module.get_month_day_offs(person, 2031, 3) == []
    person_module.update_day_off({**day_off, "description": "Ski"})
    assert person_module.get_day_off(day_off["id"])["description"] == "Ski"
    person_module.remove_day_off(day_off)
    assert person_module.get_day_offs(person) == []
    person_module.remove_person(person)
