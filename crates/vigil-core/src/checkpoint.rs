//! Signed checkpoints of the log: a statement "the log had N entries ending in hash H",
//! signed with an Ed25519 key kept outside the database. Someone holding an earlier
//! checkpoint can later tell whether the log still extends it: entries removed, a chain
//! rewritten consistently, or a checkpoint re-signed with another key are all found.
//! A checkpoint also carries the head of the audit chain (accounts, tokens and the audit
//! trail, vigil-store's accounts.rs) when it was made with one, signed with the rest.
//! Signing and checking only; the key's bytes and the time come from the caller.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::chain::Hash;

/// The format's name, the first thing signed.
pub const FORMAT: &str = "vigil-checkpoint/1";

/// A signed statement of the log's head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub format: String,
    /// How many entries the log had.
    pub entries: u64,
    /// The hash of entry `entries` (hex).
    pub head: String,
    /// When it was signed (the log's time format).
    pub at: String,
    /// How many rows the audit chain had, and the last row's link (absent in a
    /// checkpoint of a vigil before the audit chain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_rows: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_head: Option<String>,
    /// The Ed25519 public key that signed it (hex).
    pub public_key: String,
    /// The signature over [`message`] (hex).
    pub signature: String,
}

/// Why a checkpoint does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error("not a vigil checkpoint: {0}")]
    Malformed(String),
    #[error("the checkpoint's signature does not verify: it was altered")]
    BadSignature,
    #[error("the checkpoint was signed by another key ({found}), not the trusted one ({trusted}): it was replaced")]
    OtherKey { found: String, trusted: String },
    #[error("the log has {now} entries but the checkpoint saw {then}: entries were removed")]
    Truncated { now: u64, then: u64 },
    #[error("log entry {entries} is not the one the checkpoint saw (hash {now}, the checkpoint says {then}): the log was rewritten")]
    Rewritten {
        entries: u64,
        now: String,
        then: String,
    },
    #[error("the audit trail has {now} rows but the checkpoint saw {then}: rows were removed")]
    AuditTruncated { now: u64, then: u64 },
    #[error("audit row {rows} is not the one the checkpoint saw: the audit trail was rewritten")]
    AuditRewritten { rows: u64 },
}

/// The bytes signed: every field but the key and the signature, one per line.
#[must_use]
pub fn message(entries: u64, head: &str, at: &str, audit: Option<(u64, &str)>) -> String {
    let audit = audit.map_or(String::new(), |(rows, hash)| {
        format!("audit {rows} {hash}\n")
    });
    format!("{FORMAT}\nentries {entries}\nhead {head}\nat {at}\n{audit}")
}

/// The public key of a secret key, hex.
#[must_use]
pub fn public_key(secret: &[u8; 32]) -> String {
    hex::encode(SigningKey::from_bytes(secret).verifying_key().to_bytes())
}

/// Signs the log's head, and the audit chain's (its row count and last link) when given.
#[must_use]
pub fn sign(
    secret: &[u8; 32],
    entries: u64,
    head: Hash,
    at: &str,
    audit: Option<(u64, &str)>,
) -> Checkpoint {
    let key = SigningKey::from_bytes(secret);
    let head = head.to_hex();
    let signature = key.sign(message(entries, &head, at, audit).as_bytes());
    Checkpoint {
        format: FORMAT.into(),
        entries,
        head,
        at: at.into(),
        audit_rows: audit.map(|(rows, _)| rows),
        audit_head: audit.map(|(_, hash)| hash.to_string()),
        public_key: hex::encode(key.verifying_key().to_bytes()),
        signature: hex::encode(signature.to_bytes()),
    }
}

fn bytes<const N: usize>(hex_text: &str, what: &str) -> Result<[u8; N], CheckpointError> {
    hex::decode(hex_text.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| CheckpointError::Malformed(format!("{what} is not {N} bytes of hex")))
}

/// Reads a public key written as hex (a `.pub` file's text).
pub fn parse_public_key(text: &str) -> Result<[u8; 32], CheckpointError> {
    bytes(text, "the public key")
}

impl Checkpoint {
    /// Checks the signature, and that it was made by `trusted` when a trusted key is given.
    pub fn check_signature(&self, trusted: Option<&[u8; 32]>) -> Result<(), CheckpointError> {
        if self.format != FORMAT {
            return Err(CheckpointError::Malformed(format!(
                "format '{}', expected '{FORMAT}'",
                self.format
            )));
        }
        let key: [u8; 32] = bytes(&self.public_key, "the public key")?;
        if let Some(t) = trusted {
            if *t != key {
                return Err(CheckpointError::OtherKey {
                    found: self.public_key.clone(),
                    trusted: hex::encode(t),
                });
            }
        }
        let signature: [u8; 64] = bytes(&self.signature, "the signature")?;
        let key = VerifyingKey::from_bytes(&key)
            .map_err(|_| CheckpointError::Malformed("the public key is not a point".into()))?;
        let audit = match (&self.audit_rows, &self.audit_head) {
            (Some(rows), Some(hash)) => Some((*rows, hash.as_str())),
            (None, None) => None,
            _ => {
                return Err(CheckpointError::Malformed(
                    "audit_rows and audit_head come together".into(),
                ))
            }
        };
        key.verify(
            message(self.entries, &self.head, &self.at, audit).as_bytes(),
            &Signature::from_bytes(&signature),
        )
        .map_err(|_| CheckpointError::BadSignature)
    }

