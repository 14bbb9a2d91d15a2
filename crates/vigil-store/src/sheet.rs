//! A monitor's spreadsheet into any store: the one path `vigil import FILE.xlsx` and the
//! editors' upload page both take. [`plan`] reads the bytes and turns the rows into
//! interchange lines (`vigil_core::sheet`), and lists the rows that probably duplicate a
//! person already in the registry; [`store`] imports the lines all or nothing through
//! [`crate::import`], naming a line the store refuses by its sheet row.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Cursor};

use vigil_core::access::Audience;
use vigil_core::record::{parse_record, Record, RecordType};
use vigil_core::search::{self, Entry, NameIndex};
use vigil_core::sheet::places::KnownPlaces;
use vigil_core::sheet::{self, read::Format, CellError, Converted, Options};

use crate::import::{import, ImportFailure, ImportOptions, ImportReport, LineError};
use crate::{Store, StoreError};

/// A sheet's new person who is probably someone already in the registry.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Double {
    /// The sheet row (the header is row 1).
    pub row: usize,
    /// The id the sheet's person would be stored under.
    pub id: String,
    pub name: String,
    /// The person already stored, and the name of theirs that matched.
    pub existing: String,
    pub existing_name: String,
    pub score: f64,
}

/// A record of the sheet already stored with other content, while the sheet is not read
/// as corrections: the import would be refused for it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Conflict {
    /// The interchange line (1-based) it is on.
    pub line: usize,
    pub rtype: RecordType,
    pub id: String,
}

/// What storing some interchange lines would do to a store: as an import counts it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Changes {
    pub added: usize,
    pub corrected: usize,
    pub unchanged: usize,
    pub conflicts: Vec<Conflict>,
}

/// What importing `lines` into `store` would do, with `update` (corrections allowed) or
/// not, without writing: each record new, unchanged, a correction, or — without `update`
/// — a conflict the import refuses. A line that does not parse is left to the import to
/// report.
pub fn changes(
    store: Option<&dyn Store>,
    lines: &[&str],
    update: bool,
) -> Result<Changes, StoreError> {
    let mut out = Changes::default();
    // A record given twice: the same again is unchanged, as the import counts it; other
    // content is the import's error to report.
    let mut seen: HashMap<(RecordType, String), String> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        let Ok(parsed) = parse_record(line) else {
            continue;
        };
        let (rtype, id) = (
            parsed.record().record_type(),
            parsed.record().id().to_string(),
        );
        if let Some(first) = seen.get(&(rtype, id.clone())) {
            out.unchanged += usize::from(*first == parsed.canonical());
            continue;
        }
        seen.insert((rtype, id.clone()), parsed.canonical().to_string());
        let stored = match store {
            Some(s) => s.record_body(rtype, &id)?,
            None => None,
        };
        match stored {
            None => out.added += 1,
            Some(body) if body == parsed.canonical() => out.unchanged += 1,
            Some(_) if update => out.corrected += 1,
            Some(_) => out.conflicts.push(Conflict {
                line: i + 1,
                rtype,
                id,
            }),
        }
    }
    Ok(out)
}

/// What a sheet would store.
#[derive(Debug, Clone)]
pub struct Plan {
    pub converted: Converted,
    pub doubles: Vec<Double>,
    /// What it would do to the registry it was planned against.
    pub changes: Changes,
}

impl Plan {
    /// The interchange lines, as one JSON Lines text.
    #[must_use]
    pub fn jsonl(&self) -> String {
        let mut text = String::new();
        for (_, l) in &self.converted.lines {
            text.push_str(l);
            text.push('\n');
        }
        text
    }

    /// Takes the editor's word that a row's new person is someone already stored: for
    /// each (row, stored person) in `same` that is one of the plan's probable doubles,
    /// the row's person is stored and merged into the stored one in the same import (a
    /// merge loses nothing, and `vigil unmerge` undoes it). The double is then decided and
    /// no longer listed. A pair that is not one of the doubles is refused by its row.
    pub fn merge_doubles(&mut self, same: &[(usize, String)]) -> Result<(), usize> {
        if let Some((row, _)) = same.iter().find(|(row, existing)| {
            !self
                .doubles
                .iter()
                .any(|d| d.row == *row && d.existing == *existing)
        }) {
            return Err(*row);
        }
        for (row, existing) in same {
            let Some(at) = self
                .doubles
                .iter()
                .position(|d| d.row == *row && d.existing == *existing)
            else {
                continue;
            };
            let d = self.doubles.remove(at);
            let merge = serde_json::json!({
                "type": "merge",
                "id": crate::ops::merge_id(&d.id),
                "keep": d.existing,
                "merged": d.id,
            });
            self.converted.lines.push((d.row, merge.to_string()));
            self.changes.added += 1;
        }
        Ok(())
    }

    /// The sheet row an interchange line (1-based) came from; 0 if none.
    #[must_use]
    pub fn row_of(&self, line: usize) -> usize {
        self.converted
            .lines
            .get(line.saturating_sub(1))
            .map_or(0, |(row, _)| *row)
    }
}

/// Why a sheet cannot be stored as it is.
#[derive(Debug, Clone)]
pub enum Refused {
    /// The bytes are not a sheet of the format (a truncated or locked file, another
    /// encoding): what was found.
    Unreadable(String),
    /// Cells that cannot be read, every one of them.
    Cells(Vec<CellError>),
}

/// Every person of the store, as the name index takes them (merged persons folded into
/// the one kept).
pub fn person_entries(store: &dyn Store) -> Result<Vec<Entry>, StoreError> {
    let (persons, merges) = crate::persons_and_merges(store)?;
    let persons = persons
        .iter()
        .map(|p| (Entry::of(p), p.visibility))
        .collect();
    Ok(search::entries(persons, &merges, Audience::Trusted))
}

