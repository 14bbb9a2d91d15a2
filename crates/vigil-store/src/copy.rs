//! Moving a whole registry between stores, and backups, with the log intact: every entry
//! is replayed into an empty store with its own time, actor, reason and body, so each
//! seals to the same hash and the copy's head is the original's.

use std::io::{BufRead, Write};

use serde_json::{json, Value};
use vigil_core::chain::{Entry, Hash, Op, Verifier};
use vigil_core::record::{parse_record, RecordType};

use crate::{Change, Head, Meta, Store, StoreError, Writer};

/// The first line of a log backup file.
const BACKUP_HEADER: &str = "vigil-log-backup";

/// Replays `entry` into `w`; the sealed entry must hash as the original did. Copies,
/// restores and rebuilds replay a log that was checked when it was written, so they
/// append directly rather than through [`crate::ops`].
pub(crate) fn replay(w: &mut dyn Writer, entry: Entry) -> Result<(), StoreError> {
    if w.next_seq() != entry.seq {
        return Err(StoreError::Damaged(format!(
            "log entry {} arrives where entry {} belongs",
            entry.seq,
            w.next_seq()
        )));
    }
    let meta = Meta {
        at: entry.at,
        actor: entry.actor,
        reason: entry.reason,
    };
    let parsed;
    let change = match (entry.op, &entry.body, entry.refers_to) {
        (Op::Put, Some(body), refers_to) => {
            parsed = parse_record(body).map_err(|e| {
                StoreError::Damaged(format!("log entry {} no longer parses: {e}", entry.seq))
            })?;
            Change::Put {
                record: &parsed,
                refers_to,
                digest: vigil_core::chain::Hash::of_body(body),
            }
        }
        (Op::Retract, None, Some(refers_to)) => Change::Retract {
            rtype: entry.rtype,
            rid: &entry.rid,
            refers_to,
        },
        _ => {
            return Err(StoreError::Damaged(format!(
                "log entry {} is neither a put with a body nor a retraction of an earlier entry",
                entry.seq
            )))
        }
    };
    #[allow(clippy::disallowed_methods)] // a replay of a log whose rules held when it was written
    let sealed = w.append(&meta, change)?;
    if sealed.hash != entry.hash {
        return Err(StoreError::Damaged(format!(
            "log entry {} does not hash as recorded: the log is damaged",
            entry.seq
        )));
    }
    Ok(())
}

fn require_empty(to: &dyn Store) -> Result<(), StoreError> {
    let head = to.head()?;
    if head.entries > 0 {
        return Err(StoreError::NotEmpty(head.entries));
    }
    Ok(())
}

/// Copies every log entry of `from` into the empty `to`, in one transaction.
pub fn copy(from: &dyn Store, to: &mut dyn Store) -> Result<Head, StoreError> {
    require_empty(to)?;
    let mut w = to.begin()?;
    let mut verifier = Verifier::default();
    from.for_each_entry(None, &mut |e| {
        verifier
            .push(&e)
            .map_err(|err| StoreError::Damaged(format!("the source's chain is broken: {err}")))?;
        replay(w.as_mut(), e)
    })?;
    w.commit()
}

/// Writes the whole log as JSON Lines: a header, then one entry per line with its hashes.
pub fn backup(from: &dyn Store, out: &mut dyn Write) -> Result<Head, StoreError> {
    let head = from.head()?;
    let io = |e: std::io::Error| StoreError::Io {
        what: "writing the backup".into(),
        source: e,
    };
    writeln!(
        out,
        "{}",
        json!({ "format": BACKUP_HEADER, "version": 1, "entries": head.entries, "head": head.hash.to_hex() })
    )
    .map_err(io)?;
    from.for_each_entry(Some(head.entries), &mut |e| {
        writeln!(
            out,
            "{}",
            json!({
                "seq": e.seq, "at": e.at, "actor": e.actor, "reason": e.reason,
                "op": e.op.as_str(), "rtype": e.rtype.as_str(), "rid": e.rid,
                "refers_to": e.refers_to, "body": e.body,
                "prev": e.prev.to_hex(), "hash": e.hash.to_hex(),
            })
        )
        .map_err(io)
    })?;
    Ok(head)
}

fn entry_from_json(line: usize, v: &Value) -> Result<Entry, StoreError> {
    let bad = |what: &str| StoreError::BadBackup(format!("line {line}: {what}"));
    let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let hash = |k: &str| {
        text(k)
            .and_then(|h| hex::decode(h).ok())
            .and_then(|b| Hash::from_slice(&b))
            .ok_or_else(|| bad(&format!("`{k}` is not a hash")))
    };
    Ok(Entry {
        seq: v
            .get("seq")
            .and_then(Value::as_u64)
            .ok_or_else(|| bad("no `seq`"))?,
        at: text("at").ok_or_else(|| bad("no `at`"))?,
        actor: text("actor").ok_or_else(|| bad("no `actor`"))?,
        reason: text("reason"),
        op: text("op")
            .and_then(|o| Op::parse(&o))
            .ok_or_else(|| bad("`op` is not put or retract"))?,
        rtype: text("rtype")
            .and_then(|t| RecordType::parse(&t))
            .ok_or_else(|| bad("unknown `rtype`"))?,
        rid: text("rid").ok_or_else(|| bad("no `rid`"))?,
        refers_to: v.get("refers_to").and_then(Value::as_u64),
        body: text("body"),
        prev: hash("prev")?,
        hash: hash("hash")?,
    })
}

/// Restores a backup written by [`backup`] into the empty `to`, checking the chain as it
/// goes and the head against the header. All or nothing.
pub fn restore(input: &mut dyn BufRead, to: &mut dyn Store) -> Result<Head, StoreError> {
    require_empty(to)?;
    let mut lines = input.lines();
    let header: Value = lines
        .next()
        .ok_or_else(|| StoreError::BadBackup("the file is empty".into()))?
        .map_err(|e| StoreError::Io {
            what: "reading the backup".into(),
            source: e,
        })
        .and_then(|l| {
            serde_json::from_str(&l).map_err(|e| StoreError::BadBackup(format!("line 1: {e}")))
        })?;
    if header.get("format").and_then(Value::as_str) != Some(BACKUP_HEADER) {
        return Err(StoreError::BadBackup(
            "line 1: not a vigil log backup".into(),
        ));
    }
    let mut w = to.begin()?;
    let mut verifier = Verifier::default();
    for (i, line) in lines.enumerate() {
        let line = line.map_err(|e| StoreError::Io {
            what: "reading the backup".into(),
            source: e,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line)
            .map_err(|e| StoreError::BadBackup(format!("line {}: {e}", i + 2)))?;
        let e = entry_from_json(i + 2, &v)?;
        verifier
            .push(&e)
            .map_err(|err| StoreError::BadBackup(format!("line {}: {err}", i + 2)))?;
        replay(w.as_mut(), e)?;
    }
    let want = header.get("head").and_then(Value::as_str).unwrap_or("");
    if verifier.head().to_hex() != want {
        return Err(StoreError::BadBackup(format!(
            "it ends at {} but its header says {want}: it is incomplete",
            verifier.head().to_hex()
        )));
    }
    w.commit()
}
