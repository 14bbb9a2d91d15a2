//! The write path as sequences of real edits: random imports of shuffled files,
//! corrections of records others point at, saves at fresh and stale versions,
//! retractions, merges and unmerges, a form's save of several records at once (all or
//! none, `form.rs`), applied to a real store (SQLite on disk, and
//! PostgreSQL when `VIGIL_TEST_DATABASE_URL` is set) and, after every step, compared with
//! a plain in-memory model of what the registry should now hold: the same records, the
//! same counts (held with its bounds, waves), a log that verifies with derived tables that
//! match it, `load` equal to `load_as_of(head)`, export → import → export identical, and
//! the registry of the step before brought forward by `follow::follow` (what a server
//! does after a save) equal to a full load, and the day arrays saved beside the log (what
//! `stats held` reads) either out of date or the registry's.
//!
//! `PROPTEST_CASES=N` sets the number of sequences (by default 100 on each backend, each
//! of 30–35 steps: about 10 minutes of CI's 2 cores, both backends side by side; every run
//! draws new sequences, so CI's runs add up).
//! It is longer than 800 lines because the model, every step and the comparison after
//! each step are one argument, read together.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use vigil_core::access::Audience;
use vigil_core::date::{Day, PartialDate};
use vigil_core::record::{parse_record, AnnouncementKind, Parsed, Record, RecordType};
use vigil_core::registry::{Builder, By, Mode, Registry, Whereabouts};
use vigil_core::sheet::{read::Format, Options};
use vigil_store::follow::Followed;
use vigil_store::ops::{self, Expect, OpError, Refusal};
use vigil_store::{import, ImportFailure, ImportOptions, Meta, SqliteStore, Store};

#[path = "write_path/form.rs"]
mod form;
#[path = "write_path/found.rs"]
mod found;

// ---------------------------------------------------------------------------------------
// Records, from small numbers (so a failing sequence shrinks to a readable one).

const TYPES: [RecordType; 6] = [
    RecordType::Source,
    RecordType::Place,
    RecordType::Person,
    RecordType::Announcement,
    RecordType::Event,
    RecordType::Figure,
];

/// How many ids of each type the sequences use: few, so records collide and refer to
/// each other often.
fn ids_of(t: RecordType) -> u8 {
    match t {
        RecordType::Source | RecordType::Figure | RecordType::Place => 2,
        RecordType::Person => 5,
        RecordType::Announcement => 3,
        _ => 10,
    }
}

/// A record's id: its type's first letter (`pl` for a place) and a number.
fn id_of(t: RecordType, i: u8) -> String {
    let prefix = if t == RecordType::Place {
        "pl"
    } else {
        &t.as_str()[..1]
    };
    format!("{prefix}{}", i % ids_of(t))
}

fn record_line(t: RecordType, i: u8, v: u16) -> String {
    let i = i % ids_of(t);
    let v = u32::from(v);
    let pick = |list: &[&str], n: u32| list[(n as usize) % list.len()].to_string();
    let value = match t {
        RecordType::Source => serde_json::json!({
            "type": "source", "id": format!("s{i}"),
            "publisher": pick(&["Viasna", "RFE/RL", "AP"], v),
        }),
        RecordType::Person => {
            let mut p = serde_json::json!({
                "type": "person", "id": format!("p{i}"),
                "names": [{"text": format!("Person {i}")}, {"text": format!("Асоба {i}"), "lang": "be"}],
                "sex": pick(&["male", "female"], v),
                "birth_date": pick(&["1980", "1990-05", "1975-03-02", "2001"], v / 2),
                "country": "BY",
                "visibility": pick(&["public", "public", "restricted"], v / 8),
                "kept": v % 5,
            });
            if v % 4 != 0 {
                p["region"] = format!("Region {}", v % 3).into();
            }
            if v % 3 == 0 {
                p["consent"] = serde_json::json!(["letters", "calendar"]);
                p["envelope"] = format!("Асобе {i}, {}", 1980 + v % 20).into();
            }
            p
        }
        RecordType::Place => {
            let mut p = serde_json::json!({
                "type": "place", "id": format!("pl{i}"),
                "names": [{"text": format!("ИК-{}", v % 20), "lang": "ru"}],
                "kind": pick(&["colony", "sizo", "ivs", "prison"], v),
                "country": "BY",
                "address": format!("2460{}, Гомель, ул. Антошкина, {}", v % 10, v % 7),
            });
            if v % 2 == 0 {
                p["sources"] = serde_json::json!([format!("s{}", v % 2)]);
            }
            p
        }
        RecordType::Announcement => {
            let mut a = serde_json::json!({
                "type": "announcement", "id": format!("a{i}"), "kind": "pardon",
                "date": pick(&["2021-06-15", "2022-01-01", "2024-07-03", "2024-07"], v),
                "country": "BY", "total": 5 + v % 7,
            });
            if v % 3 == 0 {
                a["sources"] = serde_json::json!([format!("s{}", v % 2)]);
            }
            a
        }
        RecordType::Event => {
            let kind = pick(
                &[
                    "detained",
                    "recognized",
                    "released",
                    "pardoned",
                    "sentenced",
                    "transferred",
                    "detained",
                ],
                v / 5,
            );
            // A withdrawal names the organisation whose recognition it ends (or none); with
            // two organisations, ending one must leave the other's standing.
            let kind = if kind == "recognized" && v % 13 == 3 {
                "recognition_withdrawn".to_string()
            } else {
                kind
            };
            let mut e = serde_json::json!({
                "type": "event", "id": format!("e{i}"), "person": format!("p{}", v % 5),
                "kind": kind,
                "date": pick(&["2020", "2021-03", "2021-06-15", "2022-01-01", "2023-07", "2024-07-03"], v / 20),
            });
            if kind == "pardoned" && v % 2 == 0 {
                e["announcement"] = format!("a{}", v % 3).into();
            }
            if kind == "sentenced" {
                e["details"] = serde_json::json!({
                    "term_months": 6 + v % 120,
                    "articles": [pick(&["342", "361-1", "130"], v / 3)],
                    "regime": pick(&["general", "strict", "restricted_freedom"], v / 7),
                });
                if v % 4 == 0 {
                    e["details"]["term_start"] = pick(&["2020", "2021-03"], v).into();
                }
            }
            if kind == "transferred" {
                e["details"] = match v % 4 {
                    0 => serde_json::json!({"in_transit": true}),
                    1 => serde_json::json!({"address_unknown": true}),
                    _ => serde_json::json!({"place": format!("pl{}", v % 2)}),
                };
            }
            if (kind == "recognized" && v % 2 == 0)
                || (kind == "recognition_withdrawn" && v % 4 != 0)
            {
                e["details"] = serde_json::json!({"by": pick(&["Viasna", "Memorial"], v / 2)});
            }
            if v % 7 == 0 {
                e["sources"] = serde_json::json!([format!("s{}", v % 2)]);
            }
            if v % 11 == 0 {
                e["visibility"] = "confidential".into();
            }
            e
        }
        _ => {
            let mut f = serde_json::json!({
                "type": "figure", "id": format!("f{i}"), "metric": "political_prisoners_held",
                "value": 100 + v, "qualifier": "approximately", "as_of": "2023-01-01", "country": "BY",
            });
            if v % 2 == 0 {
                f["sources"] = serde_json::json!(["s0"]);
            }
            f
        }
    };
    value.to_string()
}

