//! Importing the JSON Lines interchange format through any backend's [`Writer`].
//!
//! Atomic: the whole file is written in one transaction, and a single bad line means
//! nothing is committed. Every bad line is reported, not just the first, so a monitor
//! fixes a file in one pass. Idempotent: a record identical to the stored one is skipped.

use foldhash::HashSet;
use std::io::BufRead;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use vigil_core::chain::Hash;
use vigil_core::record::{parse_record, Parsed, RecordError, RecordType};
use vigil_core::registry::{Builder, Registry};

use crate::{ops, Change, Head, Meta, Store, StoreError, Writer};

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

/// The longest line read as a record.
const MAX_LINE: usize = 1 << 20;

/// Reads and parses on its own thread, so parsing overlaps the database's work. A byte
/// order mark at the start is skipped; a line that is not UTF-8 is a bad line, named.
fn parse_lines(input: &mut (dyn BufRead + Send), out: &mpsc::SyncSender<Batch>) {
    const BATCH: usize = 2048;
    let (mut buf, mut bytes, mut number) = (Vec::new(), 0u64, 0usize);
    let mut batch = Vec::with_capacity(BATCH);
    loop {
        buf.clear();
        // At most one byte past the limit is read into memory; the rest of an over-long
        // line is skipped.
        let read =
            std::io::Read::take(&mut *input, MAX_LINE as u64 + 1).read_until(b'\n', &mut buf);
        let read = match read {
            Ok(n) if n > MAX_LINE && buf.last() != Some(&b'\n') => {
                skip_line(input).map(|skipped| n + skipped)
            }
            other => other,
        };
        let n = match read {
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
        if n > MAX_LINE {
            batch.push(Line {
                number,
                parsed: Err(RecordError(format!(
                    "the line is {n} bytes long; a record has at most {MAX_LINE} (1 MiB)"
                ))),
            });
            continue;
        }
        let mut raw = buf.as_slice();
        if number == 1 {
            raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
        }
        let text = match std::str::from_utf8(raw) {
            Ok(t) => t.trim_end_matches(['\n', '\r']),
            Err(e) => {
                batch.push(Line {
                    number,
                    parsed: Err(RecordError(format!(
                        "the line is not UTF-8 text (byte {} cannot be read); save the file as UTF-8",
                        e.valid_up_to() + 1
                    ))),
                });
                continue;
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        let parsed = parse_record(text).map(|p| {
            let digest = Hash::of_body(p.canonical());
            (p, digest)
        });
        batch.push(Line { number, parsed });
        if batch.len() >= BATCH
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

/// Reads past the end of the current line; returns the bytes skipped.
fn skip_line(input: &mut (dyn BufRead + Send)) -> std::io::Result<usize> {
    let mut skipped = 0;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(skipped);
        }
        if let Some(i) = chunk.iter().position(|&b| b == b'\n') {
            input.consume(i + 1);
            return Ok(skipped + i + 1);
        }
        let n = chunk.len();
        input.consume(n);
        skipped += n;
    }
}

/// Imports `input`, calling `progress` with the bytes read so far now and then.
///
/// The order of lines does not matter: a record whose references are not yet stored is
/// held back until the whole file has been read, then written after the records it
/// refers to (references only point at earlier record types: sources, then persons and
/// announcements, then events, figures and merges). A reference that is neither in the
/// file nor in the store is reported at its line.
pub fn import(
    store: &mut dyn Store,
    input: &mut (dyn BufRead + Send),
    opts: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportFailure> {
    import_building(store, input, opts, progress, false).map(|(report, _)| report)
}

/// [`import`], and with `build`, when the registry was empty, the registry it leaves:
/// built from the records as they are written, on a thread of its own, so that what
/// follows an import (the day arrays saved for the next question) need not read the
/// registry back. `None` when the registry was not empty, `build` is false, or the
/// registry could not be built from the records alone (the caller then loads it).
///
/// # Errors
/// As [`import`].
pub fn import_building(
    store: &mut dyn Store,
    input: &mut (dyn BufRead + Send),
    opts: &ImportOptions,
    progress: &mut dyn FnMut(u64),
    build: bool,
) -> Result<(ImportReport, Option<Registry>), ImportFailure> {
    let w = store.begin_import()?;
    let (tx, rx) = mpsc::sync_channel::<Batch>(8);
    let (to_builder, for_builder) = mpsc::sync_channel::<Vec<Parsed>>(8);
    // Set when the import fails: the builder stops at once instead of finishing.
    let failed = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(move || parse_lines(input, &tx));
        let mut state = State::new(w.next_seq());
        let failed = &failed;
        let builder = (build && w.next_seq() == 1).then(|| {
            state.written = Some(Vec::new());
            scope.spawn(move || build_registry(&for_builder, failed))
        });
        let written = write_all(w, &mut state, rx, to_builder, opts, progress);
        if written.is_err() {
            failed.store(true, Ordering::Relaxed);
        }
        // Joined here on every path, so that a builder that panicked is only a registry
        // not built (the scope would panic on a thread left to it).
        let registry = builder.and_then(|b| b.join().ok().flatten());
        let report = written?;
        // No longer sent what was written (a correction): not the registry left.
        Ok((report, registry.filter(|_| state.written.is_some())))
    })
}

/// The lines as they arrive, then those that waited for their references, then the
/// commit; the builder is sent what is written, and its sender dropped on every path.
fn write_all(
    mut w: Box<dyn Writer + '_>,
    state: &mut State,
    rx: mpsc::Receiver<Batch>,
    to_builder: mpsc::SyncSender<Vec<Parsed>>,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportFailure> {
    for batch in rx {
        let (lines, bytes) = match batch {
            Batch::Lines(lines, bytes) => (lines, bytes),
            Batch::Failed(e) => return Err(ImportFailure::Io(e)),
        };
        for line in lines {
            state.take(w.as_mut(), opts, line, false)?;
        }
        state.send_written(&to_builder, 0);
        progress(bytes);
    }
    let mut waiting = std::mem::take(&mut state.waiting);
    waiting.sort_by_key(|l| {
        (
            l.parsed
                .as_ref()
                .map_or(0, |(p, _)| p.record().record_type().rank()),
            l.number,
        )
    });
    for line in waiting {
        state.take(w.as_mut(), opts, line, true)?;
        state.send_written(&to_builder, BUILD_BATCH);
    }
    state.send_written(&to_builder, 0);
    drop(to_builder);
    let errors = state.finish();
    if !errors.is_empty() {
        return Err(ImportFailure::Invalid(errors));
    }
    let mut report = std::mem::take(&mut state.report);
    report.head = Some(w.commit()?);
    Ok(report)
}

/// Records written, sent to the builder this many at a time.
const BUILD_BATCH: usize = 2048;

/// The registry of the records received, in the order written (references before the
/// records that make them, as the builder needs), with its day arrays built; `None` if
/// one could not be added.
fn build_registry(records: &mpsc::Receiver<Vec<Parsed>>, failed: &AtomicBool) -> Option<Registry> {
    let mut b = Builder::new();
    let mut whole = true;
    for batch in records {
        whole = whole && !failed.load(Ordering::Relaxed);
        for p in batch {
            if whole {
                whole = b.add_record(p.record()).is_ok();
            }
        }
    }
    (whole && !failed.load(Ordering::Relaxed)).then(|| {
        let reg = b.finish();
        // The day arrays, built here while the store commits and builds its indexes.
        let _ = reg.counts();
        reg
    })
}

/// The import's bookkeeping while lines arrive.
struct State {
    first_seq: u64,
    /// Line of each entry this import appended, by seq - first_seq: to name a duplicate's first line.
    entry_lines: Vec<u32>,
    errors: Vec<LineError>,
    /// Lines whose references were not all stored when they were read.
    waiting: Vec<Line>,
    /// Referenced ids known to exist, per record type (by rank): each is looked up in
    /// the store once, and asked here without making a string.
    known: Vec<HashSet<Box<str>>>,
    report: ImportReport,
    /// Records written and not yet sent to the builder, while one builds the registry
    /// (`None` from a correction on: the builder's registry is then not the one left).
    written: Option<Vec<Parsed>>,
}

impl State {
    fn new(first_seq: u64) -> State {
        State {
            first_seq,
            entry_lines: Vec::new(),
            errors: Vec::new(),
            waiting: Vec::new(),
            known: vec![HashSet::default(); RecordType::ALL.len()],
            report: ImportReport::default(),
            written: None,
        }
    }

    /// Sends the records written to the builder once there are more than `at_least`.
    fn send_written(&mut self, to: &mpsc::SyncSender<Vec<Parsed>>, at_least: usize) {
        if let Some(written) = self.written.as_mut().filter(|w| w.len() > at_least) {
            // A builder that stopped (it panicked) builds nothing: nothing to tell.
            let _ = to.send(std::mem::take(written));
        }
    }

    /// Takes one line; with `last`, the whole file has been read and a reference still
    /// missing is an error rather than a reason to wait.
    fn take(
        &mut self,
        w: &mut dyn Writer,
        opts: &ImportOptions,
        line: Line,
        last: bool,
    ) -> Result<(), StoreError> {
        let lineno = line.number;
        if !last {
            self.report.lines += 1;
        }
        let (parsed, digest) = match &line.parsed {
            Ok(p) => p,
            Err(e) => {
                self.errors.push(LineError {
                    line: lineno,
                    message: e.to_string(),
                });
                return Ok(());
            }
        };
        let rtype = parsed.record().record_type();
        let rid = parsed.record().id();
        let label = || format!("{rtype} '{rid}'");
        let refers_to = match w.current(rtype, rid)? {
            Some(cur) if cur.digest == *digest && (!cur.retracted || !opts.update) => {
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
        // References must point at records stored already or written by this import.
        let mut missing = Vec::new();
        for (target, target_id, field) in parsed.record().references() {
            if self.known[target.rank()].contains(target_id) {
                continue;
            }
            if w.current(target, target_id)?.is_some_and(|c| !c.retracted) {
                self.known[target.rank()].insert(target_id.into());
            } else {
                missing.push((field, target, target_id));
            }
        }
        if !missing.is_empty() {
            if last {
                for (field, target, target_id) in missing {
                    self.errors.push(LineError {
                        line: lineno,
                        message: ops::Refusal::MissingReference {
                            rtype,
                            rid: rid.to_string(),
                            field,
                            target,
                            target_id: target_id.to_string(),
                        }
                        .to_string(),
                    });
                }
            } else {
                self.waiting.push(line);
            }
            return Ok(());
        }
        let meta = Meta {
            at: opts.at.clone(),
            actor: opts.actor.clone(),
            reason: opts.reason.clone(),
        };
        #[allow(clippy::disallowed_methods)]
        // import checked this line's references and version above
        let entry = w.append(
            &meta,
            Change::Put {
                record: parsed,
                refers_to,
                digest: *digest,
            },
        )?;
        if matches!(
            rtype,
            RecordType::Source | RecordType::Person | RecordType::Announcement
        ) {
            self.known[rtype.rank()].insert(entry.rid.into());
        }
        self.entry_lines.push(lineno as u32);
        if refers_to.is_some() {
            self.report.corrected += 1;
            // Not built from its records alone (cannot happen in an empty registry).
            self.written = None;
        } else {
            self.report.added += 1;
        }
        if let (Some(written), Ok((parsed, _))) = (self.written.as_mut(), line.parsed) {
            written.push(parsed);
        }
        Ok(())
    }

    /// Every error, in line order, once all lines are in.
    fn finish(&mut self) -> Vec<LineError> {
        let mut errors = std::mem::take(&mut self.errors);
        errors.sort_by_key(|e| e.line);
        errors
    }
}
