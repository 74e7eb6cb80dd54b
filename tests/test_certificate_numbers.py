"""Certificate numbers: one serial per kind and year after the centre's prefix, from a counter."""

from __future__ import annotations

import random

import pytest

from app.db import Database
from app.models import CertificateKind
from app.services import certificates


@pytest.mark.parametrize(
    ("kind", "year", "sequence", "expected"),
    [
        (CertificateKind.SERVICE_RECORD, 2026, 7, "东邻志证〔2026〕第0007号"),
        (CertificateKind.HONOUR, 2027, 1, "东邻荣证〔2027〕第0001号"),
        ("completion", 2026, 12345, "东邻结证〔2026〕第12345号"),
    ],
)
def test_serial(kind: str, year: int, sequence: int, expected: str) -> None:
    assert certificates.serial("东邻", kind, year, sequence) == expected


def test_each_kind_and_year_counts_on_its_own(db: Database) -> None:
    with db.write() as session:
        taken = [
            certificates.take_number(session, "东邻", kind, year)
            for kind, year in (
                (CertificateKind.SERVICE_RECORD, 2026),
                (CertificateKind.SERVICE_RECORD, 2026),
                (CertificateKind.HONOUR, 2026),
                (CertificateKind.SERVICE_RECORD, 2027),
                (CertificateKind.SERVICE_RECORD, 2026),
            )
        ]
    assert [number.serial for number in taken] == [
        "东邻志证〔2026〕第0001号",
        "东邻志证〔2026〕第0002号",
        "东邻荣证〔2026〕第0001号",
        "东邻志证〔2027〕第0001号",
        "东邻志证〔2026〕第0003号",
    ]
    assert taken[-1] == certificates.Number(
        CertificateKind.SERVICE_RECORD, 2026, 3, taken[-1].serial
    )


def test_a_number_not_issued_is_given_back(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as session:
        certificates.take_number(session, "东邻", CertificateKind.HONOUR, 2026)
        raise RuntimeError("the certificate could not be written")
    with db.write() as session:
        number = certificates.take_number(session, "东邻", CertificateKind.HONOUR, 2026)
    assert number.sequence == 1


def test_verification_codes_are_easy_to_type_and_differ() -> None:
    codes = {certificates.verification_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == certificates.VERIFICATION_LENGTH
        assert not set(code) & set("01IO")
    seeded = certificates.verification_code(random.Random(5))
    assert seeded == certificates.verification_code(random.Random(5))


def test_a_verification_code_is_derived_from_the_serial_and_the_holder() -> None:
    from app.services.certificates import VERIFICATION_ALPHABET, code_matches, derived_code

    code = derived_code("s3cret", "东邻志证〔2026〕第0007号", 42)
    assert len(code) == 8 and set(code) <= set(VERIFICATION_ALPHABET)
    assert code == derived_code("s3cret", "东邻志证〔2026〕第0007号", 42)
    assert code != derived_code("s3cret", "东邻志证〔2026〕第0007号", 43)
    assert code != derived_code("other", "东邻志证〔2026〕第0007号", 42)
    assert code_matches(code, f" {code.lower()} ")
    assert not code_matches(code, "AAAAAAAA")
