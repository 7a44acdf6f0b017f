"""Copy new shots from a staging Kitsu to production, one client per server.

Each KitsuClient carries its own host, tokens and retry policy; its domain
accessors (``staging.shot``, ``production.project``, …) are the module
functions bound to it, so no call needs ``client=``.
"""

from __future__ import annotations

import os

import gazu


def copy_new_shots(staging: gazu.KitsuClient, production: gazu.KitsuClient, project_name: str) -> list[str]:
    """Create on production the shots of ``project_name`` that only staging has; return their names."""
    source = staging.project.get_project_by_name(project_name)
    target = production.project.get_project_by_name(project_name)
    if source is None or target is None:
        raise SystemExit("%s must exist on both servers" % project_name)
    existing = {shot["name"] for shot in production.shot.all_shots_for_project(target)}
    created: list[str] = []
    for sequence in staging.shot.all_sequences_for_project(source):
        target_sequence = production.shot.new_sequence(target, sequence["name"])
        for shot in staging.shot.all_shots_for_sequence(sequence):
            if shot["name"] not in existing:
                production.shot.new_shot(target, target_sequence, shot["name"], nb_frames=shot.get("nb_frames"))
                created.append(shot["name"])
    return created


def main() -> None:
    staging = gazu.KitsuClient(os.environ["STAGING_HOST"], retries=5)
    production = gazu.KitsuClient(os.environ["KITSU_HOST"])
    for client, prefix in ((staging, "STAGING"), (production, "KITSU")):
        gazu.log_in(os.environ[prefix + "_LOGIN"], os.environ[prefix + "_PASSWORD"], client=client)
        print("%s: Kitsu %s, round trip %.0f ms" % (client.host, client.server_status()["version"],
                                                     1000 * client.ping()))
    print("created:", ", ".join(copy_new_shots(staging, production, os.environ["PROJECT"])) or "nothing")


if __name__ == "__main__":
    main()
