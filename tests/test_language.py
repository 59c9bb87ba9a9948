"""The document's language: detection, declaration, and rules that run only in their languages."""

from __future__ import annotations

import pytest

import declutter
from declutter import RuleError, RuleSet
from declutter.document import Document
from declutter.language import detect_language, detectable, normalize_language

PROSE = {
    "en": "The government said on Monday that taxes would not rise next year, and the minister added that it was "
    "good news for the regions, which have been waiting for more money for years.",
    "de": "Die Regierung hat am Montag angekündigt, dass die Steuern im kommenden Jahr nicht steigen werden. Der "
    "Minister sagte, es sei auch für die Länder eine gute Nachricht, die seit Jahren auf mehr Geld warten.",
    "fr": "Le gouvernement a annoncé lundi que les impôts ne seront pas augmentés l'an prochain, et le ministre a "
    "ajouté que c'est une bonne nouvelle pour les régions, qui attendent plus d'argent depuis des années.",
    "es": "El Gobierno anunció el lunes que los impuestos no subirán el próximo año, y el ministro añadió que es "
    "una buena noticia para las regiones, que esperan más dinero desde hace años y que lo han pedido con insistencia.",
    "it": "Il governo ha annunciato lunedì che le tasse non aumenteranno il prossimo anno, e il ministro ha "
    "aggiunto che è una buona notizia per le regioni, che da anni attendono più fondi dallo Stato.",
    "pt": "O governo anunciou na segunda-feira que os impostos não vão subir no próximo ano, e o ministro disse que "
    "é uma boa notícia para os estados, que há anos esperam mais dinheiro da União.",
    "nl": "De regering heeft maandag aangekondigd dat de belastingen volgend jaar niet omhoog gaan. De minister zei "
    "dat het ook voor de provincies goed nieuws is, die al jaren op meer geld wachten.",
    "pl": "Rząd ogłosił w poniedziałek, że podatki nie wzrosną w przyszłym roku, a minister dodał, że to dobra "
    "wiadomość dla regionów, które od lat czekają na więcej pieniędzy z budżetu i już się o to upominały.",
}


@pytest.mark.parametrize("code", sorted(PROSE))
def test_each_language_is_detected(code: str) -> None:
    assert detect_language(PROSE[code]) == code
    assert code in detectable()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Short text.",
        "Home News Sport Weather",
        PROSE["en"] + " " + PROSE["de"],  # half and half: neither wins by enough
        "Правительство объявило в понедельник, что налоги не вырастут в следующем году.",
    ],
)
def test_unsure_gives_none(text: str) -> None:
    assert detect_language(text) is None


def test_language_tags_normalise_to_iso_639_1() -> None:
    assert normalize_language("pt-BR") == "pt"
    assert normalize_language("de_AT") == "de"
    assert normalize_language("EN") == "en"
    assert normalize_language("German") is None
    assert normalize_language("") is None


GERMAN_PAGE = PROSE["de"] + "\n\nWerbung\n\n" + PROSE["de"] + "\n\nInfo zur Bewertung\n"
ENGLISH_PAGE = PROSE["en"] + "\n\nWerbung\n\n" + PROSE["en"] + "\n"


def _removed(result: declutter.Cleaned) -> set[str]:
    return {d.text for d in result.decisions}


def test_a_german_rule_fires_on_german_text() -> None:
    result = declutter.explain(GERMAN_PAGE)
    assert result.language == "de"
    assert {"Werbung", "Info zur Bewertung"} <= _removed(result)
    assert {d.rule_id for d in result.decisions} >= {"LDE007", "LDE011"}


def test_a_german_rule_does_not_fire_on_english_text() -> None:
    result = declutter.explain(ENGLISH_PAGE)
    assert result.language == "en"
    assert "Werbung" not in _removed(result)


def test_language_rules_do_not_run_when_the_language_is_unknown() -> None:
    result = declutter.explain("Werbung\n\nInfo zur Bewertung\n")
    assert result.language is None
    assert not any(d.rule_id.startswith("LDE") for d in result.decisions)


def test_an_explicit_language_wins() -> None:
    assert "Werbung" in _removed(declutter.explain("Werbung\n\nInfo zur Bewertung\n", language="de"))
    assert "Werbung" in _removed(declutter.explain(ENGLISH_PAGE, language="de-CH"))
    assert "Werbung" not in _removed(declutter.explain(GERMAN_PAGE, language="en"))
    assert declutter.clean(GERMAN_PAGE, language="en").count("Werbung") == 1
    with pytest.raises(ValueError, match="ISO 639-1"):
        declutter.explain(GERMAN_PAGE, language="German")


def test_html_lang_decides_for_a_page() -> None:
    body = "<body><article><h1>Steuern</h1><p>{0}</p><p>Werbung</p><p>{0}</p></article></body></html>"
    page = body.format(PROSE["en"])
    declared = '<!DOCTYPE html><html lang="de"><head><title>Steuern</title></head>' + page
    undeclared = "<!DOCTYPE html><html><head><title>Steuern</title></head>" + page
    assert declutter.explain(declared).language == "de"
    assert "Werbung" not in declutter.clean(declared)
    assert declutter.explain(undeclared).language == "en"  # detected from the article's text
    assert "Werbung" in declutter.clean(undeclared)


