//! A monitor's spreadsheet, one row per person, turned into interchange records: the
//! person and the dated events its cells give (detained, recognized, sentenced,
//! released), with ids that stay the same when the same sheet is read again. Headers are
//! recognised in English, Russian and Belarusian (CONTRACT.md's table; `--mapping` adds
//! others); every bad cell is named by its row, as the spreadsheet numbers it, and its
//! column's header, and a sheet with any is refused whole.
//!
//! Reading the file's bytes (CSV, XLSX, ODS) is `read.rs`; this file sees rows of text.

pub mod cells;
pub mod ftm;
mod headers;
pub mod places;
pub mod problem;
pub mod read;
pub mod tables;
mod template;
pub mod write;

pub use template::{choices, template_headers};

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use headers::HEADERS;
pub use problem::{Needs, Problem};

use crate::chain::Hash;
use crate::record::Visibility;

/// A field a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Id,
    Name,
    /// The name as written in Belarusian, in Russian, and in the Latin alphabet: a
    /// spelling of the same name in another script or language, kept beside it.
    NameBe,
    NameRu,
    NameLatin,
    Sex,
    BirthDate,
    Country,
    Region,
    Roles,
    Health,
    Detained,
    Charged,
    Recognized,
    RecognizedBy,
    Articles,
    SentenceDate,
    Sentence,
    Regime,
    Place,
    Released,
    ReleaseReason,
    Visibility,
    Source,
    /// The verdict's court, judge, prosecutor and counsel, as written.
    Court,
    Judge,
    Prosecutor,
    Counsel,
    /// The day the term counts from (Viasna's "penalty start date").
    TermStart,
    /// The appeal: the ruling's date, the appeal court, the outcome.
    AppealDate,
    AppealCourt,
    AppealOutcome,
    /// The term after an appeal that reduced or increased it.
    AppealTerm,
}

impl Field {
    /// The field's name in a `--mapping` file and in messages.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::NameBe => "name_be",
            Field::NameRu => "name_ru",
            Field::NameLatin => "name_latin",
            Field::Sex => "sex",
            Field::BirthDate => "birth_date",
            Field::Country => "country",
            Field::Region => "region",
            Field::Roles => "roles",
            Field::Health => "health",
            Field::Charged => "charged",
            Field::Detained => "detained",
            Field::Recognized => "recognized",
            Field::RecognizedBy => "recognized_by",
            Field::Articles => "articles",
            Field::SentenceDate => "sentence_date",
            Field::Sentence => "sentence",
            Field::Regime => "regime",
            Field::Place => "place",
            Field::Released => "released",
            Field::ReleaseReason => "release_reason",
            Field::Visibility => "visibility",
            Field::Source => "source",
            Field::Court => "court",
            Field::Judge => "judge",
            Field::Prosecutor => "prosecutor",
            Field::Counsel => "counsel",
            Field::TermStart => "term_start",
            Field::AppealDate => "appeal_date",
            Field::AppealCourt => "appeal_court",
            Field::AppealOutcome => "appeal_outcome",
            Field::AppealTerm => "appeal_term",
        }
    }

    /// Every field, for `--mapping` and the template.
    pub const ALL: [Field; 33] = [
        Field::Id,
        Field::Name,
        Field::NameBe,
        Field::NameRu,
        Field::NameLatin,
        Field::Sex,
        Field::BirthDate,
        Field::Country,
        Field::Region,
        Field::Roles,
        Field::Health,
        Field::Detained,
        Field::Charged,
        Field::Recognized,
        Field::RecognizedBy,
        Field::Articles,
        Field::SentenceDate,
        Field::Sentence,
        Field::Regime,
        Field::Place,
        Field::Released,
        Field::ReleaseReason,
        Field::Visibility,
        Field::Source,
        Field::Court,
        Field::Judge,
        Field::Prosecutor,
        Field::Counsel,
        Field::TermStart,
        Field::AppealDate,
        Field::AppealCourt,
        Field::AppealOutcome,
        Field::AppealTerm,
    ];

    /// A field by its `--mapping` name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == s.trim())
    }
}

