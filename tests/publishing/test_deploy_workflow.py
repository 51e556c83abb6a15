"""The deploy workflow's scripts (the site's digest, the gate on tested commits) and the rules
the workflows keep: permissions per job, pinned actions, no stored credentials."""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import subprocess
import sys
import urllib.error
from pathlib import Path
from types import ModuleType
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import ROOT

SCRIPTS = ROOT / ".github" / "scripts"
WORKFLOWS = ROOT / ".github" / "workflows"


def script(name: str) -> ModuleType:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module(name)


site_digest = script("site_digest")
tested_tip = script("tested_tip")

PAGES = {
    "index.html": b"<!doctype html><title>Press room</title>",
    "en/index.html": b"<!doctype html><title>English</title>",
    "de/artikel/urteil/index.html": "<p>Gerichtsentscheidung über Verleumdung</p>".encode(),
    "pagefind/en/pagefind-entry.json": b'{"version":"1"}',
    "assets/empty.css": b"",
}


def write_site(root: Path, files: dict[str, bytes], order: list[str] | None = None) -> Path:
    for name in order or list(files):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
    return root


@pytest.fixture(autouse=True)
def no_outputs_file(monkeypatch):
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)


# The site's digest


def test_the_same_site_gives_the_same_digest_whatever_order_its_files_were_written_in(tmp_path):
    first = write_site(tmp_path / "a", PAGES)
    second = write_site(tmp_path / "b", PAGES, order=sorted(PAGES, reverse=True))
    assert site_digest.site_digest(first) == site_digest.site_digest(second)
    assert re.fullmatch(r"[0-9a-f]{64}", site_digest.site_digest(first))


def test_the_digest_does_not_depend_on_the_order_folders_list_their_files(tmp_path,
                                                                          monkeypatch):
    site = write_site(tmp_path / "site", PAGES)
    expected = site_digest.site_digest(site)
    walk = os.walk

    def reversed_walk(top, *args, **kwargs):
        # Folders listed the other way round, deepest first.
        for folder, subfolders, names in reversed(list(walk(top, *args, **kwargs))):
            yield folder, subfolders[::-1], names[::-1]

    monkeypatch.setattr(site_digest.os, "walk", reversed_walk)
    assert site_digest.site_digest(site) == expected


def test_one_byte_changed_changes_the_digest(tmp_path):
    site = write_site(tmp_path / "site", PAGES)
    before = site_digest.site_digest(site)
    page = site / "de/artikel/urteil/index.html"
    data = bytearray(page.read_bytes())
    data[5] ^= 0x01
    page.write_bytes(bytes(data))
    assert site_digest.site_digest(site) != before


@pytest.mark.parametrize("change", ["rename", "move bytes", "add empty file", "remove"])
def test_what_a_site_holds_changes_the_digest(tmp_path, change):
    base = write_site(tmp_path / "base", PAGES)
    files = dict(PAGES)
    if change == "rename":
        files["en/about.html"] = files.pop("en/index.html")
    elif change == "move bytes":
        # The same bytes in all, shared out differently between two files.
        files["index.html"], files["assets/empty.css"] = files["index.html"][:-1], b">"
    elif change == "add empty file":
        files["robots.txt"] = b""
    else:
        del files["assets/empty.css"]
    other = write_site(tmp_path / "other", files)
    assert site_digest.site_digest(other) != site_digest.site_digest(base)


def test_times_permissions_and_empty_folders_do_not_count(tmp_path):
    first = write_site(tmp_path / "a", PAGES)
    second = write_site(tmp_path / "b", PAGES)
    os.utime(second / "index.html", (1_000_000_000, 1_000_000_000))
    (second / "en/index.html").chmod(0o600)
    (second / "empty-folder").mkdir()
    assert site_digest.site_digest(first) == site_digest.site_digest(second)


