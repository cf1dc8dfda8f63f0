"""The selections of a ``.qdpx`` export are written as text (issue 19): the same bytes as lxml
serialising the elements would give, and valid against the REFI-QDA schema, whatever the text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from coding import Project
from coding.core.xml_chars import xml_text
from coding.documents.document_commands import NewDocument
from coding.refi.schemas import PROJECT_SCHEMA, schema_errors
from coding.refi.selection_xml import attribute_text, attribute_texts, content_text, start_tag, variable_value

_EMPTY = re.compile(rb"<(\w+)([^<>]*)></\1>")
ODD = "R9: <b>vet</b> & \"dubbel\" 'enkel'\ttab 👍🏽 \u200d\nR9: tweede regel =1+1\n"
TEXT = st.lists(
    st.one_of(
        st.sampled_from(list("&<>\"'\t\n\r\x00\x1f\ufffe👍 ")), st.characters(blacklist_categories=("Cs",))
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_attribute_and_element_text_are_escaped_as_lxml_does(name: str, content: str) -> None:
    element = etree.Element("Selection", guid="g")
    element.set("name", xml_text(name))
    element.text = xml_text(content)
    written = f"{start_tag('Selection', {'guid': 'g', 'name': name, 'none': None})}>{content_text(content)}</Selection>"
    assert written.encode("utf-8") == etree.tostring(element, encoding="utf-8")
    assert attribute_text(name) == attribute_text(xml_text(name))


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_a_variable_value_is_written_as_lxml_does(guid: str, value: str) -> None:
    element = etree.Element("VariableValue")
    etree.SubElement(element, "VariableRef").set("targetGUID", xml_text(guid))
    etree.SubElement(element, "TextValue").text = xml_text(value)
    assert variable_value(guid, value).encode("utf-8") == etree.tostring(element, encoding="utf-8")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(TEXT, st.sampled_from(["\ud800", "g-1", ""])), max_size=8))
def test_texts_escaped_together_are_each_as_escaped_alone(values: list[str]) -> None:
    assert attribute_texts(values) == [attribute_text(value) for value in values]


def test_the_exported_project_is_what_lxml_writes_of_it_and_valid(
    rich_project: Project, tmp_path: Path
) -> None:
    rich_project.documents.add(
        NewDocument(
            name="R9_odd",
            text=ODD,
            source_format="txt",
            attributes={"respondent": "R9 <&>\"'", "regio": ODD, "leeg": ""},
        )
    )
    rich_project.code(
        "R9_odd", "Vertrouwen", text="<b>vet</b> & \"dubbel\" 'enkel'\ttab 👍🏽", memo="a\r\nb & <c>"
    )
    rich_project.code("R9_odd", "Vertrouwen", text="tweede regel =1+1", memo="")
    path = rich_project.export(tmp_path / "out.qdpx")
    with zipfile.ZipFile(path) as archive:
        qde = archive.read("project.qde")
    assert (
        qde.count(b"<PlainTextSelection ") >= 4 and b"&lt;b&gt;vet&lt;/b&gt; &amp; &quot;dubbel&quot;" in qde
    )
    again = etree.tostring(etree.fromstring(qde), encoding="utf-8", xml_declaration=True)
    assert again.replace(b'"', b"'", 4)[:40] == qde.replace(b'"', b"'", 4)[:40]
    # (an element given empty text is written <X></X>, read back it has none: <X/>)
    assert _EMPTY.sub(rb"<\1\2/>", again.split(b"?>", 1)[1]) == _EMPTY.sub(
        rb"<\1\2/>", qde.split(b"?>", 1)[1]
    )
    assert schema_errors(qde, PROJECT_SCHEMA) == []
