//! Compound surnames whose particle the press writes apart or joined (San Miguel,
//! Sanmiguel): a stored name is also indexed with its particles joined.

use crate::names::split;

/// Words that begin a compound surname and are written apart or joined (San Miguel,
/// Sanmiguel; De la Cruz, Delacruz; Van der Berg).
const PARTICLES: &[&str] = &[
    "san", "santa", "de", "del", "della", "la", "las", "los", "van", "von", "der", "den", "da",
    "das", "do", "dos", "di", "du", "le", "mac", "mc", "ter", "ten",
];

/// A name whose compound surname is written apart ("Rocío San Miguel") with its particles
/// joined to the word after them ("rocío sanmiguel"), so the press's joined spelling finds
/// it; `None` when the name has no particle before another word.
pub(super) fn joined_particles(name: &str) -> Option<String> {
    let words = split(name);
    if words.len() < 3 {
        return None;
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut joined = false;
    let mut pending = String::new();
    for (i, w) in words.iter().enumerate() {
        // The first word is a given name even when it is one of these (Santa, Dan …).
        if i > 0 && i + 1 < words.len() && PARTICLES.contains(&w.as_str()) {
            pending.push_str(w);
            joined = true;
            continue;
        }
        out.push(std::mem::take(&mut pending) + w);
    }
    joined.then(|| out.join(" "))
}
