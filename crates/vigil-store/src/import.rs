//! Importing the JSON Lines interchange format through any backend's [`Writer`].
//!
//! Atomic: the whole file is written in one transaction, and a single bad line means
//! nothing is committed. Every bad line is reported, not just the first, so a monitor
//! fixes a file in one pass. Idempotent: a record identical to the stored one is skipped.

use std::collections::HashMap;
use std::io::BufRead;

use vigil_core::chain::{Draft, Hash, Op};
use vigil_core::record::{parse_record, RecordType};

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

/// Imports `input`, calling `progress` with the bytes read so far now and then.
pub fn import(
    store: &mut dyn Store,
    input: &mut dyn BufRead,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportFailure> {
    let mut w = store.begin()?;
    let first_seq = w.next_seq();
    // Line of each entry this import appended, by seq - first_seq: to name a duplicate's first line.
    let mut entry_lines: Vec<u32> = Vec::new();
    let mut errors: Vec<LineError> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    // Referenceable ids (sources, persons, announcements) this import met, with their line,
    // so that a forward reference is named as such.
    let mut seen_lines: HashMap<(RecordType, String), usize> = HashMap::new();
    let mut report = ImportReport::default();
    let (mut buf, mut bytes, mut lineno) = (String::new(), 0u64, 0usize);
    loop {
        buf.clear();
        let n = input.read_line(&mut buf)?;
        if n == 0 {
            break;
        }
        lineno += 1;
        bytes += n as u64;
        if lineno % 8192 == 0 {
            progress(bytes);
        }
        let text = buf.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() {
            continue;
        }
        report.lines += 1;
        let parsed = match parse_record(text) {
            Ok(p) => p,
            Err(e) => {
                errors.push(LineError {
                    line: lineno,
                    message: e.to_string(),
                });
                continue;
            }
        };
        let rtype = parsed.record.record_type();
        let rid = parsed.record.id().to_string();
        let label = format!("{rtype} '{rid}'");
        // References must point at records already stored or earlier in the file.
        let mut missing = false;
        for (target, target_id, field) in parsed.record.references() {
            if !exists(w.as_mut(), target, target_id)? {
                missing = true;
                pending.push(Pending {
                    line: lineno,
                    label: label.clone(),
                    field,
                    target,
                    target_id: target_id.to_string(),
                });
            }
        }
        let digest = Hash::of_body(&parsed.canonical);
        let refers_to = match w.current(rtype, &rid)? {
            Some(cur) if cur.digest == digest && (!cur.retracted || !opts.update) => {
                report.unchanged += 1;
                continue;
            }
            Some(cur) if cur.seq >= first_seq => {
                let first = entry_lines
                    .get((cur.seq - first_seq) as usize)
                    .copied()
                    .unwrap_or(0);
                errors.push(LineError {
                    line: lineno,
                    message: format!(
                        "{label} appears twice with different content (first at line {first})"
                    ),
                });
                continue;
            }
            Some(cur) if !opts.update => {
                errors.push(LineError {
                    line: lineno,
                    message: format!(
                        "{label} already exists with other content (log entry {}); import with --update to record a correction",
                        cur.seq
                    ),
                });
                continue;
            }
            Some(cur) => Some(cur.seq),
            None => None,
        };
        if rtype != RecordType::Event && rtype != RecordType::Figure {
            seen_lines.entry((rtype, rid.clone())).or_insert(lineno);
        }
        if missing {
            // Cannot be written without its target; the error is reported at the end.
            continue;
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
        w.append(draft, Some(&parsed.record))?;
        entry_lines.push(lineno as u32);
        if refers_to.is_some() {
            report.corrected += 1;
        } else {
            report.added += 1;
        }
    }
    progress(bytes);
    for p in pending {
        let message = match seen_lines.get(&(p.target, p.target_id.clone())) {
            Some(line) if *line > p.line => format!(
                "{}: field `{}`: {} '{}' comes later, at line {line}; put a record after the records it refers to",
                p.label, p.field, p.target, p.target_id
            ),
            _ => format!("{}: field `{}`: unknown {} '{}'", p.label, p.field, p.target, p.target_id),
        };
        errors.push(LineError {
            line: p.line,
            message,
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportFailure::Invalid(errors));
    }
    report.head = Some(w.commit()?);
    Ok(report)
}

fn exists(w: &mut dyn Writer, rtype: RecordType, rid: &str) -> Result<bool, StoreError> {
    Ok(w.current(rtype, rid)?.is_some_and(|c| !c.retracted))
}
