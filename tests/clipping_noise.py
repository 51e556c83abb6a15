"""The noise in the test clippings of clippings/: each line that must go, by the rule that
removes it (read by the cleaner's tests and by the hostile-input tests that build them)."""

NOISE = {
    "en_court_ruling.txt": {
        "2 hours ago": "relative-date",
        "Share on Facebook | Share on X | Email": "share-widget",
        "Photo: Legal Times archive": "caption",
        "We use cookies to improve your experience on our site. Accept all cookies":
            "cookie-notice",
        "Le tribunal de Hambourg a condamné un blogueur à verser des dommages et intérêts à une "
        "entreprise.": "third-language",
        "Читайте также: другие новости о судебных делах": "third-language",
        "Related articles": "related-posts",
        "Blogger fined in Munich": "related-posts",
        "New rules for online platforms": "related-posts",
        "Disclaimer: This article is for general information purposes only and does not "
        "constitute legal advice.": "disclaimer",
        "© 2025 Legal Times. All rights reserved.": "copyright",
        "#defamation #courts #Hamburg": "tag-line",
        "Source": "dangling-source",
    },
    "de_landgericht.txt": {
        "03.03.2025": "dateline",
        "Von Rheinische Wirtschaftsnachrichten": "byline",
        "vor 3 Stunden": "relative-date",
        "Teilen: Facebook, WhatsApp, E-Mail": "share-widget",
        "Foto: Sonnenwerk GmbH": "caption",
        "Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie zu.": "cookie-notice",
        "La empresa alemana ganó el juicio contra el vendedor en línea por difamación y daños.":
            "third-language",
        "Dieser Artikel stellt keine Rechtsberatung dar und dient ausschließlich "
        "Informationszwecken.": "disclaimer",
        "Das könnte Sie auch interessieren:": "related-posts",
        "Neue Regeln für Bewertungsportale": "related-posts",
        "Wie Unternehmen sich gegen Fake-Bewertungen wehren": "related-posts",
        "Schlagwörter: Landgericht, Verleumdung, Solar": "tag-line",
        "© 2025 Rheinische Wirtschaftsnachrichten": "copyright",
        "Rheinische Wirtschaftsnachrichten ist ein unabhängiges Onlinemagazin.":
            "self-description",
    },
}
