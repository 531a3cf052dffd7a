"""/api/v1/export/*.jsonl: every live page, streamed one JSON object a line."""

import json


def lines(response):
    assert response.status_code == 200
    assert response.streaming, "the export must stream, not build the whole body in memory"
    return [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]


def test_pattern_export_streams_every_live_pattern(api, school_pattern, bins_pattern, draft_pattern):
    """The export has one line per live pattern, with its full content, and no drafts."""
    response = api.get("/api/v1/export/patterns.jsonl")
    assert response["Content-Type"] == "application/x-ndjson"
    items = lines(response)
    assert [item["slug"] for item in items] == ["apply-for-a-school-place", "report-a-missed-bin"]
    assert items[0]["steps"][0]["value"]["components"][0]["slug"] == "date-input"


def test_process_export(api, school_process):
    """The process export has the process's steps."""
    items = lines(api.get("/api/v1/export/processes.jsonl"))
    assert [step["value"]["ref"] for step in items[0]["steps"]] == ["submit", "decide"]


def test_export_locale_filter_and_bad_parameters(api, school_pattern):
    """The export filters by locale and refuses unknown parameters."""
    assert lines(api.get("/api/v1/export/patterns.jsonl?locale=cy")) == []
    response = api.get("/api/v1/export/patterns.jsonl?colour=red")
    assert response.status_code == 400 and response.json()["error"]["field"] == "colour"