def test_the_published_digest_file_is_not_part_of_the_digest(tmp_path, capsys):
    site = write_site(tmp_path / "site", PAGES)
    before = site_digest.site_digest(site)
    assert site_digest.main([str(site), "--write"]) == 0
    assert capsys.readouterr().out == before + "\n"
    assert (site / "site-digest.txt").read_text(encoding="ascii") == before + "\n"
    assert site_digest.site_digest(site) == before
    # Only the root's file is the digest's: one of that name elsewhere is content.
    (site / "en" / "site-digest.txt").write_text("x")
    assert site_digest.site_digest(site) != before


def test_a_link_to_a_folder_is_refused_rather_than_left_out(tmp_path):
    site = write_site(tmp_path / "site", PAGES)
    (site / "elsewhere").symlink_to(site / "en", target_is_directory=True)
    with pytest.raises(ValueError, match="link to a folder"):
        site_digest.site_digest(site)


def test_a_missing_site_is_an_error(tmp_path):
    with pytest.raises(NotADirectoryError):
        site_digest.site_digest(tmp_path / "site")


# Deploy or not: the built digest against the live one


def compare(tmp_path, monkeypatch, fetch) -> dict[str, str]:
    site = tmp_path / "site"
    if not site.exists():
        write_site(site, PAGES)
    outputs = tmp_path / "outputs"
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    url = "https://pressroom.example.org/site-digest.txt?run=1-1"
    assert site_digest.main([str(site), "--write", "--live", url], fetch=fetch) == 0
    lines = outputs.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


def test_an_unchanged_site_is_not_deployed(tmp_path, monkeypatch):
    live = site_digest.site_digest(write_site(tmp_path / "site", PAGES))
    outputs = compare(tmp_path, monkeypatch, lambda url: f"{live}\n".encode())
    assert outputs == {"digest": live, "deploy": "false"}


def test_a_changed_site_is_deployed(tmp_path, monkeypatch):
    outputs = compare(tmp_path, monkeypatch, lambda url: b"0" * 64 + b"\n")
    assert outputs["deploy"] == "true"
    assert outputs["digest"] != "0" * 64


def not_found(url: str) -> bytes:
    raise urllib.error.HTTPError(url, 404, "Not Found", None, io.BytesIO(b"<html>404</html>"))


def unreachable(url: str) -> bytes:
    raise urllib.error.URLError("Name or service not known")


def timed_out(url: str) -> bytes:
    raise TimeoutError("timed out")


@pytest.mark.parametrize("fetch", [
    not_found,  # the first deploy: no digest published yet
    unreachable,
    timed_out,
    lambda url: b"<!doctype html><title>Site not found</title>",  # a page, not a digest
    lambda url: "\u00e9".encode("latin-1"),  # not even text
    lambda url: b"",
], ids=["first deploy", "unreachable", "timeout", "a page", "bytes", "empty"])
def test_without_a_live_digest_the_site_is_deployed(tmp_path, monkeypatch, fetch):
    assert compare(tmp_path, monkeypatch, fetch)["deploy"] == "true"


class Answer(io.BytesIO):
    """What urlopen gives: a response to read, in a with statement."""

    def __enter__(self) -> Answer:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def test_the_live_digest_is_fetched_past_caches(monkeypatch):
    seen = {}

    def urlopen(request, timeout):
        seen["url"], seen["headers"] = request.full_url, dict(request.headers)
        assert timeout <= 60
        return Answer(b"a" * 64 + b"\n")

    monkeypatch.setattr(site_digest.urllib.request, "urlopen", urlopen)
    url = "https://pressroom.example.org/site-digest.txt?run=7-1"
    assert site_digest.live_digest(url) == "a" * 64
    assert seen == {"url": url, "headers": {"Cache-control": "no-cache"}}


# The gate: main's newest commit, once the tests have passed on it


def run(status: str, conclusion: str | None = None) -> dict[str, str | None]:
    return {"status": status, "conclusion": conclusion}


