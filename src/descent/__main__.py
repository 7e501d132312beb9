"""Command line: ``python -m descent generate`` regenerates every figure and table."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from descent.build import artifacts, digest


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m descent")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write every figure and generated table under docs/")
    gen.add_argument("--docs", type=Path, default=Path("docs"), help="docs directory")
    gen.add_argument("--only", help="only artifacts whose path contains this text")
    gen.add_argument("--check", action="store_true", help="fail if a committed file is stale")
    gen.add_argument(
        "--force", action="store_true", help="regenerate even if the sources are unchanged"
    )
    sub.add_parser("list", help="list every artifact and the function that makes it")
    args = parser.parse_args(argv)

    if args.command == "list":
        for artifact in artifacts.discover():
            print(f"{artifact.path}\t{artifact.source}")
        return 0
    if not args.docs.is_dir():
        parser.error(f"docs directory not found: {args.docs}")
    if args.check:
        bad = artifacts.stale(args.docs)
        for path in bad:
            print(f"stale: {args.docs / path} (run `nox -s figures`)", file=sys.stderr)
        return 1 if bad else 0
    if not (args.force or args.only) and digest.up_to_date(args.docs):
        print(f"up to date: sources unchanged since {args.docs / digest.DIGEST} (--force)")
        return 0
    start = time.perf_counter()
    written = artifacts.write_all(args.docs, args.only)
    if not args.only:
        digest.record_digest(args.docs)
    print(f"generated {len(written)} files in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
