"""Studio members: persons and bots, departments, organisation, time sheets, day offs, avatars.

Every entity argument is a dict with an ``"id"`` or an id string. Dates are
``YYYY-MM-DD`` strings (a :class:`datetime.date` is accepted too); years,
months and weeks are numbers.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Literal, cast

from gazu import _api
from gazu.cache import cache
from gazu.client import KitsuClient, default_client
from gazu.exception import InvalidArgumentException

if TYPE_CHECKING:  # pragma: no cover
    from gazu.types import DayOff, Department, Organisation, Person, SuccessMessage, TimeSpent, TimeSpentRow

# Persons and bots ---------------------------------------------------------------


@cache
def all_persons(client: KitsuClient = default_client) -> list[Person]:
    """Return every person of the studio, sorted by name."""
    return _api.fetch_list("data/persons", client, sort=True)


@cache
def get_person(id: str, relations: bool = False, client: KitsuClient = default_client) -> Person | None:
    """Return the person with this id (with their relations when asked), or None."""
    return _api.fetch_first("data/persons", client, params=_api.query(
        id=_api.given_id(id, "id"), relations=_api.flag(True) if relations else None))


@cache
def get_person_by_desktop_login(desktop_login: str, client: KitsuClient = default_client) -> Person | None:
    """Return the person (not a bot) with this desktop login, or None."""
    return _api.fetch_first("data/persons", client, params={
        "desktop_login": _api.given(desktop_login, "desktop_login"), "is_bot": _api.flag(False)})


@cache
def get_person_by_email(email: str, is_bot: bool = False, client: KitsuClient = default_client) -> Person | None:
    """Return the person (or, with ``is_bot``, the bot) with this e-mail, or None."""
    return _api.fetch_first("data/persons", client, params={
        "email": _api.given(email, "email"), "is_bot": _api.flag(is_bot)})


@cache
def get_person_by_full_name(full_name: str, first_name: str | None = None, last_name: str | None = None,
                            client: KitsuClient = default_client) -> Person | None:
    """Return the person (not a bot) with this full name, or None.

    When both ``first_name`` and ``last_name`` are given, they are matched
    instead of ``full_name``, which tells apart names that contain spaces.
    """
    names = ({"first_name": first_name, "last_name": last_name} if first_name is not None and last_name is not None
             else {"full_name": _api.given(full_name, "full_name")})
    return _api.fetch_first("data/persons", client, params={**names, "is_bot": _api.flag(False)})


@cache
def get_person_url(person: str | Mapping, client: KitsuClient = default_client) -> str:
    """Return the address of the person's page in the Kitsu web application (no request)."""
    return _api.web_url(client, "people/%s/" % _api.to_id(person, "person"))


def new_person(first_name: str, last_name: str, email: str, phone: str = "", role: str = "user",
               desktop_login: str = "", departments: Collection[str | Mapping] | None = None,
               password: str | None = None,
               active: bool = True, contract_type: str = "open-ended",
               client: KitsuClient = default_client) -> Person:
    """Create a person, or return the one who already has this e-mail.

    ``role`` is one of user, supervisor, manager, admin, client, vendor.
    Without ``password`` the person cannot log in until invited.
    """
    body = {"first_name": first_name, "last_name": last_name, "email": _api.given(email, "email"), "phone": phone,
            "role": role, "desktop_login": desktop_login,
            "departments": _api.to_ids(departments, "departments", given=True),
            "password": password, "active": active, "contract_type": contract_type}
    return get_person_by_email(email, client=client) or _api.post("data/persons", client, body)


def update_person(person: Mapping, client: KitsuClient = default_client) -> Person:
    """Save a modified person dict."""
    return _api.update("data/persons/{person}", client, person, "person", ids=("departments",))


