//! Accounts, API tokens and the audit trail: the types, password hashing (argon2id),
//! token handling, and the audit chain. Each backend stores them (`Store::account` and
//! friends).
//!
//! **The audit chain.** Every audit row is linked to the one before it by a SHA-256 over
//! the previous link and the row (`audit_link`), as the registry's log is; a row that
//! changes an account or a token also commits to the account's or token's new state
//! (`account_state`, `token_state`). `verify_audit` walks the chain and checks that each
//! account and token is in the state its last row committed to, so a row removed,
//! rewritten or added in the middle, an account made admin or a token un-revoked by
//! writing to the tables directly is found. Its head can be signed in a checkpoint.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::StoreError;

/// Roles are core's (`vigil_core::access`), where the rule of who sees what is.
pub use vigil_core::access::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub role: Role,
    /// argon2id in PHC form.
    pub hash: String,
    pub disabled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRow {
    pub name: String,
    pub role: Role,
    pub created: String,
    pub revoked: bool,
    /// When it stops working (the log's time format); `None` for a token made before
    /// tokens expired.
    pub expires: Option<String>,
}

impl TokenRow {
    /// Whether it lets a caller in at `now` (the log's time format, which sorts as text).
    #[must_use]
    pub fn valid_at(&self, now: &str) -> bool {
        !self.revoked && self.expires.as_deref().is_none_or(|e| now < e)
    }
}

/// A `token` row as both backends read it: hash, name, role, created, revoked, expires.
pub type TokenTableRow = (String, String, String, String, bool, Option<String>);

/// Decodes a `token` row.
pub fn token_row(
    (hash, name, role, created, revoked, expires): TokenTableRow,
) -> Result<(String, TokenRow), StoreError> {
    Ok((
        hash,
        TokenRow {
            role: Role::parse(&role)
                .ok_or_else(|| StoreError::Damaged(format!("token of {name}: role {role}")))?,
            name,
            created,
            revoked,
            expires,
        },
    ))
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
}

/// An audit row as stored: the row, the state it commits to, and its link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedAudit {
    pub row: AuditRow,
    pub state: Option<String>,
    pub hash: String,
}

/// Where the audit chain ends: how many rows, and the last link (empty when none).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditHead {
    pub rows: u64,
    pub hash: String,
}

/// The link of an audit row: SHA-256 over the previous link and the row's fields (and
/// the state it commits to), as a JSON array so no field can run into the next.
#[must_use]
pub fn audit_link(prev: &str, row: &AuditRow, state: Option<&str>) -> String {
    let fields = serde_json::json!([prev, row.at, row.actor, row.action, row.subject, state]);
    hex::encode(Sha256::digest(fields.to_string().as_bytes()))
}

/// What an audit row commits to when it changes an account: `account:NAME:DIGEST`.
#[must_use]
pub fn account_state(a: &Account) -> String {
    let fields = serde_json::json!([a.name, a.role.as_str(), a.hash, a.disabled]);
    format!(
        "account:{}:{}",
        a.name,
        hex::encode(Sha256::digest(fields.to_string().as_bytes()))
    )
}

/// What an audit row commits to when it changes a token: `token:HASH:DIGEST`.
#[must_use]
pub fn token_state(hash: &str, t: &TokenRow) -> String {
    let fields = serde_json::json!([
        hash,
        t.name,
        t.role.as_str(),
        t.created,
        t.revoked,
        t.expires
    ]);
    format!(
        "token:{hash}:{}",
        hex::encode(Sha256::digest(fields.to_string().as_bytes()))
    )
}

