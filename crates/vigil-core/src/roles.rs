//! The roles (occupations) a registry usually records, as the data writes them.

/// The roles a registry usually records (DESIGN.md), as the data writes them; others are
/// kept and shown too. The person form and the directory's filter offer these.
pub const USUAL_ROLES: &[&str] = &[
    "politician",
    "journalist",
    "human_rights_defender",
    "civic_activist",
    "lawyer",
    "trade_unionist",
    "culture_worker",
    "student",
    "religious",
];
