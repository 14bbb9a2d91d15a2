//! Proposals as interchange records: `normalise` (the one form a text is read in and its
//! proposals' ids are hashed from) and `proposed_records`, which turns an extraction into
//! the JSON lines `vigil import` takes.

use super::Extraction;

/// A report's text in the one form its reading and its proposals' ids derive from: a
/// leading byte order mark dropped, Unicode NFC, every line break (CRLF, CR, LF, NEL,
/// U+2028, U+2029) one LF, every run of other whitespace one space, each line trimmed and
/// blank lines dropped. The same report saved by an editor (LF), pasted in a browser
/// (CRLF), re-spaced or decomposed (NFD) is one text. Sentences do not cross lines, so
/// line breaks are kept.
#[must_use]
pub fn normalise(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let nfc: String = text.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    for line in nfc.split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(first);
        for w in words {
            out.push(' ');
            out.push_str(w);
        }
    }
    out
}

/// Where a report came from, for the source record of its proposals.
#[derive(Debug, Clone, Default)]
pub struct SourceInfo {
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// As given (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
}

/// Why proposals cannot become records.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProposalError {
    #[error("no date for {}: give the report's date", .0.join(", "))]
    NoDate(Vec<String>),
    #[error("proposed {0}: {1}")]
    Invalid(String, String),
}

/// The records an editor confirms: a source for the report, then the announcements and
/// figures citing it, in the interchange format. Ids derive from the [`normalise`]d text,
/// so confirming the same report twice — from a file, pasted in a browser — proposes the
/// same records, and storing them again adds nothing. Every one is valid interchange.
pub fn proposed_records(
    text: &str,
    x: &Extraction,
    source: &SourceInfo,
) -> Result<Vec<serde_json::Value>, ProposalError> {
    use serde_json::{json, Map, Value};
    let text = normalise(text);
    let digest = crate::chain::Hash::of_body(&text).to_hex();
    let prefix = format!("x{}", &digest[..10]);
    let source_id = format!("{prefix}-source");
    let mut src = Map::new();
    src.insert("type".into(), "source".into());
    src.insert("id".into(), source_id.clone().into());
    if let Some(title) = text.lines().map(str::trim).find(|l| !l.is_empty()) {
        src.insert(
            "title".into(),
            title.chars().take(200).collect::<String>().into(),
        );
    }
    for (k, v) in [
        ("publisher", &source.publisher),
        ("url", &source.url),
        ("published", &source.date),
    ] {
        if let Some(v) = v {
            src.insert(k.into(), v.clone().into());
        }
    }
    let with_id = |v: Value, id: String| {
        let mut v = v;
        let o = v.as_object_mut().expect("records serialise as objects");
        o.insert("id".into(), id.into());
        o.insert("sources".into(), json!([source_id.clone()]));
        v
    };
    let mut out = vec![Value::Object(src)];
    let mut missing = Vec::new();
    for (i, a) in x.announcements.iter().enumerate() {
        if a.date.is_none() {
            missing.push(format!("the {} of {}", a.kind, a.total));
        }
        let v = serde_json::to_value(a).expect("a proposal serialises");
        out.push(with_id(v, format!("{prefix}-a{}", i + 1)));
    }
    for (i, f) in x.figures.iter().enumerate() {
        if f.as_of.is_none() {
            missing.push(format!(
                "the figure {} {}",
                f.metric,
                crate::format::thousands(f.value)
            ));
        }
        let v = serde_json::to_value(f).expect("a proposal serialises");
        out.push(with_id(v, format!("{prefix}-f{}", i + 1)));
    }
    if !missing.is_empty() {
        return Err(ProposalError::NoDate(missing));
    }
    for r in &out {
        crate::record::parse_value(r.clone())
            .map_err(|e| ProposalError::Invalid(r["id"].to_string(), e.to_string()))?;
    }
    Ok(out)
}