/// The chain's head, or the first thing wrong with it: a link that does not follow from
/// the rows before it, or an account or token that is not in the state its last row
/// committed to (or has no row at all).
pub fn verify_audit(
    chain: &[ChainedAudit],
    accounts: &[Account],
    tokens: &[(String, TokenRow)],
) -> Result<AuditHead, String> {
    let mut prev = String::new();
    let mut committed = std::collections::HashMap::<String, String>::new();
    for (i, c) in chain.iter().enumerate() {
        if audit_link(&prev, &c.row, c.state.as_deref()) != c.hash {
            return Err(format!(
                "audit row {} ({} by {} on {}) does not follow from the rows before it: a row was changed, removed or put in",
                i + 1,
                c.row.action,
                c.row.actor,
                c.row.at
            ));
        }
        if let Some(state) = &c.state {
            if let Some((key, digest)) = state.rsplit_once(':') {
                committed.insert(key.to_string(), digest.to_string());
            }
        }
        prev.clone_from(&c.hash);
    }
    let mut expect = |state: String, what: &str| -> Result<(), String> {
        let (key, digest) = state.rsplit_once(':').expect("states have a digest");
        match committed.remove(key) {
            Some(d) if d == digest => Ok(()),
            Some(_) => Err(format!(
                "{what} is not in the state the audit trail last recorded for it: it was changed outside vigil"
            )),
            None => Err(format!(
                "{what} has no row in the audit trail: it was put in outside vigil"
            )),
        }
    };
    for a in accounts {
        expect(account_state(a), &format!("account '{}'", a.name))?;
    }
    for (hash, t) in tokens {
        expect(
            token_state(hash, t),
            &format!("token {} of '{}'", &hash[..hash.len().min(12)], t.name),
        )?;
    }
    if let Some(key) = committed.keys().next() {
        return Err(format!(
            "{key} is in the audit trail but no longer in the database: it was deleted outside vigil"
        ));
    }
    Ok(AuditHead {
        rows: chain.len() as u64,
        hash: prev,
    })
}

/// Hashes a password with argon2id (the crate's defaults: 19 MiB, 2 passes) and a
/// random salt.
pub fn hash_password(password: &str) -> Result<String, StoreError> {
    if password.chars().count() < 10 {
        return Err(StoreError::Invalid(
            "a password needs at least 10 characters".into(),
        ));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Invalid(format!("hashing the password: {e}")))
}

/// A hash no password matches, verified against when the account does not exist, so an
/// unknown name costs the same time as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(&bytes, &salt)
            .expect("hashing random bytes")
            .to_string()
    })
}

/// Checks a password against an account (or against nothing, at the same cost). Disabled
/// accounts never pass.
#[must_use]
pub fn check_password(account: Option<&Account>, password: &str) -> bool {
    let hash: &str = match account {
        Some(a) => &a.hash,
        None => dummy_hash(),
    };
    let ok = PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    });
    ok && account.is_some_and(|a| !a.disabled)
}

/// A new random secret (API token or session id): 256 bits, hex.
#[must_use]
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// How a token or session id is stored: its SHA-256 (the secret is random, so a fast hash
/// is enough; a stolen table gives no usable token).
#[must_use]
pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A token's id as `vigil token list` shows it and events name it: the first 12 hex
/// digits of its hash (never the secret).
#[must_use]
pub fn token_id(hash: &str) -> &str {
    &hash[..hash.len().min(12)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_and_unknown_accounts() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        let mut a = Account {
            name: "anna".into(),
            role: Role::Editor,
            hash,
            disabled: false,
        };
        assert!(check_password(Some(&a), "correct horse battery"));
        assert!(!check_password(Some(&a), "correct horse batter"));
        assert!(!check_password(None, "correct horse battery"));
        a.disabled = true;
        assert!(!check_password(Some(&a), "correct horse battery"));
        assert!(hash_password("short").is_err());
        // An unknown name costs what a wrong password costs: the hash it is checked
        // against is argon2 of the same algorithm, version and parameters as a real one.
        let (dummy, real) = (
            PasswordHash::new(dummy_hash()).unwrap(),
            PasswordHash::new(&a.hash).unwrap(),
        );
        assert_eq!(dummy.algorithm, real.algorithm);
        assert_eq!(dummy.version, real.version);
        assert_eq!(dummy.params, real.params);
        assert_eq!(dummy.hash.map(|h| h.len()), real.hash.map(|h| h.len()));
        assert_eq!(secret_hash("x").len(), 64);
        assert_ne!(new_secret(), new_secret());
    }
}