@pytest.mark.parametrize(("runs", "expected"), [
    ([run("completed", "success")], "tested"),
    # A re-run that passed, beside the first run that failed.
    ([run("completed", "failure"), run("completed", "success")], "tested"),
    ([run("in_progress")], "pending"),
    ([run("queued")], "pending"),
    ([run("completed", "failure"), run("in_progress")], "pending"),
    ([run("completed", "failure")], "untested"),
    ([run("completed", "cancelled"), run("completed", "timed_out")], "untested"),
    ([], "untested"),
])
def test_the_verdict_on_a_commit(runs, expected):
    assert tested_tip.verdict(runs) == expected


TIP = "3f2a9c0d5e8b7a6f1c4d2e0b9a8f7c6d5e4b3a21"


class FakeAPI:
    def __init__(self, runs, default_branch="main"):
        self.runs = runs
        self.default_branch = default_branch
        self.asked: list[str] = []

    def __call__(self, path: str):
        self.asked.append(path)
        parts = urlsplit(path)
        if parts.path == "/repos/acme/pressroom":
            return {"default_branch": self.default_branch}
        if parts.path == f"/repos/acme/pressroom/commits/{self.default_branch}":
            return {"sha": TIP}
        assert parts.path == "/repos/acme/pressroom/actions/workflows/test.yml/runs", path
        query = parse_qs(parts.query)
        assert query["head_sha"] == [TIP] and query["event"] == ["push"], query
        return {"total_count": len(self.runs), "workflow_runs": self.runs}


def gate(tmp_path, monkeypatch, api, *extra: str) -> tuple[int, dict[str, str]]:
    outputs = tmp_path / "outputs"
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    code = tested_tip.main(["--repository", "acme/pressroom", "--workflow", "test.yml", *extra],
                           fetch=api)
    lines = outputs.read_text(encoding="utf-8").splitlines()
    return code, dict(line.split("=", 1) for line in lines)


def test_a_tested_tip_is_built(tmp_path, monkeypatch):
    api = FakeAPI([run("completed", "success")])
    assert gate(tmp_path, monkeypatch, api) == (0, {"sha": TIP, "verdict": "tested"})
    # The default branch is asked for, not assumed.
    assert api.asked[0] == "/repos/acme/pressroom"


def test_a_named_branch_is_not_looked_up(tmp_path, monkeypatch):
    api = FakeAPI([run("completed", "success")], default_branch="live")
    assert gate(tmp_path, monkeypatch, api, "--branch", "live")[1]["verdict"] == "tested"
    assert "/repos/acme/pressroom" not in api.asked


def test_a_tip_still_being_tested_waits_quietly(tmp_path, monkeypatch, capsys):
    api = FakeAPI([run("in_progress")])
    assert gate(tmp_path, monkeypatch, api) == (0, {"sha": TIP, "verdict": "pending"})
    assert capsys.readouterr().out.startswith("::notice::")


def test_a_tip_that_failed_its_tests_fails_the_run_where_it_shows(tmp_path, monkeypatch,
                                                                  capsys):
    api = FakeAPI([run("completed", "failure"), run("completed", "cancelled")])
    assert gate(tmp_path, monkeypatch, api) == (1, {"sha": TIP, "verdict": "untested"})
    out = capsys.readouterr().out
    assert out.startswith("::error::main at 3f2a9c0d5e8b has not passed test.yml")
    assert "cancelled, failure" in out


def test_the_api_is_asked_with_the_token(monkeypatch):
    seen = {}

    def urlopen(request, timeout):
        seen["url"], seen["headers"] = request.full_url, dict(request.headers)
        return Answer(json.dumps({"sha": TIP}).encode())

    monkeypatch.setenv("GH_TOKEN", "token-for-the-test")
    monkeypatch.setenv("GITHUB_API_URL", "https://api.example.org")
    monkeypatch.setattr(tested_tip.urllib.request, "urlopen", urlopen)
    assert tested_tip._api("/repos/acme/pressroom/commits/main") == {"sha": TIP}
    assert seen["url"] == "https://api.example.org/repos/acme/pressroom/commits/main"
    assert seen["headers"]["Authorization"] == "Bearer token-for-the-test"


