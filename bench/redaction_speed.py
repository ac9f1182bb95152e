"""How long the redactor takes per comment (not a test: figures depend on the machine).

    .venv/bin/python bench/redaction_speed.py [--repeat 2000]

Prints the mean time per call in microseconds for ordinary comments, comments full of
personal data written in many ways, comments at the form's limit of 1,000 characters,
and hostile 10,000-character strings (which the form refuses, but the ORM path redacts).
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from feedback.redaction import redact

ORDINARY = [
    "Bra sida, men jag saknar exempel från mindre kommuner.",
    "Webbinariet 2024-01-16 kl. 13.00 var mycket bra. Se SFS 2001:453 och prop. 2023/24:1.",
    "Projektet kostade 1 500 000 kr och svarstiden minskade med 30 %.",
    "Diarienummer Fi2023/02301, organisationsnummer 212000-2817.",
]
PERSONAL = [
    "Min klient 811218-9870 ringer från 070-123 45 67, mejla anna.berg@kommun.se.",
    "Pnr ８１１２１８－９８７０, tel ٠٧٠ ١٢٣ ٤٥ ٦٧, anna punkt berg snabel-a kommun punkt se",
    "Hon bor på Storgatan 12, 123 45 Ankeby och har nummer 8 1 1 2 1 8 9 8 7 0.",
    "Ring +46 (0)8-123 45 67 eller skriv till Box 123, 831 21 Östersund.",
]
AT_LIMIT = [
    ("Vi har testat verktyget 2024-01-16 och det fungerade bra i 3 av 4 fall. " * 14)[:1000],
    ("Ring 070-123 45 67 eller 811218-9870, anna@kommun.se. " * 20)[:1000],
]
HOSTILE = ["1 " * 5000, "a." * 5000, "a@" * 5000, "0.0" * 3333, " at " * 2500, "08.00-" * 1666]


def mean_microseconds(texts, repeat):
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            redact(text)
    return (time.perf_counter() - start) / (repeat * len(texts)) * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000)
    args = parser.parse_args()
    rows = [
        ("ordinary comment", ORDINARY, args.repeat),
        ("comment with personal data", PERSONAL, args.repeat),
        ("1,000 characters", AT_LIMIT, max(1, args.repeat // 10)),
        ("hostile, 10,000 characters", HOSTILE, max(1, args.repeat // 100)),
    ]
    print(f"{'kind':<30} {'µs per comment':>15}")
    for name, texts, repeat in rows:
        print(f"{name:<30} {mean_microseconds(texts, repeat):>15.1f}")


if __name__ == "__main__":
    main()
