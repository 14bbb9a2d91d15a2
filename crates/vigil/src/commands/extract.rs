//! `vigil extract FILE`: show what a report states; with `--import`, write it once confirmed.

use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde_json::{json, Value};
use vigil_core::extract::{
    extract, proposed_records, Extraction, Options, ProposalError, SourceInfo,
};
use vigil_core::format::{qualifier_words, thousands};
use vigil_core::record::Qualifier;

use crate::cli::{Cli, ExtractArgs};
use crate::output::{self, Table};

pub fn run(cli: &Cli, args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let text = if args.file == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading standard input")?;
        s
    } else {
        std::fs::read_to_string(&args.file).with_context(|| format!("reading {}", args.file))?
    };
    let date = args
        .date
        .as_deref()
        .map(|d| d.parse().map_err(|e| anyhow::anyhow!("--date: {e}")))
        .transpose()?;
    let x = extract(
        &text,
        &Options {
            date,
            country: args.country.clone(),
        },
    );
    if x.language.is_none() {
        // Not "no announcement found": nothing was read at all.
        if cli.json {
            output::json(&x)?;
        }
        eprintln!("vigil: {}: {}", args.file, vigil_core::extract::NOT_READ);
        return Ok(ExitCode::from(2));
    }
    if !args.import {
        if cli.json {
            output::json(&x)?;
        } else {
            show(&x)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let records = records(&text, &x, args)?;
    if !cli.json {
        show(&x)?;
    }
    if x.announcements.is_empty() && x.figures.is_empty() {
        bail!(
            "{}: nothing to import: no announcement or figure was found",
            args.file
        );
    }
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            bail!("not imported: confirm with --yes (standard input is not a terminal to ask on)");
        }
        eprint!(
            "Import these {} records (with a source record for the report)? [y/N] ",
            records.len() - 1
        );
        std::io::stderr().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            eprintln!("nothing imported");
            return Ok(ExitCode::FAILURE);
        }
    }
    let mut lines = String::new();
    for r in &records {
        lines.push_str(&r.to_string());
        lines.push('\n');
    }
    let mut who = crate::cli::Who {
        actor: args.who.actor.clone(),
        reason: args.who.reason.clone(),
    };
    who.reason
        .get_or_insert_with(|| format!("extracted from {}", args.file));
    let mut input = std::io::Cursor::new(lines.into_bytes());
    match crate::context::run_import(cli, &mut input, None, false, &who)? {
        Ok(r) => {
            let head = r.head.expect("set on success");
            if cli.json {
                let mut doc = serde_json::to_value(&x)?;
                doc["imported"] = json!({
                    "ids": records.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(),
                    "added": r.added, "unchanged": r.unchanged,
                    "entries": head.entries, "head": head.hash.to_hex(),
                });
                output::json(&doc)?;
            } else {
                output::line(&format!(
                    "imported: {} added, {} unchanged; log at entry {}, head {}",
                    r.added, r.unchanged, head.entries, head.hash
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{}: proposed record {}: {}", args.file, e.line, e.message);
            }
            eprintln!("vigil: nothing was imported");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The records to import (vigil_core::extract::proposed_records), with the file named in
/// any refusal.
fn records(text: &str, x: &Extraction, args: &ExtractArgs) -> anyhow::Result<Vec<Value>> {
    let source = SourceInfo {
        publisher: args.publisher.clone(),
        url: args.url.clone(),
        date: args.date.clone(),
    };
    proposed_records(text, x, &source).map_err(|e| match e {
        ProposalError::NoDate(_) => anyhow::anyhow!("{}: {e} with --date YYYY-MM-DD", args.file),
        ProposalError::Invalid(..) => anyhow::anyhow!("{}: {e}", args.file),
    })
}

fn show(x: &Extraction) -> anyhow::Result<()> {
    let mut out = String::new();
    if x.announcements.is_empty() {
        out.push_str("no announcement found\n");
    }
    for a in &x.announcements {
        let _ = writeln!(
            out,
            "announcement: {} of {} on {}{}{}",
            a.kind,
            a.total,
            a.date.as_deref().unwrap_or("(no date: give --date)"),
            a.country
                .as_deref()
                .map_or(String::new(), |c| format!(" in {c}")),
            a.issuer
                .as_deref()
                .map_or(String::new(), |i| format!(" by {i}")),
        );
        if let Some(c) = a.conditions {
            let _ = writeln!(out, "  release under restrictions ({c})");
        }
        if let Some(scope) = a.scope {
            let _ = writeln!(out, "  amnesty: {scope}");
        }
        if !a.breakdown.is_empty() {
            let parts: Vec<String> = a
                .breakdown
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            let _ = writeln!(out, "  breakdown: {}", parts.join(", "));
        }
        match a.names_disclosed {
            Some(true) => out.push_str("  names disclosed\n"),
            Some(false) => out.push_str("  names not disclosed\n"),
            None => {}
        }
        for c in &a.claims {
            let _ = writeln!(out, "  official claim: {c}");
        }
        // The sentence on one line, however the report broke it.
        let _ = writeln!(
            out,
            "  from: {}",
            a.evidence.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    // Line by line: `output::line` shows a control character (a newline inside one
    // line) escaped.
    for l in out.trim_end().lines() {
        output::line(l)?;
    }
    if !x.figures.is_empty() {
        let mut t = Table::new(["figure", "value", "as of", "country", "from"]);
        for f in &x.figures {
            let q = Qualifier::parse(f.qualifier).unwrap_or(Qualifier::Exact);
            let who = f
                .attributed_to
                .as_deref()
                .map_or(String::new(), |w| format!(" ({w})"));
            t.row([
                format!("{}{who}", f.metric),
                format!("{}{}", qualifier_words(q), thousands(f.value)),
                f.as_of.clone().unwrap_or_else(|| "(give --date)".into()),
                f.country.clone().unwrap_or_default(),
                f.evidence.chars().take(80).collect::<String>(),
            ]);
        }
        t.print()?;
    }
    let unattached: Vec<&String> = x
        .claims
        .iter()
        .filter(|c| !x.announcements.iter().any(|a| a.claims.contains(c)))
        .collect();
    for c in unattached {
        output::line(&format!("official claim: {c}"))?;
    }
    for n in &x.notes {
        output::line(&format!("note: {n}"))?;
    }
    if !x.ignored.is_empty() {
        let parts: Vec<String> = x
            .ignored
            .iter()
            .map(|i| format!("{} ({})", i.number, i.why))
            .collect();
        output::line(&format!("not taken: {}", parts.join("; ")))?;
    }
    Ok(())
}
