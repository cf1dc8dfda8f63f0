"""The QDA-XML 1.0 schemas (package data in ``resources/schemas``) and validation against them.

``Project.xsd`` is the standard's own; ``Codebook.xsd`` is reconstructed from the published
structure. Validation uses lxml (installed with python-docx).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lxml import etree

PROJECT_SCHEMA = "Project.xsd"
CODEBOOK_SCHEMA = "Codebook.xsd"


@lru_cache(maxsize=2)
def schema(name: str) -> etree.XMLSchema:
    data = resources.files("resources").joinpath("schemas", name).read_bytes()
    return etree.XMLSchema(etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False)))


def schema_errors(xml: bytes, name: str) -> list[str]:
    """Every way ``xml`` breaks schema ``name`` (``[]`` when it is valid), as ``line N: message``."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    document = etree.fromstring(xml, parser=parser)
    checker = schema(name)
    if checker.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in checker.error_log]
