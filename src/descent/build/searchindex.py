"""The search index as a reader meets it: readable text, one index per language.

Material's search plugin indexes the page HTML as it is before the formulas are typeset, so
its text holds TeX (``\\(\\eta\\)``, ``\\begin{aligned}``) and the notebooks' ``¶`` anchors.
:func:`clean_text` turns an inline formula into readable text when every macro in it is
known, and drops it otherwise; display formulas are dropped (they are whole derivations).

>>> tex_to_text(r"\\hat y_i = w x_i + b")
'ŷᵢ = w xᵢ + b'
>>> tex_to_text(r"\\partial J / \\partial w = \\frac{2}{n}\\sum x^2")
'∂J / ∂w = 2/n Σ x²'
>>> tex_to_text(r"\\begin{pmatrix} 1 \\end{pmatrix}") is None
True
>>> clean_text(r"<p>步长 \\(\\eta = 0.1\\)：</p> \\[ J = w^2 \\] <h2>Title¶</h2>")
'<p>步长 η = 0.1：</p> <h2>Title</h2>'
"""

from __future__ import annotations

import html
import re
import unicodedata

SYMBOLS = {
    **{name: chr(0x3B1 + i) for i, name in enumerate("alpha beta gamma delta".split())},
    "epsilon": "ε", "varepsilon": "ε", "eta": "η", "theta": "θ", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ", "phi": "φ",
    "Delta": "Δ", "Sigma": "Σ", "partial": "∂", "nabla": "∇", "times": "×", "cdot": "·",
    "sum": " Σ", "prod": " Π", "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "|": "‖",
    "to": "→", "leftarrow": "←", "rightarrow": "→", "Rightarrow": "⇒", "top": "ᵀ",
    "approx": "≈", "le": "≤", "ge": "≥", "ne": "≠", "neq": "≠", "ll": "≪", "pm": "±",
    "dots": "…", "ldots": "…", "cdots": "⋯", "ell": "ℓ", "ast": "*", "propto": "∝",
    "odot": "⊙", "infty": "∞", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋",
    **{name: name for name in "sin cos tanh ln log exp max min".split()},
    **dict.fromkeys(["quad", "qquad", ",", ";", ":", " "], " "),
    **dict.fromkeys("left right big Big bigl bigr !".split(), ""),
}  # fmt: skip
ACCENTS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "overline": "\u0305"}
PLAIN = ("text", "mathrm", "operatorname", "mathbf", "mathsf", "texttt", "mathit", "mathbb")
SUPER = dict(zip("0123456789+-=()abiknxtTᵀ", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇⁱᵏⁿˣᵗᵀᵀ", strict=True))
SUB = dict(zip("0123456789+-=()aeijknmotx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₙₘₒₜₓ", strict=True))
ARG = r"(?:\{([^{}]*)\}|\s*(\\[A-Za-z]+|[^\W_]))"  # a braced group or one token
MARKS = {"^": "\x01", "_": "\x02"}  # kept apart from the TeX still to be read
DISPLAY = re.compile(
    r"\\\[.*?\\\]|\$\$.*?\$\$|\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.S
)  # fmt: skip
INLINE = re.compile(r"\\\((.*?)\\\)|(?<![\\$])\$(?!\$)(.+?)(?<!\\)\$", re.S)


def _script(body: str, table: dict[str, str], mark: str) -> str:
    body = body.strip()
    if all(c in table for c in body):
        return "".join(table[c] for c in body)
    mark = MARKS[mark]
    return mark + body if body.isalnum() else f"{mark}({body})"


def tex_to_text(tex: str) -> str | None:
    """A formula as plain Unicode text, or None when it uses a macro this does not know."""
    s = html.unescape(tex).replace("\u200b", "")
    s = re.sub(r"\\([A-Za-z]+)", lambda m: _symbol(m[1], m[0]), s)
    for _ in range(8):  # innermost groups first
        before = s
        s = re.sub(r"\\[dt]?frac" + ARG + ARG, lambda m: _fraction(m[1] or m[2], m[3] or m[4]), s)
        s = re.sub(r"\\sqrt" + ARG, lambda m: "√" + _group(m), s)
        s = re.sub(r"\\(" + "|".join(PLAIN) + r")" + ARG, lambda m: m[2] or m[3], s)
        s = re.sub(
            r"\\(" + "|".join(ACCENTS) + r")" + ARG,
            lambda m: "".join(c + ACCENTS[m[1]] for c in (m[2] or m[3])),
            s,
        )
        s = re.sub(r"\^" + ARG, lambda m: _script(m[1] or m[2], SUPER, "^"), s)
        s = re.sub(r"_" + ARG, lambda m: _script(m[1] or m[2], SUB, "_"), s)
        if s == before:
            break
    s = re.sub(r"\\([A-Za-z]+|.)", lambda m: SYMBOLS.get(m[1], "\\" + m[1]), s)
    s = s.replace(MARKS["^"], "^").replace(MARKS["_"], "_")
    s = re.sub(r"\s+", " ", s.replace("{", "").replace("}", "")).strip()
    s = re.sub(r"([∂∇√]) (?=\w)", r"\1", s)
    return None if "\\" in s else unicodedata.normalize("NFC", s)


def _symbol(name: str, source: str) -> str:
    value = SYMBOLS.get(name, source)
    return value + " " if value.isalpha() and len(value) > 1 else value


def _group(match: re.Match) -> str:
    body = match[1] or match[2]
    return body if len(body) == 1 else f"({body})"


def _fraction(top: str, bottom: str) -> str:
    wrap = lambda t: f"({t})" if re.search(r"[\s+\-]", t.strip()) else t.strip()  # noqa: E731
    return f"{wrap(top)}/{wrap(bottom)}"


def clean_text(text: str) -> str:
    """Index text with display formulas and ``¶`` removed and inline formulas readable."""
    text = DISPLAY.sub("", text.replace("¶", ""))

    def inline(match: re.Match) -> str:
        readable = tex_to_text(match[1] if match[1] is not None else match[2])
        return html.escape(readable, quote=False) if readable else ""

    text = re.sub(r"\s{2,}", " ", INLINE.sub(inline, text))
    return re.sub(r"\s+(?=</)", "", text).strip()


def by_language(docs: list[dict], languages: list[str], default: str) -> dict[str, list]:
    """Split the entries by the language folder their location starts with.

    >>> docs = [{"location": "loss/"}, {"location": "en/loss/"}]
    >>> by_language(docs, ["zh", "en"], "zh")
    {'zh': [{'location': 'loss/'}], 'en': [{'location': 'en/loss/'}]}
    """
    split: dict[str, list] = {lang: [] for lang in languages}
    for doc in docs:
        first = doc["location"].split("/", 1)[0]
        split[first if first in split and first != default else default].append(doc)
    return split


# Material's worker (9.8.1) splits a Chinese query into terms of the index, but its loop never
# tries a term that ends the query and drops a last single character: 链式法则 became
# 链* 式* 法 and 反向传播 became 反向* 传. This replacement picks the fewest index terms
# that cover the query; a character no term covers stands alone (a query with no index term at
# all stays whole, as before). The worker also joined the terms with "* " before adding a "*"
# to every term, so each term but the last became 反向** and was reported missing ("缺少")
# from every result: they are joined with a space.
SEGMENTER = re.compile(
    r"function (\w+)\(t,e\)\{let r=new Set,n=new Uint16Array\(t\.length\);"
    r".*?return r\.has\(\"\"\)\?new Set\(\[t\]\):r\}"
)
FEWEST_TERMS = (
    "function {name}(t,e){{/*descent: fewest index terms*/"
    "let c=[0],p=[0];for(let j=1;j<=t.length;j++){{c[j]=1/0;"
    "for(let i=Math.max(0,j-16);i<j;i++){{let k=t.slice(i,j)in e?1:j-i===1?2:1/0;"
    "if(c[i]+k<c[j])c[j]=c[i]+k,p[j]=i}}}}"
    "let r=[];for(let j=t.length;j>0;j=p[j])r.unshift(t.slice(p[j],j));"
    "return new Set(r.some(w=>w in e)?r:[t])}}"
)


def patch_segmenter(worker: str) -> str:
    """Material's search worker with its Chinese query segmenter replaced (see above).

    >>> worker = ('x;function fe(t,e){let r=new Set,n=new Uint16Array(t.length);f();'
    ...           'return r.has("")?new Set([t]):r}[...fe(s,this.index.invertedIndex)].join("* ")')
    >>> patched = patch_segmenter(worker)
    >>> patched[:40], patched[-45:]
    ('x;function fe(t,e){/*descent: fewest ind', '[...fe(s,this.index.invertedIndex)].join(" ")')
    >>> patch_segmenter("function other(){}")
    Traceback (most recent call last):
    ValueError: the search worker's Chinese segmenter was not found (Material changed?)
    """
    if "/*descent: fewest index terms*/" in worker:
        return worker
    patched, count = SEGMENTER.subn(lambda m: FEWEST_TERMS.format(name=m[1]), worker)
    name = SEGMENTER.search(worker)[1] if count == 1 else "?"
    call = f"[...{name}(s,this.index.invertedIndex)].join("
    if count != 1 or patched.count(call + '"* ")') != 1:
        raise ValueError("the search worker's Chinese segmenter was not found (Material changed?)")
    return patched.replace(call + '"* ")', call + '" ")')
