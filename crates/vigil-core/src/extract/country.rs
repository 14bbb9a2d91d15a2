//! The country an announcement or figure is about, from the text's own words: country
//! names and adjectives in English, Russian and Belarusian, capitals, and the issuing
//! office (a head of state, a presidential spokesperson, the state news agency — "Lukashenko",
//! "Президент Республики Беларусь", BelTA → BY; "Venezuela's Maduro" → VE).
//!
//! Each proposal takes the country its own sentence names (and its issuer); when that
//! sentence names several, the one the office words point to, then the one the whole text
//! is most about. When its sentence names none, the text's country — only when one country
//! clearly dominates the text (twice the weight of any other). When the text does not say,
//! nothing is guessed: the proposal has no country and the editor sets it.

/// A country's words. `names`: English words, matched whole (lowercase); `stems`: Russian
/// and Belarusian stems, matched as prefixes (case forms); `capitals`: its capital (and
/// seat of power), in either script; `offices`: leaders, their
/// spokespeople and state agencies, in either script (whole English words, Cyrillic
/// prefixes), which weigh [`OFFICE`] mentions each.
struct Country {
    code: &'static str,
    names: &'static [&'static str],
    stems: &'static [&'static str],
    capitals: &'static [&'static str],
    offices: &'static [&'static str],
}

/// The weight of an office word: "Lukashenko pardoned 31 Ukrainians" is about Belarus.
const OFFICE: usize = 3;

const COUNTRIES: &[Country] = &[
    Country {
        code: "BY",
        names: &["belarus", "belarusian", "belarusians", "byelorussia"],
        stems: &["беларус", "белорус"],
        capitals: &["minsk", "минск", "мінск"],
        offices: &[
            "lukashenko",
            "lukashenka",
            "belta",
            "eismont",
            "лукашенк",
            "лукашэнк",
            "белта",
            "эйсмонт",
        ],
    },
    Country {
        code: "RU",
        names: &["russia", "russian", "russians"],
        stems: &["росси", "расі", "расе"],
        capitals: &["moscow", "kremlin", "москв", "маскв", "кремл", "крэмл"],
        offices: &["putin", "peskov", "путин", "пуцін", "песков", "пяскоў"],
    },
    Country {
        code: "UA",
        names: &["ukraine", "ukrainian", "ukrainians"],
        stems: &["украин", "украін", "ўкраін"],
        capitals: &["kyiv", "kiev", "киев", "кіев", "київ"],
        offices: &["zelensky", "zelenskyy", "зеленск", "зяленск"],
    },
    Country {
        code: "MM",
        names: &["myanmar", "burma", "burmese"],
        stems: &["мьянм", "м'янм", "бирм", "бірм"],
        capitals: &["naypyidaw", "naypyitaw", "yangon"],
        offices: &["hlaing"],
    },
    Country {
        code: "VE",
        names: &["venezuela", "venezuelan", "venezuelans"],
        stems: &["венесуэл"],
        capitals: &["caracas", "каракас"],
        offices: &["maduro", "delcy", "cabello", "sebin", "мадуро", "мадура"],
    },
    Country {
        code: "AZ",
        names: &["azerbaijan", "azerbaijani", "azerbaijanis"],
        stems: &["азербайдж"],
        capitals: &["baku", "баку"],
        offices: &["aliyev", "алиев", "аліеў"],
    },
    Country {
        code: "NI",
        names: &["nicaragua", "nicaraguan", "nicaraguans"],
        stems: &["никарагу", "нікарагу"],
        capitals: &["managua", "манагу"],
        offices: &["ortega", "ортег", "артэг"],
    },
    Country {
        code: "CU",
        names: &["cuba", "cuban", "cubans"],
        stems: &["кубин", "кубы", "кубе"],
        capitals: &["havana", "гаван"],
        offices: &["canel"],
    },
    Country {
        code: "EG",
        names: &["egypt", "egyptian", "egyptians"],
        stems: &["египт", "егіпт"],
        capitals: &["cairo", "каир"],
        offices: &["sisi", "sissi", "сиси"],
    },
    Country {
        code: "IR",
        names: &["iran", "iranian", "iranians"],
        stems: &["иран", "іран"],
        capitals: &["tehran", "тегеран"],
        offices: &["khamenei", "pezeshkian"],
    },
    Country {
        code: "TR",
        names: &["turkey", "turkish", "türkiye"],
        stems: &["турци", "турэч", "турецк"],
        capitals: &["ankara", "анкар"],
        offices: &["erdogan", "erdoğan", "эрдоган"],
    },
    Country {
        code: "CN",
        names: &["china", "chinese"],
        stems: &["китай", "кітай"],
        capitals: &["beijing", "пекин", "пекін"],
        offices: &[],
    },
    Country {
        code: "KZ",
        names: &["kazakhstan", "kazakh"],
        stems: &["казахстан"],
        capitals: &["astana"],
        offices: &["tokayev", "токаев"],
    },
    Country {
        code: "TJ",
        names: &["tajikistan", "tajik"],
        stems: &["таджик"],
        capitals: &["dushanbe"],
        offices: &["rahmon"],
    },
    Country {
        code: "PL",
        names: &["poland", "polish"],
        stems: &["польш", "польск"],
        capitals: &["warsaw", "варшав", "варшаў"],
        offices: &[],
    },
    Country {
        code: "LT",
        names: &["lithuania", "lithuanian", "lithuanians"],
        stems: &["литв", "литов", "літв", "літоў"],
        capitals: &["vilnius", "вильнюс", "вільню"],
        offices: &[],
    },
    Country {
        code: "DE",
        names: &["germany", "german", "germans"],
        stems: &["германи", "германі", "немец", "немц", "нямец", "нямецк"],
        capitals: &["berlin", "берлин", "берлін"],
        offices: &[],
    },
    Country {
        code: "US",
        names: &["usa", "american", "americans"],
        stems: &["сша", "америк"],
        capitals: &["washington", "вашингтон", "вашынгтон"],
        offices: &[],
    },
];

