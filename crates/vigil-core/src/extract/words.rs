//! The word lists the rules read by: what releases, who is counted, held, exiled, totals,
//! waves, articles, durations, money, official and unofficial sources, speech verbs,
//! detention verbs, and the breakdown keys with the filler words around them. Data only,
//! with the two small lookups over it.

use super::text::Sentence;

pub(super) const RELEASE: &[&str] = &[
    "pardon",
    "pardons",
    "pardoned",
    "pardoning",
    "amnesty",
    "amnestied",
    "released",
    "release",
    "releases",
    "releasing",
    "freed",
    "frees",
    "free",
    "freeing",
    "liberated",
    "exchanged",
    "exchange",
    "swap",
    "swapped",
    "deported",
    "deportation",
    "expelled",
];
pub(super) const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "prisoners",
    "prisoner",
    "detainees",
    "inmates",
    "convicts",
    "individuals",
    "citizens",
    "others",
    "activists",
    "protesters",
    "journalists",
    "belarusians",
    "russians",
    "dissidents",
    "opponents",
    "women",
    "men",
];
pub(super) const HELD: &[&str] = &[
    "remain",
    "remains",
    "remained",
    "held",
    "bars",
    "jail",
    "jails",
    "prison",
    "prisons",
    "imprisoned",
    "incarcerated",
    "custody",
    "detention",
    "behind",
    "currently",
    "serving",
    "counts",
    "lists",
    "hold",
    "holds",
    "holding",
    "identified",
    "designated",
    "estimates",
    "estimated",
    "still",
    "registered",
];
pub(super) const EXILE: &[&str] = &[
    "exile",
    "exiled",
    "fled",
    "flee",
    "emigrated",
    "emigrate",
    "emigration",
    "relocated",
];
pub(super) const TOTAL: &[&str] = &[
    "total",
    "totals",
    "altogether",
    "overall",
    "cumulative",
    "bringing",
    "brings",
];
pub(super) const WAVE: &[&str] = &[
    "instance",
    "instances",
    "wave",
    "waves",
    "round",
    "rounds",
    "time",
    "times",
    "pardon",
    "pardons",
    "batch",
    "batches",
    "act",
];
pub(super) const ARTICLE: &[&str] = &[
    "article",
    "articles",
    "art",
    "part",
    "parts",
    "paragraph",
    "section",
    "clause",
    "§",
    "no",
    "number",
    "chapter",
    "code",
    "decree",
    "law",
    "case",
    "cases",
];
pub(super) const DURATION: &[&str] = &[
    "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour",
    "hours",
];
pub(super) const MONEY: &[&str] = &[
    "dollars", "euros", "rubles", "roubles", "usd", "eur", "byn", "$", "€",
];
pub(super) const OFFICIAL: &[&str] = &[
    "official",
    "officials",
    "statement",
    "administration",
    "ministry",
    "minister",
    "government",
    "president",
    "presidential",
    "press",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "authorities",
    "decree",
    "court",
    "prosecutor",
    "prosecutor's",
    "kgb",
    "committee",
    "kremlin",
    "junta",
    "council",
    "it",
];
pub(super) const UNOFFICIAL: &[&str] = &[
    "monitor",
    "monitors",
    "activist",
    "activists",
    "rights",
    "viasna",
    "vyasna",
    "memorial",
    "ovd-info",
    "aapp",
    "opposition",
    "lawyer",
    "lawyers",
    "relatives",
    "wife",
    "husband",
    "mother",
    "father",
    "daughter",
    "son",
    "exiled",
    "ngo",
    "group",
];
pub(super) const SPEECH: &[&str] = &[
    "said",
    "says",
    "claimed",
    "claims",
    "stated",
    "states",
    "added",
    "noted",
    "announced",
    "declared",
    "according",
    "saying",
    "wrote",
    "told",
];

/// The breakdown key a word names, if any ("women" → women, "disabilities" → disabled).
pub(super) fn key_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "women" | "woman" | "female" | "females" | "girls" => "women",
        "men" | "man" | "male" | "males" => "men",
        "minors" | "minor" | "juveniles" | "teenagers" | "underage" => "minors",
        "pensioners" | "pensioner" | "retirees" | "retirement" | "elderly" | "pensionable" => {
            "pensioners"
        }
        "disabled" | "disabilities" | "disability" | "invalids" | "handicapped" => "disabled",
        "chronic" | "chronically" => "chronic_illness",
        "foreigners" | "foreign" | "foreigner" => "foreigners",
        _ => return None,
    })
}

/// Words that may stand between a count and what it counts: "six [of them are] pensioners".
pub(super) const FILLER: &[&str] = &[
    "of",
    "them",
    "those",
    "whom",
    "are",
    "were",
    "is",
    "was",
    "have",
    "had",
    "has",
    "people",
    "persons",
    "prisoners",
    "political",
    "convicts",
    "being",
    "suffer",
    "suffering",
    "from",
    "with",
    "the",
    "among",
    "age",
    "aged",
    "diagnosed",
    "more",
    "others",
    "persons",
    "serious",
    "reached",
    "a",
];

/// The breakdown key after the number ending at token `end`: the key, the token after it,
/// and for an age band the token of its bound.
pub(super) fn key_after(s: &Sentence, end: usize) -> Option<(String, usize)> {
    let mut j = end;
    let limit = (end + 6).min(s.toks.len());
    while j < limit {
        let w = s.word(j);
        if matches!(
            w,
            "under" | "younger" | "below" | "over" | "older" | "above"
        ) {
            let mut k = j + 1;
            while matches!(s.word(k), "the" | "age" | "of" | "than") {
                k += 1;
            }
            let bound = s.num_at(k)?;
            let band = if matches!(w, "under" | "younger" | "below") {
                "under"
            } else {
                "over"
            };
            let mut after = bound.end;
            while matches!(s.word(after), "years" | "year" | "old") {
                after += 1;
            }
            return Some((format!("{band}_{}", bound.value), after));
        }
        if let Some(key) = key_word(w) {
            // "24 convicts have minor children" counts parents, not minors.
            if key == "minors" && matches!(s.word(j + 1), "children" | "child" | "kids") {
                return None;
            }
            let mut after = j + 1;
            while matches!(
                s.word(after),
                "diseases" | "illnesses" | "illness" | "disease" | "conditions" | "ill" | "age"
            ) {
                after += 1;
            }
            return Some((key.to_string(), after));
        }
        if !FILLER.contains(&w) {
            return None;
        }
        j += 1;
    }
    None
}

pub(super) const DETAIN: &[&str] = &[
    "detained",
    "arrested",
    "jailed",
    "convicted",
    "sentenced",
    "imprisoned",
    "charged",
    "recognized",
    "recognised",
    "transferred",
    "moved",
];
