//! The append-only log's entries and their hash chain.
//!
//! Every change to the registry is one [`Entry`]; its hash covers the previous entry's
//! hash and every field of its own, so altering, removing or reordering any stored entry
//! breaks the chain from that entry on. The store persists entries; this module only
//! says what an entry is and how its hash is computed, so every backend agrees.

use std::fmt;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use crate::date::Day;
use crate::record::RecordType;

/// The time written on log entries, from a time the caller read (core reads no clock):
/// UTC with microseconds, fixed width, so text order is time order (the stores find the
/// entry at a time with a text comparison, `at <= ?`).
#[must_use]
pub fn timestamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// The last instant of a day in the log's time format: "as of a day" includes all of it.
#[must_use]
pub fn end_of_day(d: Day) -> String {
    format!("{d}T23:59:59.999999Z")
}

/// A SHA-256 hash.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    /// The "previous hash" of the first entry.
    pub const GENESIS: Hash = Hash([0; 32]);

    #[must_use]
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// Reads a hash from bytes as stored; `None` if it is not 32 bytes long.
    #[must_use]
    pub fn from_slice(bytes: &[u8]) -> Option<Hash> {
        bytes.try_into().ok().map(Hash)
    }

    /// The digest of a record's canonical body, used to tell "same record again" from "changed".
    #[must_use]
    pub fn of_body(body: &str) -> Hash {
        Hash(Sha256::digest(body.as_bytes()).into())
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({})", self.to_hex())
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// What an entry does to its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Creates the record, or (with `refers_to`) replaces it: a correction.
    Put,
    /// Withdraws the record from every answer; the log keeps what it said.
    Retract,
}

impl Op {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Put => "put",
            Op::Retract => "retract",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Op> {
        match s {
            "put" => Some(Op::Put),
            "retract" => Some(Op::Retract),
            _ => None,
        }
    }
}

/// One change, as written to the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Position in the log, from 1, without gaps.
    pub seq: u64,
    /// When it was written (RFC 3339, UTC).
    pub at: String,
    /// Who wrote it.
    pub actor: String,
    /// Why, if the writer said.
    pub reason: Option<String>,
    pub op: Op,
    pub rtype: RecordType,
    pub rid: String,
    /// The entry this one corrects or retracts.
    pub refers_to: Option<u64>,
    /// The record's canonical JSON for `Put`; `None` for `Retract`.
    pub body: Option<String>,
    pub prev: Hash,
    pub hash: Hash,
}

/// The fields of an entry that its hash covers, before it is chained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub at: String,
    pub actor: String,
    pub reason: Option<String>,
    pub op: Op,
    pub rtype: RecordType,
    pub rid: String,
    pub refers_to: Option<u64>,
    pub body: Option<String>,
}

impl Draft {
    /// Chains the draft after `prev` at position `seq`.
    #[must_use]
    pub fn seal(self, seq: u64, prev: Hash) -> Entry {
        let hash = entry_hash(seq, prev, &self);
        Entry {
            seq,
            at: self.at,
            actor: self.actor,
            reason: self.reason,
            op: self.op,
            rtype: self.rtype,
            rid: self.rid,
            refers_to: self.refers_to,
            body: self.body,
            prev,
            hash,
        }
    }
}

impl Entry {
    /// The hash this entry should carry, recomputed from its fields.
    #[must_use]
    pub fn recompute(&self) -> Hash {
        let draft = Draft {
            at: self.at.clone(),
            actor: self.actor.clone(),
            reason: self.reason.clone(),
            op: self.op,
            rtype: self.rtype,
            rid: self.rid.clone(),
            refers_to: self.refers_to,
            body: self.body.clone(),
        };
        entry_hash(self.seq, self.prev, &draft)
    }
}

/// Each field is length-prefixed so no two different entries hash the same bytes.
fn entry_hash(seq: u64, prev: Hash, d: &Draft) -> Hash {
    fn field(h: &mut Sha256, bytes: Option<&[u8]>) {
        match bytes {
            None => h.update([0u8]),
            Some(b) => {
                h.update([1u8]);
                h.update((b.len() as u64).to_le_bytes());
                h.update(b);
            }
        }
    }
    let mut h = Sha256::new();
    h.update(b"vigil-log-v1");
    h.update(prev.0);
    h.update(seq.to_le_bytes());
    field(&mut h, Some(d.at.as_bytes()));
    field(&mut h, Some(d.actor.as_bytes()));
    field(&mut h, d.reason.as_deref().map(str::as_bytes));
    field(&mut h, Some(d.op.as_str().as_bytes()));
    field(&mut h, Some(d.rtype.as_str().as_bytes()));
    field(&mut h, Some(d.rid.as_bytes()));
    field(
        &mut h,
        d.refers_to
            .map(u64::to_le_bytes)
            .as_ref()
            .map(<[u8; 8]>::as_slice),
    );
    field(&mut h, d.body.as_deref().map(str::as_bytes));
    Hash(h.finalize().into())
}