GERMAN_ARTICLE = """<!DOCTYPE html><html lang="de"><head><title>Bahn kündigt neue Fahrpläne an</title>
<meta property="og:type" content="article"></head><body><main><article>
<h1>Bahn kündigt neue Fahrpläne an</h1>
<p class="artikel-teaser">Ab Dezember sollen mehr Züge zwischen Berlin und Hamburg fahren.</p>
<div class="datum">vor 3 Stunden</div>
<p>Die Deutsche Bahn will ihr Angebot auf der Strecke zwischen Berlin und Hamburg deutlich ausbauen. Wie das
Unternehmen am Dienstag mitteilte, sollen ab Dezember stündlich zusätzliche Verbindungen angeboten werden.</p>
<p><strong>Lesen Sie auch:</strong> <a href="/x">Warum die Bahn so oft zu spät kommt</a></p>
<p>Gleichzeitig kündigte der Konzern Bauarbeiten an. Zwischen April und Juni wird die Strecke an mehreren
Wochenenden gesperrt, Reisende müssen mit Umleitungen und längeren Fahrzeiten rechnen.</p>
<div class="werbung"><span>Anzeige</span><p>Jetzt günstig Bahntickets sichern!</p></div>
<p>Der Fahrgastverband Pro Bahn begrüßte die Pläne grundsätzlich, kritisierte aber die Informationspolitik.
Viele Pendler erführen von Sperrungen erst wenige Tage vorher, hieß es aus dem Verband.</p>
<p>Foto: dpa</p>
</article></main></body></html>"""


def test_a_german_article_keeps_its_standfirst_and_text_and_loses_its_residue() -> None:
    """A German news page: its Teaser (the standfirst) and paragraphs stay; its stamp, cross-link, ad and credit go."""
    text = declutter.clean(GERMAN_ARTICLE)
    assert "Ab Dezember sollen mehr Züge zwischen Berlin und Hamburg fahren." in text
    for kept in ("Die Deutsche Bahn will", "Gleichzeitig kündigte der Konzern", "Der Fahrgastverband Pro Bahn"):
        assert kept in text
    for gone in ("vor 3 Stunden", "Lesen Sie auch", "Anzeige", "Bahntickets sichern", "Foto: dpa"):
        assert gone not in text, gone


def test_a_french_article_loses_its_stamp_and_ad_box_and_keeps_its_text() -> None:
    page = (
        GERMAN_ARTICLE.replace('lang="de"', 'lang="fr"')
        .replace("vor 3 Stunden", "Mis à jour il y a 2 heures")
        .replace('class="werbung"', 'class="bloc-publicite"')
        .replace("Jetzt günstig Bahntickets sichern!", "Profitez de nos offres de voyage en train !")
    )
    text = declutter.clean(page)
    assert "Die Deutsche Bahn will" in text
    for gone in ("il y a 2 heures", "Profitez de nos offres"):
        assert gone not in text, gone


def test_for_document_selects_by_language() -> None:
    rules = RuleSet.bundled()
    german = rules.for_document(Document.from_text("x", language="de"))
    unknown = rules.for_document(Document.from_text("x"))
    ids = {r.id for r in german}
    assert "LDE001" in ids
    assert "LFR001" not in ids
    assert not any(r.languages for r in unknown)
    assert {r.id for r in unknown} < ids


def test_every_language_has_vocabulary() -> None:
    spoken = {code for rule in RuleSet.bundled() for code in rule.languages}
    assert {"de", "fr", "es", "it", "pt", "nl", "pl"} <= spoken


RULE = """
[file]
prefix = "TST"
{file_languages}

[[rule]]
id = "TST001"
name = "lone-werbung"
kind = "line"
category = "ad"
description = "An ad slug."
patterns = ['Werbung']
{rule_languages}
[rule.examples]
residue = ["Werbung"]
article = ["Werbung ist teuer."]
"""


def test_languages_load_per_rule_and_per_file(rule_file) -> None:  # type: ignore[no-untyped-def]
    per_rule = RuleSet.load(rule_file(RULE.format(file_languages="", rule_languages='languages = ["de", "nl"]')))
    assert per_rule.get("TST001").languages == {"de", "nl"}
    per_file = RuleSet.load(rule_file(RULE.format(file_languages='languages = ["de"]', rule_languages="")))
    assert per_file.get("TST001").languages == {"de"}
    override = RuleSet.load(
        rule_file(RULE.format(file_languages='languages = ["de"]', rule_languages='languages = "fr"'))
    )
    assert override.get("TST001").languages == {"fr"}


@pytest.mark.parametrize(
    ("value", "hint"),
    [('["de-DE"]', "did you mean 'de'?"), ('["German"]', "two-letter code"), ("[]", "remove the key"), ("[1]", None)],
)
def test_a_bad_language_is_a_clear_error(rule_file, value: str, hint: str | None) -> None:  # type: ignore[no-untyped-def]
    path = rule_file(RULE.format(file_languages="", rule_languages=f"languages = {value}"))
    with pytest.raises(RuleError) as info:
        RuleSet.load(path)
    error = info.value
    assert str(path) in str(error)
    assert error.rule_id == "TST001"
    assert error.line == 13
    if hint is not None:
        assert hint in str(error)


def test_a_bad_file_language_names_the_header_line(rule_file) -> None:  # type: ignore[no-untyped-def]
    path = rule_file(RULE.format(file_languages='languages = ["xx"]', rule_languages=""))
    with pytest.raises(RuleError) as info:
        RuleSet.load(path)
    assert info.value.line == 4
    assert "unknown language 'xx'" in str(info.value)
