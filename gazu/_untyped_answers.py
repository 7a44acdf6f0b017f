"""The public functions whose answers name no model of :mod:`gazu.types`, and why.

Every public function's own return annotation says what it answers
(``-> Shot``, ``-> list[Task]``, ``-> Shot | None``): the annotations are
the one source, which the integration suite checks against the real server
(tests/realtypes.py) and the API docs show. Two kinds of functions are left:

``FREE_FORM``: the server's answer is free-form (a raw request to any route
or any model); they answer ``Any`` or ``dict[str, Any]``. docs/typed-answers.md lists them with the reason and
gives the coverage figure (written by tests/unit/test_answer_annotations.py).

``NOT_SERVER_ANSWERS``: the dicts they return are not the server's (the
caller's own data, configuration, the tokens it was given, …), so the
integration suite does not hold them to the server's types.

Data only, never imported by ``import gazu``.
"""

FREE_FORM: dict[str, str] = {
    "gazu.aio.create": "raw create of any model",
    "gazu.aio.fetch_all": "raw listing of any model",
    "gazu.aio.fetch_first": "raw listing of any model",
    "gazu.aio.fetch_one": "raw read of any model",
    "gazu.aio.get": "raw GET: the answer is whatever the route sends",
    "gazu.aio.post": "raw POST: the answer is whatever the route sends",
    "gazu.aio.put": "raw PUT: the answer is whatever the route sends",
    "gazu.aio.update": "raw update of any model",
    "gazu.aio.upload": "raw upload: the answer is whatever the route sends",
    "gazu.client.create": "raw create of any model",
    "gazu.client.fetch_all": "raw listing of any model",
    "gazu.client.fetch_first": "raw listing of any model",
    "gazu.client.fetch_one": "raw read of any model",
    "gazu.client.get": "raw GET: the answer is whatever the route sends",
    "gazu.client.import_data": "raw import of any model",
    "gazu.client.post": "raw POST: the answer is whatever the route sends",
    "gazu.client.put": "raw PUT: the answer is whatever the route sends",
    "gazu.client.response_json": "decodes any answer of any route",
    "gazu.client.update": "raw update of any model",
    "gazu.client.upload": "raw upload: the answer is whatever the route sends",
}

NOT_SERVER_ANSWERS: dict[str, str] = {
    "gazu.aio.log_out": "the client's tokens, forgotten (None both), as upstream's",
    "gazu.cache.get_value": "the cache stores any function's answer",
    "gazu.cache.insert_value": "the cache stores any function's answer",
    "gazu.cache.remove_oldest_entry": "the cache stores any function's answer",
    "gazu.casting.delete_entity_link": "the link given (a dict, or {\"id\": …} for an id), as upstream",
    "gazu.cli.load_config": "the CLI's own configuration file",
    "gazu.cli.setup_client": "the CLI's own configuration",
    "gazu.client.form_fields": "the multipart form fields built from the caller's data",
    "gazu.client.form_files": "the multipart files built from the caller's paths",
    "gazu.client.set_tokens": "the tokens dict it was given (a log-in answer, as upstream)",
    "gazu.concurrency.map_calls": "returns what the mapped function returns",
    "gazu.events.connect_error": "returns what it was given: the event stream's refusal, a message or a dict",
    "gazu.helpers.normalize_model_parameter": "returns the caller's dict, whatever model it is",
    "gazu.set_token": "the tokens dict it was given, or the one made of the token",
    "gazu.sorting.sort_by_name": "sorts any list of named dicts",
    "gazu.sync.convert_id_list": "ids",
    "gazu.sync.get_link_list_diff": "two lists of the caller's own dicts",
    "gazu.sync.get_model_list_diff": "two lists of the caller's own dicts",
}
