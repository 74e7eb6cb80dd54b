"""Backups of a SQLite file: consistent while another connection writes, verified before they
count, never replacing a good one when they fail, rotated to exactly 14 daily and 12 monthly."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
import threading
from pathlib import Path

import pytest

from app import clock
from app.backup import copies
from app.backup.copies import BackupFailed, Manifest


def small_database(path: Path, rows: int = 50) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, pair INTEGER, note TEXT)")
        connection.executemany(
            "INSERT INTO visit (pair, note) VALUES (?, ?)",
            [(n // 2, "x" * 200) for n in range(rows * 2)],
        )
    connection.close()
    return path


def test_a_backup_taken_while_another_connection_writes_holds_whole_transactions(
    tmp_path: Path,
) -> None:
    source = small_database(tmp_path / "centre.sqlite3")
    stop = threading.Event()
    written = [0]

    def write_pairs() -> None:
        writer = sqlite3.connect(source, isolation_level=None, timeout=15)
        n = 10_000
        while not stop.is_set():
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("INSERT INTO visit (pair, note) VALUES (?, 'a')", (n,))
            writer.execute("INSERT INTO visit (pair, note) VALUES (?, 'b')", (n,))
            writer.execute("COMMIT")
            n += 1
            written[0] += 1
        writer.close()

    thread = threading.Thread(target=write_pairs)
    thread.start()
    try:
        made = [copies.make_copy(source, "manual", tmp_path / "b") for _ in range(8)]
    finally:
        stop.set()
        thread.join()
    assert written[0] > 0
    counts = [m.counts["visit"] for m in made]
    assert all(n % 2 == 0 for n in counts)  # both rows of every transaction, or neither
    for manifest in made:
        with sqlite3.connect(manifest.path) as copy:
            odd = copy.execute(
                "SELECT count(*) FROM (SELECT pair FROM visit GROUP BY pair HAVING count(*) != 2)"
            ).fetchone()[0]
            assert odd == 0
            assert (
                copy.execute("SELECT count(*) FROM visit").fetchone()[0]
                == (manifest.counts["visit"])
            )
            assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
        copy.close()
        assert Manifest.read(manifest.path) == manifest


def damage(path: Path) -> None:
    """Overwrite a page in the middle of the file, as a failing disk does."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xa5" * 4096)


def test_verification_catches_a_damaged_copy_and_a_copy_with_other_rows(tmp_path: Path) -> None:
    source = small_database(tmp_path / "centre.sqlite3", rows=400)
    made = copies.make_copy(source, "manual", tmp_path / "b")
    assert copies.verify_sqlite(made.path, made.counts) == made.counts
    with pytest.raises(BackupFailed, match="visit"):
        copies.verify_sqlite(made.path, {**made.counts, "visit": made.counts["visit"] + 1})
    damage(made.path)
    with pytest.raises(BackupFailed):
        copies.verify_sqlite(made.path, made.counts)


def test_a_copy_that_fails_its_check_is_not_kept_and_the_older_ones_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = small_database(tmp_path / "centre.sqlite3")
    folder = tmp_path / "b"
    good = copies.make_copy(source, "manual", folder)
    real_copy = copies.copy_sqlite

    def copy_then_damage(src: Path, target: Path) -> tuple[dict[str, int], str | None]:
        counts, revision = real_copy(src, target)
        return {**counts, "visit": counts["visit"] + 1}, revision  # as if rows went missing

    monkeypatch.setattr(copies, "copy_sqlite", copy_then_damage)
    with pytest.raises(BackupFailed):
        copies.make_copy(source, "manual", folder)
    assert [m.path for m in copies.list_backups(folder)] == [good.path]
    assert sorted(p.name for p in folder.iterdir()) == [good.path.name, good.path.name + ".json"]


def test_a_full_disk_says_so_and_keeps_the_older_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = small_database(tmp_path / "centre.sqlite3")
    folder = tmp_path / "b"
    good = copies.make_copy(source, "manual", folder)

    def full(_source: Path, _target: Path) -> tuple[dict[str, int], str | None]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(copies, "copy_sqlite", full)
    with pytest.raises(BackupFailed) as raised:
        copies.make_copy(source, "manual", folder)
    assert str(folder) in raised.value.message
    assert raised.value.reason == copies.reason_text(OSError(errno.ENOSPC, ""))
    assert [m.path for m in copies.list_backups(folder)] == [good.path]
    assert not list(folder.glob("*.partial"))


def test_too_little_free_space_is_said_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = small_database(tmp_path / "centre.sqlite3")
    monkeypatch.setattr(copies.shutil, "disk_usage", lambda _p: type("U", (), {"free": 10})())
    with pytest.raises(BackupFailed) as raised:
        copies.make_copy(source, "manual", tmp_path / "b")
    assert raised.value.reason == copies.reason_text(OSError(errno.ENOSPC, ""))
    assert list((tmp_path / "b").iterdir()) == []


def test_a_usb_stick_pulled_out_says_the_folder_is_gone(tmp_path: Path) -> None:
    source = small_database(tmp_path / "centre.sqlite3")
    gone = tmp_path / "usb" / "youlin-backups"
    with pytest.raises(BackupFailed) as raised:
        copies.make_copy(source, "manual", output=gone / "copy.sqlite3")
    assert str(gone) in raised.value.message
    assert not (tmp_path / "usb").exists()


def test_rotation_over_a_year_of_days_keeps_exactly_14_daily_and_12_monthly(
    tmp_path: Path,
) -> None:
    source = small_database(tmp_path / "centre.sqlite3", rows=1)
    folder = tmp_path / "b"
    first = dt.datetime(2026, 1, 1, 8, 0)
    with clock.frozen(first) as fixed:
        for _day in range(400):
            copies.make_copy(source, "daily", folder)
            if _day % 30 == 0:
                copies.make_copy(source, "before-upgrade-0010", folder)
            fixed.advance(dt.timedelta(days=1))
    kept = copies.list_backups(folder)
    daily = [m for m in kept if m.kind == "daily"]
    assert len(daily) == copies.KEEP_DAILY + copies.KEEP_MONTHLY
    last = first + dt.timedelta(days=399)
    days = sorted({m.made_at.date() for m in daily}, reverse=True)
    recent = [last.date() - dt.timedelta(days=n) for n in range(copies.KEEP_DAILY)]
    assert days[: copies.KEEP_DAILY] == recent
    monthly = days[copies.KEEP_DAILY :]
    assert all(day.day == 1 for day in monthly)
    assert len({(d.year, d.month) for d in monthly}) == copies.KEEP_MONTHLY
    assert len([m for m in kept if m.kind.startswith("before-")]) == copies.KEEP_SAFETY
    # Nothing but the kept backups and their manifests is left in the folder.
    assert len(list(folder.iterdir())) == 2 * len(kept)


def test_files_without_a_manifest_are_neither_listed_nor_rotated(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    stray = folder / "centre-2020-01-01-000000-daily.sqlite3"
    stray.write_bytes(b"partial")
    source = small_database(tmp_path / "centre.sqlite3", rows=1)
    copies.make_copy(source, "daily", folder)
    assert stray.exists()
    assert all(m.path != stray for m in copies.list_backups(folder))
