"""Interchange with the tools analysts already use: every format registers itself in
`registry.py` (name, suffix, who opens it, function); importing this package registers them all.

Exporters: JSON (the evaluation contract), GraphML and GEXF (Gephi), CSV, FollowTheMoney (Aleph),
ANX (i2 Analyst's Notebook), Neo4j. Importers: GraphML, GEXF and CSV edge lists. Bundles carry a
whole case between analysts."""

# Each module registers its formats on import, in the order they are listed.
from linkchart.export import formats  # noqa: F401, I001
from linkchart.export import ftm, anx, neo4j, importers  # noqa: F401, I001
from linkchart.export.registry import (
    EXPORTERS,
    IMPORTERS,
    Exporter,
    Importer,
    export_network,
    exporter,
    formats_markdown,
    importer_for,
)

FORMATS = EXPORTERS  # the name the CLI's --format choices were first read from

__all__ = ["EXPORTERS", "FORMATS", "IMPORTERS", "Exporter", "Importer", "export_network", "exporter", "formats_markdown",
           "importer_for"]
