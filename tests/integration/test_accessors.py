"""Two clients side by side on the real server, through their domain accessors."""

import pytest

import gazu
from tests.conftest import unique

pytestmark = pytest.mark.integration


def test_two_clients_each_with_their_own_session(kitsu_sandbox, admin_client):
    first, second = gazu.KitsuClient(kitsu_sandbox.host), gazu.KitsuClient(kitsu_sandbox.host)
    for client in (first, second):
        gazu.log_in(kitsu_sandbox.admin_email, kitsu_sandbox.admin_password, client=client)
    name = unique("accessors")
    project = first.project.new_project(name, "featurefilm")
    assert second.project.get_project_by_name(name)["id"] == project["id"]
    sequence = first.shot.new_sequence(project, "SQ01")
    second.shot.new_shot(project, sequence, "SH010", nb_frames=24)
    assert [shot["name"] for shot in first.shot.all_shots_for_project(project)] == ["SH010"]
    assert first.me()["email"] == kitsu_sandbox.admin_email
    assert first.server_status()["database-up"] is True
    assert 0 < second.ping() < 5
    gazu.log_out(client=second)
    with pytest.raises(gazu.exception.NotAuthenticatedException):
        second.project.all_projects()
    assert first.project.get_project(project["id"])["name"] == name
