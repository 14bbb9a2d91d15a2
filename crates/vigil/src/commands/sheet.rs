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
use vigil_store::sheet::Refused;

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
        ..Options::default()
    };
    // A registry that is not there yet has no one to be duplicated.
    let existing = crate::context::open_existing(cli).ok();
    let registry = existing.as_deref().map(|s| s as &dyn vigil_store::Store);
    let mut same = Vec::new();
    for pair in &args.same {
        match pair
            .split_once('=')
            .map(|(r, p)| (r.trim().parse::<usize>(), p.trim()))
        {
            Some((Ok(row), person)) if !person.is_empty() => same.push((row, person.to_string())),
            _ => {
                eprintln!("vigil: --same '{}': write ROW=PERSON, e.g. --same 14=p1 (the sheet's row number, the stored person's id)", output::visible(pair));
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    let mut plan = match vigil_store::sheet::plan(registry, &bytes, format, &options, args.update)?
    {
        Ok(p) => p,
        Err(Refused::Unreadable(e)) => {
            eprintln!("{file}: {e}");
            eprintln!("vigil: {file} was not read; nothing was imported");
            return Ok(ExitCode::FAILURE);
        }
        Err(Refused::Cells(errors)) => {
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
    drop(existing);
    if let Err(row) = plan.merge_doubles(&same) {
        eprintln!(
            "{file}:{row}: --same names a person this row is not listed as probably being (see the rows listed without --same); nothing was imported"
        );
        return Ok(ExitCode::FAILURE);
    }
    let converted = &plan.converted;
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
    if converted.unrecognized > 0 {
        eprintln!(
            "note: {} person(s) have no recognition date: they are not counted as political prisoners until one is recorded (a Recognized column)",
            converted.unrecognized
        );
    }
    if converted.undated_sentences > 0 {
        eprintln!(
            "note: {} row(s) give a sentence without its date: its term, articles and regime are kept with the detention",
            converted.undated_sentences
        );
    }
    let doubles = &plan.doubles;
    for d in doubles {
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
            "vigil: {} row(s) of {file} probably duplicate persons already in the registry; nothing was imported. Say which are the same person with --same ROW=PERSON (merged in the same import), or import them all as new with --new",
            doubles.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    let c = &plan.changes;
    for k in &c.conflicts {
        eprintln!(
            "{file}:{}: {} '{}' is already stored with other content; with --update the row is a correction",
            plan.row_of(k.line),
            k.rtype,
            output::visible(&k.id)
        );
    }
    if args.dry_run {
        if cli.json {
            output::json(&json!({
                "persons": converted.persons, "events": converted.events,
                "unknown_headers": converted.unknown_headers, "records": converted.lines.len(),
                "added": c.added, "corrected": c.corrected, "unchanged": c.unchanged,
                "conflicts": c.conflicts, "probable_duplicates": doubles,
            }))?;
        } else {
            let kinds: Vec<String> = converted
                .events
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            output::line(&format!(
                "{file}: would store {} person(s) and {} event(s) ({}): {} record(s) new, {} corrected, {} unchanged; nothing was written (--dry-run)",
                converted.persons,
                converted.events.values().sum::<usize>(),
                if kinds.is_empty() { "none".to_string() } else { kinds.join(", ") },
                c.added,
                c.corrected,
                c.unchanged,
            ))?;
        }
        // The import would be refused: say so in the status too.
        let refused = !c.conflicts.is_empty() || (!doubles.is_empty() && !args.new);
        if refused {
            eprintln!("vigil: as it is, importing {file} would be refused (the rows above); nothing was written");
        }
        return Ok(if refused {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        });
    }
    let text = plan.jsonl();
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
                let row = plan.row_of(e.line);
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
