"""The GitHub workflow: valid by the GitHub workflow schema (SchemaStore's, vendored in
tests/fixtures/schemastore/), and it builds the shards as a matrix, then assembles them."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "schemastore" / "github-workflow.json").read_text(encoding="utf-8"))


def load(path: Path) -> dict:
    """The workflow as GitHub reads it (YAML 1.2: `on:` is a key, not PyYAML's True)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_each_workflow_is_valid_by_the_schema(path):
    errors = sorted(jsonschema.Draft7Validator(SCHEMA).iter_errors(load(path)), key=str)
    assert [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors] == []


def test_the_schema_check_finds_a_broken_workflow():
    workflow = load(ROOT / ".github" / "workflows" / "publish.yml")
    workflow["jobs"]["shard"]["strategy"]["matrix"] = "not a matrix"
    workflow["jobs"]["assemble"]["runs-on"] = {"no": "such"}
    workflow["jobs"]["assemble"]["stepz"] = workflow["jobs"]["assemble"].pop("steps")
    assert len(list(jsonschema.Draft7Validator(SCHEMA).iter_errors(workflow))) >= 2


def test_the_shards_are_a_matrix_from_the_plan_then_assembled():
    jobs = load(ROOT / ".github" / "workflows" / "publish.yml")["jobs"]
    assert jobs["plan"]["outputs"]["shards"] == "${{ steps.plan.outputs.shards }}"
    assert any("lawsite.publish.shards plan" in step.get("run", "") for step in jobs["plan"]["steps"])
    shard = jobs["shard"]
    assert shard["needs"] == "plan"
    assert shard["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.plan.outputs.shards) }}"
    assert any('lawsite.publish.shards build "${{ matrix.shard }}"' in step.get("run", "") for step in shard["steps"])
    assert "shard" in jobs["assemble"]["needs"] and "test" in jobs["assemble"]["needs"]
    download = next(s for s in jobs["assemble"]["steps"] if s.get("uses", "").startswith("actions/download-artifact"))
    assert download["with"]["path"] == ".site.shards"
    assert any(step.get("run") == "make site" for step in jobs["assemble"]["steps"])
    assert jobs["deploy"]["needs"] == "assemble"


def test_the_plan_command_prints_the_matrix(launch_built):
    docs = launch_built[0]
    result = subprocess.run([sys.executable, "-m", "lawsite.publish.shards", "plan", "--docs", str(docs)],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == ["hub", "shandong"]