/// Reads a sheet and says what it would store. `store` is the registry it would go into
/// (`None` when there is none yet): its persons are what new rows are compared with, and
/// its records what the sheet's would add to, correct (with `update`) or conflict with.
pub fn plan(
    store: Option<&dyn Store>,
    bytes: &[u8],
    format: Format,
    options: &Options,
    update: bool,
) -> Result<Result<Plan, Refused>, StoreError> {
    match sheet::read::rows(bytes, format) {
        Ok(rows) => plan_rows(store, &rows, options, update),
        Err(e) => Ok(Err(Refused::Unreadable(e))),
    }
}

/// [`plan`] for a sheet already read into rows (the first its headers).
pub fn plan_rows(
    store: Option<&dyn Store>,
    rows: &[Vec<String>],
    options: &Options,
    update: bool,
) -> Result<Result<Plan, Refused>, StoreError> {
    plan_rows_against(store, rows, options, update, None)
}

/// The names new rows are compared with: every stored person ([`person_entries`]),
/// indexed. Building it reads and indexes every person, so a server keeps one per log
/// position and hands it to [`plan_rows_against`] for each preview.
pub fn stored_names(store: &dyn Store) -> Result<NameIndex, StoreError> {
    Ok(NameIndex::build(person_entries(store)?))
}

/// [`plan_rows`] with the stored persons' names already indexed ([`stored_names`] of
/// this store as it is now); `None` builds them.
pub fn plan_rows_against(
    store: Option<&dyn Store>,
    rows: &[Vec<String>],
    options: &Options,
    update: bool,
    names: Option<&NameIndex>,
) -> Result<Result<Plan, Refused>, StoreError> {
    // A place cell naming a stored place is that place (not a second copy of it).
    let with_places;
    let options = match store {
        Some(store) => {
            with_places = Options {
                places: stored_places(store)?,
                ..options.clone()
            };
            &with_places
        }
        None => options,
    };
    let converted = match sheet::convert(rows, options) {
        Ok(c) => c,
        Err(errors) => return Ok(Err(Refused::Cells(errors))),
    };
    let doubles = match store {
        Some(store) => probable_duplicates(store, &converted, names)?,
        None => Vec::new(),
    };
    let lines: Vec<&str> = converted.lines.iter().map(|(_, l)| l.as_str()).collect();
    let changes = changes(store, &lines, update)?;
    Ok(Ok(Plan {
        converted,
        doubles,
        changes,
    }))
}

/// Every current place of the store, by its names, for a sheet's place cells to name.
pub fn stored_places(store: &dyn Store) -> Result<KnownPlaces, StoreError> {
    let mut known = KnownPlaces::default();
    store.records_of(RecordType::Place, &mut |body| {
        if let Ok(Record::Place(p)) =
            parse_record(body).map(vigil_core::record::Parsed::into_record)
        {
            known.add(&p);
        }
        Ok(())
    })?;
    Ok(known)
}

/// The sheet's persons new to the registry whose names probably duplicate a person
/// already there (the name index, as `vigil duplicates` scores them). `names`: the stored
/// persons' index when the caller has it, else it is built here.
fn probable_duplicates(
    store: &dyn Store,
    c: &Converted,
    names: Option<&NameIndex>,
) -> Result<Vec<Double>, StoreError> {
    let mut rows = HashMap::new();
    let mut fresh = Vec::new();
    for (row, line) in &c.lines {
        let Ok(parsed) = parse_record(line) else {
            continue;
        };
        if let Record::Person(p) = parsed.into_record() {
            // Stored already (perhaps merged into someone, so not among the entries):
            // the row corrects her, it does not bring someone new.
            let stored = store
                .current(RecordType::Person, &p.id)?
                .is_some_and(|c| !c.retracted);
            if !stored {
                rows.insert(p.id.clone(), *row);
                fresh.push(Entry::of(&p));
            }
        }
    }
    if fresh.is_empty() {
        return Ok(Vec::new());
    }
    let mut index = match names {
        Some(names) => names.clone(),
        None => stored_names(store)?,
    };
    if index.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = fresh.iter().map(|e| e.id.clone()).collect();
    let new: HashSet<String> = ids.iter().cloned().collect();
    for e in fresh {
        index.add(e);
    }
    // A pair with another of the sheet's rows is not a double of a stored person.
    let known = |id: &String| !new.contains(id);
    let mut out = Vec::new();
    for id in ids {
        if let Some(d) = index
            .duplicates_of(&id, search::DUPLICATE_FROM)
            .into_iter()
            .find(|d| known(&d.b))
        {
            out.push(Double {
                row: rows[&id],
                id: id.clone(),
                name: d.names[0].clone(),
                existing: d.b.clone(),
                existing_name: d.names[1].clone(),
                score: d.score,
            });
        }
    }
    out.sort_by_key(|d| d.row);
    Ok(out)
}

/// Stores what [`plan`] read, all or nothing. A line the store refuses (a record already
/// there with other content without `update`, …) comes back with its sheet row as
/// `line`.
pub fn store(
    store: &mut dyn Store,
    plan: &Plan,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportFailure> {
    let text = plan.jsonl();
    let mut input = BufReader::new(Cursor::new(text.into_bytes()));
    match import(store, &mut input, opts, progress) {
        Err(ImportFailure::Invalid(errors)) => Err(ImportFailure::Invalid(
            errors
                .into_iter()
                .map(|e| LineError {
                    line: plan.row_of(e.line),
                    message: e.message,
                })
                .collect(),
        )),
        other => other,
    }
}
