"""证书: how certificates are numbered, for the Certificates desk's service and the demo centre.

Each kind has its own serial per year, after the centre's prefix: 东邻志证〔2026〕第0007号 is the
seventh volunteer service record certificate of 2026 of a centre whose prefix is 东邻. The number
comes from a counter row in the issuing transaction (`app.counters`), so two desks never issue
the same one. The verification code, printed and carried in the QR code with the number, lets
anyone check that a certificate is genuine.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app import counters
from app.models import CertificateKind

# The kind's two characters in the serial, after the centre's prefix.
KIND_CODES = {
    CertificateKind.SERVICE_RECORD: "志证",
    CertificateKind.HONOUR: "荣证",
    CertificateKind.COMPLETION: "结证",
}
# Letters and digits that can't be mistaken for one another when typed from paper (no 0/O, 1/I).
VERIFICATION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
VERIFICATION_LENGTH = 8


@dataclass(frozen=True)
class Number:
    """A certificate's place in the register."""

    kind: CertificateKind
    year: int
    sequence: int
    serial: str


def serial(prefix: str, kind: CertificateKind | str, year: int, sequence: int) -> str:
    """e.g. serial("东邻", CertificateKind.SERVICE_RECORD, 2026, 7) → 东邻志证〔2026〕第0007号."""
    return f"{prefix}{KIND_CODES[CertificateKind(kind)]}〔{year}〕第{sequence:04d}号"


def counter_name(kind: CertificateKind | str, year: int) -> str:
    return f"certificate:{CertificateKind(kind)}:{year}"


def take_number(
    session: Session | Connection, prefix: str, kind: CertificateKind | str, year: int
) -> Number:
    """The next number of `kind` in `year`, taken in the caller's writing transaction."""
    kind = CertificateKind(kind)
    sequence = counters.take(session, counter_name(kind, year))
    return Number(kind, year, sequence, serial(prefix, kind, year, sequence))


def derived_code(secret: str, serial: str, person_id: int) -> str:
    """The verification code of certificate `serial` held by `person_id`: an HMAC under the
    installation's secret (`Centre.verification_secret`), so a code can't be made up without it
    and a serial copied onto another person's certificate doesn't verify."""
    message = f"{serial}|{person_id}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    # 32 letters: each byte modulo 32 is uniform.
    return "".join(VERIFICATION_ALPHABET[byte % 32] for byte in digest[:VERIFICATION_LENGTH])


def code_matches(expected: str, given: str) -> bool:
    """Whether a typed or scanned code is the certificate's, in constant time; case and the
    letters a reader confuses (O for 0 is not in the alphabet) are forgiven."""
    cleaned = given.strip().upper().replace(" ", "")
    return hmac.compare_digest(expected.encode(), cleaned.encode())


def verification_code(rng: random.Random | None = None) -> str:
    """A new verification code; unpredictable unless a seeded `rng` is given (the demo)."""
    chooser = rng if rng is not None else secrets.SystemRandom()
    return "".join(chooser.choice(VERIFICATION_ALPHABET) for _ in range(VERIFICATION_LENGTH))
