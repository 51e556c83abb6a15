"""What the press room knows about its languages: word rates and the labels of page furniture.

These are facts about English and German (and the labels scraped pages use around articles),
not lists of particular spam: detectors combine them with the shape of the text.
"""

from __future__ import annotations

# The most frequent words of running news text and their approximate share of all words
# (rounded figures from large corpora). A common word far below its share, while an unknown
# phrase is as frequent as the missing word, is the fingerprint of a phrase injected in its place.
FUNCTION_WORD_RATES: dict[str, dict[str, float]] = {
    "en": {
        "the": 0.060, "of": 0.028, "and": 0.026, "to": 0.025, "a": 0.021, "in": 0.019,
        "that": 0.009, "for": 0.009, "is": 0.009, "on": 0.007, "with": 0.007,
    },
    "de": {
        "der": 0.030, "die": 0.030, "und": 0.025, "in": 0.016, "den": 0.010, "von": 0.009,
        "zu": 0.009, "das": 0.009, "mit": 0.008, "des": 0.007, "sich": 0.007, "auf": 0.007,
        "für": 0.007, "ist": 0.007,
    },
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Short words that hold a sentence together; none of them is a name, a tag or a spam token.
COMMON_WORDS = _words(
    "the of and to a an in that for is on with as by at from or was were be been are it its "
    "this these those he she they his her their we our you your not no but if so than then "
    "der die das den dem des und oder in im zu zum zur von vom mit auf für ist sind war ein "
    "eine einen einem einer nicht sich es er sie wir ihr auch als am an bei nach über aus"
)

TAG_LABELS = (
    "tags", "tag", "tagged", "tagged with", "keywords", "topics", "labels", "filed under",
    "schlagwörter", "schlagworte", "stichwörter", "stichworte", "schlüsselwörter", "themen",
    "kategorien", "weitere themen",
)

# A label that announces where an article came from; alone on the last line it is dangling.
SOURCE_LABELS = (
    "source", "sources", "via", "credit", "credits", "quelle", "quellen", "quellenangabe",
)

# How alt texts and photo credits begin: "Image showing …", "Photo by … on …", "Foto von …".
ALT_TEXT_STARTS = (
    "image of", "image showing", "image shows", "photo of", "photo showing", "photo shows",
    "picture of", "picture showing", "illustration of", "screenshot of", "graphic showing",
    "photo by", "image by", "picture by", "bild von", "bild zeigt", "foto von", "foto zeigt",
    "symbolbild", "grafik zeigt", "das bild zeigt", "das foto zeigt", "you can see",
    "sie sehen", "zu sehen ist", "zu sehen sind", "auf dem bild", "auf dem foto",
)

CAPTION_LABELS = (
    "pic", "pics", "photo credit", "image credit", "image source", "picture credit", "photo",
    "image", "picture", "foto", "fotos", "bild", "bilder", "abbildung", "bildquelle",
    "bildnachweis", "fotonachweis", "fotocredit",
)

DISCLAIMER_LABELS = (
    "disclaimer", "legal disclaimer", "risk warning", "legal notice", "important notice",
    "haftungsausschluss", "risikohinweis", "rechtlicher hinweis", "wichtiger hinweis",
    "免责声明", "免責聲明", "风险提示", "免責事項", "avertissement", "aviso legal",
)

# Phrases of investment and liability disclaimers. What a disclaimer is about (advice,
# information purposes, own risk) marks one; a disclaimer also waives liability, but those
# phrases ("does not constitute", "no liability", "Richtigkeit") are the everyday words of
# court reporting too. A paragraph is a disclaimer with two phrases, one of them the first kind.
DISCLAIMER_CUES = (
    "investment advice", "financial advice", "for information purposes",
    "for informational purposes", "general information", "accuracy or completeness",
    "completeness or accuracy", "own research", "at your own risk", "past performance",
    "investment decision", "professional advice", "offer to buy", "offer to sell",
    "anlageberatung", "keine anlageempfehlung", "keine gewähr", "eigene recherche",
    "eigenes risiko", "anlageentscheidung", "kaufempfehlung", "verkaufsempfehlung",
    "informationszwecken",
)
LIABILITY_CUES = (
    "not constitute", "no responsibility", "no liability", "solicitation", "stellt keine",
    "keine haftung", "richtigkeit", "vollständigkeit",
)

COPYRIGHT_CUES = (
    "all rights reserved", "alle rechte vorbehalten", "reproduction prohibited",
    "nachdruck verboten", "nachdruck nur mit", "vervielfältigung nur mit",
)

SHARE_WORDS = _words(
    "share shares shared sharing teilen geteilt tweet tweeten retweet facebook twitter x "
    "linkedin xing whatsapp telegram reddit pinterest email e-mail mail print drucken "
    "copy link kopieren weibo wechat messenger flipboard threads bluesky mastodon "
    "pocket tumblr vk line follow folgen instagram youtube tiktok"
)
# Words that may stand between the networks in a share bar ("Share on Facebook").
SHARE_FILLER = _words(
    "on via auf per in this article story post page diesen artikel beitrag seite jetzt now "
    "the den die das mit with to an us uns sie"
)

# Short calls to subscribe, comment or look at an advertisement.
WIDGET_PATTERNS = (
    r"^\W*(?:jetzt\s+)?(?:sign up|subscribe|abonnieren|anmelden|register)\b.{0,60}\bnewsletter\b",
    r"^\W*(?:jetzt\s+|unseren\s+|our\s+)?newsletter\b.{0,40}"
    r"\b(?:abonnieren|subscribe|bestellen|anmelden|sign up)\b",
    r"^\W*(?:advertisement|anzeige|werbung|sponsored|gesponsert|promoted)\W*$",
    r"^\W*(?:\d+\s+)?(?:comments?|kommentare?)(?:\s*\(\d+\))?\W*$",
    r"^\W*(?:leave a (?:comment|reply)|kommentar schreiben|jetzt kommentieren)\W*$",
    r"^\W*(?:click here|hier klicken)\b.{0,60}$",
)

COOKIE_CUES = (
    "accept", "akzeptieren", "zustimmen", "agree", "einverstanden", "consent", "einwilligung",
    "cookie settings", "cookie-einstellungen", "einstellungen", "we use", "wir verwenden",
    "wir nutzen", "uses cookies", "verwendet cookies", "privacy", "datenschutz",
    "einverständnis", "zustimmung", "continue to use", "continuing to use", "by using",
    "weiter nutz", "weiterhin nutz",
)

# What a consent banner says around its cookie sentence: tracking, consent, data protection.
CONSENT_CUES = (
    *COOKIE_CUES, "tracking", "analyse", "analysis", "analytics", "retargeting",
    "advertising partners", "werbepartner", "dienstleister", "widerruf", "widerrufen",
    "withdraw", "banner", "personalis", "preferences", "präferenzen", "gdpr", "dsgvo",
    "third parties", "drittanbieter",
)

# A site's notices to its readers: consent, newsletters, accounts, moves.
SITE_NOTICE_CUES = (
    *CONSENT_CUES, "newsletter", "subscribe", "abonnier", "sign up", "anmeld", "register",
    "registrier", "account", "konto", "our site", "our website", "unsere website",
    "unserer webseite", "unsere webseite", "this site", "diese website", "dieser website",
)

RELATED_LABELS = (
    "related", "related posts", "related articles", "related stories", "related news",
    "read more", "read also", "also read", "see also", "more on this", "more news",
    "more stories", "you may also like", "you might also like", "recommended",
    "recommended for you", "trending", "popular posts", "most read",
    "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "weitere artikel",
    "mehr zum thema", "lesen sie auch", "auch interessant", "das könnte sie auch interessieren",
    "weiterlesen", "mehr lesen", "meistgelesen", "empfohlen", "beliebte beiträge",
)

# Relative time words ("yesterday", "vor 2 Stunden", "昨天") that mean nothing on a static page,
# with the words that may introduce them ("Updated 3 hours ago", "Aktualisiert gestern").
RELATIVE_DATE_PREFIX = r"(?:updated|published|posted|aktualisiert|veröffentlicht|erschienen)?"
RELATIVE_DATE_PATTERNS = (
    r"(?:yesterday|today|just now|moments ago|last night|this morning)",
    r"(?:\d+|an?|one|a few) (?:second|minute|hour|day|week|month|year)s? ago",
    r"(?:gestern|heute|vorgestern|soeben|gerade eben|gerade|heute morgen|gestern abend)",
    r"vor (?:\d+|einer|einem|wenigen|ein paar) (?:sekunden?|minuten?|stunden?|tag(?:en)?|"
    r"wochen?|monat(?:en)?|jahr(?:en)?)",
    r"(?:昨天|今天|前天|刚刚|剛剛|昨日|今日|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|个月)前)",
)

# What a publisher says of itself at the foot of its pages: it sells nothing, it is
# independent, it is not affiliated, it is a blog. Matched after a leading name.
SELF_DESCRIPTION_PATTERNS = (
    r"\b(?:does not|doesn't|do not|don't) (?:sell|distribute|offer|ship)\b",
    r"\bsells? no\b",
    r"\bis (?:an? )?(?:independent|unofficial)\b",
    r"\b(?:is )?not (?:officially )?(?:affiliated|associated|endorsed|connected)\b",
    r"\bis an? (?:independent |unofficial )?(?:blog|website|site|magazine|portal|fan site|"
    r"news site|publication|online magazine|community)\b",
    r"\b(?:verkauft|vertreibt|verkaufen|vertreiben)\b.*\bkeine?\b",
    r"\bkeine?\b.*\b(?:verkauft|vertreibt)\b",
    r"\bist (?:ein|eine) (?:unabhängige[sr]?|inoffizielle[sr]?)\b",
    r"\bsteht in keine[rm]\b",
    r"\bist (?:ein|eine) (?:blog|magazin|portal|webseite|website|fanseite|onlinemagazin|"
    r"nachrichtenportal|community)\b",
    r"\bnicht mit\b.*\bverbunden\b",
    r"\bkein(?:e)? offizielle[sr]?\b",
)

# Stop words: the closed classes of each language (articles, pronouns, prepositions,
# conjunctions, auxiliaries, common particles and adverbs). Running prose is a third or more
# of them; navigation, labels, names and button rows have few. The share of them in a line,
# with its length and its neighbours, tells an article's paragraphs from page furniture.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "a about above after again against all also although am an and any are as at be "
        "because been before being below between both but by can could did do does doing "
        "down during each either even ever every few for from further had has have having he "
        "her here hers herself him himself his how however i if in into is it its itself just "
        "less many may me might more most much must my myself neither no nor not now of off "
        "often on once only or other others our ours ourselves out over own per rather same "
        "shall she should since so some still such than that the their theirs them themselves "
        "then there these they this those though through thus to too under until up upon us "
        "very was we were what when where whether which while who whom whose why will with "
        "within without would yet you your yours yourself yourselves it's that's there's "
        "they're we're isn't wasn't don't doesn't didn't can't won't said says say according "
        "new also last first one two three"
    ),
    "de": _words(
        "aber alle allem allen aller alles als also am an ander andere anderen anderer anders "
        "auch auf aus bei beide beiden beim bereits bis bisher bin bist da dabei dadurch dafür "
        "dagegen daher damit dann daran darauf daraus darf darin darüber das dass dem den denen "
        "denn der deren des deshalb dessen die dies diese diesem diesen dieser dieses doch dort "
        "du durch ebenfalls ein eine einem einen einer eines einige einigen er es etwa etwas "
        "euch für gegen gegenüber gewesen hab habe haben hat hatte hatten hier hin hinter ich "
        "ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in indem ins ist ja je jedoch "
        "jede jedem jeden jeder jedes jetzt kann kein keine keinem keinen keiner können könne "
        "könnte man manche mehr mit muss müssen nach nachdem neben nicht noch nun nur ob oder "
        "ohne seine seinem seinen seiner seines sehr sei seien seit sich sie sind so sodass "
        "solche soll sollen sollte sondern sowie über um und uns unser unsere unter viel vom "
        "von vor während war waren warum was weil weiter welche welchem welchen welcher wenn "
        "wer werde werden wie wieder will wir wird wo wurde wurden zu zum zur zwar zwischen "
        "laut sowohl bzw eines einem wegen gibt geht kam"
    ),
}

