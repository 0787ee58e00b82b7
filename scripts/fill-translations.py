#!/usr/bin/env python3
"""Fills translations/stemdeck_<lang>.ts from the phrase tables in translations/phrases_*.py.

Usage: scripts/fill-translations.py   (after `cmake --build build --target update_translations`
or lupdate has extracted the strings). Every message gets its translation and loses its
"unfinished" mark; a source text with no entry in the tables is listed and the exit status is 1,
so a new string cannot slip through untranslated (tests/i18n checks the files as well).
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root / "translations"))
import phrases_a  # noqa: E402
import phrases_b  # noqa: E402
import phrases_c  # noqa: E402

table = {**phrases_a.T, **phrases_b.T, **phrases_c.T}
keep = set(phrases_b.KEEP)
LANGS = {"es": 0, "de": 1}


def translation_for(source, lang):
    if source in table:
        return table[source][LANGS[lang]]
    if source in keep:
        return source
    return None


missing = set()
used = set()
for lang in LANGS:
    path = root / "translations" / f"stemdeck_{lang}.ts"
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        text = translation_for(source, lang)
        element = message.find("translation")
        if text is None:
            missing.add(source)
            continue
        used.add(source)
        element.attrib.pop("type", None)
        for child in list(element):
            element.remove(child)
        element.text = None
        if message.get("numerus") == "yes":
            forms = text if isinstance(text, list) else [text, text]
            for form in forms:
                ET.SubElement(element, "numerusform").text = form
        else:
            if isinstance(text, list):
                missing.add(source)
                continue
            element.text = text
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")

for source in sorted(missing):
    print(f"no translation: {source!r}")
for source in sorted(set(table) - used):
    print(f"unused entry: {source!r}")
sys.exit(1 if missing else 0)
