//! The day arrays saved beside the log ([`vigil_core::registry::Counts`]): `stats held`
//! without a breakdown and `stats series` in a new process read a few kilobytes instead of
//! loading the registry.
//!
//! Saved counts are read only when they are the current ones: computed at the log's head
//! (its length and hash; every write moves the head) by this very program (the counts'
//! layout, the crate's version and the executable's size and modification time, so a new
//! build with other counting rules never reads an old build's numbers). Anything else is
//! absent, and [`current`] computes the counts from the registry and saves them. Counts are
//! saved only when the head did not move while they were computed, so they are never
//! filed under a position they were not computed at.

use vigil_core::registry::{Counts, Registry};

use crate::{Head, Store, StoreError};

/// The saved row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The log's length when the counts were computed.
    pub entries: u64,
    /// The log's head hash then (hex).
    pub head: String,
    /// Who computed them ([`program`]).
    pub program: String,
    /// `Counts::to_bytes`.
    pub body: Vec<u8>,
}

/// This program, as saved counts name it; `None` when the executable cannot be looked at
/// (then nothing is saved or read).
#[must_use]
pub fn program() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!(
        "vigil {} counts {} exe {} {}.{:09}",
        env!("CARGO_PKG_VERSION"),
        Counts::FORMAT,
        meta.len(),
        modified.as_secs(),
        modified.subsec_nanos()
    ))
}

/// The saved counts, if they are the current ones for `head`.
///
/// # Errors
/// When the store cannot be read.
pub fn saved(store: &dyn Store, head: &Head) -> Result<Option<Counts>, StoreError> {
    let Some(program) = program() else {
        return Ok(None);
    };
    let Some(s) = store.saved_counts()? else {
        return Ok(None);
    };
    if s.entries != head.entries || s.head != head.hash.to_hex() || s.program != program {
        return Ok(None);
    }
    Ok(Counts::from_bytes(&s.body).ok())
}

/// Saves `reg`'s counts as those of `head` if the log is still at `head` (the registry was
/// loaded after `head` was read; a write in between would make them another position's).
/// A failure to save is not an error of the question being answered: it is returned for the
/// caller to log, and the counts are computed again next time.
///
/// # Errors
/// When the store cannot be read or written.
pub fn save(store: &dyn Store, head: &Head, counts: &Counts) -> Result<bool, StoreError> {
    let Some(program) = program() else {
        return Ok(false);
    };
    if store.head()? != *head {
        return Ok(false);
    }
    store.save_counts(&Saved {
        entries: head.entries,
        head: head.hash.to_hex(),
        program,
        body: counts.to_bytes(),
    })?;
    Ok(true)
}

/// The current counts and the head they are at: the saved ones, or computed from the
/// registry (and then saved, as [`save`] does; a failure to save is logged, not returned).
///
/// # Errors
/// When the store cannot be read or the registry loaded.
pub fn current(store: &dyn Store) -> Result<(Counts, Head), StoreError> {
    let head = store.head()?;
    if let Some(c) = saved(store, &head)? {
        return Ok((c, head));
    }
    let reg = store.load()?;
    Ok((computed(store, &head, &reg), head))
}

/// `reg`'s counts, saved for the next process when the log is still at `head`.
pub fn computed(store: &dyn Store, head: &Head, reg: &Registry) -> Counts {
    let counts = reg.counts();
    if let Err(e) = save(store, head, &counts) {
        tracing::warn!(error = %e, "the day arrays were not saved; the next answer computes them again");
    }
    counts
}

/// `vigil verify`'s check: saved counts that would be read (current, of this program) are
/// what a replay of the log gives. `None` when they are, or when none would be read.
///
/// # Errors
/// When the store cannot be read or the log replayed.
pub fn check(store: &dyn Store) -> Result<Option<String>, StoreError> {
    let head = store.head()?;
    let Some(saved) = saved(store, &head)? else {
        return Ok(None);
    };
    let replayed = store.load_as_of(head.entries)?.counts();
    Ok((saved != replayed).then(|| {
        format!(
            "the day arrays saved at entry {} (what `stats held` and `stats series` read) are not what the log gives; `vigil db rebuild` removes them",
            head.entries
        )
    }))
}