    /// Whether a log whose entry `self.entries` has hash `at_that_entry`, and which has
    /// `entries` in all, extends this checkpoint.
    pub fn extended_by(
        &self,
        entries: u64,
        at_that_entry: Option<Hash>,
    ) -> Result<(), CheckpointError> {
        if entries < self.entries {
            return Err(CheckpointError::Truncated {
                now: entries,
                then: self.entries,
            });
        }
        let now = at_that_entry.map_or_else(|| Hash::GENESIS.to_hex(), |h| h.to_hex());
        if now != self.head {
            return Err(CheckpointError::Rewritten {
                entries: self.entries,
                now,
                then: self.head.clone(),
            });
        }
        Ok(())
    }
}

impl Checkpoint {
    /// Whether an audit chain whose links are `links` (oldest first) extends the audit
    /// head this checkpoint saw; any chain does when it saw none.
    pub fn audit_extended_by(&self, links: &[String]) -> Result<(), CheckpointError> {
        let (Some(rows), Some(head)) = (self.audit_rows, &self.audit_head) else {
            return Ok(());
        };
        let now = links.len() as u64;
        if now < rows {
            return Err(CheckpointError::AuditTruncated { now, then: rows });
        }
        let at = if rows == 0 {
            ""
        } else {
            links[rows as usize - 1].as_str()
        };
        if at != head {
            return Err(CheckpointError::AuditRewritten { rows });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: [u8; 32] = [7; 32];

    #[test]
    fn a_checkpoint_verifies_and_any_change_to_it_is_found() {
        let head = Hash([1; 32]);
        let cp = sign(&SECRET, 12, head, "2026-12-01T00:00:00.000000Z", None);
        let key = parse_public_key(&public_key(&SECRET)).unwrap();
        assert_eq!(cp.check_signature(Some(&key)), Ok(()));
        assert_eq!(cp.extended_by(12, Some(head)), Ok(()));
        assert_eq!(cp.extended_by(20, Some(head)), Ok(()));
        let mut moved = cp.clone();
        moved.entries = 11;
        assert_eq!(
            moved.check_signature(None),
            Err(CheckpointError::BadSignature)
        );
        assert!(matches!(
            cp.extended_by(11, Some(head)),
            Err(CheckpointError::Truncated { now: 11, then: 12 })
        ));
        assert!(matches!(
            cp.extended_by(12, Some(Hash([2; 32]))),
            Err(CheckpointError::Rewritten { .. })
        ));
        // Re-signed by someone else: fine on its own, refused against the trusted key.
        let forged = sign(
            &[9; 32],
            12,
            Hash([2; 32]),
            "2026-12-01T00:00:00.000000Z",
            None,
        );
        assert_eq!(forged.check_signature(None), Ok(()));
        assert!(matches!(
            forged.check_signature(Some(&key)),
            Err(CheckpointError::OtherKey { .. })
        ));
    }

    #[test]
    fn the_audit_head_is_signed_and_checked() {
        let links: Vec<String> = ["a1", "b2", "c3"].map(String::from).to_vec();
        let cp = sign(
            &SECRET,
            1,
            Hash([1; 32]),
            "2026-12-01T00:00:00.000000Z",
            Some((2, "b2")),
        );
        assert_eq!(cp.check_signature(None), Ok(()));
        assert_eq!(cp.audit_extended_by(&links), Ok(()));
        assert_eq!(cp.audit_extended_by(&links[..2]), Ok(()));
        assert_eq!(
            cp.audit_extended_by(&links[..1]),
            Err(CheckpointError::AuditTruncated { now: 1, then: 2 })
        );
        let rewritten: Vec<String> = ["a1", "x2", "c3"].map(String::from).to_vec();
        assert_eq!(
            cp.audit_extended_by(&rewritten),
            Err(CheckpointError::AuditRewritten { rows: 2 })
        );
        let mut moved = cp.clone();
        moved.audit_rows = Some(1);
        assert_eq!(
            moved.check_signature(None),
            Err(CheckpointError::BadSignature)
        );
        let mut dropped = cp;
        dropped.audit_rows = None;
        dropped.audit_head = None;
        assert_eq!(
            dropped.check_signature(None),
            Err(CheckpointError::BadSignature)
        );
    }
}
