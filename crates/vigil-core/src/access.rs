//! Who may see what: the one visibility rule, every front end's copy of it. Roles and
//! audiences, "may this role see this visibility", "an event is no more visible than its
//! person", the fields a viewer is not shown of a non-public person, and which records
//! `export --public` writes.
//!
//! A record's own visibility is `Record::visibility` (record.rs) and a person's in a
//! built registry `Registry::is_public` (merged persons are not public); everything that
//! decides from those lives here, so a change to the rule is a change to this file.

use std::collections::HashSet;

use serde_json::Value;

use crate::record::{Parsed, Record, Visibility};

/// What an account or token may do. Ordered: an admin may do what an editor may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Viewer,
    Editor,
    Admin,
}

impl Role {
    pub const ALL: &'static [Role] = &[Role::Viewer, Role::Editor, Role::Admin];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "viewer" => Role::Viewer,
            "editor" => Role::Editor,
            "admin" => Role::Admin,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who an answer is for. The public sees counts of everyone, but a breakdown key taken
/// from a non-public person's own free-text fields (region, roles) could name them, so
/// for the public such persons count under `withheld`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    Public,
    /// Editors and the command line: every key.
    #[default]
    Trusted,
}

/// May this role see a record of this visibility? Viewers see restricted records; only
/// editors and admins see confidential ones.
#[must_use]
pub fn may_see(role: Role, v: Visibility) -> bool {
    match v {
        Visibility::Public | Visibility::Restricted => true,
        Visibility::Confidential => role >= Role::Editor,
    }
}

/// An event is no more visible than its person: the event's visibility raised to its
/// person's. An unknown person (`None`) counts as confidential.
#[must_use]
pub fn event_visibility(event: Visibility, person: Option<Visibility>) -> Visibility {
    event.max(person.unwrap_or(Visibility::Confidential))
}

/// A stored record as a role may see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The record's JSON (every stored field, unknown ones too) less what is held back.
    pub record: Value,
    /// The fields held back, as the answer names them.
    pub protected: Vec<&'static str>,
}

/// Field-level protection: a viewer sees a non-public person without health, with the
/// birth year only, and without region. Editors and admins see every field; every other
/// record type is shown whole.
#[must_use]
pub fn shown(parsed: &Parsed, role: Role) -> Shown {
    let mut record: Value = serde_json::from_str(parsed.canonical()).unwrap_or(Value::Null);
    let person = matches!(parsed.record(), Record::Person(_));
    if role >= Role::Editor || !person || parsed.record().visibility().is_public() {
        return Shown {
            record,
            protected: Vec::new(),
        };
    }
    let mut held = Vec::new();
    if let Some(o) = record.as_object_mut() {
        if o.remove("health").is_some() {
            held.push("health");
        }
        if o.remove("region").is_some() {
            held.push("region");
        }
        if let Some(Value::String(b)) = o.get_mut("birth_date") {
            if b.len() > 4 {
                b.truncate(4);
                held.push("birth_date (year only)");
            }
        }
    }
    Shown {
        record,
        protected: held,
    }
}

/// Which records `export --public` writes: public persons, their public events, and the
/// records that name no one (sources, announcements, figures); never a merge. Records come
/// in export order (persons before events), one at a time, so only the hidden persons'
/// ids are kept, not every person's.
#[derive(Debug, Default)]
pub struct PublicExport {
    hidden_persons: HashSet<String>,
}

impl PublicExport {
    /// Does the public export include this record?
    pub fn admits(&mut self, record: &Record) -> bool {
        // `event_visibility` with a person either public or hidden.
        let shown = record.visibility().is_public()
            && !matches!(record, Record::Event(e) if self.hidden_persons.contains(&e.person));
        if !shown {
            if let Record::Person(p) = record {
                self.hidden_persons.insert(p.id.clone());
            }
        }
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse_record;

    #[test]
    fn roles_are_ordered_and_see_by_visibility() {
        assert!(Role::Admin > Role::Editor && Role::Editor > Role::Viewer);
        for role in [Role::Viewer, Role::Editor, Role::Admin] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert!(may_see(role, Visibility::Public));
            assert!(may_see(role, Visibility::Restricted));
            assert_eq!(
                may_see(role, Visibility::Confidential),
                role >= Role::Editor
            );
        }
    }

    #[test]
    fn an_event_is_no_more_visible_than_its_person() {
        use Visibility::{Confidential, Public, Restricted};
        assert_eq!(event_visibility(Public, Some(Public)), Public);
        assert_eq!(event_visibility(Public, Some(Restricted)), Restricted);
        assert_eq!(event_visibility(Confidential, Some(Public)), Confidential);
        assert_eq!(event_visibility(Public, None), Confidential);
    }

    #[test]
    fn a_viewer_sees_a_non_public_person_without_health_region_or_full_birth_date() {
        let line = r#"{"type":"person","id":"p1","birth_date":"1962-09-25","region":"Minsk","health":["disability"],"visibility":"restricted","x":1}"#;
        let p = parse_record(line).unwrap();
        let s = shown(&p, Role::Viewer);
        assert_eq!(s.protected, ["health", "region", "birth_date (year only)"]);
        assert_eq!(
            s.record,
            serde_json::json!({"type":"person","id":"p1","birth_date":"1962","visibility":"restricted","x":1})
        );
        let all = shown(&p, Role::Editor);
        assert!(all.protected.is_empty());
        assert_eq!(all.record["region"], "Minsk");
        let public = parse_record(r#"{"type":"person","id":"p2","region":"Minsk"}"#).unwrap();
        assert!(shown(&public, Role::Viewer).protected.is_empty());
    }

    #[test]
    fn the_public_export_drops_hidden_persons_their_events_and_merges() {
        let mut f = PublicExport::default();
        let mut admits = |line: &str| f.admits(&parse_record(line).unwrap().into_record());
        assert!(admits(r#"{"type":"person","id":"p1"}"#));
        assert!(!admits(
            r#"{"type":"person","id":"p2","visibility":"restricted"}"#
        ));
        assert!(admits(
            r#"{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021"}"#
        ));
        assert!(!admits(
            r#"{"type":"event","id":"e2","person":"p2","kind":"detained","date":"2021"}"#
        ));
        assert!(!admits(
            r#"{"type":"event","id":"e3","person":"p1","kind":"detained","date":"2021","visibility":"confidential"}"#
        ));
        assert!(!admits(
            r#"{"type":"merge","id":"merge-p2","keep":"p1","merged":"p2"}"#
        ));
    }
}
