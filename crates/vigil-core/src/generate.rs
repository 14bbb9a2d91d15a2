//! A synthetic registry: realistic shapes, no real people, the same output for the same seed.
//!
//! Several countries; names in Belarusian and Russian Cyrillic with Latin spellings;
//! partial dates; recognitions, charges, sentences; releases by every reason; re-arrests;
//! pardon waves as announcements linked from `pardoned` events; reported figures.
//!
//! Persons are simulated twice from per-person seeds: the first pass only tallies what the
//! pardon announcements must say (totals, women, men), so that they can be written before
//! the events that point at them and agree with them.

use std::collections::BTreeMap;

use chrono::Datelike;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};

use crate::date::{Day, PartialDate};
use crate::names::Scheme;

/// First and last day generated events fall on.
const START: (i32, u32, u32) = (2020, 8, 1);
const END: (i32, u32, u32) = (2026, 10, 31);

struct Country {
    code: &'static str,
    weight: u32,
    regions: &'static [&'static str],
    /// Pardon waves per year.
    waves_per_year: u32,
    names: fn(&mut ChaCha8Rng, bool) -> Vec<Value>,
}

const COUNTRIES: &[Country] = &[
    Country {
        code: "BY",
        weight: 45,
        regions: &[
            "Minsk",
            "Brest",
            "Homiel",
            "Hrodna",
            "Mahilioŭ",
            "Viciebsk",
            "Minsk Region",
        ],
        waves_per_year: 7,
        names: belarusian_names,
    },
    Country {
        code: "RU",
        weight: 30,
        regions: &[
            "Moscow",
            "St Petersburg",
            "Krasnodar",
            "Bashkortostan",
            "Crimea",
        ],
        waves_per_year: 1,
        names: russian_names,
    },
    Country {
        code: "MM",
        weight: 15,
        regions: &["Yangon", "Mandalay", "Sagaing", "Magway"],
        waves_per_year: 2,
        names: burmese_names,
    },
    Country {
        code: "VE",
        weight: 10,
        regions: &["Caracas", "Zulia", "Lara", "Carabobo"],
        waves_per_year: 2,
        names: venezuelan_names,
    },
];