@pytest.mark.build
def test_the_scripts_run_as_the_workflow_runs_them(tmp_path):
    site = write_site(tmp_path / "site", PAGES)
    result = subprocess.run([sys.executable, str(SCRIPTS / "site_digest.py"), str(site)],
                            capture_output=True, text=True, timeout=60,
                            env={k: v for k, v in os.environ.items() if k != "GITHUB_OUTPUT"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == site_digest.site_digest(site) + "\n"


# The workflows' rules


def workflows() -> dict[str, dict]:
    return {path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted(WORKFLOWS.glob("*.yml"))}


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the key `on` as true.
    return workflow.get("on", workflow.get(True))


def steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


def test_nothing_is_granted_to_a_whole_workflow_and_every_job_says_what_it_needs():
    for name, workflow in workflows().items():
        assert workflow["permissions"] == {}, name
        for job_name, job in workflow["jobs"].items():
            assert isinstance(job.get("permissions"), dict), (name, job_name)


def test_only_the_deploy_job_can_publish_and_only_the_keep_alive_can_switch_workflows():
    for name, workflow in workflows().items():
        for job_name, job in workflow["jobs"].items():
            granted = job["permissions"]
            publishes = {"pages": "write", "id-token": "write"}
            if (name, job_name) == ("deploy.yml", "deploy"):
                assert granted == publishes
            else:
                assert granted.get("pages") != "write" and "id-token" not in granted
            if (name, job_name) == ("deploy.yml", "keep-alive"):
                assert granted == {"actions": "write"}
            else:
                assert granted.get("actions") != "write", (name, job_name)
            assert granted.get("contents", "read") == "read", (name, job_name)


def test_every_checkout_leaves_no_credentials_behind():
    checkouts = [(name, step) for workflow in workflows().values()
                 for name, step in steps(workflow)
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) >= 3
    for name, step in checkouts:
        assert step["with"]["persist-credentials"] is False, name


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    pinned = re.compile(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert pinned.search(line.strip()), f"{path.name}: {line.strip()}"


def test_the_deploy_waits_for_the_tests_and_the_keep_alive_schedule_is_the_one_named():
    deploy, test = workflows()["deploy.yml"], workflows()["test.yml"]
    assert triggers(deploy)["workflow_run"] == {
        "workflows": [test["name"]], "types": ["completed"], "branches": ["main"]}
    assert "push" not in triggers(deploy)
    jobs = deploy["jobs"]
    assert jobs["build"]["needs"] == "gate" and jobs["deploy"]["needs"] == "build"
    assert "--workflow test.yml" in jobs["gate"]["steps"][-1]["run"]
    crons = [entry["cron"] for entry in triggers(deploy)["schedule"]]
    assert len(crons) == 2
    keep_alive = crons[1]
    text = (WORKFLOWS / "deploy.yml").read_text(encoding="utf-8")
    # The keep-alive's cron line is named in the concurrency group, the gate and its job.
    assert text.count(f"github.event.schedule != '{keep_alive}'") == 2
    assert f"github.event.schedule == '{keep_alive}'" in jobs["keep-alive"]["if"]
    assert "actions/workflows/deploy.yml/enable" in jobs["keep-alive"]["steps"][0]["run"]


def test_ci_tests_under_both_engines_and_the_deploy_installs_no_test_tools():
    test = workflows()["test.yml"]
    assert test["jobs"]["test"]["strategy"]["matrix"]["engine"] == ["mkdocs", "properdocs"]
    build = workflows()["deploy.yml"]["jobs"]["build"]
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert "pip install --require-hashes -r locks/deploy.txt" in runs
    assert "pip install --no-deps ." in runs
    assert "[test]" not in runs and "make " not in runs
