//! The write-path step of an editors' form save (`vigil_store::batch::put_all`, which the
//! server's `edit::write::save_all` calls): a person — new, under a made id, or the stored
//! one at the version read — with events pointing at her, and sometimes a bad record in
//! the middle (a stale version, a dangling reference, an id taken, a record that does not
//! parse). The model says, record by record, what each put does; when any is refused the
//! whole batch writes nothing, which `agree` then checks against the store.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;
use vigil_core::record::{parse_value, RecordType};
use vigil_store::batch::{new_ref, put_all, BatchError, Draft, DRAWS};
use vigil_store::ops::{Expect, Put, Refusal};
use vigil_store::Store;

use super::{meta, record_line, Model, Step};

/// A bad record put in the middle of a form's batch.
#[derive(Debug, Clone, Copy)]
pub(super) enum Bad {
    /// A stored source at a version that was never its.
    Stale,
    /// A pardon pointing at an announcement nobody stored.
    Dangling,
    /// A person saved as new under a stored person's id.
    Taken,
    /// An event of a kind there is none of.
    Unparsed,
}

pub(super) fn form_step() -> impl Strategy<Value = Step> {
    let bad = prop_oneof![
        Just(Bad::Stale),
        Just(Bad::Dangling),
        Just(Bad::Taken),
        Just(Bad::Unparsed)
    ];
    (
        prop::option::of(0..5u8),
        any::<u16>(),
        prop::collection::vec(any::<u16>(), 0..4),
        prop::option::weighted(0.4, (any::<u8>(), bad, any::<u8>())),
    )
        .prop_map(|(person, v, events, bad)| Step::Form {
            person,
            v,
            events,
            bad,
        })
}

/// The made ids: the slug and a digit, cycling through seven, so a made id is often one
/// already stored (`p0`–`p4`, `e0`–`e9`) and is drawn again, and sometimes every draw is
/// taken.
fn made_id(slug: &str, n: u64) -> String {
    format!("{slug}{}", n % 7)
}

/// What the model expects of one batch: each draft's id and whether it writes, or the
/// draft that stops it and why.
enum Expected {
    Saved(Vec<(String, bool)>),
    Stopped(usize, &'static str),
}

fn refusal_name(e: &BatchError) -> &'static str {
    match e {
        BatchError::Invalid { .. } => "invalid",
        BatchError::Forbidden { .. } => "forbidden",
        BatchError::Refused { refusal, .. } => match refusal {
            Refusal::Stale { .. } => "stale",
            Refusal::Taken { .. } => "taken",
            Refusal::MissingReference { .. } => "dangling",
            _ => "other refusal",
        },
        BatchError::Store(_) => "store",
    }
}

/// Runs the form's batch on the model: `m` takes its writes when nothing is refused.
fn predict(m: &mut Model, drafts: &[Draft], draws: &mut u64) -> Expected {
    let mut ids: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (at, d) in drafts.iter().enumerate() {
        let mut text = d.record.to_string();
        for (i, id) in ids.iter().enumerate() {
            text = text.replace(
                &serde_json::to_string(&new_ref(i)).unwrap(),
                &format!("\"{id}\""),
            );
        }
        let mut record: Value = serde_json::from_str(&text).unwrap();
        let rtype = record["type"].as_str().and_then(RecordType::parse);
        if let (Some(slug), Some(t)) = (&d.slug, rtype) {
            let mut id = made_id(slug, *draws);
            *draws += 1;
            for _ in 1..DRAWS {
                if !m.records.contains_key(&(t, id.clone())) {
                    break;
                }
                id = made_id(slug, *draws);
                *draws += 1;
            }
            record["id"] = id.into();
        }
        let Ok(p) = parse_value(record) else {
            return Expected::Stopped(at, "invalid");
        };
        let (t, id) = (p.record().record_type(), p.record().id().to_string());
        let live = m.live(t, &id).map(str::to_string);
        match d.expect {
            Expect::New if live.is_some() => return Expected::Stopped(at, "taken"),
            Expect::Version(u64::MAX) => return Expected::Stopped(at, "stale"),
            Expect::Version(_) if live.is_none() => return Expected::Stopped(at, "stale"),
            _ => {}
        }
        if live.as_deref() == Some(p.canonical()) {
            out.push((id.clone(), false));
        } else {
            if p.record()
                .references()
                .iter()
                .any(|(t, r, _)| m.live(*t, r).is_none())
            {
                return Expected::Stopped(at, "dangling");
            }
            m.put(t, &id, p.canonical().to_string());
            out.push((id.clone(), true));
        }
        ids.push(id);
    }
    Expected::Saved(out)
}

