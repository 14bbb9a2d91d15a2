//! The registry as tables: `vigil export --format csv --out DIR` (one CSV per record type
//! and `dictionary.csv`) and `--format xlsx --out FILE.xlsx` (the same as sheets), and
//! reading such an export back (`vigil import DIR` or `vigil import FILE.xlsx` whose
//! sheets are the tables), so export → import → export gives the same tables.

use std::io::{BufReader, Cursor, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use vigil_core::record::{parse_record, RecordType};
use vigil_core::sheet::read::{self, Format};
use vigil_core::sheet::tables::{self, Table};
use vigil_store::Store;

use crate::cli::{Cli, ImportArgs};
use crate::context::{create_output, run_import};
use crate::output;

/// The tables of a store (only what the public may see with `public`).
pub(super) fn collect(store: &dyn Store, public: bool) -> anyhow::Result<Vec<(RecordType, Table)>> {
    let mut out = tables::empty();
    let mut filter = vigil_core::access::PublicExport::default();
    let mut bad = None;
    store.export(&mut |t, body| {
        if public
            && matches!(
                t,
                RecordType::Person | RecordType::Event | RecordType::Merge
            )
        {
            let record = parse_record(body)
                .map_err(|e| vigil_store::StoreError::Damaged(e.to_string()))?
                .into_record();
            if !filter.admits(&record) {
                return Ok(());
            }
        }
        match tables::row(t, body) {
            Ok(row) => {
                if let Some((_, table)) = out.iter_mut().find(|(tt, _)| *tt == t) {
                    table.rows.push(row);
                }
            }
            Err(e) => bad = Some(e),
        }
        Ok(())
    })?;
    if let Some(e) = bad {
        anyhow::bail!("a stored record cannot be written as a row: {e}");
    }
    Ok(out)
}

/// Writes the FollowTheMoney entities of the store, one per line (only what the public
/// may see with `public`); returns how many.
pub(super) fn write_ftm(
    store: &dyn Store,
    out: &mut dyn Write,
    public: bool,
) -> anyhow::Result<usize> {
    let mut filter = vigil_core::access::PublicExport::default();
    let mut lines: Vec<(RecordType, String)> = Vec::new();
    store.export(&mut |t, body| {
        lines.push((t, body.to_string()));
        Ok(())
    })?;
    let mut n = 0;
    let mut written = std::collections::HashSet::new();
    for t in vigil_core::sheet::ftm::TYPES {
        for (_, body) in lines.iter().filter(|(lt, _)| *lt == t) {
            let record = parse_record(body)
                .map_err(|e| anyhow::anyhow!("a stored record no longer parses: {e}"))?
                .into_record();
            if public && !filter.admits(&record) {
                continue;
            }
            let stored: serde_json::Value = serde_json::from_str(body)?;
            for e in vigil_core::sheet::ftm::entities(&record, &stored) {
                // A place or an issuer several records name is written once.
                if written.insert(e["id"].as_str().unwrap_or_default().to_string()) {
                    writeln!(out, "{e}")?;
                    n += 1;
                }
            }
        }
    }
    Ok(n)
}

fn dictionary() -> Table {
    Table {
        header: vec!["table".into(), "column".into(), "meaning".into()],
        rows: tables::dictionary().into_iter().map(Vec::from).collect(),
    }
}

/// Writes the tables as CSV files in `dir` (made if missing).
pub(super) fn write_csv(
    cli: &Cli,
    dir: &Path,
    tables: &[(RecordType, Table)],
    public: bool,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut all: Vec<(&str, &Table)> = tables
        .iter()
        .map(|(t, table)| (tables::table_name(*t), table))
        .collect();
    let dict = dictionary();
    all.push(("dictionary", &dict));
    for (name, table) in all {
        let path = dir.join(format!("{name}.csv"));
        let file = create_output(cli, &path, public, false)?;
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(file);
        w.write_record(&table.header)?;
        for row in &table.rows {
            w.write_record(row)?;
        }
        w.flush()?;
    }
    Ok(())
}

/// Writes the tables as the sheets of one workbook.
pub(super) fn write_xlsx(
    cli: &Cli,
    path: &Path,
    tables: &[(RecordType, Table)],
    public: bool,
) -> anyhow::Result<()> {
    let dict = dictionary();
    let mut all: Vec<(&str, &Table)> = tables
        .iter()
        .map(|(t, table)| (tables::table_name(*t), table))
        .collect();
    all.push(("dictionary", &dict));
    let bytes = vigil_core::sheet::write::workbook(&all).map_err(anyhow::Error::msg)?;
    let mut file = create_output(cli, path, public, false)?;
    file.write_all(&bytes)?;
    Ok(())
}

/// `vigil template`: an empty list to fill in, its headers in a language, drop-downs
/// where a field has a fixed set of values.
pub(super) fn template(args: &crate::cli::TemplateArgs) -> anyhow::Result<ExitCode> {
    let xlsx = vigil_core::sheet::write::template(&args.lang).map_err(anyhow::Error::msg)?;
    std::fs::write(&args.output, xlsx)
        .with_context(|| format!("writing {}", args.output.display()))?;
    output::line(&format!(
        "{}: a list to fill in, one person per row; import it with `vigil import {}`",
        args.output.display(),
        args.output.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Whether an import is an export's tables: a directory with `persons.csv` or another
/// table, a workbook with a sheet named after a table, or one table's CSV (its header
/// exactly the table's columns).
pub(super) fn is_export(path: &Path, format: Option<Format>) -> bool {
    if path.is_dir() {
        return true;
    }
    // Only a spreadsheet can be an export's table: a JSON Lines file is not read here
    // (reading it whole cost an import its size in memory).
    let Some(f) = format else {
        return false;
    };
    std::fs::read(path).is_ok_and(|bytes| tables::is_export(&bytes, f))
}

/// One export table's CSV file: its type and rows.
fn csv_table(path: &Path) -> Option<(RecordType, Vec<Vec<String>>)> {
    let bytes = std::fs::read(path).ok()?;
    let rows = read::rows(&bytes, Format::Csv).ok()?;
    Some((tables::type_of_header(rows.first()?)?, rows))
}

/// Reads an export's tables back and imports them, all or nothing.
pub(super) fn import(
    cli: &Cli,
    args: &ImportArgs,
    format: Option<Format>,
) -> anyhow::Result<ExitCode> {
    let path = Path::new(&args.file);
    let mut named: Vec<(String, RecordType, Vec<Vec<String>>)> = Vec::new();
    if path.is_dir() {
        for &t in RecordType::ALL {
            let file = path.join(format!("{}.csv", tables::table_name(t)));
            if !file.exists() {
                continue;
            }
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let rows = read::rows(&bytes, Format::Csv)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            named.push((file.display().to_string(), t, rows));
        }
    } else if let Some((t, rows)) = csv_table(path).filter(|_| format == Some(Format::Csv)) {
        named.push((path.display().to_string(), t, rows));
    } else {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let sheets = read::sheets(&bytes, format.unwrap_or(Format::Xlsx))
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        for (name, rows) in sheets {
            if let Some(t) = tables::type_of_table(&name) {
                named.push((format!("{}[{name}]", path.display()), t, rows));
            }
        }
    }
    let mut lines: Vec<(String, usize)> = Vec::new();
    let mut text = String::new();
    let mut errors = 0;
    for (where_, t, rows) in &named {
        let Some((header, body)) = rows.split_first() else {
            continue;
        };
        for (i, row) in body.iter().enumerate() {
            if row.iter().all(String::is_empty) {
                continue;
            }
            match tables::record(*t, header, row) {
                Ok(line) => {
                    text.push_str(&line);
                    text.push('\n');
                    lines.push((where_.clone(), i + 2));
                }
                Err((column, message)) => {
                    errors += 1;
                    eprintln!(
                        "{where_}:{}:{}: {}",
                        i + 2,
                        output::visible(&column),
                        output::visible(&message)
                    );
                }
            }
        }
    }
    if errors > 0 {
        eprintln!("vigil: {errors} bad cell(s); nothing was imported");
        return Ok(ExitCode::FAILURE);
    }
    if args.dry_run {
        // What the import would do, against the registry as it is; nothing is written.
        let existing = crate::context::open_existing(cli).ok();
        let registry = existing.as_deref().map(|s| s as &dyn Store);
        let records: Vec<&str> = text.lines().collect();
        let c = vigil_store::sheet::changes(registry, &records, args.update)?;
        for k in &c.conflicts {
            let (file, row) = lines.get(k.line - 1).cloned().unwrap_or_default();
            eprintln!(
                "{file}:{row}: {} '{}' is already stored with other content; with --update the row is a correction",
                k.rtype,
                output::visible(&k.id)
            );
        }
        output::line(&format!(
            "{}: would store {} record(s): {} new, {} corrected, {} unchanged; nothing was written (--dry-run)",
            args.file,
            records.len(),
            c.added,
            c.corrected,
            c.unchanged
        ))?;
        return Ok(if c.conflicts.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    let size = text.len() as u64;
    let mut input = BufReader::new(Cursor::new(text.into_bytes()));
    match run_import(cli, &mut input, Some(size), args.update, &args.who)? {
        Ok(r) => {
            let head = r.head.expect("set on success");
            output::line(&format!(
                "{}: {} added, {} corrected, {} unchanged; log at entry {}, head {}",
                args.file, r.added, r.corrected, r.unchanged, head.entries, head.hash
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(errs) => {
            for e in &errs {
                let (file, row) = lines
                    .get(e.line.saturating_sub(1))
                    .cloned()
                    .unwrap_or_default();
                eprintln!("{file}:{row}: {}", output::visible(&e.message));
            }
            eprintln!("vigil: {} bad row(s); nothing was imported", errs.len());
            Ok(ExitCode::FAILURE)
        }
    }
}
