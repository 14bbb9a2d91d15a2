//! The registry's own commands: import, export, verify, log, merge, unmerge, retract.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use serde_json::json;
use vigil_core::record::{parse_record, RecordType};
use vigil_core::search::NameIndex;
use vigil_store::{ops, Store};

use super::names::person_entries;
use crate::cli::{Cli, ExportArgs, LogArgs, MergeArgs, RetractArgs, UnmergeArgs, VerifyArgs};
use crate::context::{meta, open_existing, refused, run_import};
use crate::output::{self, Table};

/// `vigil export`: every current record as JSON Lines (`--public`: what the public may see).
pub(super) fn export(cli: &Cli, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(cli)?;
    let head = store.head()?;
    if args.format == "ftm" {
        let mut out: Box<dyn Write> = match &args.output {
            Some(p) => Box::new(BufWriter::new(crate::context::create_output(
                cli,
                p,
                args.public,
                false,
            )?)),
            None => Box::new(BufWriter::new(std::io::stdout().lock())),
        };
        let n = super::tables::write_ftm(&*store, &mut out, args.public)?;
        out.flush()?;
        eprintln!(
            "exported {n} FollowTheMoney entities at log entry {} (head {})",
            head.entries, head.hash
        );
        return Ok(ExitCode::SUCCESS);
    }
    if args.format != "jsonl" {
        let out = args.output.as_deref().with_context(|| {
            format!(
                "--format {} needs --out (a directory for csv, a .xlsx file)",
                args.format
            )
        })?;
        let t = super::tables::collect(&*store, args.public)?;
        if args.format == "csv" {
            super::tables::write_csv(cli, out, &t, args.public)?;
        } else {
            super::tables::write_xlsx(cli, out, &t, args.public)?;
        }
        let n: usize = t.iter().map(|(_, table)| table.rows.len()).sum();
        eprintln!(
            "exported {n} records as {} tables in {} at log entry {} (head {})",
            args.format,
            out.display(),
            head.entries,
            head.hash
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(crate::context::create_output(
            cli,
            p,
            args.public,
            false,
        )?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let n = write_export(&*store, &mut out, args.public)?;
    out.flush()?;
    eprintln!(
        "exported {n} records at log entry {} (head {})",
        head.entries, head.hash
    );
    Ok(ExitCode::SUCCESS)
}

/// `vigil verify`: the hash chain, then the derived tables against a replay of the log,
/// then (with `--checkpoint`) that the log still extends a signed checkpoint.
pub(super) fn verify(cli: &Cli, args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(cli)?;
    let head = store.head()?;
    let mut answer = json!({ "ok": true, "entries": head.entries, "head": head.hash.to_hex() });
    let failure: Option<String> = match store.verify()? {
        Err(e) => {
            answer["first_bad_entry"] = e.seq().into();
            Some(e.to_string())
        }
        Ok(_) => match (
            vigil_store::derived::check(store.as_ref())?,
            store.verify_audit()?,
        ) {
            (Some(m), _) => {
                answer["derived"] =
                    json!({ "type": m.rtype.as_str(), "id": m.rid, "what": m.what });
                Some(m.to_string())
            }
            (None, Err(e)) => {
                answer["audit"] = json!({ "ok": false });
                Some(e)
            }
            (None, Ok(audit)) => {
                answer["audit"] = json!({ "rows": audit.rows, "head": audit.hash });
                let counts = vigil_store::counts::check(store.as_ref())?;
                if counts.is_some() {
                    answer["counts"] = json!({ "ok": false });
                }
                match &args.checkpoint {
                    _ if counts.is_some() => counts,
                    None => None,
                    Some(file) => {
                        let (cp, result) = super::checkpoint::check(
                            store.as_ref(),
                            file,
                            args.public_key.as_deref(),
                        )?;
                        answer["checkpoint"] = json!({
                            "entries": cp.entries, "head": cp.head, "at": cp.at,
                            "public_key": cp.public_key, "key_pinned": args.public_key.is_some(),
                        });
                        result.err().map(|e| e.to_string())
                    }
                }
            }
        },
    };
    if let Some(message) = &failure {
        answer["ok"] = false.into();
        answer["message"] = message.clone().into();
    }
    if cli.json {
        output::json(&answer)?;
    } else if let Some(message) = &failure {
        eprintln!("vigil: verify failed: {}", output::visible(message));
    } else {
        output::line(&format!("ok: {} entries, head {}", head.entries, head.hash))?;
        output::line(&format!(
            "audit trail: {} rows in one chain, accounts and tokens as it last recorded them",
            answer["audit"]["rows"]
        ))?;
        if args.checkpoint.is_some() {
            output::line(&format!(
                "the log extends the checkpoint of entry {}{}",
                answer["checkpoint"]["entries"],
                if args.public_key.is_some() {
                    ", signed by the trusted key"
                } else {
                    " (its key was not checked: give --public-key to notice a replaced key)"
                }
            ))?;
        }
    }
    Ok(if failure.is_none() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `vigil log`: the log's entries, oldest first.
pub(super) fn log(cli: &Cli, args: &LogArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(cli)?;
    let mut rows = Vec::new();
    store.for_each_entry(Some(args.from.saturating_add(args.limit).saturating_sub(1)), &mut |e| {
        if e.seq >= args.from {
            rows.push(json!({
                "seq": e.seq, "at": e.at, "actor": e.actor, "reason": e.reason, "op": e.op.as_str(),
                "type": e.rtype.as_str(), "id": e.rid, "refers_to": e.refers_to, "hash": e.hash.to_hex(),
            }));
        }
        Ok(())
    })?;
    if cli.json {
        output::json(&json!({ "entries": rows }))?;
    } else {
        let mut t = Table::new(["seq", "at", "actor", "op", "record", "refers_to", "reason"]);
        for r in &rows {
            let s = |k: &str| {
                r[k].as_str()
                    .map_or_else(|| r[k].to_string().replace("null", ""), str::to_string)
            };
            t.row([
                s("seq"),
                s("at"),
                s("actor"),
                s("op"),
                format!("{} {}", s("type"), s("id")),
                s("refers_to"),
                s("reason"),
            ]);
        }
        t.print()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `vigil merge KEEP MERGED`.
pub(super) fn merge(cli: &Cli, args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let Some(reason) = &args.who.reason else {
        bail!("a merge needs --reason (it is kept in the log beside the merge)")
    };
    let meta = meta(&args.who, Some(reason.clone()));
    let mut store = open_existing(cli)?;
    let mut w = store.begin()?;
    let put = refused(ops::merge(w.as_mut(), &meta, &args.keep, &args.merged))?;
    w.commit()?;
    output::line(&format!(
        "merged '{}' into '{}' at log entry {}; undo with: vigil unmerge {} --reason …",
        args.merged,
        args.keep,
        put.version(),
        args.merged
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// `vigil unmerge MERGED`.
pub(super) fn unmerge(cli: &Cli, args: &UnmergeArgs) -> anyhow::Result<ExitCode> {
    let Some(reason) = &args.who.reason else {
        bail!("an unmerge needs --reason")
    };
    let meta = meta(&args.who, Some(reason.clone()));
    let mut store = open_existing(cli)?;
    let mut w = store.begin()?;
    let entry = refused(ops::unmerge(w.as_mut(), &meta, &args.merged))?;
    w.commit()?;
    output::line(&format!(
        "unmerged '{}' at log entry {} (the merge was entry {})",
        args.merged,
        entry.seq,
        entry.refers_to.unwrap_or_default()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// `vigil retract TYPE ID`.
pub(super) fn retract(cli: &Cli, args: &RetractArgs) -> anyhow::Result<ExitCode> {
    let rtype = RecordType::parse(&args.rtype).ok_or_else(|| {
        anyhow!("unknown record type '{}'; expected source, place, person, announcement, event, figure or merge", args.rtype)
    })?;
    let Some(reason) = &args.who.reason else {
        bail!("a retraction needs --reason")
    };
    let meta = meta(&args.who, Some(reason.clone()));
    let mut store = open_existing(cli)?;
    let mut w = store.begin()?;
    let entry = refused(ops::retract(
        w.as_mut(),
        &meta,
        rtype,
        &args.id,
        ops::Expect::Any,
    ))?;
    w.commit()?;
    output::line(&format!(
        "retracted {rtype} '{}' at log entry {} (was entry {})",
        args.id,
        entry.seq,
        entry.refers_to.unwrap_or_default()
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn import(
    cli: &Cli,
    file: &str,
    update: bool,
    who: &crate::cli::Who,
) -> anyhow::Result<ExitCode> {
    let (mut input, size): (Box<dyn BufRead + Send>, Option<u64>) = if file == "-" {
        (
            Box::new(BufReader::with_capacity(1 << 20, std::io::stdin())),
            None,
        )
    } else {
        let f = File::open(file).with_context(|| format!("opening {file}"))?;
        let size = f.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 20, f)), size)
    };
    // Duplicate warnings cost a pass over the persons: only for imports up to 64 MB into
    // a registry that already has persons.
    let before: Option<std::collections::HashSet<String>> = match (size, open_existing(cli)) {
        (Some(n), Ok(store)) if n <= 64 << 20 => {
            Some(person_entries(&*store)?.into_iter().map(|e| e.id).collect())
        }
        _ => None,
    };
    match run_import(cli, &mut input, size, update, who)? {
        Ok(r) => {
            if let Some(before) = before.filter(|_| r.added > 0) {
                warn_duplicates(&*open_existing(cli)?, &before)?;
            }
            let head = r.head.expect("set on success");
            if cli.json {
                output::json(&json!({
                    "lines": r.lines, "added": r.added, "corrected": r.corrected, "unchanged": r.unchanged,
                    "entries": head.entries, "head": head.hash.to_hex(),
                }))?;
            } else {
                output::line(&format!(
                    "{file}: {} added, {} corrected, {} unchanged; log at entry {}, head {}",
                    r.added, r.corrected, r.unchanged, head.entries, head.hash
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            if cli.json {
                output::json(&errors)?;
            }
            for e in &errors {
                eprintln!("{file}:{}: {}", e.line, output::visible(&e.message));
            }
            eprintln!(
                "vigil: {} bad line(s) in {file}; nothing was imported",
                errors.len()
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// After an import: new persons whose names probably duplicate someone already there.
fn warn_duplicates(
    store: &dyn Store,
    before: &std::collections::HashSet<String>,
) -> anyhow::Result<()> {
    let entries = person_entries(store)?;
    let new: Vec<String> = entries
        .iter()
        .filter(|e| !before.contains(&e.id))
        .map(|e| e.id.clone())
        .collect();
    if new.is_empty() || before.is_empty() {
        return Ok(());
    }
    let index = NameIndex::build(entries);
    for id in &new {
        for d in index.duplicates_of(id, vigil_core::search::DUPLICATE_FROM) {
            if before.contains(&d.b) {
                eprintln!(
                    "warning: new person {} ({}) probably duplicates {} ({}), score {:.2}: {}",
                    d.a,
                    d.names[0],
                    d.b,
                    d.names[1],
                    d.score,
                    d.evidence.join("; ")
                );
            }
        }
    }
    Ok(())
}

/// Writes every record as a line; with `public`, only public persons and their public
/// events (and announcements, figures, sources, which carry no person).
fn write_export(store: &dyn Store, out: &mut dyn Write, public: bool) -> anyhow::Result<usize> {
    let mut filter = vigil_core::access::PublicExport::default();
    let mut n = 0;
    let mut io_err = None;
    store.export(&mut |rtype, body| {
        if public
            && matches!(
                rtype,
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
        if io_err.is_none() {
            if let Err(e) = writeln!(out, "{body}") {
                io_err = Some(e);
            }
            n += 1;
        }
        Ok(())
    })?;
    if let Some(e) = io_err {
        return Err(e.into());
    }
    Ok(n)
}
