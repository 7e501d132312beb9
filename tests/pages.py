"""Parse the book's Markdown pages for the docs tests (shared by several test files)."""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def load_hook(name: str):
    """Import ``hooks/<name>.py`` so tests use the build's own patterns and checks."""
    spec = importlib.util.spec_from_file_location(f"hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The {{ module.key }} syntax is defined once, by the hook that substitutes it.
VALUE = load_hook("values").TOKEN

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$", re.M)
HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
TAG = re.compile(r"\\tag\{([^}]*)\}")
SNIPPET = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"([^"]+)"[ \t]*$', re.M)
FIGURE = re.compile(r"!\[[^\]]*\]\((figures/[^)\s]+)")
REASON = re.compile(r"<!--\s*not-included:\s*\S.*?-->\s*$")


@dataclass
class Page:
    """What the docs tests compare between a page and its translation."""

    path: Path
    text: str
    heading_ids: list[str] = field(default_factory=list)
    headings_without_id: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    snippets: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    python_fences: list[tuple[int, str]] = field(default_factory=list)  # (line, body)

    @property
    def rel(self) -> str:
        return self.path.relative_to(ROOT).as_posix()


def parse(path: Path) -> Page:
    """Read a Markdown page; headings are looked for outside fenced code only."""
    text = path.read_text(encoding="utf-8")
    page = Page(path, text)
    prose = text
    for match in FENCE.finditer(text):
        info = match.group("info").strip().split()
        if info and info[0].lower() in {"python", "py", "pycon", "python3"}:
            line = text.count("\n", 0, match.start()) + 1
            before = text[: match.start()].rstrip().splitlines()[-1:] or [""]
            if not REASON.search(before[0]):
                page.python_fences.append((line, match.group("body")))
        prose = prose.replace(match.group(0), "\n" * match.group(0).count("\n"))
    for level, title in HEADING.findall(prose):
        found = HEADING_ID.search(title)
        if found:
            page.heading_ids.append(found.group(1))
        else:
            page.headings_without_id.append(f"{level} {title}")
    page.tags = TAG.findall(text)
    page.snippets = SNIPPET.findall(text)
    page.figures = FIGURE.findall(text)
    page.values = VALUE.findall(text)
    return page


def zh_pages() -> list[Path]:
    """Every default-language Markdown page (generated includes are not pages)."""
    return sorted(
        p
        for p in DOCS.rglob("*.md")
        if not p.name.endswith(".en.md") and "generated" not in p.relative_to(DOCS).parts
    )


def all_pages() -> list[Page]:
    """Both languages of every page."""
    out = []
    for zh in zh_pages():
        out.append(parse(zh))
        en = zh.with_name(zh.stem + ".en.md")
        if en.exists():
            out.append(parse(en))
    return out


def translation_of(path: Path) -> Path:
    """The English edition's path for a default-language file (page or notebook)."""
    return path.with_name(f"{path.stem}.en{path.suffix}")


POWER_OF_TEN = re.compile(r"(?:([-−]?\d+(?:\.\d+)?) × |([-−]?))10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
FROM_SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def python_number(cell: str) -> str:
    """A table's power of ten as Python writes it, so tests can float() it: 9.9 × 10⁻¹¹ → 9.9e-11.

    >>> python_number("9.9 × 10⁻¹¹"), python_number("-10⁻⁵"), python_number("1.0327 × 10⁸, 2")
    ('9.9e-11', '-1e-05', '1.0327e+08, 2')
    """

    def one(m: re.Match) -> str:
        mantissa = m[1] if m[1] is not None else m[2] + "1"
        exponent = int(m[3].translate(FROM_SUPERSCRIPT))
        return f"{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"

    return POWER_OF_TEN.sub(one, cell)


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of a generated Markdown table, its header and rule left out; numbers written
    as powers of ten (descent.build.table.powers_of_ten) are read back as Python writes them."""
    lines = markdown.strip().splitlines()[2:]
    return [[python_number(cell.strip()) for cell in line.strip("|").split("|")] for line in lines]


def central_difference(f, theta: np.ndarray, h: float) -> np.ndarray:
    """∇f(θ) by central differences, written out here, independent of descent.numdiff."""
    out = np.zeros_like(theta)
    for i in range(theta.size):
        e = np.zeros_like(theta)
        e[i] = h
        out[i] = (f(theta + e) - f(theta - e)) / (2 * h)
    return out
