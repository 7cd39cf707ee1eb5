"""What the HTTP endpoints (Slack's `/slack/events`, the Telegram webhook) do before an adapter
looks at a request: read the body under a cap, then check its shape against a pydantic model.

The order is the endpoint's: the signature or secret first, then the body read while counting
(a chunked body with no Content-Length is stopped as soon as it passes the cap, not after it
was held whole), then the shape. Every refusal answers a short plain-text status and logs one
WARNING line naming the kind of fault (`too large`, `not JSON`, `message.from.id: int_type`),
never the body, a value or a person's words: field names come from the model, anything else in
a location (a dictionary key, a list index) is shown as `*`.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response

log = logging.getLogger(__name__)
T = TypeVar("T")

BAD_REQUEST = 400
TOO_LARGE = 413
ANSWERS = {400: "bad request", 401: "invalid request", 403: "forbidden", 413: "too large"}


class Refused(Exception):
    """A request answered with `status` without reaching the adapter; `kind` says why."""

    def __init__(self, status: int, kind: str) -> None:
        super().__init__(f"{status} {kind}")
        self.status = status
        self.kind = kind

    def response(self, platform: str) -> Response:
        """The answer, after one WARNING line with the platform, status and kind of fault."""
        log.warning("refused a %s request (%d): %s", platform, self.status, self.kind)
        return PlainTextResponse(ANSWERS.get(self.status, "refused"), status_code=self.status)


async def read_capped(request: Request, limit: int) -> bytes:
    """The request body, read chunk by chunk and abandoned once it passes `limit` bytes (413).

    A declared Content-Length over the cap is refused before anything is read.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(TOO_LARGE, f"declared body over {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise Refused(TOO_LARGE, f"body over {limit} bytes")
            chunks.append(chunk)
    except ClientDisconnect as exc:
        raise Refused(BAD_REQUEST, "client went away") from exc
    return b"".join(chunks)


def checked(shape: TypeAdapter[T], data: Any) -> T:
    """`data` (already decoded) as `shape`, or a 400 naming the first fault."""
    try:
        return shape.validate_python(data)
    except ValidationError as exc:
        raise Refused(BAD_REQUEST, fault(shape, exc)) from None


def checked_json(shape: TypeAdapter[T], raw: bytes | str) -> T:
    """A JSON body parsed and checked in one pass, or a 400 naming the first fault.

    pydantic's parser refuses what Python's `json` would choke on later (nesting over 200
    levels, integers of thousands of digits, lone surrogates), so the body can then be
    decoded again by the platform library in safety.
    """
    try:
        return shape.validate_json(raw)
    except ValidationError as exc:
        raise Refused(BAD_REQUEST, fault(shape, exc)) from None


def fault(shape: TypeAdapter[Any], exc: ValidationError) -> str:
    """`where: what` of the first error: the shape's own field names and pydantic's error
    type, nothing taken from the input."""
    first = exc.errors(include_url=False, include_context=False, include_input=False)[0]
    if first["type"] in ("json_invalid", "json_type"):
        return "not JSON"
    names = field_names(shape)
    where = ".".join(part if part in names else "*" for part in map(str, first["loc"]))
    return f"{where or 'body'}: {first['type']}"


@cache
def field_names(shape: TypeAdapter[Any]) -> frozenset[str]:
    """Every property name (aliases included) and kind tag in the shape and the models it
    holds."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                names.update(properties)
            if isinstance(node.get("const"), str):  # a kind's tag, e.g. "block_actions"
                names.add(node["const"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(shape.json_schema(by_alias=True))
    walk(shape.json_schema(by_alias=False))
    return frozenset(names)