fn parsed(line: &str) -> Parsed {
    parse_record(line).unwrap()
}

// ---------------------------------------------------------------------------------------
// Operations.

#[derive(Debug, Clone)]
enum Step {
    /// A file of records (one per id), its lines shuffled.
    Import {
        lines: Vec<(usize, u8, u16)>,
        update: bool,
        shuffle: u64,
    },
    /// A form or API save: at the current version (or as new), or at a stale one.
    Save {
        t: usize,
        id: u8,
        v: u16,
        stale: bool,
    },
    Retract {
        t: usize,
        id: u8,
        stale: bool,
    },
    Merge {
        keep: u8,
        merged: u8,
    },
    Unmerge {
        merged: u8,
    },
    /// A spreadsheet imported as the CLI and the editors' upload page import it
    /// (`vigil_store::sheet`): rows of (name, detained, named like a stored person), one
    /// person per row; with `same`, the editor says which rows' persons are the stored
    /// persons they probably duplicate (`Plan::merge_doubles`, the preview's drop-down),
    /// and sometimes names a pair the preview did not offer, which is refused. A row may
    /// name a place (`ИК-N`): a stored place of that name, else a new one.
    Sheet {
        rows: Vec<(u8, u8, bool, Option<u8>)>,
        update: bool,
        same: Option<u8>,
    },
    /// The column mapping an editor confirmed for a source's sheets: beside the log.
    Mapping {
        source: u8,
        v: u8,
    },
    /// An editors' form saved (`vigil_store::batch::put_all`): a person (new under a made
    /// id, or `p{person}` at the version read) with new events pointing at her, and maybe
    /// a bad record at some place after her that must leave the whole batch unwritten.
    Form {
        person: Option<u8>,
        v: u16,
        events: Vec<u16>,
        bad: Option<(u8, form::Bad, u8)>,
    },
    /// `vigil db rebuild`: the derived tables recreated from the log.
    Rebuild,
    /// `vigil db copy` (and restore, which replays the same way): the sequence goes on in
    /// the copy.
    Copy,
    /// `vigil stats held` (and `vigil import`'s end): the day arrays read saved when they
    /// are current, else computed from the registry and saved beside the log.
    Answer,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (prop::collection::vec((0..6usize, any::<u8>(), any::<u16>()), 1..12), any::<bool>(), any::<u64>())
            .prop_map(|(lines, update, shuffle)| Step::Import { lines, update, shuffle }),
        3 => (0..6usize, any::<u8>(), any::<u16>(), prop::bool::weighted(0.2))
            .prop_map(|(t, id, v, stale)| Step::Save { t, id, v, stale }),
        2 => (0..6usize, any::<u8>(), prop::bool::weighted(0.2))
            .prop_map(|(t, id, stale)| Step::Retract { t, id, stale }),
        1 => (0..5u8, 0..5u8).prop_map(|(keep, merged)| Step::Merge { keep, merged }),
        1 => (0..5u8).prop_map(|merged| Step::Unmerge { merged }),
        1 => (
            prop::collection::vec((0..4u8, 0..3u8, prop::bool::weighted(0.4), prop::option::weighted(0.5, 0..22u8)), 1..4),
            any::<bool>(),
            prop::option::weighted(0.6, any::<u8>()),
        )
            .prop_map(|(rows, update, same)| Step::Sheet { rows, update, same }),
        1 => (0..2u8, 0..3u8).prop_map(|(source, v)| Step::Mapping { source, v }),
        2 => form::form_step(),
        1 => Just(Step::Rebuild),
        1 => Just(Step::Copy),
        1 => Just(Step::Answer),
    ]
}

