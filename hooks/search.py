"""Hook: the search index as a reader meets it — readable, per language, Chinese queries split.

Why: Material indexes page HTML before formulas are typeset, so results showed raw TeX and
the notebooks' ``¶``; mkdocs-static-i18n merges both languages into one index, so a Chinese
page listed English results first; and Material's worker split Chinese queries wrongly
(反向传播 searched as 反向* 传). After the last build (i18n rebuilds the index at priority
-100), this rewrites ``search/search_index.json`` with clean text (descent.build.searchindex),
writes ``search/search_index.<lang>.json`` for every language (docs/javascripts/requests.js
asks for the one of the page's ``<html lang>``; the whole index stays for hooks/preview.py),
and patches the worker's segmenter.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from descent.build.searchindex import by_language, clean_text, patch_segmenter


def _languages(config) -> tuple[list[str], str]:
    i18n = config.plugins["i18n"].config
    languages = [lang.locale for lang in i18n.languages if lang.build]
    default = next(lang.locale for lang in i18n.languages if lang.default)
    return languages, default


@event_priority(-200)
def on_post_build(config):
    site = Path(config.site_dir)
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["title"] = clean_text(doc["title"])
        doc["text"] = clean_text(doc["text"])
    languages, default = _languages(config)
    for lang, docs in by_language(index["docs"], languages, default).items():
        text = json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        (site / "search" / f"search_index.{lang}.json").write_text(text, encoding="utf-8")
    # the whole index stays: hooks/preview.py merges it across dirty rebuilds
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.js"):
        try:
            worker.write_text(patch_segmenter(worker.read_text("utf-8")), encoding="utf-8")
        except ValueError as error:
            raise PluginError(f"{worker.name}: {error}") from error
