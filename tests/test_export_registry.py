"""Formats are registered plugins: the CLI choices, `linkchart formats` and the README come from the registry."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from shared_material import REPO

from linkchart.cli import cli
from linkchart.errors import LinkchartError
from linkchart.export import EXPORTERS, IMPORTERS, formats_markdown, importer_for
from linkchart.export.registry import register_exporter


def test_every_issue_format_is_registered_with_who_opens_it() -> None:
    assert {"json", "graphml", "gexf", "csv", "ftm", "anx", "neo4j"} <= set(EXPORTERS)
    assert {"graphml", "gexf", "csv"} <= set(IMPORTERS)
    for exporter in EXPORTERS.values():
        assert exporter.suffix.startswith(".") and len(exporter.opens_in) > 20


def test_cli_choices_come_from_the_registry() -> None:
    export = cli.commands["export"]
    fmt = next(p for p in export.params if p.name == "fmt")
    assert list(fmt.type.choices) == list(EXPORTERS)  # type: ignore[attr-defined]
    result = CliRunner().invoke(cli, ["formats"])
    assert result.exit_code == 0
    for name in [*EXPORTERS, *IMPORTERS]:
        assert name in result.output


def test_readme_lists_every_export_format_from_the_registry() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert formats_markdown() in readme, "README export list is stale: paste `linkchart formats --markdown`"


def test_a_format_registers_once_and_unknown_suffixes_say_what_is_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="twice"):
        register_exporter("json", ".json", "again")(lambda network, output: [])
    with pytest.raises(LinkchartError, match=r"net\.xlsx.*\.graphml"):
        importer_for(tmp_path / "net.xlsx")
    assert importer_for(tmp_path / "NET.GEXF").name == "gexf"