// ---------------------------------------------------------------------------------------
// The model: the current body of every record, whether it is retracted, and how many log
// entries there are.

#[derive(Default, Clone)]
struct Model {
    records: BTreeMap<(RecordType, String), (String, bool)>,
    entries: u64,
    /// The sheet mappings kept per source (not carried by a copy, which replays the log).
    mappings: BTreeMap<String, String>,
    /// How many ids the forms' saves have drawn (`form::made_id`).
    draws: u64,
    /// When each record was first recorded (since its last retraction): the order the
    /// stores keep a person's events of one day in (their row keys, which a correction
    /// keeps and a put after a retraction renews).
    first: BTreeMap<(RecordType, String), u64>,
}

impl Model {
    fn live(&self, t: RecordType, id: &str) -> Option<&str> {
        match self.records.get(&(t, id.to_string())) {
            Some((body, false)) => Some(body),
            _ => None,
        }
    }

    /// Whether any current record points at (t, id).
    fn referred(&self, t: RecordType, id: &str) -> bool {
        self.records.values().filter(|(_, r)| !r).any(|(body, _)| {
            parsed(body)
                .record()
                .references()
                .iter()
                .any(|(rt, rid, _)| *rt == t && *rid == id)
        })
    }

    fn put(&mut self, t: RecordType, id: &str, body: String) {
        let key = (t, id.to_string());
        if self
            .records
            .get(&key)
            .is_none_or(|(_, retracted)| *retracted)
        {
            self.first.insert(key.clone(), self.entries);
        }
        self.records.insert(key, (body, false));
        self.entries += 1;
    }

    fn retract(&mut self, t: RecordType, id: &str) {
        self.records.get_mut(&(t, id.to_string())).unwrap().1 = true;
        self.entries += 1;
    }

    /// Whether `keep`, followed through the live merges, is already counted as `merged`.
    fn counted_as(&self, keep: &str, merged: &str) -> bool {
        let mut root = keep.to_string();
        for _ in 0..=self.records.len() {
            let Some(body) = self.live(RecordType::Merge, &format!("merge-{root}")) else {
                return false;
            };
            let Record::Merge(m) = parsed(body).into_record() else {
                return false;
            };
            if m.keep == merged {
                return true;
            }
            root = m.keep;
        }
        false
    }

    /// The current records as a registry, built directly.
    fn registry(&self) -> Registry {
        let mut live: Vec<(u64, Record)> = self
            .records
            .iter()
            .filter(|(_, (_, r))| !r)
            .map(|(k, (b, _))| (self.first[k], parsed(b).into_record()))
            .collect();
        live.sort_by_key(|(first, r)| (r.record_type().rank(), *first));
        let live: Vec<Record> = live.into_iter().map(|(_, r)| r).collect();
        let mut b = Builder::new();
        for r in &live {
            b.add_record(r).unwrap();
        }
        b.finish()
    }

    fn bodies(&self) -> BTreeSet<(RecordType, String)> {
        self.records
            .iter()
            .filter(|(_, (_, r))| !r)
            .map(|((t, _), (b, _))| (*t, b.clone()))
            .collect()
    }
}

/// What the counts say, for comparison.
fn counts(reg: &Registry) -> Vec<String> {
    let mut out = Vec::new();
    for d in [
        "2020-06-01",
        "2021-03-15",
        "2021-07-01",
        "2022-06-01",
        "2024-07-03",
        "2025-01-01",
    ] {
        let day = d.parse::<PartialDate>().unwrap().first_day();
        for mode in [Mode::All, Mode::Recognized, Mode::RecognizedByDate] {
            let h = reg.held(day, Some("BY"), mode);
            out.push(format!(
                "{d} {mode:?}: {} [{}, {}]",
                h.held, h.held_min, h.held_max
            ));
        }
    }
    for year in 2021..=2024 {
        out.push(format!(
            "{:?}",
            reg.waves("BY", year, AnnouncementKind::Pardon)
        ));
    }
    // Cases and places: expected releases, where each person is, and the breakdowns.
    let day = "2024-07-03".parse::<PartialDate>().unwrap().first_day();
    let mut persons: Vec<u32> = (0..reg.person_count() as u32).collect();
    persons.sort_by_key(|&p| reg.person_id(p).to_string());
    for p in persons {
        for audience in [Audience::Public, Audience::Trusted] {
            out.push(format!(
                "{} {audience:?}: release {:?}, at {:?}, history {:?}, by {:?}, letters {:?} {:?}",
                reg.person_id(p),
                reg.expected_release(p, audience),
                reg.whereabouts(p, day, audience).map(|w| match w {
                    Whereabouts::Place(i) => reg.places()[i as usize].address.clone(),
                    other => Some(format!("{other:?}")),
                }),
                reg.custody_history(p, audience).len(),
                reg.recognized_by(p, audience),
                reg.letters_of(p),
                reg.letter_address(p, day).map(|(n, pl)| (n, pl.id.clone())),
            ));
            // Each organisation's recognition: its date, ex post facto, its withdrawal.
            out.push(format!(
                "{} {audience:?}: recognitions {:?}",
                reg.person_id(p),
                reg.recognitions(p, audience)
            ));
        }
    }
    for by in [
        By::Article,
        By::Place,
        By::Regime,
        By::Status,
        By::RecognizedBy,
        By::Term,
    ] {
        out.push(format!(
            "{by:?}: {:?}",
            reg.held_by(day, Some("BY"), Mode::All, by, Audience::Public)
        ));
    }
    out
}