/// The drafts a form makes: the person, then the bad record (if any, after the person,
/// so something was already put before it), then the events.
fn drafts(
    store: &dyn Store,
    person: Option<u8>,
    v: u16,
    events: &[u16],
    bad: Option<(u8, Bad, u8)>,
) -> Vec<Draft> {
    let mut record: Value =
        serde_json::from_str(&record_line(RecordType::Person, person.unwrap_or(0), v)).unwrap();
    let current = person
        .and_then(|i| {
            store
                .current(RecordType::Person, &format!("p{}", i % 5))
                .unwrap()
        })
        .filter(|c| !c.retracted);
    let first = if let Some(c) = current {
        Draft {
            record,
            expect: Expect::Version(c.seq),
            slug: None,
        }
    } else {
        record.as_object_mut().unwrap().remove("id");
        Draft {
            record,
            expect: Expect::New,
            slug: Some("p".into()),
        }
    };
    let mut out = vec![first];
    for &ev in events {
        let mut e: Value = serde_json::from_str(&record_line(RecordType::Event, 0, ev)).unwrap();
        e.as_object_mut().unwrap().remove("id");
        e["person"] = new_ref(0).into();
        out.push(Draft {
            record: e,
            expect: Expect::New,
            slug: Some("e".into()),
        });
    }
    if let Some((at, bad, i)) = bad {
        let bad = match bad {
            Bad::Stale => Draft {
                record: serde_json::from_str(&record_line(RecordType::Source, i, 1)).unwrap(),
                expect: Expect::Version(u64::MAX),
                slug: None,
            },
            Bad::Dangling => Draft {
                record: serde_json::json!({"type": "event", "person": new_ref(0), "kind": "pardoned",
                    "date": "2022-01-01", "announcement": "a-never-stored"}),
                expect: Expect::New,
                slug: Some("e".into()),
            },
            Bad::Taken => Draft {
                record: serde_json::from_str(&record_line(RecordType::Person, i, 3)).unwrap(),
                expect: Expect::New,
                slug: None,
            },
            Bad::Unparsed => Draft {
                record: serde_json::json!({"type": "event", "person": new_ref(0), "kind": "vanished",
                    "date": "2022-01-01"}),
                expect: Expect::New,
                slug: Some("e".into()),
            },
        };
        let at = 1 + usize::from(at) % out.len();
        out.insert(at, bad);
    }
    out
}

/// The step: the batch on the store, its outcome against the model's.
pub(super) fn apply_form(
    store: &mut dyn Store,
    model: &mut Model,
    person: Option<u8>,
    v: u16,
    events: &[u16],
    bad: Option<(u8, Bad, u8)>,
) -> Result<(), TestCaseError> {
    let drafts = drafts(store, person, v, events, bad);
    let mut after = model.clone();
    let mut draws = model.draws;
    let expected = predict(&mut after, &drafts, &mut draws);
    let mut n = model.draws;
    let mut w = store.begin().unwrap();
    let got = put_all(
        w.as_mut(),
        &meta(),
        drafts.clone(),
        &mut |slug| {
            n += 1;
            made_id(slug, n - 1)
        },
        &|_| true,
    );
    match (got, expected) {
        (Ok(done), Expected::Saved(want)) => {
            let got: Vec<(String, bool)> = done
                .into_iter()
                .map(|(id, put)| (id, !matches!(put, Put::Unchanged(_))))
                .collect();
            prop_assert_eq!(&got, &want, "what each record of the form did");
            w.commit().unwrap();
            *model = after;
        }
        (Err(e), Expected::Stopped(at, why)) => {
            let got_at = match &e {
                BatchError::Invalid { at, .. }
                | BatchError::Forbidden { at }
                | BatchError::Refused { at, .. } => *at,
                BatchError::Store(e) => return Err(TestCaseError::fail(format!("store: {e}"))),
            };
            prop_assert_eq!((got_at, refusal_name(&e)), (at, why), "{}", e);
            // Dropped uncommitted: nothing of the batch is written (`agree` checks).
            drop(w);
        }
        (Ok(done), Expected::Stopped(at, why)) => {
            return Err(TestCaseError::fail(format!(
                "saved {done:?}, the model says record {at} is refused ({why}) in {drafts:#?}"
            )))
        }
        (Err(e), Expected::Saved(want)) => {
            return Err(TestCaseError::fail(format!(
                "refused ({e}), the model says {want:?} in {drafts:#?}"
            )))
        }
    }
    prop_assert_eq!(n, draws, "ids drawn");
    model.draws = draws;
    Ok(())
}
