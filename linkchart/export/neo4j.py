"""Neo4j: node and relationship CSV files in the layout `neo4j-admin database import` reads, and
a Cypher script that loads the same files with `LOAD CSV` into a running database.

Files (STEM is the --output name without its suffix):
  STEM-entities.csv       (:Entity:Person / :Entity:Organization, ID space Entity)
  STEM-documents.csv      (:Document, ID space Document)
  STEM-ties.csv           one relationship per tie (:FAMILY_OF, :LEADS, ... from linkchart/schema.py), evidence as properties
  STEM-mentioned_in.csv   (:Entity)-[:MENTIONED_IN]->(:Document)
  STEM.cypher             the LOAD CSV script; its header comment gives the neo4j-admin command

Arrays (aliases, evidence sentences and their documents and offsets) are joined with the ASCII
unit separator (U+001F), which no report text contains, so a sentence with ';' stays whole; the
import command passes it with --array-delimiter and the script splits on it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from linkchart.export.registry import register_exporter
from linkchart.model import Network
from linkchart.schema import ENTITY_TYPES, tie_type

ARRAY_DELIMITER = "\x1f"
FILES = ("entities", "documents", "ties", "mentioned_in")
ENTITY_HEADER = ["entityId:ID(Entity)", "name", "type", "role", "aliases:string[]", "mentions:int", ":LABEL"]
DOCUMENT_HEADER = ["documentId:ID(Document)", "title", "path", "date", "duplicateOf", ":LABEL"]
TIE_HEADER = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "tieId", "subtype", "directed:boolean", "hedged:boolean",
              "confidence:float", "date", "evidence:string[]", "evidenceDocuments:string[]", "evidenceStart:int[]",
              "evidenceEnd:int[]", "evidenceHedged:boolean[]"]
MENTION_HEADER = [":START_ID(Entity)", ":END_ID(Document)", ":TYPE"]


def _array(values: list[str]) -> str:
    return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, " ") for v in values)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def to_neo4j(network: Network) -> dict[str, str]:
    """The four CSV tables, by name."""
    tables = {name: io.StringIO() for name in FILES}
    writers = {name: csv.writer(table, lineterminator="\n") for name, table in tables.items()}
    writers["entities"].writerow(ENTITY_HEADER)
    for e in network.entities:
        label = ENTITY_TYPES[e.type].neo4j_label if e.type in ENTITY_TYPES else "Entity"
        writers["entities"].writerow([e.id, e.name, e.type, e.role, _array([n for n in e.alias_names() if n != e.name]),
                                      e.mention_count, f"Entity;{label}"])
    writers["documents"].writerow(DOCUMENT_HEADER)
    for d in network.documents:
        writers["documents"].writerow([d.id, d.title, d.path, d.date or "", d.duplicate_of or "", "Document"])
    writers["ties"].writerow(TIE_HEADER)
    for r in network.relations:
        ev = r.evidence
        writers["ties"].writerow([r.source, r.target, tie_type(r.type).neo4j_type, r.id, r.subtype or "", _flag(r.directed),
                                  _flag(r.hedged), f"{r.confidence:.4g}", r.date or "", _array([e.text for e in ev]),
                                  _array([e.document_id for e in ev]), _array([str(e.start) for e in ev]),
                                  _array([str(e.end) for e in ev]), _array([_flag(e.hedged) for e in ev])])
    writers["mentioned_in"].writerow(MENTION_HEADER)
    known = {d.id for d in network.documents}
    for e in network.entities:
        for document_id in e.documents:
            if document_id in known:
                writers["mentioned_in"].writerow([e.id, document_id, "MENTIONED_IN"])
    return {name: table.getvalue() for name, table in tables.items()}


def cypher_script(stem: str, relationship_types: list[str]) -> str:
    """LOAD CSV statements for files copied into the database's import folder."""
    sep = "'\\u001F'"
    lines = [
        "// linkchart network for Neo4j.",
        "// Offline bulk import into a new database (files in the current folder):",
        f"//   neo4j-admin database import full --array-delimiter=U+001F --nodes={stem}-entities.csv"
        f" --nodes={stem}-documents.csv --relationships={stem}-ties.csv --relationships={stem}-mentioned_in.csv neo4j",
        "// Or into a running database: copy the CSV files into its import/ folder and run this script",
        "// (cypher-shell -f " + stem + ".cypher).",
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.entityId IS UNIQUE;",
        "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.documentId IS UNIQUE;",
        f"LOAD CSV WITH HEADERS FROM 'file:///{stem}-entities.csv' AS row",
        "MERGE (e:Entity {entityId: row.`entityId:ID(Entity)`})",
        "SET e.name = row.name, e.type = row.type, e.role = row.role, e.mentions = toInteger(row.`mentions:int`),",
        f"    e.aliases = CASE row.`aliases:string[]` WHEN '' THEN [] ELSE split(row.`aliases:string[]`, {sep}) END",
        "\n".join(f"FOREACH (_ IN CASE WHEN row.type = '{name}' THEN [1] ELSE [] END | SET e:{kind.neo4j_label})"
                  for name, kind in ENTITY_TYPES.items()) + ";",
        f"LOAD CSV WITH HEADERS FROM 'file:///{stem}-documents.csv' AS row",
        "MERGE (d:Document {documentId: row.`documentId:ID(Document)`})",
        "SET d.title = row.title, d.path = row.path, d.date = row.date, d.duplicateOf = row.duplicateOf;",
    ]
    for relationship in relationship_types:
        lines += [
            f"LOAD CSV WITH HEADERS FROM 'file:///{stem}-ties.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{relationship}'",
            "MATCH (a:Entity {entityId: row.`:START_ID(Entity)`}), (b:Entity {entityId: row.`:END_ID(Entity)`})",
            f"MERGE (a)-[t:{relationship} {{tieId: row.tieId}}]->(b)",
            "SET t.subtype = row.subtype, t.directed = row.`directed:boolean` = 'true',"
            " t.hedged = row.`hedged:boolean` = 'true',",
            "    t.confidence = toFloat(row.`confidence:float`), t.date = row.date,",
            f"    t.evidence = split(row.`evidence:string[]`, {sep}),"
            f" t.evidenceDocuments = split(row.`evidenceDocuments:string[]`, {sep}),",
            f"    t.evidenceStart = [x IN split(row.`evidenceStart:int[]`, {sep}) | toInteger(x)],",
            f"    t.evidenceEnd = [x IN split(row.`evidenceEnd:int[]`, {sep}) | toInteger(x)],",
            f"    t.evidenceHedged = [x IN split(row.`evidenceHedged:boolean[]`, {sep}) | x = 'true'];",
        ]
    lines += [
        f"LOAD CSV WITH HEADERS FROM 'file:///{stem}-mentioned_in.csv' AS row",
        "MATCH (e:Entity {entityId: row.`:START_ID(Entity)`}), (d:Document {documentId: row.`:END_ID(Document)`})",
        "MERGE (e)-[:MENTIONED_IN]->(d);",
    ]
    return "\n".join(lines) + "\n"


@register_exporter("neo4j", ".cypher", "Neo4j (and Memgraph, Linkurious on Neo4j): CSV files for `neo4j-admin database "
                   "import` plus a LOAD CSV script; evidence sentences, sources and offsets as tie properties")
def write_neo4j(network: Network, output: Path) -> list[Path]:
    stem = output.with_suffix("").name
    folder = output.parent
    paths = []
    for name, text in to_neo4j(network).items():
        path = folder / f"{stem}-{name}.csv"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    script = folder / f"{stem}.cypher"
    script.write_text(cypher_script(stem, sorted({tie_type(r.type).neo4j_type for r in network.relations})), encoding="utf-8")
    return [*paths, script]
