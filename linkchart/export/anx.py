"""i2 Analyst's Notebook charts (.anx, the chart exchange XML ANB opens), written by `anxwritter`.

People and groups are icons of the types linkchart/schema.py names (Person, Organisation; quoted
commentators shaded grey); each tie is a link labelled with its tie type (arrowed when it has a direction, dashed when
every statement of it is hedged) whose description lists every evidence sentence with its source,
and which carries one card per sentence (summary, the sentence, the source document and its date)
so ANB's card view shows where the tie comes from. Events are not drawn: ANB would need them as
event frames on a timeline, which is the timeline command's job.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from linkchart.export.provenance import evidence_text, source_name, tie_label
from linkchart.export.registry import register_exporter
from linkchart.model import COMMENTATOR, PERSON, Document, Entity, Network
from linkchart.schema import ENTITY_TYPES, TIE_TYPES, tie_type

LINK_COLOURS = {"family": "Red", "associate": "Blue", "co_resided": "Dark Green", "communicated_with": "Teal",
                "member_of": "Dark Blue", "leader_of": "Violet", "recruited_by": "Orange"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def to_chart(network: Network) -> Any:
    from anxwritter import ANXChart, Card, DotStyle, Icon, Link

    chart = ANXChart()
    for kind in ENTITY_TYPES.values():
        chart.add_entity_type(name=kind.i2_icon, icon_file=kind.i2_icon)
    for name, tie in TIE_TYPES.items():
        chart.add_link_type(name=tie.label, color=LINK_COLOURS.get(name, "Black"))
    chart.add_strength(name="Stated", dot_style=DotStyle.SOLID)
    chart.add_strength(name="Hedged", dot_style=DotStyle.DASHED)
    documents = {d.id: d for d in network.documents}
    ids = {e.id for e in network.entities}
    for entity in network.entities:
        chart.add(Icon(id=entity.id, type=ENTITY_TYPES.get(entity.type, ENTITY_TYPES[PERSON]).i2_icon, label=entity.name,
                       description=_entity_description(entity, documents),
                       color="Grey" if entity.role == COMMENTATOR else None,
                       attributes={"Aliases": "; ".join(n for n in entity.alias_names() if n != entity.name),
                                   "Role": entity.role, "Documents": len(entity.documents)}))
    for relation in network.relations:
        if relation.source not in ids or relation.target not in ids:
            continue
        chart.add(Link(from_id=relation.source, to_id=relation.target, type=tie_type(relation.type).label,
                       label=tie_label(relation) + (" (hedged)" if relation.hedged else ""),
                       arrow="head" if relation.directed else None, date=_day(relation.date),
                       strength="Hedged" if relation.hedged else "Stated",
                       description=evidence_text(relation, documents),
                       attributes={"Confidence": round(relation.confidence, 2), "Evidence": len(relation.evidence)},
                       cards=[Card(summary=f"{tie_label(relation)}: {source_name(e.document_id, documents)}"[:250],
                                   description=e.text, source_ref=source_name(e.document_id, documents),
                                   source_type="Report", date=_day(_doc_date(e.document_id, documents)))
                              for e in relation.evidence]))
    return chart


def _entity_description(entity: Entity, documents: dict[str, Document]) -> str:
    lines = [f"Names: {', '.join(entity.alias_names())}"]
    if entity.role == COMMENTATOR:
        lines.append("Quoted about the network in the reporting; not part of it.")
    lines += [f"Mentioned in: {source_name(d, documents)}" for d in entity.documents]
    return "\n".join(lines)


def _doc_date(document_id: str, documents: dict[str, Document]) -> str | None:
    doc = documents.get(document_id)
    return doc.date if doc else None


def _day(date: str | None) -> str | None:
    """ANB takes whole days (yyyy-MM-dd); a year or a month alone stays in the text."""
    return date if date and _ISO_DAY.match(date) else None


@register_exporter("anx", ".anx", "i2 Analyst's Notebook (File > Open the .anx chart): Person/Organisation icons, "
                   "links labelled by tie type, every tie's evidence in its description and cards")
def write_anx(network: Network, output: Path) -> list[Path]:
    from anxwritter import ANXValidationError

    from linkchart.errors import LinkchartError

    target = output if output.suffix.lower() == ".anx" else output.with_name(output.name + ".anx")
    try:
        to_chart(network).to_anx(str(target))
    except ANXValidationError as err:
        raise LinkchartError(f"{target}: the chart did not validate ({err})") from None
    return [target]