fn meta() -> Meta {
    Meta {
        at: "2026-12-01T00:00:00.000000Z".into(),
        actor: "model".into(),
        reason: Some("a step of the write-path test".into()),
    }
}

fn export_set(store: &dyn Store) -> BTreeSet<(RecordType, String)> {
    let mut out = BTreeSet::new();
    store
        .export(&mut |t, body| {
            out.insert((t, body.to_string()));
            Ok(())
        })
        .unwrap();
    out
}

fn export_text(store: &dyn Store) -> String {
    let mut out = String::new();
    store
        .export(&mut |_, body| {
            out.push_str(body);
            out.push('\n');
            Ok(())
        })
        .unwrap();
    out
}

fn import_opts(update: bool) -> ImportOptions {
    ImportOptions {
        actor: "model".into(),
        reason: None,
        at: "2026-12-01T00:00:00.000000Z".into(),
        update,
    }
}

/// What the model says of importing `file` (lines, in the order given), and whether the
/// store's answer `got` agrees; on success the model takes the writes.
fn checked_import(
    model: &mut Model,
    file: &[String],
    update: bool,
    got: Result<vigil_store::ImportReport, ImportFailure>,
) -> Result<(), TestCaseError> {
    // What the model says: which lines write, and whether the file is refused.
    let mut writes = Vec::new();
    let mut refused = false;
    for line in file {
        let p = parsed(line);
        let key = (p.record().record_type(), p.record().id().to_string());
        match model.records.get(&key) {
            Some((body, retracted)) if body == p.canonical() && (!retracted || !update) => {}
            Some(_) if !update => refused = true,
            _ => writes.push((key, p.canonical().to_string())),
        }
    }
    let written: BTreeSet<&(RecordType, String)> = writes.iter().map(|(k, _)| k).collect();
    for (_, body) in &writes {
        let p = parsed(body);
        for (t, id, _) in p.record().references() {
            if model.live(t, id).is_none() && !written.contains(&(t, id.to_string())) {
                refused = true;
            }
        }
    }
    match (got, refused) {
        (Ok(report), false) => {
            prop_assert_eq!(report.added + report.corrected, writes.len());
            // In the order the import appends: a line whose references are all stored
            // (or written before it) at once, the others after the whole file, by record
            // type, then line.
            let mut now = Vec::new();
            let mut waiting = Vec::new();
            let mut done: BTreeSet<(RecordType, String)> = BTreeSet::new();
            for (n, (key, body)) in writes.into_iter().enumerate() {
                let p = parsed(&body);
                let ready = p.record().references().iter().all(|(t, id, _)| {
                    model.live(*t, id).is_some() || done.contains(&(*t, (*id).to_string()))
                });
                if ready {
                    done.insert(key.clone());
                    now.push((key, body));
                } else {
                    waiting.push((key.0.rank(), n, key, body));
                }
            }
            waiting.sort_by_key(|w| (w.0, w.1));
            now.extend(waiting.into_iter().map(|(_, _, k, b)| (k, b)));
            for ((t, id), body) in now {
                model.put(t, &id, body);
            }
        }
        (Err(ImportFailure::Invalid(errors)), true) => {
            prop_assert!(errors.iter().all(|e| e.line >= 1 && e.line <= file.len()));
        }
        (got, refused) => {
            return Err(TestCaseError::fail(format!(
                "import of\n{}gave {got:?}, the model says refused={refused}",
                file.join("\n")
            )))
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// One step on the store and on the model.

fn apply(
    store: &mut Box<dyn Store>,
    model: &mut Model,
    step: &Step,
    fresh: &dyn Fn() -> Box<dyn Store>,
) -> Result<(), TestCaseError> {
    let store: &mut dyn Store = match step {
        Step::Rebuild => {
            let before = store.head().unwrap();
            prop_assert_eq!(store.rebuild().unwrap(), before);
            return Ok(());
        }
        Step::Copy => {
            let mut copy = fresh();
            let head = vigil_store::copy::copy(store.as_ref(), copy.as_mut()).unwrap();
            prop_assert_eq!(head, store.head().unwrap(), "the copy has the same head");
            *store = copy;
            model.mappings.clear();
            return Ok(());
        }
        Step::Answer => {
            let (counts, at) = vigil_store::counts::current(store.as_ref()).unwrap();
            prop_assert_eq!(at, store.head().unwrap());
            prop_assert_eq!(counts, model.registry().counts(), "the day arrays answered");
            return Ok(());
        }
        _ => store.as_mut(),
    };
    match step {
        Step::Rebuild | Step::Copy | Step::Answer => unreachable!("handled above"),
        Step::Form {
            person,
            v,
            events,
            bad,
        } => form::apply_form(store, model, *person, *v, events, *bad)?,
        Step::Import {
            lines,
            update,
            shuffle,
        } => {
            // One line per id: a file that says two things of one record is refused, a
            // case bad_input covers.
            let mut by_id: BTreeMap<(RecordType, String), String> = BTreeMap::new();
            for (t, i, v) in lines {
                let line = record_line(TYPES[*t], *i, *v);
                let p = parsed(&line);
                by_id
                    .entry((p.record().record_type(), p.record().id().to_string()))
                    .or_insert(line);
            }
            let mut file: Vec<String> = by_id.values().cloned().collect();
            file.shuffle(&mut rand_chacha::ChaCha8Rng::seed_from_u64(*shuffle));
            let text = file.join("\n") + "\n";
            let got = import(
                store,
                &mut text.as_bytes(),
                &import_opts(*update),
                &mut |_| {},
            );
            checked_import(model, &file, *update, got)?;
        }
        Step::Sheet { rows, update, same } => {
            // One row per name: two rows of one person would be a sheet that says two
            // things of one record, refused as a JSON Lines file saying so is.
            let rows: BTreeMap<(u8, bool), (u8, Option<u8>)> = rows
                .iter()
                .map(|&(n, y, like, place)| ((n, like), (y, place)))
                .collect();
            // The places stored now, by name: what a row's place cell is matched against.
            let mut stored_places: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for ((t, id), (body, retracted)) in &model.records {
                if *t != RecordType::Place || *retracted {
                    continue;
                }
                if let Record::Place(p) = parsed(body).into_record() {
                    let mut names: Vec<String> =
                        p.names.iter().map(|n| n.text.to_lowercase()).collect();
                    names.sort();
                    names.dedup();
                    for n in names {
                        stored_places.entry(n).or_default().push(id.clone());
                    }
                }
            }
            let mut csv = String::from("Name,Detained,Prison\n");
            for ((n, like), (y, place)) in &rows {
                // A row named as a stored person is ("Person 2", "Асоба 2") is a new
                // person to the sheet (its id is made from the row) and her probable
                // double to the preview.
                let name = if *like {
                    format!("Person {n}")
                } else {
                    format!("Person Number{n}")
                };
                let place = place.map(|k| format!("ИК-{k}")).unwrap_or_default();
                let _ = writeln!(csv, "{name},{:02}.{},{place}", 3 + y, 2020 + u32::from(*y));
            }
            let options = Options {
                country: Some("BY".into()),
                ..Options::default()
            };
            let plan = vigil_store::sheet::plan(
                Some(&*store),
                csv.as_bytes(),
                Format::Csv,
                &options,
                *update,
            )
            .unwrap();
            let mut plan = match plan {
                Ok(plan) => plan,
                // Refused only for a place name several stored places have, naming them.
                Err(vigil_store::sheet::Refused::Cells(errors)) => {
                    for e in &errors {
                        let Some(vigil_core::sheet::Problem::SeveralPlaces { text, ids }) =
                            &e.problem
                        else {
                            return Err(TestCaseError::fail(format!("refused: {e:?}")));
                        };
                        let mut want = stored_places
                            .get(&text.to_lowercase())
                            .cloned()
                            .unwrap_or_default();
                        want.sort();
                        prop_assert!(want.len() > 1 && *ids == want, "{e:?}: stored {want:?}");
                    }
                    return Ok(());
                }
                Err(other) => return Err(TestCaseError::fail(format!("{other:?}"))),
            };
            // A place cell naming a stored place points at it: no second copy is made.
            let mut new_places = BTreeSet::new();
            for (_, line) in &plan.converted.lines {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                if v["type"] == "place" {
                    let name = v["names"][0]["text"].as_str().unwrap().to_lowercase();
                    prop_assert!(
                        !stored_places.contains_key(&name),
                        "a second place named {name}: {line}"
                    );
                    new_places.insert(v["id"].as_str().unwrap().to_string());
                }
            }
            for (_, line) in &plan.converted.lines {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                if v["kind"] == "transferred" {
                    let to = v["details"]["place"].as_str().unwrap();
                    prop_assert!(
                        new_places.contains(to)
                            || stored_places.values().flatten().any(|id| id == to),
                        "a transfer to a place neither stored nor made: {line}"
                    );
                }
            }
            for d in &plan.doubles {
                prop_assert!(
                    model.live(RecordType::Person, &d.existing).is_some()
                        && model.live(RecordType::Person, &d.id).is_none(),
                    "{d:?} is not a new row's person against a stored one"
                );
            }
            let mut merged: Vec<(String, String)> = Vec::new();
            if let Some(k) = same {
                // A pair the preview did not offer is refused by its row, the plan as it was.
                if k % 4 == 0 {
                    let before = plan.jsonl();
                    let offered = plan.doubles.len();
                    prop_assert_eq!(plan.merge_doubles(&[(99, "p0".into())]), Err(99));
                    prop_assert_eq!((plan.jsonl(), plan.doubles.len()), (before, offered));
                }
                let chosen: Vec<(usize, String)> = plan
                    .doubles
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| k >> (i % 8) & 1 == 1 || *k >= 128)
                    .map(|(_, d)| (d.row, d.existing.clone()))
                    .collect();
                let left = plan.doubles.len() - chosen.len();
                merged = chosen
                    .iter()
                    .map(|(row, existing)| {
                        let d = plan.doubles.iter().find(|d| d.row == *row).unwrap();
                        (d.id.clone(), existing.clone())
                    })
                    .collect();
                prop_assert_eq!(plan.merge_doubles(&chosen), Ok(()));
                prop_assert_eq!(plan.doubles.len(), left, "a decided double is still listed");
            }
            let file: Vec<String> = plan
                .converted
                .lines
                .iter()
                .map(|(_, l)| l.clone())
                .collect();
            let got = vigil_store::sheet::store(store, &plan, &import_opts(*update), &mut |_| {});
            // The preview said what the import does.
            let c = &plan.changes;
            match &got {
                Ok(r) => {
                    prop_assert!(c.conflicts.is_empty(), "stored despite {:?}", c.conflicts);
                    prop_assert_eq!(
                        (c.added, c.corrected, c.unchanged),
                        (r.added, r.corrected, r.unchanged)
                    );
                }
                Err(_) => prop_assert!(
                    !c.conflicts.is_empty(),
                    "refused, the preview saw no conflict"
                ),
            }
            checked_import(model, &file, *update, got)?;
            // Stored: the row's person is counted as the stored one she was said to be.
            for (id, existing) in &merged {
                if model.live(RecordType::Person, id).is_some() {
                    prop_assert!(
                        model.counted_as(id, existing),
                        "{id} was stored but not merged into {existing}"
                    );
                }
            }
        }
        Step::Mapping { source, v } => {
            let source = format!("s{source}");
            let text = format!("Column {v} = name\n");
            let row = vigil_store::accounts::AuditRow {
                at: "2026-12-01T00:00:00.000000Z".into(),
                actor: "model".into(),
                action: "sheet mapping".into(),
                subject: format!("source {source}"),
            };
            store.save_sheet_mapping(&source, &text, &row).unwrap();
            model.mappings.insert(source, text);
        }
        Step::Save { t, id, v, stale } => {
            let line = record_line(TYPES[*t], *id, *v);
            let p = parsed(&line);
            let (rt, rid) = (p.record().record_type(), p.record().id().to_string());
            let current = store.current(rt, &rid).unwrap().filter(|c| !c.retracted);
            let expect = match (&current, stale) {
                (Some(c), false) => Expect::Version(c.seq),
                (Some(c), true) => Expect::Version(c.seq - 1),
                (None, false) => Expect::New,
                (None, true) => Expect::Version(1),
            };
            let live = model.live(rt, &rid).map(str::to_string);
            let mut w = store.begin().unwrap();
            let got = ops::put(w.as_mut(), &meta(), &p, expect);
            let missing = p
                .record()
                .references()
                .iter()
                .any(|(t, id, _)| model.live(*t, id).is_none());
            match got {
                Err(OpError::Refused(Refusal::Stale { .. })) => prop_assert!(*stale),
                Ok(ops::Put::Unchanged(_)) => {
                    prop_assert!(!stale);
                    prop_assert_eq!(live.as_deref(), Some(p.canonical()));
                }
                Err(OpError::Refused(Refusal::MissingReference { .. })) => {
                    prop_assert!(!stale && missing);
                }
                Ok(_) => {
                    prop_assert!(
                        !stale && !missing,
                        "saved with a stale version or a dangling reference"
                    );
                    prop_assert_ne!(live.as_deref(), Some(p.canonical()));
                    w.commit().unwrap();
                    model.put(rt, &rid, p.canonical().to_string());
                }
                Err(e) => return Err(TestCaseError::fail(format!("save {line}: {e}"))),
            }
        }
        Step::Retract { t, id, stale } => {
            let rt = TYPES[*t];
            let rid = id_of(rt, *id);
            let current = store.current(rt, &rid).unwrap().filter(|c| !c.retracted);
            let expect = match (&current, stale) {
                (Some(c), false) => Expect::Version(c.seq),
                (Some(c), true) => Expect::Version(c.seq - 1),
                (None, _) => Expect::Any,
            };
            let mut w = store.begin().unwrap();
            let got = ops::retract(w.as_mut(), &meta(), rt, &rid, expect);
            let live = model.live(rt, &rid).is_some();
            match got {
                Err(OpError::Refused(Refusal::NotFound { .. })) => prop_assert!(!live),
                Err(OpError::Refused(Refusal::Stale { .. })) => prop_assert!(live && *stale),
                Err(OpError::Refused(Refusal::InUse { .. })) => {
                    prop_assert!(live && !stale && model.referred(rt, &rid));
                }
                Ok(_) => {
                    prop_assert!(live && !stale && !model.referred(rt, &rid));
                    w.commit().unwrap();
                    model.retract(rt, &rid);
                }
                Err(e) => return Err(TestCaseError::fail(format!("retract {rid}: {e}"))),
            }
        }
        Step::Merge { keep, merged } => {
            let (keep, merged) = (format!("p{keep}"), format!("p{merged}"));
            let id = ops::merge_id(&merged);
            let mut w = store.begin().unwrap();
            let got = ops::merge(w.as_mut(), &meta(), &keep, &merged);
            let persons = model.live(RecordType::Person, &keep).is_some()
                && model.live(RecordType::Person, &merged).is_some();
            match got {
                Err(OpError::Refused(Refusal::AlreadyMerged { .. })) => {
                    prop_assert!(keep != merged && model.live(RecordType::Merge, &id).is_some());
                }
                Err(OpError::Refused(Refusal::MissingReference { .. })) => prop_assert!(!persons),
                Err(OpError::Refused(Refusal::SelfMerge(_))) => prop_assert!(keep == merged),
                Err(OpError::Refused(Refusal::MergeLoop { .. })) => {
                    prop_assert!(persons && model.counted_as(&keep, &merged));
                }
                Ok(ops::Put::Added(e) | ops::Put::Corrected(e)) => {
                    prop_assert!(persons && keep != merged);
                    prop_assert!(model.live(RecordType::Merge, &id).is_none());
                    prop_assert!(!model.counted_as(&keep, &merged), "a merge closed a loop");
                    w.commit().unwrap();
                    model.put(RecordType::Merge, &id, e.body.unwrap());
                }
                other => return Err(TestCaseError::fail(format!("merge: {other:?}"))),
            }
        }
        Step::Unmerge { merged } => {
            let id = ops::merge_id(&format!("p{merged}"));
            let mut w = store.begin().unwrap();
            let got = ops::unmerge(w.as_mut(), &meta(), &format!("p{merged}"));
            match got {
                Err(OpError::Refused(Refusal::NotMerged(_))) => {
                    prop_assert!(model.live(RecordType::Merge, &id).is_none());
                }
                Ok(_) => {
                    prop_assert!(model.live(RecordType::Merge, &id).is_some());
                    w.commit().unwrap();
                    model.retract(RecordType::Merge, &id);
                }
                Err(e) => return Err(TestCaseError::fail(format!("unmerge: {e}"))),
            }
        }
    }
    Ok(())
}

/// Every breakdown dimension.
const ALL_BY: [By; 10] = By::ALL;

/// After every step: the store says what the model says.
fn agree(
    store: &dyn Store,
    model: &Model,
    fresh: &dyn Fn() -> Box<dyn Store>,
    round_trip: bool,
    followed: &mut Option<(Registry, u64)>,
) -> Result<(), TestCaseError> {
    let head = store.head().unwrap();
    prop_assert_eq!(head.entries, model.entries, "log entries");
    prop_assert!(store.verify().unwrap().is_ok(), "the chain verifies");
    let derived = vigil_store::derived::check(store).unwrap();
    prop_assert!(derived.is_none(), "derived tables: {}", derived.unwrap());
    prop_assert_eq!(export_set(store), model.bodies(), "the records");
    for source in ["s0", "s1"] {
        prop_assert_eq!(
            store.sheet_mapping(source).unwrap(),
            model.mappings.get(source).cloned(),
            "the sheet mapping of {}",
            source
        );
    }
    prop_assert!(
        store.verify_audit().unwrap().is_ok(),
        "the audit chain verifies"
    );
    let loaded = counts(&store.load().unwrap());
    prop_assert_eq!(
        &loaded,
        &counts(&model.registry()),
        "counts against the model"
    );
    prop_assert_eq!(
        &loaded,
        &counts(&store.load_as_of(head.entries).unwrap()),
        "load against load_as_of(head)"
    );
    let full = store.load().unwrap();
    // Saved day arrays that say they are current are the registry's (a write that kept
    // them current would hand out another position's numbers).
    if let Some(saved) = vigil_store::counts::saved(store, &head).unwrap() {
        prop_assert_eq!(saved, full.counts(), "the saved day arrays");
    }
    let (from, to) = (
        Day::ymd(2019, 12, 25).unwrap(),
        Day::ymd(2025, 1, 10).unwrap(),
    );
    // The breakdowns read from per-day arrays say what a pass over the persons says.
    for d in ["2021-03-15", "2022-06-01", "2024-07-03"] {
        let day = d.parse::<PartialDate>().unwrap().first_day();
        for mode in [Mode::Recognized, Mode::RecognizedByDate, Mode::All] {
            for by in ALL_BY {
                for audience in [Audience::Trusted, Audience::Public] {
                    for country in [None, Some("BY")] {
                        prop_assert_eq!(
                            full.held_by(day, country, mode, by, audience),
                            full.held_by_scan(day, country, mode, by, audience),
                            "held_by {} {:?} {:?} {:?} {:?} against the scan",
                            d,
                            mode,
                            by,
                            audience,
                            country
                        );
                    }
                }
            }
            for audience in [Audience::Trusted, Audience::Public] {
                prop_assert_eq!(
                    full.releases_by_month(day, 24, None, mode, audience),
                    full.releases_by_month_scan(day, 24, None, mode, audience),
                    "releases per month {} {:?} {:?} against the scan",
                    d,
                    mode,
                    audience
                );
            }
            let week = Day(day.0 - 6);
            prop_assert_eq!(
                full.released_between(week, day, Some("BY"), mode),
                full.released_between_scan(week, day, Some("BY"), mode),
                "released in the week up to {} {:?} against the scan",
                d,
                mode
            );
        }
    }
    if let Some((before, seen)) = followed.take() {
        // The curves the server has built are moved, not built again.
        for mode in [Mode::Recognized, Mode::RecognizedByDate, Mode::All] {
            let _ = before.held(from, None, mode);
            for by in ALL_BY {
                for audience in [Audience::Trusted, Audience::Public] {
                    let _ = before.held_by(from, None, mode, by, audience);
                }
            }
            for audience in [Audience::Trusted, Audience::Public] {
                let _ = before.releases_by_month(from, 12, None, mode, audience);
            }
            let _ = before.released_between(from, to, None, mode);
        }
        match vigil_store::follow::follow(store, &before, seen).unwrap() {
            Followed::Current => {
                prop_assert_eq!(seen, head.entries);
                prop_assert_eq!(
                    before.describe(from, to),
                    full.describe(from, to),
                    "unchanged"
                );
            }
            Followed::Patched {
                registry, head: h, ..
            } => {
                prop_assert_eq!(h, head);
                PATCHED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                prop_assert_eq!(
                    registry.describe(from, to),
                    full.describe(from, to),
                    "the registry followed from entry {} against a full load",
                    seen
                );
            }
            Followed::Reload => {}
        }
    }
    *followed = Some((full, head.entries));
    if round_trip {
        let text = export_text(store);
        let mut copy = fresh();
        import(
            copy.as_mut(),
            &mut text.as_bytes(),
            &import_opts(false),
            &mut |_| {},
        )
        .unwrap();
        prop_assert_eq!(export_text(copy.as_ref()), text, "export → import → export");
    }
    Ok(())
}

/// One sequence applied to a fresh store, compared with the model after every step.
fn replay(fresh: &dyn Fn() -> Box<dyn Store>, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut store = fresh();
    let mut model = Model::default();
    let mut followed = None;
    for (i, s) in steps.iter().enumerate() {
        apply(&mut store, &mut model, s, fresh)
            .map_err(|e| TestCaseError::fail(format!("step {i} {s:?}: {e}")))?;
        agree(
            store.as_ref(),
            &model,
            fresh,
            i + 1 == steps.len(),
            &mut followed,
        )
        .map_err(|e| TestCaseError::fail(format!("after step {i} {s:?}: {e}")))?;
    }
    Ok(())
}

fn run(fresh: &dyn Fn() -> Box<dyn Store>, default_cases: u32) {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        // A failure is printed after at most five minutes of shrinking (a CI run once
        // spent most of its 71 minutes shrinking one on PostgreSQL);
        // `PROPTEST_MAX_SHRINK_TIME` (ms) lengthens it when a smaller sequence is wanted.
        max_shrink_time: std::env::var("PROPTEST_MAX_SHRINK_TIME")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(300_000),
        ..Config::default()
    });
    let sequences = prop::collection::vec(step(), 30..36);
    if let Err(e) = runner.run(&sequences, |steps| replay(fresh, &steps)) {
        // What failed, in short lines first: a CI log's excerpt folds the one long line
        // of the panic below, and the reason is what is needed to find the bug.
        if let proptest::test_runner::TestError::Fail(reason, steps) = &e {
            let reason = reason.to_string();
            for chunk in reason.as_bytes().chunks(200) {
                eprintln!("write_path failed: {}", String::from_utf8_lossy(chunk));
            }
            eprintln!("the minimal sequence, {} steps:", steps.len());
            for s in steps {
                eprintln!("    {s:?},");
            }
        }
        panic!("{e}");
    }
    assert!(
        PATCHED.load(std::sync::atomic::Ordering::Relaxed) > cases as usize,
        "saves were followed by patching, not only by reloading"
    );
}

