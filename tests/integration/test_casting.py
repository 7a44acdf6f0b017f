"""gazu.casting against a real Kitsu: a breakdown built shot by shot and asset by asset, read back every way.

Episodes, sequences and shots are made with raw calls (gazu.client); assets
and asset types with gazu.asset.
"""

from __future__ import annotations

import pytest

import gazu
from tests.conftest import unique

pytestmark = pytest.mark.integration

NOT_EXERCISED: dict[str, str] = {}


def cast(casting: list[dict]) -> dict:
    """Map each asset id of a casting to its (nb_occurences, label)."""
    return {entry["asset_id"]: (entry["nb_occurences"], entry.get("label", "")) for entry in casting}


@pytest.fixture
def production(new_project):
    """A TV show with one episode, one sequence of two shots, a character, a set and a prop."""
    project_id = new_project["id"]
    episode = gazu.client.post("data/projects/%s/episodes" % project_id, {"name": unique("E")})
    sequence = gazu.client.post("data/projects/%s/sequences" % project_id,
                                {"name": unique("SQ"), "episode_id": episode["id"]})
    shots = [gazu.client.post("data/projects/%s/shots" % project_id, {"name": name, "sequence_id": sequence["id"]})
             for name in ("SH010", "SH020")]
    characters, props = gazu.asset.new_asset_type(unique("Character")), gazu.asset.new_asset_type(unique("Props"))
    return {
        "project": new_project, "episode": episode, "sequence": sequence, "shots": shots,
        "characters": characters, "props": props,
        "hero": gazu.asset.new_asset(new_project, characters, unique("Hero")),
        "kitchen": gazu.asset.new_asset(new_project, props, unique("Kitchen")),
        "cup": gazu.asset.new_asset(new_project, props, unique("Cup")),
    }


def test_shot_breakdown(production):
    project, sequence, episode = production["project"], production["sequence"], production["episode"]
    shot, other_shot = production["shots"]
    hero, cup = production["hero"]["id"], production["cup"]["id"]

    casting = gazu.casting.update_shot_casting(project, shot, [{"asset_id": hero, "nb_occurences": 2}])
    assert cast(casting) == {hero: (2, "")}
    assert cast(gazu.casting.get_shot_casting(shot)) == {hero: (2, "")}

    by_shot = gazu.casting.cast_asset(project, [shot, other_shot["id"]], cup, 3, "fixed")
    assert set(by_shot) == {shot["id"], other_shot["id"]}
    assert cast(gazu.casting.get_shot_casting(shot)) == {hero: (2, ""), cup: (3, "fixed")}
    gazu.casting.cast_asset(project, other_shot, hero)
    assert cast(gazu.casting.get_shot_casting(other_shot)) == {cup: (3, "fixed"), hero: (1, "")}

    expected = {shot["id"]: {hero: (2, ""), cup: (3, "fixed")}, other_shot["id"]: {cup: (3, "fixed"), hero: (1, "")}}
    for readings in (gazu.casting.get_sequence_casting(sequence),
                     gazu.casting.get_sequence_shots_casting(project, sequence),
                     gazu.casting.get_project_shots_casting(project),
                     gazu.casting.get_episode_shots_casting(project, episode)):
        assert {shot_id: cast(casting) for shot_id, casting in readings.items()} == expected

    cast_in = gazu.casting.get_asset_cast_in(cup)
    assert {entry["shot_id"] for entry in cast_in} == {shot["id"], other_shot["id"]}

    gazu.casting.uncast_asset(project, shot, cup)
    assert cast(gazu.casting.get_shot_casting(shot)) == {hero: (2, "")}
    assert [entry["shot_id"] for entry in gazu.casting.get_asset_cast_in(cup)] == [other_shot["id"]]


def test_episode_and_asset_breakdowns(production):
    project, episode = production["project"], production["episode"]
    hero, kitchen, cup = (production[name]["id"] for name in ("hero", "kitchen", "cup"))

    gazu.casting.update_episode_casting(project, episode, [{"asset_id": hero}, {"asset_id": kitchen}])  # once each
    assert cast(gazu.casting.get_episode_casting(episode)) == {hero: (1, ""), kitchen: (1, "")}
    assert {episode_id: cast(casting) for episode_id, casting in gazu.casting.get_episodes_casting(project).items()} \
        == {episode["id"]: {hero: (1, ""), kitchen: (1, "")}}

    gazu.casting.update_asset_casting(project, kitchen, [{"asset_id": cup, "nb_occurences": 6, "label": "set"}])
    assert cast(gazu.casting.get_asset_casting(production["kitchen"])) == {cup: (6, "set")}
    by_asset = gazu.casting.get_asset_type_casting(project, production["props"])
    assert cast(by_asset[kitchen]) == {cup: (6, "set")}

    gazu.casting.update_asset_casting(project, production["kitchen"], [])
    assert gazu.casting.get_asset_casting(production["kitchen"]) == []


def test_entity_links(production):
    project, episode, (shot, other_shot) = production["project"], production["episode"], production["shots"]
    hero, cup = production["hero"]["id"], production["cup"]["id"]
    gazu.casting.cast_asset(project, [shot, other_shot], hero)
    gazu.casting.cast_asset(project, shot, cup)

    links = gazu.casting.all_entity_links_for_project(project)
    pairs = sorted((link["entity_in_id"], link["entity_out_id"]) for link in links)
    # casting an asset in a shot also casts it, automatically, in the shot's episode
    assert pairs == sorted([(shot["id"], hero), (other_shot["id"], hero), (shot["id"], cup),
                            (episode["id"], hero), (episode["id"], cup)])
    first_page = gazu.casting.all_entity_links_for_project(project, page=1, limit=2)
    assert (len(first_page["data"]), first_page["total"]) == (2, 5)
    assert len(gazu.casting.all_entity_links_for_project(project, page=3, limit=2)["data"]) == 1

    link = next(link for link in links if (link["entity_in_id"], link["entity_out_id"]) == (shot["id"], cup))
    assert gazu.casting.delete_entity_link(link) == link  # the link given back, as upstream
    assert cast(gazu.casting.get_shot_casting(shot)) == {hero: (1, "")}
    assert link["id"] not in [other["id"] for other in gazu.casting.all_entity_links_for_project(project)]