# Words of a web page's controls and navigation: no headline is made of them ("Skip to main
# content", "Zum Inhalt springen", "Cookies on …", "You are here").
INTERFACE_PHRASES = (
    "skip to", "jump to", "main content", "zum inhalt", "zum hauptinhalt", "inhalt springen",
    "navigation", "menu", "menü", "cookie", "sign in", "log in", "login", "you are here",
    "sie sind hier", "seite wählen", "search", "suche", "startseite", "homepage",
    "time to read", "reading time", "read time", "min read", "lesezeit", "lesedauer",
)

# Links that lead from a teaser to the full text, in any site's words: at a paragraph's end
# they are cut ("… Read more"), alone on a line they go. "More" and "mehr" count only after
# an ellipsis ("[…] more"): elsewhere they are everyday words.
READ_ON_LABELS = (
    "read more", "continue reading", "read the full story", "read the full article",
    "learn more", "find out more", "weiterlesen", "mehr lesen", "hier weiterlesen",
    "mehr erfahren", "zum artikel", "zum beitrag",
)
READ_ON_AFTER_ELLIPSIS = ("more", "mehr")

# The elements of HTML a scraper leaves in text: a tag of another name ("<Jane>") is no markup.
HTML_ELEMENTS = _words(
    "a abbr article aside b big blockquote body br button caption center cite code dd del div "
    "dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe "
    "img input ins label li link main mark meta nav noscript ol option p picture pre q s script "
    "section select small source span strong style sub sup svg table tbody td textarea tfoot "
    "th thead time title tr u ul video wbr"
)

