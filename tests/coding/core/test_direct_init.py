"""``direct_init``: the records made by the ten thousand (passages, their codings, turns) get an
``__init__`` writing into ``__dict__``; they must stay exactly the frozen dataclasses they were."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coding.core.direct_init import direct_init
from coding.core.records import CodeApplication, PassageInfo, TurnInfo

RECORDS = (CodeApplication, PassageInfo, TurnInfo)
values = st.one_of(st.integers(), st.text(max_size=5), st.none(), st.floats(allow_nan=False))


def _reference(cls: type) -> type:
    """The same fields as a plain frozen dataclass, with the ``__init__`` dataclasses writes."""
    return dataclasses.make_dataclass(
        cls.__name__, [(f.name, f.type) for f in dataclasses.fields(cls)], frozen=True
    )


@pytest.mark.parametrize("cls", RECORDS)
@given(data=st.data())
def test_a_record_holds_what_the_dataclass_init_would(cls: type, data: st.DataObject) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    given_values = [data.draw(values) for _ in names]
    reference = _reference(cls)(*given_values)
    for made in (cls(*given_values), cls(**dict(zip(names, given_values, strict=True)))):
        assert vars(made) == vars(reference)
        assert repr(made) == repr(reference)
        assert made == cls(*given_values) and hash(made) == hash(cls(*given_values))
        assert dataclasses.astuple(made) == dataclasses.astuple(reference)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, names[0], 1)
        changed: Any = dataclasses.replace(made, **{names[-1]: "other"})
        assert getattr(changed, names[-1]) == "other" and vars(made) == vars(reference)


@pytest.mark.parametrize("cls", RECORDS)
def test_a_record_refuses_missing_and_unknown_arguments(cls: type) -> None:
    count = len(dataclasses.fields(cls))
    with pytest.raises(TypeError):
        cls(*range(count - 1))
    with pytest.raises(TypeError):
        cls(*range(count), unknown=1)


def test_classes_it_cannot_serve_are_refused_when_made() -> None:
    with pytest.raises(TypeError):

        @direct_init
        @dataclasses.dataclass(frozen=True)
        class WithDefault:
            a: int = 1

    with pytest.raises(TypeError):

        @direct_init
        @dataclasses.dataclass(frozen=True, slots=True)
        class WithSlots:
            a: int

    with pytest.raises(TypeError):

        @direct_init
        @dataclasses.dataclass(frozen=True)
        class WithPostInit:
            a: int

            def __post_init__(self) -> None:
                pass
