//! Importing the JSON Lines interchange format through any backend's [`Writer`].
//!
//! Atomic: the whole file is written in one transaction, and a single bad line means
//! nothing is committed. Every bad line is reported, not just the first, so a monitor
//! fixes a file in one pass. Idempotent: a record identical to the stored one is skipped.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::sync::mpsc;

use vigil_core::chain::{Draft, Hash, Op};
use vigil_core::record::{parse_record, Parsed, RecordError, RecordType};

use crate::{Head, Store, StoreError, Writer};

/// Who is importing, and how.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub actor: String,
    pub reason: Option<String>,
    /// The time written on every entry (RFC 3339 UTC, fixed width).
    pub at: String,
    /// Record a correction when a record exists with other content (otherwise that is an error).
    pub update: bool,
}

/// One bad line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub lines: usize,
    pub added: usize,
    pub corrected: usize,
    pub unchanged: usize,
    /// The log's head after the import.
    pub head: Option<Head>,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error("{} bad line(s); nothing was imported", .0.len())]
    Invalid(Vec<LineError>),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("reading the input: {0}")]
    Io(#[from] std::io::Error),
}

/// A reference not yet satisfied when its line was read.
struct Pending {
    line: usize,
    label: String,
    field: &'static str,
    target: RecordType,
    target_id: String,
}

/// A line read and parsed on the parser thread.
struct Line {
    number: usize,
    parsed: Result<(Parsed, Hash), RecordError>,
}

/// What the parser thread sends: lines in batches, with the bytes read so far.
enum Batch {
    Lines(Vec<Line>, u64),
    Failed(std::io::Error),
}

/// Reads and parses on its own thread, so parsing overlaps the database's work.
fn parse_lines(input: &mut (dyn BufRead + Send), out: &mpsc::SyncSender<Batch>) {
    const BATCH: usize = 2048;
    let (mut buf, mut bytes, mut number) = (String::new(), 0u64, 0usize);
    let mut batch = Vec::with_capacity(BATCH);
    loop {
        buf.clear();
        let n = match input.read_line(&mut buf) {
            Ok(n) => n,
            Err(e) => {
                let _ = out.send(Batch::Failed(e));
                return;
            }
        };
        if n == 0 {
            break;
        }
        number += 1;
        bytes += n as u64;
        let text = buf.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() {
            continue;
        }
        let parsed = parse_record(text).map(|p| {
            let digest = Hash::of_body(&p.canonical);
            (p, digest)
        });
        batch.push(Line { number, parsed });
        if batch.len() == BATCH
            && out
                .send(Batch::Lines(
                    std::mem::replace(&mut batch, Vec::with_capacity(BATCH)),
                    bytes,
                ))
                .is_err()
        {
            return;
        }
    }
    let _ = out.send(Batch::Lines(batch, bytes));
}

