//! `vigil import FILE.csv|.xlsx|.ods`: a monitor's spreadsheet, one person per row, read
//! by `vigil_core::sheet` and stored through the same all-or-nothing import as JSON
//! Lines. Every bad cell is printed as `FILE:ROW:COLUMN: message` and nothing is written;
//! `--dry-run` shows what would be stored.

use std::io::{BufReader, Cursor};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::json;
use vigil_core::record::Visibility;
use vigil_core::sheet::{self, read::Format, Options};

use crate::cli::{Cli, ImportArgs};
use crate::context::run_import;
use crate::output;

/// The spreadsheet format of an import, or `None` for JSON Lines.
pub(super) fn format_of(args: &ImportArgs) -> anyhow::Result<Option<Format>> {
    match args.format.as_deref() {
        Some("jsonl" | "json") => Ok(None),
        Some(f) => Format::parse(f)
            .map(Some)
            .with_context(|| format!("--format {f}: one of jsonl, csv, xlsx, ods")),
        None => Ok(Format::of_name(&args.file)),
    }
}

/// A sheet's new person who is probably someone already in the registry.
struct Double {
    row: usize,
    name: String,
    existing: String,
    existing_name: String,
    score: f64,
}

/// The sheet's persons new to the registry whose names probably duplicate a person
/// already there (the name index, as `vigil duplicates` scores them).
fn probable_duplicates(cli: &Cli, c: &sheet::Converted) -> anyhow::Result<Vec<Double>> {
    let Ok(store) = crate::context::open_existing(cli) else {
        return Ok(Vec::new());
    };
    let existing = super::names::person_entries(&*store)?;
    if existing.is_empty() {
        return Ok(Vec::new());
    }
    let known: std::collections::HashSet<String> = existing.iter().map(|e| e.id.clone()).collect();
    let mut rows = std::collections::HashMap::new();
    let mut fresh = Vec::new();
    for (row, line) in &c.lines {
        let Ok(parsed) = vigil_core::record::parse_record(line) else {
            continue;
        };
        if let vigil_core::record::Record::Person(p) = parsed.into_record() {
            if !known.contains(&p.id) {
                rows.insert(p.id.clone(), *row);
                fresh.push(vigil_core::search::Entry::of(&p));
            }
        }
    }
    if fresh.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = fresh.iter().map(|e| e.id.clone()).collect();
    let index = vigil_core::search::NameIndex::build(existing.into_iter().chain(fresh));
    let mut out = Vec::new();
    for id in ids {
        if let Some(d) = index
            .duplicates_of(&id, vigil_core::search::DUPLICATE_FROM)
            .into_iter()
            .find(|d| known.contains(&d.b))
        {
            out.push(Double {
                row: rows[&id],
                name: d.names[0].clone(),
                existing: d.b.clone(),
                existing_name: d.names[1].clone(),
                score: d.score,
            });
        }
    }
    out.sort_by_key(|d| d.row);
    Ok(out)
}

pub(super) fn import(cli: &Cli, args: &ImportArgs, format: Format) -> anyhow::Result<ExitCode> {
    let file = &args.file;
    let bytes = if file == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)?;
        b
    } else {
        std::fs::read(file).with_context(|| format!("opening {file}"))?
    };
    let mapping = match &args.mapping {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("reading the mapping {}", p.display()))?;
            sheet::parse_mapping(&text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
        }
        None => std::collections::BTreeMap::new(),
    };
    let visibility = match args.visibility.as_deref() {
        Some(v) => Some(Visibility::parse(v).with_context(|| {
            format!("--visibility {v}: one of public, restricted, confidential")
        })?),
        None => None,
    };
    let options = Options {
        country: args.country.clone(),
        mapping,
        visibility,
    };
    let rows = match sheet::read::rows(&bytes, format) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{file}: {e}");
            eprintln!("vigil: {file} was not read; nothing was imported");
            return Ok(ExitCode::FAILURE);
        }
    };
    let converted = match sheet::convert(&rows, &options) {
        Ok(c) => c,
        Err(errors) => {
            if cli.json {
                output::json(&json!({ "errors": errors }))?;
            }
            for e in &errors {
                eprintln!(
                    "{file}:{}:{}: {}",
                    e.row,
                    output::visible(&e.column),
                    output::visible(&e.message)
                );
            }
            eprintln!(
                "vigil: {} bad cell(s) in {file}; nothing was imported",
                errors.len()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    for h in &converted.unknown_headers {
        eprintln!(
            "warning: {file}: the column '{}' is not read (no field vigil knows; map it with --mapping)",
            output::visible(h)
        );
    }
    if converted.default_visibility > 0 {
        eprintln!(
            "note: {} person(s) have no visibility in the sheet and are stored {} (--visibility, or a Visibility column, says otherwise)",
            converted.default_visibility,
            options.visibility.unwrap_or(Visibility::Restricted)
        );
    }
    let doubles = probable_duplicates(cli, &converted)?;
    for d in &doubles {
        eprintln!(
            "{file}:{}: '{}' is probably {} ('{}'), score {:.2}",
            d.row,
            output::visible(&d.name),
            output::visible(&d.existing),
            output::visible(&d.existing_name),
            d.score
        );
    }
    if !doubles.is_empty() && !args.dry_run && !args.new {
        eprintln!(
            "vigil: {} row(s) of {file} probably duplicate persons already in the registry; nothing was imported. Fix the sheet (give the row the existing id), or import with --new and merge later (vigil duplicates, vigil merge)",
            doubles.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    if args.dry_run {
        if cli.json {
            output::json(&json!({
                "persons": converted.persons, "events": converted.events,
                "unknown_headers": converted.unknown_headers, "lines": converted.lines.len(),
            }))?;
        } else {
            let kinds: Vec<String> = converted
                .events
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            output::line(&format!(
                "{file}: would store {} person(s) and {} event(s) ({}); nothing was written (--dry-run)",
                converted.persons,
                converted.events.values().sum::<usize>(),
                if kinds.is_empty() { "none".to_string() } else { kinds.join(", ") }
            ))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for (_, l) in &converted.lines {
        text.push_str(l);
        text.push('\n');
    }
    let size = text.len() as u64;
    let mut input = BufReader::new(Cursor::new(text.into_bytes()));
    match run_import(cli, &mut input, Some(size), args.update, &args.who)? {
        Ok(r) => {
            let head = r.head.expect("set on success");
            if cli.json {
                output::json(&json!({
                    "rows": converted.persons, "lines": r.lines, "added": r.added, "corrected": r.corrected,
                    "unchanged": r.unchanged, "entries": head.entries, "head": head.hash.to_hex(),
                }))?;
            } else {
                output::line(&format!(
                    "{file}: {} person(s); {} record(s) added, {} corrected, {} unchanged; log at entry {}, head {}",
                    converted.persons, r.added, r.corrected, r.unchanged, head.entries, head.hash
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            // A line the store refused (a record already there with other content, …):
            // named by the sheet row it came from.
            for e in &errors {
                let row = converted
                    .lines
                    .get(e.line.saturating_sub(1))
                    .map_or(0, |(row, _)| *row);
                eprintln!("{file}:{row}: {}", output::visible(&e.message));
            }
            eprintln!(
                "vigil: {} bad row(s) in {file}; nothing was imported",
                errors.len()
            );
            Ok(ExitCode::FAILURE)
        }
    }
}
