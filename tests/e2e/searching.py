"""Typing into Material's search box the way a reader does (shared by the browser tests)."""
from __future__ import annotations

ZWSP = "\u200b"


def type_query(page, query: str) -> None:
    """Fill the search box and wait until Material has answered (results or "no match")."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")       # Material searches on key release
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0"
        " || /没有|No matching/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15000)
    page.wait_for_timeout(300)   # let the result list settle, then read it in one go