/// Imports `input`, calling `progress` with the bytes read so far now and then.
pub fn import(
    store: &mut dyn Store,
    input: &mut (dyn BufRead + Send),
    opts: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportFailure> {
    let mut w = store.begin()?;
    let (tx, rx) = mpsc::sync_channel::<Batch>(8);
    std::thread::scope(|scope| {
        scope.spawn(move || parse_lines(input, &tx));
        let mut state = State::new(w.next_seq());
        for batch in rx {
            let (lines, bytes) = match batch {
                Batch::Lines(lines, bytes) => (lines, bytes),
                Batch::Failed(e) => return Err(ImportFailure::Io(e)),
            };
            for line in lines {
                state.take(w.as_mut(), opts, line)?;
            }
            progress(bytes);
        }
        let errors = state.finish();
        if !errors.is_empty() {
            return Err(ImportFailure::Invalid(errors));
        }
        let mut report = state.report;
        report.head = Some(w.commit()?);
        Ok(report)
    })
}

/// The import's bookkeeping while lines arrive.
struct State {
    first_seq: u64,
    /// Line of each entry this import appended, by seq - first_seq: to name a duplicate's first line.
    entry_lines: Vec<u32>,
    errors: Vec<LineError>,
    pending: Vec<Pending>,
    /// Referenceable ids (sources, persons, announcements) this import met, with their
    /// line, so that a forward reference is named as such.
    seen_lines: HashMap<(RecordType, String), usize>,
    /// Referenced ids known to exist: each is looked up in the store once.
    known: HashSet<(RecordType, String)>,
    report: ImportReport,
}

impl State {
    fn new(first_seq: u64) -> State {
        State {
            first_seq,
            entry_lines: Vec::new(),
            errors: Vec::new(),
            pending: Vec::new(),
            seen_lines: HashMap::new(),
            known: HashSet::new(),
            report: ImportReport::default(),
        }
    }

    fn take(
        &mut self,
        w: &mut dyn Writer,
        opts: &ImportOptions,
        line: Line,
    ) -> Result<(), StoreError> {
        let lineno = line.number;
        self.report.lines += 1;
        let (parsed, digest) = match line.parsed {
            Ok(p) => p,
            Err(e) => {
                self.errors.push(LineError {
                    line: lineno,
                    message: e.to_string(),
                });
                return Ok(());
            }
        };
        let rtype = parsed.record.record_type();
        let rid = parsed.record.id().to_string();
        let label = || format!("{rtype} '{rid}'");
        // References must point at records already stored or earlier in the file.
        let mut missing = false;
        for (target, target_id, field) in parsed.record.references() {
            let key = (target, target_id.to_string());
            if self.known.contains(&key) {
                continue;
            }
            if exists(w, target, target_id)? {
                self.known.insert(key);
            } else {
                missing = true;
                self.pending.push(Pending {
                    line: lineno,
                    label: label(),
                    field,
                    target,
                    target_id: key.1,
                });
            }
        }
        let refers_to = match w.current(rtype, &rid)? {
            Some(cur) if cur.digest == digest && (!cur.retracted || !opts.update) => {
                self.report.unchanged += 1;
                return Ok(());
            }
            Some(cur) if cur.seq >= self.first_seq => {
                let first = self
                    .entry_lines
                    .get((cur.seq - self.first_seq) as usize)
                    .copied()
                    .unwrap_or(0);
                self.errors.push(LineError {
                    line: lineno,
                    message: format!(
                        "{} appears twice with different content (first at line {first})",
                        label()
                    ),
                });
                return Ok(());
            }
            Some(cur) if !opts.update => {
                self.errors.push(LineError {
                    line: lineno,
                    message: format!(
                        "{} already exists with other content (log entry {}); import with --update to record a correction",
                        label(),
                        cur.seq
                    ),
                });
                return Ok(());
            }
            Some(cur) => Some(cur.seq),
            None => None,
        };
        if matches!(
            rtype,
            RecordType::Source | RecordType::Person | RecordType::Announcement
        ) {
            self.seen_lines
                .entry((rtype, rid.clone()))
                .or_insert(lineno);
        }
        if missing {
            // Cannot be written without its target; the error is reported at the end.
            return Ok(());
        }
        let draft = Draft {
            at: opts.at.clone(),
            actor: opts.actor.clone(),
            reason: opts.reason.clone(),
            op: Op::Put,
            rtype,
            rid,
            refers_to,
            body: Some(parsed.canonical),
        };
        let entry = w.append(draft, Some(&parsed.record))?;
        if matches!(
            rtype,
            RecordType::Source | RecordType::Person | RecordType::Announcement
        ) {
            self.known.insert((rtype, entry.rid));
        }
        self.entry_lines.push(lineno as u32);
        if refers_to.is_some() {
            self.report.corrected += 1;
        } else {
            self.report.added += 1;
        }
        Ok(())
    }

    /// Every error, in line order, once all lines are in.
    fn finish(&mut self) -> Vec<LineError> {
        for p in std::mem::take(&mut self.pending) {
            let message = match self.seen_lines.get(&(p.target, p.target_id.clone())) {
                Some(line) if *line > p.line => format!(
                    "{}: field `{}`: {} '{}' comes later, at line {line}; put a record after the records it refers to",
                    p.label, p.field, p.target, p.target_id
                ),
                _ => format!("{}: field `{}`: unknown {} '{}'", p.label, p.field, p.target, p.target_id),
            };
            self.errors.push(LineError {
                line: p.line,
                message,
            });
        }
        let mut errors = std::mem::take(&mut self.errors);
        errors.sort_by_key(|e| e.line);
        errors
    }
}

fn exists(w: &mut dyn Writer, rtype: RecordType, rid: &str) -> Result<bool, StoreError> {
    Ok(w.current(rtype, rid)?.is_some_and(|c| !c.retracted))
}
