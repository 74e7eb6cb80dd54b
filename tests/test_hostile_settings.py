"""The machine's settings file, edited by hand or damaged, opens with sane values and saves
again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app import settings as settings_module
from tests.hostile import HOSTILE, short_text

json_value = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=False),
        short_text,
        st.sampled_from(['"\\udcff"', "\\ud800"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(short_text, inner, max_size=3)
    ),
    max_leaves=6,
)
settings_file = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            "language": json_value,
            "text_size": json_value,
            "window_geometry": json_value,
            "last_username": json_value,
            "idle_lock_minutes": json_value,
        },
    ),
    json_value,
)


@HOSTILE
@given(content=settings_file, raw=st.one_of(st.none(), st.binary(max_size=200)))
def test_a_hostile_settings_file_loads_and_saves(
    tmp_path: Path, content: Any, raw: bytes | None
) -> None:
    path = tmp_path / "settings.json"
    if raw is None:
        text = json.dumps(content, ensure_ascii=True)
        # A lone surrogate escaped in JSON ("\udcff") decodes to a str UTF-8 can't write back.
        path.write_text(text.replace('"\\\\udcff"', '"\\udcff"'), encoding="utf-8")
    else:
        path.write_bytes(raw)
    loaded = settings_module.load(path)
    assert loaded == loaded.validated()
    assert isinstance(loaded.idle_lock_minutes, int) and not isinstance(
        loaded.idle_lock_minutes, bool
    )
    settings_module.save(loaded, path)
    assert settings_module.load(path) == loaded


def test_a_lone_surrogate_in_the_file_does_not_stop_saving(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"last_username": "\\udcff", "window_geometry": "\\ud800x"}', "utf-8")
    loaded = settings_module.load(path)
    settings_module.save(loaded, path)
    assert settings_module.load(path) == loaded