/// (Belarusian Cyrillic, Russian Cyrillic, Latin as the press writes it), masculine.
const BY_GIVEN_M: &[(&str, &str, &str)] = &[
    ("Аляксандр", "Александр", "Aliaksandr"),
    ("Алесь", "Алесь", "Ales"),
    ("Зміцер", "Дмитрий", "Zmitser"),
    ("Уладзімір", "Владимир", "Uladzimir"),
    ("Сяргей", "Сергей", "Siarhei"),
    ("Андрэй", "Андрей", "Andrei"),
    ("Мікалай", "Николай", "Mikalai"),
    ("Павел", "Павел", "Pavel"),
    ("Ігар", "Игорь", "Ihar"),
    ("Віктар", "Виктор", "Viktar"),
];
const BY_GIVEN_F: &[(&str, &str, &str)] = &[
    ("Марыя", "Мария", "Maryia"),
    ("Вольга", "Ольга", "Volha"),
    ("Кацярына", "Екатерина", "Katsiaryna"),
    ("Ганна", "Анна", "Hanna"),
    ("Алена", "Елена", "Alena"),
    ("Святлана", "Светлана", "Sviatlana"),
    ("Ірына", "Ирина", "Iryna"),
    ("Наталля", "Наталья", "Natallia"),
];
/// Surnames: masculine (be, ru, latin), feminine (be, ru, latin).
type Surname = (
    (&'static str, &'static str, &'static str),
    (&'static str, &'static str, &'static str),
);
const BY_SURNAMES: &[Surname] = &[
    (
        ("Іваноў", "Иванов", "Ivanou"),
        ("Іванова", "Иванова", "Ivanova"),
    ),
    (
        ("Казлоў", "Козлов", "Kazlou"),
        ("Казлова", "Козлова", "Kazlova"),
    ),
    (
        ("Кавалёў", "Ковалёв", "Kavaliou"),
        ("Кавалёва", "Ковалёва", "Kavaliova"),
    ),
    (
        ("Навіцкі", "Новицкий", "Navitski"),
        ("Навіцкая", "Новицкая", "Navitskaya"),
    ),
    (
        ("Мельнік", "Мельник", "Melnik"),
        ("Мельнік", "Мельник", "Melnik"),
    ),
    (("Жук", "Жук", "Zhuk"), ("Жук", "Жук", "Zhuk")),
    (
        ("Лукашэвіч", "Лукашевич", "Lukashevich"),
        ("Лукашэвіч", "Лукашевич", "Lukashevich"),
    ),
    (
        ("Каваленка", "Коваленко", "Kavalenka"),
        ("Каваленка", "Коваленко", "Kavalenka"),
    ),
    (
        ("Бондар", "Бондарь", "Bondar"),
        ("Бондар", "Бондарь", "Bondar"),
    ),
    (
        ("Гурыновіч", "Гуринович", "Hurynovich"),
        ("Гурыновіч", "Гуринович", "Hurynovich"),
    ),
    (
        ("Макарэвіч", "Макаревич", "Makarevich"),
        ("Макарэвіч", "Макаревич", "Makarevich"),
    ),
    (
        ("Калеснікаў", "Колесников", "Kalesnikau"),
        ("Калеснікава", "Колесникова", "Kalesnikava"),
    ),
    (("Шыла", "Шило", "Shyla"), ("Шыла", "Шило", "Shyla")),
    (
        ("Ярашэвіч", "Ярошевич", "Yarashevich"),
        ("Ярашэвіч", "Ярошевич", "Yarashevich"),
    ),
];
const RU_GIVEN_M: &[(&str, &str)] = &[
    ("Алексей", "Aleksei"),
    ("Илья", "Ilya"),
    ("Дмитрий", "Dmitry"),
    ("Сергей", "Sergei"),
    ("Михаил", "Mikhail"),
    ("Игорь", "Igor"),
];
const RU_GIVEN_F: &[(&str, &str)] = &[
    ("Мария", "Maria"),
    ("Анна", "Anna"),
    ("Евгения", "Yevgenia"),
    ("Ольга", "Olga"),
    ("Александра", "Aleksandra"),
];
/// Surnames: masculine (ru, latin), feminine (ru, latin).
type RuSurname = ((&'static str, &'static str), (&'static str, &'static str));
const RU_SURNAMES: &[RuSurname] = &[
    (("Смирнов", "Smirnov"), ("Смирнова", "Smirnova")),
    (("Кузнецов", "Kuznetsov"), ("Кузнецова", "Kuznetsova")),
    (("Попов", "Popov"), ("Попова", "Popova")),
    (("Соколов", "Sokolov"), ("Соколова", "Sokolova")),
    (("Лебедев", "Lebedev"), ("Лебедева", "Lebedeva")),
    (("Новиков", "Novikov"), ("Новикова", "Novikova")),
    (("Морозов", "Morozov"), ("Морозова", "Morozova")),
    (("Волков", "Volkov"), ("Волкова", "Volkova")),
];
const MM_SYLLABLES: &[&str] = &[
    "Aung", "Kyaw", "Myint", "Thant", "Zaw", "Hla", "Su", "Win", "Min", "Htet", "Naing", "Thu",
];
const VE_GIVEN_M: &[&str] = &["José", "Luis", "Carlos", "Javier", "Rafael"];
const VE_GIVEN_F: &[&str] = &["María", "Ana", "Carmen", "Gabriela", "Rocío"];
const VE_SURNAMES: &[&str] = &[
    "García",
    "Rodríguez",
    "Pérez",
    "González",
    "Hernández",
    "Martínez",
    "Ramírez",
];
const ROLES: &[&str] = &[
    "politician",
    "journalist",
    "human_rights_defender",
    "civic_activist",
    "lawyer",
    "trade_unionist",
    "culture_worker",
    "student",
];
const PUBLISHERS: &[&str] = &[
    "Viasna",
    "OVD-Info",
    "Memorial",
    "AAPP",
    "Foro Penal",
    "RFE/RL",
    "AP",
    "Reuters",
    "BBC",
];

fn name(text: &str, lang: &str) -> Value {
    json!({ "text": text, "lang": lang })
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.gen_range(0..xs.len())]
}

fn belarusian_names(rng: &mut ChaCha8Rng, female: bool) -> Vec<Value> {
    let given = pick(rng, if female { BY_GIVEN_F } else { BY_GIVEN_M });
    let s = pick(rng, BY_SURNAMES);
    let surname = if female { s.1 } else { s.0 };
    let mut names = vec![
        name(&format!("{} {}", given.2, surname.2), "en"),
        name(&format!("{} {}", given.0, surname.0), "be"),
        name(&format!("{} {}", given.1, surname.1), "ru"),
    ];
    // Some records also carry a Łacinka (national 2007) or English-press spelling, as
    // real registries do. Chosen from the name itself, so the random stream is unchanged.
    let latin = |scheme: Scheme| {
        let word = |w: &str| {
            let t = crate::names::transliterate(&w.to_lowercase(), scheme);
            let mut c = t.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        };
        format!("{} {}", word(given.0), word(surname.0))
    };
    match (given.0.len() + surname.0.len()) % 4 {
        0 => names.push(name(&latin(Scheme::National2007), "be-Latn")),
        1 => names.push(name(&latin(Scheme::PressBe), "en")),
        _ => {}
    }
    names
}

fn russian_names(rng: &mut ChaCha8Rng, female: bool) -> Vec<Value> {
    let given = pick(rng, if female { RU_GIVEN_F } else { RU_GIVEN_M });
    let s = pick(rng, RU_SURNAMES);
    let surname = if female { s.1 } else { s.0 };
    vec![
        name(&format!("{} {}", given.1, surname.1), "en"),
        name(&format!("{} {}", given.0, surname.0), "ru"),
    ]
}

fn burmese_names(rng: &mut ChaCha8Rng, _female: bool) -> Vec<Value> {
    let n = rng.gen_range(2..=3);
    let parts: Vec<&str> = (0..n).map(|_| *pick(rng, MM_SYLLABLES)).collect();
    vec![name(&parts.join(" "), "en")]
}

fn venezuelan_names(rng: &mut ChaCha8Rng, female: bool) -> Vec<Value> {
    let given = pick(rng, if female { VE_GIVEN_F } else { VE_GIVEN_M });
    vec![name(
        &format!(
            "{given} {} {}",
            pick(rng, VE_SURNAMES),
            pick(rng, VE_SURNAMES)
        ),
        "es",
    )]
}

/// What a pardon wave is; its persons are tallied in the first pass.
#[derive(Debug, Clone, Default)]
struct WaveTally {
    id: String,
    country: &'static str,
    day: Day,
    identified: u32,
    women: u32,
    men: u32,
    /// Pardoned persons the announcement counts but the registry does not know.
    anonymous: u32,
}

/// One simulated event, before it is written.
struct SimEvent {
    kind: &'static str,
    day: Day,
    details: Option<Value>,
    announcement: Option<usize>,
}

struct SimPerson {
    country: usize,
    female: bool,
    record: Value,
    events: Vec<SimEvent>,
}

/// The generator's settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub persons: u64,
    pub seed: u64,
}