def remove_person(person: str | Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a person; with ``force``, also delete what they made."""
    return _api.delete("data/persons/{person}", client, force=force, person=person)


def new_bot(name: str, email: str, role: str = "user", departments: Collection[str | Mapping] | None = None,
            active: bool = True, expiration_date: str | None = None, client: KitsuClient = default_client) -> Person:
    """Create a bot (a person for scripts); the answer carries its ``access_token``."""
    return _api.post("data/persons", client, {
        "first_name": name, "last_name": "", "email": email, "role": role, "is_bot": True,
        "departments": _api.to_ids(departments, "departments"), "active": active,
        "expiration_date": expiration_date})


def update_bot(bot: Mapping, client: KitsuClient = default_client) -> Person:
    """Save a modified bot dict (a new expiration date yields a new ``access_token``)."""
    return _api.update("data/persons/{bot}", client, bot, "bot", ids=("departments",))


def remove_bot(bot: Mapping, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a bot."""
    return _api.delete("data/persons/{bot}", client, force=force, bot=bot)


def invite_person(person: str | Mapping, client: KitsuClient = default_client) -> SuccessMessage:
    """E-mail the person an invitation to set their password and log in."""
    return _api.fetch("actions/persons/{person}/invite", client, person=person)


def change_password_for_person(person: str | Mapping, password: str,
                               client: KitsuClient = default_client) -> dict[Literal['success'], bool]:
    """Set a person's password (an administrator's action)."""
    return _api.post("actions/persons/{person}/change-password", client,
                     {"password": password, "password_2": password}, person=person)


def disable_two_factor_authentication(person: str | Mapping, client: KitsuClient = default_client) -> str:
    """Turn off a person's two-factor authentication (an administrator's action)."""
    return _api.delete("actions/persons/{person}/disable-two-factor-authentication", client, person=person)


def set_avatar(person: str | Mapping, file_path: str, client: KitsuClient = default_client,
               progress_callback=None) -> dict[Literal['thumbnail_path'], str]:
    """Upload a picture as the person's avatar."""
    return _api.upload("pictures/thumbnails/persons/{person}", client, file_path, progress_callback=progress_callback,
                       person=person)


def clear_person_avatar(person: str | Mapping, client: KitsuClient = default_client) -> str:
    """Remove the person's avatar."""
    return _api.delete("actions/persons/{person}/clear-avatar", client, person=person)


def get_presence_log(year: int, month: int, client: KitsuClient = default_client) -> str:
    """Return the month's presence table as CSV text (one row per person, one column per day)."""
    route = "data/persons/presence-logs/%s-%s" % (_api.segment(year, "year"), _api.segment(month, "month", 2))
    return client.get(route, json_response=False)


# Organisation and departments ---------------------------------------------------


@cache
def all_organisations(client: KitsuClient = default_client) -> list[Organisation]:
    """Return every organisation, sorted by name."""
    return _api.fetch_list("data/organisations", client, sort=True)


@cache
def get_organisation(client: KitsuClient = default_client) -> Organisation:
    """Return the organisation the logged-in user belongs to."""
    return cast("Organisation", (_api.fetch("auth/authenticated", client) or {}).get("organisation"))


@cache
def all_departments(client: KitsuClient = default_client) -> list[Department]:
    """Return every department, sorted by name."""
    return _api.fetch_list("data/departments", client, sort=True)


@cache
def get_department(department_id: str, client: KitsuClient = default_client) -> Department:
    """Return the department with this id."""
    return _api.fetch("data/departments/{department_id}", client, department_id=department_id)


@cache
def get_department_by_name(name: str, client: KitsuClient = default_client) -> Department | None:
    """Return the department with this name (case ignored), or None."""
    return _api.fetch_first("data/departments", client, params={"name": _api.given(name, "name")})


def new_department(name: str, color: str = "", archived: bool = False,
                   client: KitsuClient = default_client) -> Department:
    """Create a department, or return the one with this name.

    ``color`` is a ``#rrggbb`` string.
    """
    existing = get_department_by_name(name, client=client)
    return existing or _api.post("data/departments", client, {"name": name, "color": color, "archived": archived})


def update_department(department, client=default_client) -> Department:
    """Save a modified department dict (an id alone sends just the id, as upstream)."""
    return _api.update("data/departments/{department}", client, _api.to_dict(department, "department"), "department")


def remove_department(department, force=False, client=default_client) -> str:
    """Delete a department."""
    return _api.delete("data/departments/{department}", client, force=force, department=department)


def add_person_to_department(person: str | Mapping, department: str | Mapping,
                             client: KitsuClient = default_client) -> Person:
    """Add a person to a department; return the person."""
    return _api.post("actions/persons/{person}/departments/add", client,
                     {"department_id": _api.to_id(department, "department")}, person=person)


def remove_person_from_department(person: str | Mapping, department: str | Mapping,
                                  client: KitsuClient = default_client) -> str:
    """Take a person out of a department."""
    return _api.delete("actions/persons/{person}/departments/{department}", client, person=person,
                       department=department)


# Time sheets ----------------------------------------------------------------------


@cache
def get_time_spents_by_date(person: str | Mapping, date: str, client: KitsuClient = default_client) -> list[TimeSpent]:
    """Return the time the person logged on a day, one entry per task."""
    return _api.fetch_list("data/persons/{person}/time-spents/" + _api.date(date, "date"), client, person=person)


@cache
def get_time_spents_range(person_id: str, start_date: str, end_date: str,
                          client: KitsuClient = default_client) -> list[TimeSpent]:
    """Return the time the person logged from ``start_date`` to ``end_date`` included."""
    return _api.fetch_list("data/persons/{person_id}/time-spents", client, person_id=person_id, params={
        "start_date": _api.date(start_date, "start_date"), "end_date": _api.date(end_date, "end_date")})


@cache
def get_week_time_spents(person: str | Mapping, year: int, week: int,
                         client: KitsuClient = default_client) -> list[TimeSpentRow]:
    """Return the time the person logged in an ISO week, summed per task."""
    return _api.fetch_list("data/persons/{person}/time-spents/week/%s/%s" % (
        _api.segment(year, "year"), _api.segment(week, "week")), client, person=person)


@cache
def get_year_time_spents(person: str | Mapping, year: int, client: KitsuClient = default_client) -> list[TimeSpentRow]:
    """Return the time the person logged in a year, summed per task."""
    return _api.fetch_list("data/persons/{person}/time-spents/year/%s" % _api.segment(year, "year"), client,
                           person=person)


def get_all_month_time_spents(id: str, date: datetime.date, client: KitsuClient = default_client) -> list[TimeSpent]:
    """Return every time entry the person logged in the month of ``date``."""
    try:
        month = date if isinstance(date, datetime.date) else datetime.date.fromisoformat(date[:10])
    except (TypeError, ValueError):
        raise InvalidArgumentException("date: expected a datetime.date (or a YYYY-MM-DD string), got %r"
                                       % (date,)) from None
    return _api.fetch_list("data/persons/{id}/time-spents/month/all/" + month.strftime("%Y/%m"), client, id=id)


# Day offs ---------------------------------------------------------------------------


@cache
def get_day_off(day_off_id: str, client: KitsuClient = default_client) -> DayOff:
    """Return the day off with this id."""
    return _api.fetch("data/day-offs/{day_off_id}", client, day_off_id=day_off_id)


@cache
def get_day_offs(person: str | Mapping, client: KitsuClient = default_client) -> list[DayOff]:
    """Return every day off of the person."""
    return _api.fetch_list("data/persons/{person}/day-offs", client, person=person)


@cache
def get_week_day_offs(person: str | Mapping, year: int, week: int,
                      client: KitsuClient = default_client) -> list[DayOff]:
    """Return the person's day offs overlapping an ISO week."""
    return _api.fetch_list("data/persons/{person}/day-offs/week/%s/%s" % (
        _api.segment(year, "year"), _api.segment(week, "week")), client, person=person)


@cache
def get_month_day_offs(person: str | Mapping, year: int, month: int,
                       client: KitsuClient = default_client) -> list[DayOff]:
    """Return the person's day offs overlapping a month."""
    return _api.fetch_list("data/persons/{person}/day-offs/month/%s/%s" % (
        _api.segment(year, "year"), _api.segment(month, "month", 2)), client, person=person)


@cache
def get_year_day_offs(person: str | Mapping, year: int, client: KitsuClient = default_client) -> list[DayOff]:
    """Return the person's day offs overlapping a year."""
    return _api.fetch_list("data/persons/{person}/day-offs/year/%s" % _api.segment(year, "year"), client, person=person)


def new_day_off(person: str | Mapping, date: str, end_date: str, description: str | None = None,
                client: KitsuClient = default_client) -> DayOff:
    """Book days off for a person, from ``date`` to ``end_date`` included.

    The server drops the time the person had logged on those days.
    """
    return _api.post("data/day-offs", client, {
        "person_id": _api.to_id(person, "person"), "date": date, "end_date": end_date,
        **_api.query(description=description)})


def update_day_off(day_off: Mapping, client: KitsuClient = default_client) -> DayOff:
    """Save a modified day off dict."""
    return _api.update("data/day-offs/{day_off}", client, day_off, "day_off")


def remove_day_off(day_off: str | Mapping, client: KitsuClient = default_client) -> str:
    """Delete a day off."""
    return _api.delete("data/day-offs/{day_off}", client, day_off=day_off)
