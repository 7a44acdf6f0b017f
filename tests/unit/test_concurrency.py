import threading
import time
import uuid

import pytest

import gazu
from gazu.concurrency import map_calls
from gazu.exception import RouteNotFoundException


def test_results_come_back_in_input_order_from_many_threads():
    seen_threads = set()

    def slow_square(n):
        seen_threads.add(threading.current_thread().name)
        time.sleep(0.01 * (5 - n % 5))
        return n * n

    assert map_calls(slow_square, range(20), max_workers=5) == [n * n for n in range(20)]
    assert len(seen_threads) > 1


def test_the_first_failure_is_raised_as_is(kitsu):
    ids = [str(uuid.uuid4()) for _ in range(6)]
    for index, studio_id in enumerate(ids):
        if index == 3:
            kitsu.on("GET", "data/studios/" + studio_id, status=404, json={"message": "Studio not found"})
        else:
            kitsu.on("GET", "data/studios/" + studio_id, json={"id": studio_id})
    with pytest.raises(RouteNotFoundException, match="Studio not found"):
        map_calls(gazu.studio.get_studio, ids, max_workers=2)


def test_empty_input_and_bad_worker_count():
    assert map_calls(str, []) == []
    with pytest.raises(ValueError, match="max_workers"):
        map_calls(str, [1], max_workers=0)