/// Writes a registry line by line to `out`, sources first, then announcements, persons
/// with their events, and figures.
pub fn generate(settings: Settings, out: &mut dyn FnMut(&str)) {
    let start = Day::ymd(START.0, START.1, START.2).expect("valid");
    let end = Day::ymd(END.0, END.1, END.2).expect("valid");
    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
    let sources = 200;
    for s in 0..sources {
        let published = Day(rng.gen_range(start.0..=end.0));
        let line = json!({
            "type": "source", "id": format!("s{s}"), "publisher": pick(&mut rng, PUBLISHERS),
            "title": format!("Report {s}"), "url": format!("https://example.org/reports/{s}"),
            "published": published.to_string(),
        });
        out(&line.to_string());
    }
    // Pardon waves: dates fixed up front per country and year.
    let mut waves: Vec<WaveTally> = Vec::new();
    for country in COUNTRIES {
        for year in START.0..=END.0 {
            let (lo, hi) = (
                Day::ymd(year, 1, 1).expect("valid").max(start),
                Day::ymd(year, 12, 31).expect("valid").min(end),
            );
            let mut days: Vec<Day> = (0..country.waves_per_year)
                .map(|_| Day(rng.gen_range(lo.0..=hi.0)))
                .collect();
            days.sort();
            days.dedup();
            for (k, day) in days.into_iter().enumerate() {
                waves.push(WaveTally {
                    id: format!("a-{}-{year}-{}", country.code, k + 1),
                    country: country.code,
                    day,
                    anonymous: rng.gen_range(0..25),
                    ..WaveTally::default()
                });
            }
        }
    }
    // First pass: who is pardoned in which wave.
    for i in 0..settings.persons {
        let p = simulate(settings.seed, i, start, end, &waves);
        for e in &p.events {
            if let (Some(w), "pardoned") = (e.announcement, e.kind) {
                let t = &mut waves[w];
                t.identified += 1;
                if p.female {
                    t.women += 1;
                } else {
                    t.men += 1;
                }
            }
        }
    }
    for w in &waves {
        let anon_women = w.anonymous / 3;
        let line = json!({
            "type": "announcement", "id": w.id, "kind": "pardon", "date": w.day.to_string(), "country": w.country,
            "issuer": "Head of state", "total": w.identified + w.anonymous,
            "breakdown": { "women": w.women + anon_women, "men": w.men + w.anonymous - anon_women },
            "names_disclosed": false, "claims": ["All of those released repented for their actions"],
            "sources": [format!("s{}", rng.gen_range(0..sources))],
        });
        out(&line.to_string());
    }
    // Second pass: write persons and events; tally held persons for the figures.
    let figure_days: Vec<Day> = (START.0 + 1..=END.0)
        .map(|y| Day::ymd(y, 6, 30).expect("valid"))
        .collect();
    let mut held: BTreeMap<(usize, usize), u64> = BTreeMap::new();
    for i in 0..settings.persons {
        let p = simulate(settings.seed, i, start, end, &waves);
        out(&p.record.to_string());
        let mut prng = ChaCha8Rng::seed_from_u64(
            settings.seed ^ 0x5eed_f0da_7e00 ^ i.wrapping_mul(0x9e37_79b9_7f4a_7c15),
        );
        let recognized = p.events.iter().any(|e| e.kind == "recognized");
        let mut open: Option<Day> = None;
        for (k, e) in p.events.iter().enumerate() {
            let before = k.checked_sub(1).map(|j| p.events[j].day);
            let after = p.events.get(k + 1).map(|n| n.day);
            let date = partial(&mut prng, e.day, e.kind, before, after);
            let mut line = json!({
                "type": "event", "id": format!("p{i}e{k}"), "person": format!("p{i}"), "kind": e.kind,
                "date": date, "sources": [format!("s{}", prng.gen_range(0..sources))],
            });
            if let Some(d) = &e.details {
                line["details"] = d.clone();
            }
            if let Some(w) = e.announcement {
                line["announcement"] = json!(waves[w].id);
            }
            out(&line.to_string());
            if recognized {
                match e.kind {
                    "detained" => open = Some(e.day),
                    "released" | "pardoned" | "died_in_custody" => {
                        if let Some(o) = open.take() {
                            for (f, d) in figure_days.iter().enumerate() {
                                if o <= *d && *d < e.day {
                                    *held.entry((p.country, f)).or_default() += 1;
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(o) = open {
            for (f, d) in figure_days.iter().enumerate() {
                if o <= *d {
                    *held.entry((p.country, f)).or_default() += 1;
                }
            }
        }
    }
    for ((c, f), n) in held {
        let approx = (n as f64 / 10.0).round() * 10.0;
        let line = json!({
            "type": "figure", "id": format!("f-{}-held-{}", COUNTRIES[c].code, figure_days[f]),
            "metric": "political_prisoners_held", "value": approx as u64, "qualifier": "approximately",
            "as_of": figure_days[f].to_string(), "country": COUNTRIES[c].code, "sources": ["s0"],
        });
        out(&line.to_string());
    }
}

/// A partial date for a simulated day: most are known to the day, some to the month or
/// year. Announced pardons are dated exactly, and a date is made partial only where its
/// range stays clear of the person's neighbouring events, as a monitor's would: knowing
/// only "May 2024" for a release that followed a pardon on 15 May is not a thing.
fn partial(
    rng: &mut ChaCha8Rng,
    day: Day,
    kind: &str,
    before: Option<Day>,
    after: Option<Day>,
) -> String {
    let roll: u32 = rng.gen_range(0..100);
    let exact = PartialDate::day(day);
    let clear = |d: PartialDate| {
        before.is_none_or(|b| b < d.first_day()) && after.is_none_or(|a| d.last_day() < a)
    };
    let year = day.year();
    let candidate = match roll {
        _ if kind == "pardoned" => exact,
        0..=84 => exact,
        85..=96 => PartialDate::month(year, day.to_naive().month()).expect("valid"),
        _ => PartialDate::year(year).expect("valid"),
    };
    if clear(candidate) { candidate } else { exact }.to_string()
}

fn simulate(seed: u64, i: u64, start: Day, end: Day, waves: &[WaveTally]) -> SimPerson {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ i.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let total_weight: u32 = COUNTRIES.iter().map(|c| c.weight).sum();
    let mut roll = rng.gen_range(0..total_weight);
    let country = COUNTRIES.iter().position(|c| {
        if roll < c.weight {
            true
        } else {
            roll -= c.weight;
            false
        }
    });
    let ci = country.expect("weights cover the roll");
    let c = &COUNTRIES[ci];
    let female = rng.gen_bool(0.3);
    let mut record = json!({
        "type": "person", "id": format!("p{i}"), "names": (c.names)(&mut rng, female),
        "sex": if female { "female" } else { "male" }, "country": c.code, "region": pick(&mut rng, c.regions),
    });
    if rng.gen_bool(0.85) {
        let birth = Day(rng.gen_range(
            Day::ymd(1945, 1, 1).expect("valid").0..Day::ymd(2006, 1, 1).expect("valid").0,
        ));
        let text = birth.to_string();
        record["birth_date"] = json!(match rng.gen_range(0..10) {
            0..=6 => text,
            7..=8 => text[..4].to_string(),
            _ => text[..7].to_string(),
        });
    }
    if rng.gen_bool(0.8) {
        let n = rng.gen_range(0..=2);
        let mut roles: Vec<&str> = (0..n).map(|_| *pick(&mut rng, ROLES)).collect();
        roles.dedup();
        record["roles"] = json!(roles);
    }
    if rng.gen_bool(0.6) {
        let mut health = Vec::new();
        if rng.gen_bool(0.05) {
            health.push("disability");
        }
        if rng.gen_bool(0.3) {
            health.push("chronic_illness");
        }
        record["health"] = json!(health);
    }
    if rng.gen_bool(0.03) {
        record["prominent"] = json!(true);
    }
    let vis = rng.gen_range(0..100);
    if vis >= 93 {
        record["visibility"] = json!(if vis >= 98 {
            "confidential"
        } else {
            "restricted"
        });
    }

    let mut events = Vec::new();
    let mut at = Day(rng.gen_range(start.0..end.0));
    let recognized = rng.gen_bool(0.8);
    let mut first = true;
    loop {
        let ev = |kind, day: Day, details: Option<Value>| SimEvent {
            kind,
            day,
            details,
            announcement: None,
        };
        events.push(ev("detained", at, None));
        if recognized && first && at.0 + 10 < end.0 {
            events.push(ev(
                "recognized",
                Day(at.0 + rng.gen_range(3..90)).min(end),
                Some(json!({"by": "Viasna"})),
            ));
        }
        first = false;
        if rng.gen_bool(0.2) {
            events.push(ev(
                "conditions",
                Day(at.0 + rng.gen_range(1..60)).min(end),
                Some(json!({"type": "incommunicado"})),
            ));
        }
        let charged = Day(at.0 + rng.gen_range(2..30));
        let sentenced = Day(charged.0 + rng.gen_range(30..240));
        let term_months = rng.gen_range(6..=180u32);
        let term_end = Day(sentenced.0 + (f64::from(term_months) * 30.44) as i32);
        if charged < end {
            events.push(ev("charged", charged, Some(json!({"articles": ["342"]}))));
        }
        if sentenced < end {
            events.push(ev(
                "sentenced",
                sentenced,
                Some(json!({"term_months": term_months, "court": "District court"})),
            ));
        }
        // How the custody ends, if it ends before the data does.
        let fate = rng.gen_range(0..100);
        let pardon_wave = (fate < 30)
            .then(|| {
                waves.iter().position(|w| {
                    w.country == COUNTRIES[ci].code
                        && w.day.0 > at.0 + 120
                        && w.day < term_end.min(end)
                })
            })
            .flatten();
        // Whatever the custody would have brought after it ended did not happen.
        let cycle_start = events
            .iter()
            .rposition(|e: &SimEvent| e.kind == "detained")
            .expect("just pushed");
        let retain_before = |events: &mut Vec<SimEvent>, end: Day| {
            let mut k = cycle_start;
            while k < events.len() {
                if matches!(events[k].kind, "charged" | "sentenced" | "conditions")
                    && events[k].day >= end
                {
                    events.remove(k);
                } else {
                    k += 1;
                }
            }
        };
        let release = if let Some(w) = pardon_wave {
            let day = waves[w].day;
            retain_before(&mut events, day);
            events.push(SimEvent {
                kind: "pardoned",
                day,
                details: None,
                announcement: Some(w),
            });
            if rng.gen_bool(0.5) {
                let out_day = Day(day.0 + rng.gen_range(0..4)).min(end);
                events.push(ev("released", out_day, Some(json!({"reason": "pardon"}))));
                out_day
            } else {
                day
            }
        } else {
            let (reason, day) = match fate {
                30..=34 => ("acquittal", sentenced),
                35..=37 => ("deported", Day(at.0 + rng.gen_range(200..900))),
                38..=42 => ("conditional", Day(at.0 + rng.gen_range(150..700))),
                43..=44 => ("amnesty", Day(at.0 + rng.gen_range(100..500))),
                45 => ("died", Day(at.0 + rng.gen_range(60..1500))),
                _ => ("end_of_term", term_end),
            };
            if day >= end {
                break;
            }
            retain_before(&mut events, day);
            if reason == "died" {
                events.push(ev("died_in_custody", day, None));
                break;
            }
            events.push(ev("released", day, Some(json!({"reason": reason}))));
            day
        };
        if rng.gen_bool(0.1) {
            let d = Day(release.0 + rng.gen_range(5..200));
            if d < end {
                events.push(ev("harassed", d, None));
            }
        }
        if rng.gen_bool(0.05) {
            let d = Day(release.0 + rng.gen_range(5..200));
            if d < end {
                events.push(ev("exiled", d, None));
                break;
            }
        }
        // Re-arrest.
        if rng.gen_bool(0.1) {
            at = Day(release.0 + rng.gen_range(20..600));
            if at < end {
                continue;
            }
        }
        break;
    }
    events.sort_by_key(|e| e.day);
    SimPerson {
        country: ci,
        female,
        record,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{parse_record, Record};

    fn lines(persons: u64, seed: u64) -> Vec<String> {
        let mut v = Vec::new();
        generate(Settings { persons, seed }, &mut |l| v.push(l.to_string()));
        v
    }

    #[test]
    fn same_seed_same_registry_other_seed_other_registry() {
        assert_eq!(lines(50, 7), lines(50, 7));
        assert_ne!(lines(50, 7), lines(50, 8));
    }

    #[test]
    fn every_line_is_valid_and_announcements_agree_with_their_breakdowns() {
        let all = lines(400, 1);
        let records: Vec<Record> = all
            .iter()
            .map(|l| parse_record(l).unwrap().into_record())
            .collect();
        let mut linked: BTreeMap<String, u32> = BTreeMap::new();
        let mut kinds = std::collections::BTreeSet::new();
        let mut partial = 0;
        for r in &records {
            match r {
                Record::Event(e) => {
                    kinds.insert(e.kind.as_str());
                    if e.date.precision() != crate::date::Precision::Day {
                        partial += 1;
                    }
                    if let Some(a) = &e.announcement {
                        *linked.entry(a.clone()).or_default() += 1;
                    }
                }
                Record::Announcement(a) => {
                    let total = a.total.unwrap();
                    assert_eq!(a.breakdown["women"] + a.breakdown["men"], total, "{}", a.id);
                }
                _ => {}
            }
        }
        for k in [
            "detained",
            "recognized",
            "sentenced",
            "released",
            "pardoned",
        ] {
            assert!(kinds.contains(k), "generator never wrote a {k} event");
        }
        assert!(partial > 0, "some dates are partial");
        for (a, n) in linked {
            let ann = records.iter().find_map(|r| match r {
                Record::Announcement(x) if x.id == a => Some(x),
                _ => None,
            });
            assert!(
                ann.unwrap().total.unwrap() >= n,
                "{a}: more linked than announced"
            );
        }
    }
}