/// Why a chain does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error("log entry {seq} was altered: its stored hash {stored} does not match its contents (recomputed {recomputed})")]
    Altered {
        seq: u64,
        stored: Hash,
        recomputed: Hash,
    },
    #[error("log entry {seq} does not follow entry {prev_seq}: its previous hash {stored} is not {expected}")]
    Broken {
        seq: u64,
        prev_seq: u64,
        stored: Hash,
        expected: Hash,
    },
    #[error("log entry {found} is out of place: expected entry {expected} (an entry was removed or inserted)")]
    Gap { expected: u64, found: u64 },
}

impl ChainError {
    /// The first entry that fails.
    #[must_use]
    pub fn seq(&self) -> u64 {
        match self {
            ChainError::Altered { seq, .. } | ChainError::Broken { seq, .. } => *seq,
            ChainError::Gap { found, .. } => *found,
        }
    }
}

/// Checks entries one at a time, in order; keeps only the running head.
#[derive(Debug, Clone)]
pub struct Verifier {
    next: u64,
    head: Hash,
}

impl Default for Verifier {
    fn default() -> Self {
        Verifier {
            next: 1,
            head: Hash::GENESIS,
        }
    }
}

impl Verifier {
    pub fn push(&mut self, e: &Entry) -> Result<(), ChainError> {
        if e.seq != self.next {
            return Err(ChainError::Gap {
                expected: self.next,
                found: e.seq,
            });
        }
        if e.prev != self.head {
            return Err(ChainError::Broken {
                seq: e.seq,
                prev_seq: e.seq - 1,
                stored: e.prev,
                expected: self.head,
            });
        }
        let recomputed = e.recompute();
        if recomputed != e.hash {
            return Err(ChainError::Altered {
                seq: e.seq,
                stored: e.hash,
                recomputed,
            });
        }
        self.head = e.hash;
        self.next += 1;
        Ok(())
    }

    /// Entries checked so far.
    #[must_use]
    pub fn entries(&self) -> u64 {
        self.next - 1
    }

    #[must_use]
    pub fn head(&self) -> Hash {
        self.head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: u64) -> Vec<Entry> {
        let mut prev = Hash::GENESIS;
        (1..=n)
            .map(|seq| {
                let e = Draft {
                    at: "2024-12-09T10:00:00Z".into(),
                    actor: "editor".into(),
                    reason: None,
                    op: Op::Put,
                    rtype: RecordType::Person,
                    rid: format!("p{seq}"),
                    refers_to: None,
                    body: Some(format!(r#"{{"id":"p{seq}","type":"person"}}"#)),
                }
                .seal(seq, prev);
                prev = e.hash;
                e
            })
            .collect()
    }

    fn verify(entries: &[Entry]) -> Result<u64, ChainError> {
        let mut v = Verifier::default();
        for e in entries {
            v.push(e)?;
        }
        Ok(v.entries())
    }

    #[test]
    fn an_untouched_chain_verifies() {
        assert_eq!(verify(&chain(5)), Ok(5));
    }

    #[test]
    fn any_altered_field_names_its_entry() {
        let alterations: [fn(&mut Entry); 6] = [
            |e| e.body = Some(r#"{"id":"p3","type":"person","visibility":"public"}"#.into()),
            |e| e.actor = "someone else".into(),
            |e| e.reason = Some("cover-up".into()),
            |e| e.at = "2020-01-01T00:00:00Z".into(),
            |e| e.op = Op::Retract,
            |e| e.refers_to = Some(1),
        ];
        for alter in alterations {
            let mut c = chain(5);
            alter(&mut c[2]);
            let err = verify(&c).unwrap_err();
            assert_eq!(err.seq(), 3, "{err}");
            assert!(
                err.to_string().starts_with("log entry 3 was altered"),
                "{err}"
            );
        }
    }

    #[test]
    fn a_removed_or_reordered_entry_is_found() {
        let mut c = chain(5);
        c.remove(1);
        assert_eq!(
            verify(&c).unwrap_err(),
            ChainError::Gap {
                expected: 2,
                found: 3
            }
        );
        let mut c = chain(5);
        c.swap(1, 2);
        assert_eq!(verify(&c).unwrap_err().seq(), 3);
    }

    #[test]
    fn a_resealed_entry_breaks_the_link_to_its_successor() {
        let mut c = chain(5);
        c[1].body = Some("{}".into());
        c[1].hash = c[1].recompute();
        assert!(matches!(verify(&c), Err(ChainError::Broken { seq: 3, .. })));
    }

    #[test]
    fn log_times_are_fixed_width_utc() {
        let t = chrono::DateTime::parse_from_rfc3339("2024-12-09T10:00:00+03:00")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(timestamp(t), "2024-12-09T07:00:00.000000Z");
        let day = "2024-12".parse::<crate::date::PartialDate>().unwrap();
        assert_eq!(end_of_day(day.last_day()), "2024-12-31T23:59:59.999999Z");
        assert!(timestamp(t) < end_of_day(day.last_day()));
    }
}