fn normal(header: &str) -> String {
    header
        .trim()
        .trim_end_matches(':')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The field a header stands for: the mapping's word first, then the recognised names.
#[must_use]
pub fn field_of(header: &str, mapping: &BTreeMap<String, Field>) -> Option<Field> {
    let h = normal(header);
    if let Some(f) = mapping.get(&h) {
        return Some(*f);
    }
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&h.as_str()))
        .map(|(f, _)| *f)
}

/// The field a column with `header` is read as under `mapping` (a `--mapping` file's):
/// `None` for a column mapped to `ignore` or that stands for nothing vigil knows.
#[must_use]
pub fn column_field(header: &str, mapping: &BTreeMap<String, Option<Field>>) -> Option<Field> {
    match mapping.get(&normal(header)) {
        Some(f) => *f,
        None => field_of(header, &BTreeMap::new()),
    }
}

/// A `--mapping` file: one `HEADER = field` per line (`#` starts a comment); a field
/// named `ignore` drops the column. Refused with the line that is wrong.
pub fn parse_mapping(text: &str) -> Result<BTreeMap<String, Option<Field>>, String> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((header, field)) = line.rsplit_once('=') else {
            return Err(format!("line {}: write HEADER = field", i + 1));
        };
        let field = field.trim();
        let f = if field == "ignore" {
            None
        } else {
            Some(Field::parse(field).ok_or_else(|| {
                format!(
                    "line {}: '{field}' is not a field; the fields are {}, or ignore",
                    i + 1,
                    Field::ALL.map(Field::as_str).join(", ")
                )
            })?)
        };
        out.insert(normal(header), f);
    }
    Ok(out)
}

/// How a sheet is read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The country of rows that give none.
    pub country: Option<String>,
    /// Headers mapped by hand (`--mapping`): to a field, or `None` to drop the column.
    pub mapping: BTreeMap<String, Option<Field>>,
    /// The visibility of persons whose row gives none.
    pub visibility: Option<Visibility>,
    /// The places already stored: a place cell naming one is that place, not a new one.
    pub places: places::KnownPlaces,
}

/// A bad cell: its row as the spreadsheet numbers it (the header is row 1), its
/// column's header, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CellError {
    pub row: usize,
    pub column: String,
    /// In English (the CLI's words); [`CellError::problem`] says it as data.
    pub message: String,
    /// What is wrong, for a reader in another language; `None` for a refusal that came
    /// from elsewhere (the import's check of the records a sheet gave).
    #[serde(skip)]
    pub problem: Option<Problem>,
}

impl CellError {
    #[must_use]
    pub fn new(row: usize, column: &str, problem: Problem) -> CellError {
        CellError {
            row,
            column: column.to_string(),
            message: problem.to_string(),
            problem: Some(problem),
        }
    }
}

/// What a sheet gives: interchange lines, each with the sheet row it came from.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    pub lines: Vec<(usize, String)>,
    pub persons: usize,
    pub events: BTreeMap<&'static str, usize>,
    /// Headers that stand for nothing vigil knows (their columns are not read).
    pub unknown_headers: Vec<String>,
    /// Persons stored without a visibility of their own (the default applies).
    pub default_visibility: usize,
    /// Persons with no recognition date: not counted as political prisoners (the
    /// counting rule) until one is recorded.
    pub unrecognized: usize,
    /// Rows whose sentence (term, articles, regime) has no date: kept with the detention.
    pub undated_sentences: usize,
}