/// Weight per country (index into [`COUNTRIES`]) of the words in `text`. A capital does
/// not count when `capitals` is false (a sentence of exchange: an exchange takes place in
/// a third country, "exchanged in Ankara").
fn weights(text: &str, capitals: bool) -> Vec<usize> {
    let mut w = vec![0; COUNTRIES.len()];
    let tokens: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|t| !t.is_empty())
        .collect();
    let us = COUNTRIES.len() - 1;
    for (k, raw) in tokens.iter().enumerate() {
        // "US", "U.S." (the pronoun "us" is lowercase).
        if *raw == "US" || (*raw == "U" && tokens.get(k + 1) == Some(&"S")) {
            w[us] += 1;
            continue;
        }
        let lower = raw.to_lowercase().replace('\u{2019}', "'");
        let word = lower.trim_end_matches("'s").trim_matches('\'');
        let cyrillic = word
            .chars()
            .any(|c| matches!(c, 'а'..='я' | 'ё' | 'і' | 'ў'));
        let says = |list: &[&str]| {
            if cyrillic {
                list.iter().any(|s| word.starts_with(s))
            } else {
                list.contains(&word)
            }
        };
        for (i, c) in COUNTRIES.iter().enumerate() {
            if says(c.offices) {
                w[i] += OFFICE;
            } else if says(c.names) || says(c.stems) || (capitals && says(c.capitals)) {
                w[i] += 1;
            }
        }
    }
    w
}

/// The text's country: the one it is most about, when its weight is at least twice any
/// other's; otherwise none.
pub(super) fn of_text(text: &str) -> Option<String> {
    dominant(&weights(text, true))
}

