#!/usr/bin/env python3
"""Rewrites the table of contents between <!-- toc --> and <!-- /toc --> in README.md from its ## headings."""
import pathlib
import re

readme = pathlib.Path(__file__).resolve().parent.parent / "README.md"
text = readme.read_text(encoding="utf-8")
head, rest = text.split("<!-- toc: scripts/readme-toc.py writes it -->\n", 1)
_, tail = rest.split("<!-- /toc -->\n", 1)


def anchor(title):
    # GitHub's rule: lower case, drop everything but letters, digits, spaces, hyphens and underscores, spaces to hyphens
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


lines = [f"- [{t}](#{anchor(t)})" for t in re.findall(r"^## (.+)$", tail, flags=re.M)]
readme.write_text(head + "<!-- toc: scripts/readme-toc.py writes it -->\n" + "\n".join(lines) + "\n<!-- /toc -->\n" + tail, encoding="utf-8")