/// How many steps were followed by a patch (not a reload).
static PATCHED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[test]
fn sqlite_write_path_agrees_with_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let n = std::cell::Cell::new(0u32);
    run(
        &|| {
            n.set(n.get() + 1);
            let path = dir.path().join(format!("{}.db", n.get()));
            Box::new(SqliteStore::open(&path).unwrap())
        },
        100,
    );
}

#[test]
fn postgres_write_path_agrees_with_the_model() {
    let url = match std::env::var("VIGIL_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true but VIGIL_TEST_DATABASE_URL is not set: the PostgreSQL tests must run"
            );
            eprintln!("VIGIL_TEST_DATABASE_URL not set: PostgreSQL half skipped");
            return;
        }
    };
    let tag = format!(
        "vigil_wp_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis()
    );
    let n = std::cell::Cell::new(0u32);
    let schemas = std::cell::RefCell::new(Vec::new());
    run(
        &|| {
            n.set(n.get() + 1);
            let schema = format!("{tag}_{}", n.get());
            let store = vigil_store::PgStore::open(&url, Some(&schema)).unwrap();
            // Schemas of earlier sequences go as new ones come (a sequence makes about five).
            let mut s = schemas.borrow_mut();
            s.push(schema);
            if s.len() > 12 {
                let old = s.remove(0);
                store
                    .execute_raw(&format!("DROP SCHEMA \"{old}\" CASCADE"))
                    .unwrap();
            }
            Box::new(store)
        },
        100,
    );
    let s = schemas.into_inner();
    if let Some(last) = s.last() {
        let admin = vigil_store::PgStore::open(&url, Some(last)).unwrap();
        for schema in &s {
            admin
                .execute_raw(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
                .unwrap();
        }
    }
}
