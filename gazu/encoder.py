"""JSON encoding of the values gazu sends."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any


class CustomJSONEncoder(json.JSONEncoder):
    """Encode dates and datetimes as ISO 8601 strings and UUIDs as strings."""

    def default(self, o: Any) -> Any:
        if isinstance(o, (datetime.datetime, datetime.date, datetime.time)):
            return o.isoformat()
        if isinstance(o, uuid.UUID):
            return str(o)
        if isinstance(o, (set, frozenset)):
            return list(o)
        return super().default(o)
