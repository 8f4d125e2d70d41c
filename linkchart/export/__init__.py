"""Export the resolved network: JSON (the evaluation contract), GraphML, GEXF, CSV."""

from linkchart.export.formats import FORMATS, export_network

__all__ = ["FORMATS", "export_network"]