fn dominant(w: &[usize]) -> Option<String> {
    let mut order: Vec<usize> = (0..w.len()).filter(|&i| w[i] > 0).collect();
    order.sort_by(|&a, &b| w[b].cmp(&w[a]).then(a.cmp(&b)));
    let first = *order.first()?;
    let second = order.get(1).map_or(0, |&i| w[i]);
    (w[first] >= 2 * second.max(1) || second == 0).then(|| COUNTRIES[first].code.to_string())
}

/// The country of one proposal: read from its own sentence (`evidence`, its dateline
/// dropped) and its issuer; among the countries that sentence names, the heaviest there —
/// one named before its count (`total`: "Belarus has freed 52 …, and they crossed into
/// Lithuania, the Lithuanian president said") weighs [`OFFICE`] more — then the heaviest in
/// the whole text (`text`, from [`text_weights`]). When the sentence names none, the text's
/// dominant country, or none. An exchange (`exchange`) is between states: it takes a
/// country only when its sentence names one before the count, never from its issuer
/// or the text.
pub(super) fn of_proposal(
    evidence: &str,
    issuer: Option<&str>,
    total: Option<u32>,
    exchange: bool,
    text: &[usize],
) -> Option<String> {
    let body = without_dateline(evidence);
    let mut here = weights(body, !exchange);
    let before = total
        .and_then(|n| count_at(body, n))
        .map(|n| weights(&body[..n], !exchange));
    if exchange {
        // Only a state named before the count acted: "Russia released 16 …".
        here = before.clone().unwrap_or_else(|| vec![0; COUNTRIES.len()]);
    }
    if let Some(before) = before {
        for (h, w) in here.iter_mut().zip(before) {
            if w > 0 {
                *h += OFFICE;
            }
        }
    }
    if let Some(i) = issuer.filter(|_| !exchange) {
        for (h, w) in here.iter_mut().zip(weights(i, true)) {
            *h += w;
        }
    }
    let mut order: Vec<usize> = (0..here.len()).filter(|&i| here[i] > 0).collect();
    order.sort_by(|&a, &b| {
        here[b]
            .cmp(&here[a])
            .then(text[b].cmp(&text[a]))
            .then(a.cmp(&b))
    });
    match order.as_slice() {
        [] if exchange => None,
        [] => dominant(text),
        [a, b, ..] if exchange && here[*a] == here[*b] => None,
        [a, ..] => Some(COUNTRIES[*a].code.to_string()),
    }
}

/// A wire dateline ("VILNIUS, Lithuania (AP) — ", "ANKARA — ") names where the report was
/// filed, not who acted: the sentence after it.
fn without_dateline(s: &str) -> &str {
    for dash in [" — ", " – ", " - "] {
        if let Some(i) = s.find(dash) {
            let head = &s[..i];
            let first = head.split([' ', ',', '(']).next().unwrap_or("");
            if i <= 60
                && first.chars().count() >= 3
                && first.chars().all(|c| c.is_uppercase() || c == '-')
            {
                return &s[i + dash.len()..];
            }
        }
    }
    s
}

/// Where the count `n` is written in figures in `s` ("52", "1,150", "1 150"), as a byte
/// offset.
fn count_at(s: &str, n: u32) -> Option<usize> {
    let plain = n.to_string();
    let grouped = crate::format::thousands(f64::from(n));
    let spaced = grouped.replace(',', " ");
    let bytes = s.as_bytes();
    for form in [grouped, spaced, plain] {
        let mut from = 0;
        while let Some(k) = s[from..].find(&form) {
            let at = from + k;
            let end = at + form.len();
            let digit = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
            if !digit(at.checked_sub(1).and_then(|j| bytes.get(j))) && !digit(bytes.get(end)) {
                return Some(at);
            }
            from = end;
        }
    }
    None
}

/// The weights of the whole text, for [`of_proposal`].
pub(super) fn text_weights(text: &str) -> Vec<usize> {
    weights(text, true)
}