# Place names a translation changes ("Italien" for "Italy", "München" for "Munich"): the German
# and English forms of countries, continents and large cities, each read as its English form,
# so that both versions of a story share the place. Forms both languages spell alike (China,
# Berlin) need no entry; the US is read as the USA.
PLACE_NAMES = {
    "deutschland": "germany", "österreich": "austria",
    "schweiz": "switzerland", "frankreich": "france", "italien": "italy", "spanien": "spain",
    "niederlande": "netherlands", "belgien": "belgium", "polen": "poland",
    "tschechien": "czechia", "dänemark": "denmark", "schweden": "sweden", "norwegen": "norway",
    "finnland": "finland", "griechenland": "greece", "türkei": "turkey", "russland": "russia",
    "ungarn": "hungary", "rumänien": "romania", "bulgarien": "bulgaria", "kroatien": "croatia",
    "irland": "ireland", "luxemburg": "luxembourg", "großbritannien": "britain",
    "schottland": "scotland", "indien": "india", "singapur": "singapore",
    "australien": "australia", "kanada": "canada", "mexiko": "mexico", "brasilien": "brazil",
    "argentinien": "argentina", "ägypten": "egypt", "südafrika": "south-africa",
    "südkorea": "south-korea", "europa": "europe", "asien": "asia", "afrika": "africa",
    "amerika": "america", "us": "usa", "münchen": "munich", "köln": "cologne", "wien": "vienna",
    "zürich": "zurich", "genf": "geneva", "rom": "rome", "mailand": "milan",
    "venedig": "venice", "neapel": "naples", "florenz": "florence", "prag": "prague",
    "warschau": "warsaw", "moskau": "moscow", "brüssel": "brussels", "lissabon": "lisbon",
    "kopenhagen": "copenhagen", "athen": "athens", "peking": "beijing",
    "nürnberg": "nuremberg", "hannover": "hanover",
}