/// Turns a sheet (its first row the headers) into records. All bad cells are reported,
/// and any makes the whole sheet refused.
pub fn convert(rows: &[Vec<String>], options: &Options) -> Result<Converted, Vec<CellError>> {
    let Some((header, body)) = rows.split_first() else {
        return Err(vec![CellError::new(1, "", Problem::Empty)]);
    };
    let mut columns: Vec<Option<Field>> = Vec::with_capacity(header.len());
    let mut out = Converted::default();
    let mut errors = Vec::new();
    for h in header {
        let dropped = options.mapping.get(&normal(h)) == Some(&None);
        let f = column_field(h, &options.mapping);
        if f.is_none() && !dropped && !h.trim().is_empty() {
            out.unknown_headers.push(h.trim().to_string());
        }
        if let Some(f) = f {
            if columns.contains(&Some(f)) {
                errors.push(CellError::new(
                    1,
                    h.trim(),
                    Problem::SecondColumn { field: f.as_str() },
                ));
            }
        }
        columns.push(f);
    }
    if !columns.contains(&Some(Field::Name)) && !columns.contains(&Some(Field::Id)) {
        errors.push(CellError::new(1, "", Problem::NoNameColumn));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut ids: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut new_places = places::SheetPlaces::default();
    let mut emitted: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (i, row) in body.iter().enumerate() {
        let row_number = i + 2;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |f: Field| -> Option<(&str, &str)> {
            let ix = columns.iter().position(|c| *c == Some(f))?;
            let text = row.get(ix).map_or("", |s| s.trim());
            (!text.is_empty()).then(|| (text, header[ix].trim()))
        };
        let column_of = |f: Field| -> &str {
            columns
                .iter()
                .position(|c| *c == Some(f))
                .map_or(f.as_str(), |ix| header[ix].trim())
        };
        match person_of(row_number, &cell, &column_of, options, &mut new_places) {
            Ok((id, lines, kinds, defaulted)) => {
                let signature = lines.join("\n");
                if let Some((first_row, first)) = ids.get(&id) {
                    if *first != signature {
                        let column = cell(Field::Id)
                            .map_or_else(|| "name".to_string(), |(_, h)| h.to_string());
                        errors.push(CellError::new(
                            row_number,
                            &column,
                            Problem::SameId {
                                id: id.clone(),
                                first_row: *first_row,
                            },
                        ));
                    }
                    continue;
                }
                ids.insert(id, (row_number, signature));
                out.persons += 1;
                out.default_visibility += usize::from(defaulted);
                out.unrecognized += usize::from(!kinds.contains(&"recognized"));
                out.undated_sentences += usize::from(
                    cell(Field::SentenceDate).is_none()
                        && [Field::Sentence, Field::Articles, Field::Regime]
                            .into_iter()
                            .any(|f| cell(f).is_some()),
                );
                for k in kinds {
                    *out.events.entry(k).or_default() += 1;
                }
                // A line another row already gave (the record of a new place several
                // rows name) is written once.
                for l in lines {
                    if emitted.insert(l.clone()) {
                        out.lines.push((row_number, l));
                    }
                }
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// One row's records: (person id, lines, the kinds of its events, whether the default
/// visibility applied), or its bad cells.
#[allow(clippy::type_complexity)]
fn person_of<'a>(
    row: usize,
    cell: &dyn Fn(Field) -> Option<(&'a str, &'a str)>,
    column_of: &dyn Fn(Field) -> &'a str,
    options: &Options,
    new_places: &mut places::SheetPlaces,
) -> Result<(String, Vec<String>, Vec<&'static str>, bool), Vec<CellError>> {
    let mut errors = Vec::new();
    let mut bad = |column: &str, problem: Problem| {
        errors.push(CellError::new(row, column, problem));
    };
    let name = cell(Field::Name).map(|(n, _)| n);
    let mut person = Map::new();
    person.insert("type".into(), "person".into());
    if let Some(n) = name {
        let mut names = vec![json!({ "text": n })];
        for (f, lang, script) in [
            (Field::NameBe, Some("be"), None),
            (Field::NameRu, Some("ru"), None),
            (Field::NameLatin, None, Some("Latn")),
        ] {
            if let Some((text, _)) = cell(f).filter(|(t, _)| *t != n) {
                let mut one = json!({ "text": text });
                if let Some(l) = lang {
                    one["lang"] = l.into();
                }
                if let Some(sc) = script {
                    one["script"] = sc.into();
                }
                names.push(one);
            }
        }
        person.insert("names".into(), names.into());
    }
    let date_of = |f: Field, bad: &mut dyn FnMut(&str, Problem)| -> Option<String> {
        let (text, column) = cell(f)?;
        match cells::date(text) {
            Ok(d) => Some(d.to_string()),
            Err(e) => {
                bad(column, e);
                None
            }
        }
    };
    if let Some((text, column)) = cell(Field::Sex) {
        match cells::sex(text) {
            Ok(s) => {
                person.insert("sex".into(), s.as_str().into());
            }
            Err(e) => bad(column, e),
        }
    }
    if let Some(d) = date_of(Field::BirthDate, &mut bad) {
        person.insert("birth_date".into(), d.into());
    }
    let country = cell(Field::Country)
        .map(|(c, _)| c.to_string())
        .or_else(|| options.country.clone());
    if let Some(c) = &country {
        person.insert("country".into(), c.clone().into());
    }
    if let Some((r, _)) = cell(Field::Region) {
        person.insert("region".into(), r.into());
    }
    if let Some((r, _)) = cell(Field::Roles) {
        let roles: Vec<String> = r
            .split([',', ';'])
            .map(|x| x.trim().to_lowercase().replace(' ', "_"))
            .filter(|x| !x.is_empty())
            .collect();
        person.insert("roles".into(), roles.into());
    }
    if let Some((text, column)) = cell(Field::Health) {
        match cells::health(text) {
            Ok(h) => {
                person.insert(
                    "health".into(),
                    h.iter().map(|x| x.as_str()).collect::<Vec<_>>().into(),
                );
            }
            Err(e) => bad(column, e),
        }
    }
    let mut defaulted = false;
    if let Some((text, column)) = cell(Field::Visibility) {
        match cells::visibility(text) {
            Ok(v) => {
                person.insert("visibility".into(), v.as_str().into());
            }
            Err(e) => bad(column, e),
        }
    } else {
        defaulted = true;
        let v = options.visibility.unwrap_or(Visibility::Restricted);
        person.insert("visibility".into(), v.as_str().into());
    }
    // The id: the sheet's, or one made from who the row is (name, birth date, country),
    // so reading the same sheet again finds the same persons.
    // Every row names its person: a row of an id alone would store (or, as a correction,
    // turn a stored person into) a person without a name.
    let Some(n) = name else {
        bad(column_of(Field::Name), Problem::NoName);
        return Err(errors);
    };
    let id = if let Some((id, _)) = cell(Field::Id) {
        id.to_string()
    } else {
        let identity = json!([n.to_lowercase(), person.get("birth_date"), country]);
        format!("p-{}", &Hash::of_body(&identity.to_string()).to_hex()[..16])
    };
    person.insert("id".into(), id.clone().into());
    let source = cell(Field::Source).map(|(s, _)| s.to_string());
    let source_id = source
        .as_ref()
        .map(|s| format!("s-{}", &Hash::of_body(s).to_hex()[..16]));
    let mut lines = Vec::new();
    if let (Some(s), Some(sid)) = (&source, &source_id) {
        let mut src = json!({ "type": "source", "id": sid });
        if s.starts_with("https://") || s.starts_with("http://") {
            src["url"] = s.clone().into();
        } else {
            src["publisher"] = s.clone().into();
        }
        lines.push(src.to_string());
    }
    lines.push(Value::Object(person).to_string());
    let mut kinds = Vec::new();
    let mut event = |kind: &'static str, date: String, details: Map<String, Value>| {
        let mut e = json!({ "type": "event", "id": format!("{id}-{kind}"), "person": id, "kind": kind, "date": date });
        if !details.is_empty() {
            e["details"] = Value::Object(details);
        }
        if let Some(sid) = &source_id {
            e["sources"] = json!([sid]);
        }
        lines.push(e.to_string());
        kinds.push(kind);
    };
    let place = cell(Field::Place).map(|(p, _)| p.to_string());
    // The place: a stored one its cell names, or a new place record (one per name and
    // country, so every row naming it points at the same one).
    let place_target = match cell(Field::Place) {
        None => None,
        Some((text, column)) => {
            let spelling = new_places.spelling(text, country.as_deref());
            let made = places::made_id(&spelling, country.as_deref());
            match options.places.find(text, country.as_deref(), &made) {
                places::Found::Stored(id) => Some((id, None)),
                places::Found::New => Some((made, Some(spelling))),
                places::Found::Several(ids) => {
                    bad(
                        column,
                        Problem::SeveralPlaces {
                            text: text.to_string(),
                            ids,
                        },
                    );
                    None
                }
            }
        }
    };
    let detained = date_of(Field::Detained, &mut bad);
    let charged = date_of(Field::Charged, &mut bad);
    let recognized = date_of(Field::Recognized, &mut bad);
    let sentence_date = date_of(Field::SentenceDate, &mut bad);
    let released = date_of(Field::Released, &mut bad);
    let term_start = date_of(Field::TermStart, &mut bad);
    let appeal_date = date_of(Field::AppealDate, &mut bad);
    let appeal_term = parsed(cell(Field::AppealTerm), cells::term_months, &mut bad);
    let appeal_outcome = parsed(cell(Field::AppealOutcome), cells::appeal_outcome, &mut bad);
    let term = parsed(cell(Field::Sentence), cells::term_months, &mut bad);
    let regime = match cell(Field::Regime) {
        Some((text, column)) => match cells::regime(text) {
            Ok(r) => Some(r),
            Err(e) => {
                bad(column, e);
                None
            }
        },
        None => None,
    };
    let reason = match cell(Field::ReleaseReason) {
        Some((text, column)) => match cells::release_reason(text) {
            Ok(r) => Some(r),
            Err(e) => {
                bad(column, e);
                None
            }
        },
        None => None,
    };
    // A fact whose event has no date has nowhere to go: said, not dropped.
    let undated = |f: Field, needs: Needs| -> Option<(String, Problem)> {
        cell(f).map(|(text, column)| {
            (
                column.to_string(),
                Problem::Undated {
                    text: text.to_string(),
                    needs,
                },
            )
        })
    };
    let mut undated_facts = Vec::new();
    // (A date cell that is there but wrong is reported as such, not as missing.)
    if cell(Field::Recognized).is_none() {
        undated_facts.extend(undated(Field::RecognizedBy, Needs::RecognitionDate));
    }
    if cell(Field::Released).is_none() {
        undated_facts.extend(undated(Field::ReleaseReason, Needs::ReleaseDate));
    }
    if cell(Field::SentenceDate).is_none() && cell(Field::Detained).is_none() {
        for f in [
            Field::Sentence,
            Field::Articles,
            Field::Regime,
            Field::Place,
        ] {
            undated_facts.extend(undated(f, Needs::SentenceOrDetentionDate));
        }
    }
    // The verdict's facts and its appeal go on the sentence: they need its date.
    if cell(Field::SentenceDate).is_none() {
        for f in [
            Field::Court,
            Field::Judge,
            Field::Prosecutor,
            Field::Counsel,
            Field::TermStart,
            Field::AppealDate,
            Field::AppealCourt,
            Field::AppealOutcome,
            Field::AppealTerm,
        ] {
            undated_facts.extend(undated(f, Needs::SentenceDate));
        }
    }
    for (column, problem) in undated_facts {
        bad(&column, problem);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let transfer_day = sentence_date.clone().or_else(|| detained.clone());
    let articles = cell(Field::Articles)
        .map(|(a, _)| cells::articles(a))
        .filter(|a| !a.is_empty());
    let mut place_line = None;
    if let Some(d) = detained {
        let mut details = Map::new();
        if let (Some(p), None) = (&place, &sentence_date) {
            details.insert("place".into(), p.clone().into());
        }
        // A sentence without its date is kept with the detention it follows.
        if sentence_date.is_none() {
            if let Some(t) = term {
                details.insert("term_months".into(), t.into());
            }
            if let Some(a) = &articles {
                details.insert("articles".into(), a.clone().into());
            }
            if let Some((r, _)) = cell(Field::Regime) {
                details.insert("regime".into(), r.into());
            }
        }
        event("detained", d, details);
    }
    if let Some(d) = charged {
        event("charged", d, Map::new());
    }
    if let Some(d) = recognized {
        let mut details = Map::new();
        if let Some((by, _)) = cell(Field::RecognizedBy) {
            details.insert("by".into(), by.into());
        }
        event("recognized", d, details);
    }
    if let Some(d) = sentence_date {
        let mut details = Map::new();
        if let Some(t) = term {
            details.insert("term_months".into(), t.into());
        }
        if let Some(a) = articles {
            details.insert("articles".into(), a.into());
        }
        if let Some(r) = regime {
            details.insert("regime".into(), r.as_str().into());
        }
        if let Some(p) = &place {
            details.insert("place".into(), p.clone().into());
        }
        for (f, key) in [
            (Field::Court, "court"),
            (Field::Judge, "judge"),
            (Field::Prosecutor, "prosecutor"),
            (Field::Counsel, "counsel"),
        ] {
            if let Some((text, _)) = cell(f) {
                details.insert(key.into(), text.into());
            }
        }
        if let Some(t) = term_start {
            details.insert("term_start".into(), t.into());
        }
        let mut appeal = Map::new();
        if let Some(a) = appeal_date {
            appeal.insert("date".into(), a.into());
        }
        if let Some((court, _)) = cell(Field::AppealCourt) {
            appeal.insert("court".into(), court.into());
        }
        if let Some(o) = appeal_outcome {
            appeal.insert("outcome".into(), o.as_str().into());
        }
        if let Some(t) = appeal_term {
            appeal.insert("term_months".into(), t.into());
        }
        if !appeal.is_empty() {
            details.insert("appeal".into(), Value::Object(appeal));
        }
        event("sentenced", d, details);
    }
    // A transfer to the place on the day of the sentence, or of the detention when no
    // sentence is given; a place no stored record names becomes a place record.
    if let (Some((place_id, new_name)), Some(d)) = (place_target, transfer_day) {
        if let Some(p) = new_name {
            let mut record = json!({
                "type": "place",
                "id": place_id,
                "names": [{ "text": p }],
                "kind": cells::place_kind(&p).as_str(),
            });
            if let Some(c) = &country {
                record["country"] = c.clone().into();
            }
            place_line = Some(record.to_string());
        }
        let mut details = Map::new();
        details.insert("place".into(), place_id.into());
        event("transferred", d, details);
    }
    if let Some(d) = released {
        let mut details = Map::new();
        if let Some(r) = reason {
            details.insert("reason".into(), r.as_str().into());
        }
        event("released", d, details);
    }
    lines.extend(place_line);
    Ok((id, lines, kinds, defaulted))
}

#[cfg(test)]
mod tests;

/// A cell read by `parse`; its problem marked at its column.
fn parsed<T>(
    cell: Option<(&str, &str)>,
    parse: impl Fn(&str) -> Result<T, Problem>,
    bad: &mut dyn FnMut(&str, Problem),
) -> Option<T> {
    let (text, column) = cell?;
    parse(text).map_err(|e| bad(column, e)).ok()
}
