//! Each command: open the store, ask the engine, print. Wiring only; the rules live in
//! vigil-core and the storage in vigil-store.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use serde_json::json;
use vigil_core::access::Audience;
use vigil_core::answer;
use vigil_core::check::check;
use vigil_core::date::{Day, PartialDate};
use vigil_core::format::thousands;
use vigil_core::generate::{generate, Settings};
use vigil_core::record::{parse_record, AnnouncementKind, Parsed, Record, RecordType};
use vigil_core::registry::{Mode, Registry};
use vigil_core::search::{Entry, NameIndex};
use vigil_store::{import, ops, Head, ImportFailure, ImportOptions, SqliteStore, Store};

use crate::cli::{AsOf, Cli, Command, Counting, Stats};
use crate::output::{self, Table};

/// Where the registry lives.
enum Location {
    Sqlite(PathBuf),
    Postgres(String),
}

/// A store of either backend.
pub(crate) type AnyStore = Box<dyn Store + Send>;

fn location(cli: &Cli) -> anyhow::Result<Location> {
    let Some(url) = &cli.database_url else {
        return Ok(Location::Sqlite(cli.db.clone()));
    };
    parse_location(url)
}

fn parse_location(url: &str) -> anyhow::Result<Location> {
    let url = url.to_string();
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| anyhow!("database URL '{url}' has no scheme; use sqlite://PATH"))?;
    match scheme {
        "sqlite" => Ok(Location::Sqlite(PathBuf::from(rest))),
        "postgres" | "postgresql" => Ok(Location::Postgres(url.clone())),
        other => bail!(
            "unknown database URL scheme '{other}' in '{url}'; use sqlite://PATH or postgres://…"
        ),
    }
}

/// Opens the store for writing, creating the database (or the schema) if needed.
pub(crate) fn open_for_write(cli: &Cli) -> anyhow::Result<AnyStore> {
    open_location_keyed(location(cli)?, true, key(cli)?.as_deref())
}

/// The SQLCipher key: from --key-file (VIGIL_KEY_FILE), else VIGIL_DB_KEY; never logged.
fn key(cli: &Cli) -> anyhow::Result<Option<String>> {
    read_key(cli.key_file.as_deref(), "VIGIL_DB_KEY")
}

fn read_key(file: Option<&std::path::Path>, env: &str) -> anyhow::Result<Option<String>> {
    let key = match file {
        Some(f) => Some(
            std::fs::read_to_string(f)
                .with_context(|| format!("reading the key file {}", f.display()))?
                .trim_end_matches(['\n', '\r'])
                .to_string(),
        ),
        None => std::env::var(env).ok(),
    };
    match key {
        Some(k) if k.is_empty() => bail!("the database key is empty"),
        k => Ok(k),
    }
}

/// Opens an existing store for reading; a missing SQLite file is an error, not a new
/// database.
pub(crate) fn open_for_read(cli: &Cli) -> anyhow::Result<AnyStore> {
    open_location_keyed(location(cli)?, false, key(cli)?.as_deref())
}

fn open_location_keyed(at: Location, create: bool, key: Option<&str>) -> anyhow::Result<AnyStore> {
    Ok(match at {
        Location::Sqlite(path) if create => Box::new(
            SqliteStore::open_keyed(&path, key)
                .with_context(|| format!("opening {}", path.display()))?,
        ),
        Location::Sqlite(path) => {
            if !path.exists() {
                bail!(
                    "no database at {}; import records first (vigil import FILE) or pass --db PATH",
                    path.display()
                );
            }
            Box::new(
                SqliteStore::open_existing_keyed(&path, key)
                    .with_context(|| format!("opening {}", path.display()))?,
            )
        }
        Location::Postgres(url) => Box::new(vigil_store::PgStore::open(&url, None)?),
    })
}

/// The time written on log entries: UTC, fixed width so text order is time order.
pub(crate) fn now() -> String {
    vigil_core::chain::timestamp(chrono::Utc::now())
}

/// Who writes, now, and why: the log entry's own fields.
fn meta(who: &crate::cli::Who, reason: Option<String>) -> vigil_store::Meta {
    vigil_store::Meta {
        at: now(),
        actor: actor(who.actor.as_ref()),
        reason,
    }
}

/// A refused write as the CLI says it; a store failure as it is.
fn refused<T>(r: Result<T, ops::OpError>) -> anyhow::Result<T> {
    r.map_err(|e| match e {
        ops::OpError::Refused(r) => anyhow!("{r}; nothing was written"),
        ops::OpError::Store(e) => e.into(),
    })
}

pub(crate) fn actor(given: Option<&String>) -> String {
    given
        .cloned()
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "cli".into())
}

fn today() -> Day {
    Day::from_naive(chrono::Utc::now().date_naive())
}

/// The registry to answer from, and the log position it reflects.
fn registry(store: &dyn Store, as_of: &AsOf) -> anyhow::Result<(Registry, Head)> {
    let head = store.head()?;
    let Some(spec) = &as_of.as_of else {
        return Ok((store.load()?, head));
    };
    let seq = if spec.bytes().all(|b| b.is_ascii_digit()) {
        spec.parse::<u64>().context("--as-of")?
    } else {
        store.seq_at(&as_of_time(spec)?)?
    };
    if seq > head.entries {
        bail!("--as-of {seq}: the log has only {} entries", head.entries);
    }
    let mut hash = vigil_core::chain::Hash::GENESIS;
    store.for_each_entry(Some(seq), &mut |e| {
        hash = e.hash;
        Ok(())
    })?;
    Ok((store.load_as_of(seq)?, Head { entries: seq, hash }))
}

/// An RFC 3339 time, or a day meaning its end, in the log's UTC format.
fn as_of_time(spec: &str) -> anyhow::Result<String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(spec) {
        return Ok(vigil_core::chain::timestamp(t.with_timezone(&chrono::Utc)));
    }
    if let Ok(d) = spec.parse::<PartialDate>() {
        return Ok(vigil_core::chain::end_of_day(d.last_day()));
    }
    bail!("--as-of '{spec}' is neither a log entry number, an RFC 3339 time nor a date")
}

fn log_position(head: &Head) -> answer::LogPosition {
    answer::LogPosition {
        entries: head.entries,
        head: head.hash.to_hex(),
    }
}

pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Import(args) => import_cmd(cli, &args.file, args.update, &args.who),
        Command::Export(args) => {
            let store = open_for_read(cli)?;
            let head = store.head()?;
            let mut out: Box<dyn Write> = match &args.output {
                Some(p) => Box::new(BufWriter::new(
                    File::create(p).with_context(|| format!("creating {}", p.display()))?,
                )),
                None => Box::new(BufWriter::new(std::io::stdout().lock())),
            };
            let n = export(&*store, &mut out, args.public)?;
            out.flush()?;
            eprintln!(
                "exported {n} records at log entry {} (head {})",
                head.entries, head.hash
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats(s) => stats(cli, s),
        Command::Check(as_of) => {
            let store = open_for_read(cli)?;
            let (reg, head) = registry(&*store, as_of)?;
            let a = answer::findings(&reg, Audience::Trusted, log_position(&head));
            if cli.json {
                output::json(&a)?;
            } else if a.findings.is_empty() {
                output::line("no findings")?;
            } else {
                let mut t = Table::new(["kind", "subject", "message"]);
                for f in &a.findings {
                    t.row([f.kind, &f.subject, &f.message]);
                }
                t.print()?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract(args) => crate::extract::run(cli, args),
        Command::Search(args) => {
            let store = open_for_read(cli)?;
            let head = store.head()?;
            let index = NameIndex::build(person_entries(&*store)?);
            let a = answer::search(&index, &args.query, args.limit, log_position(&head));
            if cli.json {
                output::json(&a)?;
            } else if a.results.is_empty() {
                output::line("no person matches")?;
            } else {
                let mut t = Table::new(["person", "name", "score", "why"]);
                for h in &a.results {
                    t.row([
                        h.person.clone(),
                        h.name.clone(),
                        format!("{:.2}", h.score),
                        h.why.clone(),
                    ]);
                }
                t.print()?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Duplicates(args) => {
            let store = open_for_read(cli)?;
            let head = store.head()?;
            let index = NameIndex::build(person_entries(&*store)?);
            let a = answer::DuplicatesAnswer {
                pairs: index.duplicates(args.min_score),
                log: log_position(&head),
            };
            if cli.json {
                output::json(&a)?;
            } else if a.pairs.is_empty() {
                output::line("no probable duplicates")?;
            } else {
                let mut t = Table::new(["a", "b", "score", "names", "evidence"]);
                for d in &a.pairs {
                    t.row([
                        d.a.clone(),
                        d.b.clone(),
                        format!("{:.2}", d.score),
                        format!("{} / {}", d.names[0], d.names[1]),
                        d.evidence.join("; "),
                    ]);
                }
                t.print()?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Announcement(args) => {
            let store = open_for_read(cli)?;
            let (reg, head) = registry(&*store, &args.as_of)?;
            let answer =
                answer::announcement(&reg, &args.id, Audience::Trusted, log_position(&head))
                    .ok_or_else(|| anyhow!("no announcement '{}'", args.id))?;
            if cli.json {
                output::json(&answer)?;
                return Ok(ExitCode::SUCCESS);
            }
            let a = answer.identification;
            output::line(&format!(
                "{}: {} announced, {} identified",
                a.id,
                a.total.map_or("?".into(), |t| t.to_string()),
                a.identified.len()
            ))?;
            let mut t = Table::new(["remaining", "count"]);
            for (k, v) in &a.remaining {
                t.row([k.clone(), v.to_string()]);
            }
            t.print()?;
            for c in &a.contradictions {
                output::line(&format!("contradiction: {c}"))?;
            }
            for k in &a.not_checkable {
                output::line(&format!("not checkable: {k}"))?;
            }
            if let Some(why) = &a.candidates_not_computed {
                output::line(&format!("candidates not computed: {why}"))?;
            }
            output::line(&format!(
                "{} candidates ({} with an attribute vigil does not know, counted as fitting either way)",
                a.candidates.len(),
                a.candidates_with_unknowns
            ))?;
            let mut t = Table::new(["candidate", "probability", "prominent"]);
            for c in a.candidates.iter().take(args.limit) {
                let prominent = if a.prominent.iter().any(|p| p.person == c.person) {
                    "yes"
                } else {
                    ""
                };
                t.row([
                    c.person.clone(),
                    format!("{:.4}", c.probability),
                    prominent.to_string(),
                ]);
            }
            t.print()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify => {
            let store = open_for_read(cli)?;
            let result = store.verify()?;
            // The chain holds: then the derived tables must say what the log says.
            let derived = match &result {
                Ok(_) => vigil_store::derived::check(store.as_ref())?,
                Err(_) => None,
            };
            let ok = result.is_ok() && derived.is_none();
            match (&result, &derived, cli.json) {
                (Ok(h), None, true) => output::json(
                    &json!({ "ok": true, "entries": h.entries, "head": h.hash.to_hex() }),
                )?,
                (Ok(h), None, false) => {
                    output::line(&format!("ok: {} entries, head {}", h.entries, h.hash))?;
                }
                (Ok(h), Some(m), true) => output::json(&json!({
                    "ok": false, "entries": h.entries, "head": h.hash.to_hex(),
                    "derived": { "type": m.rtype.as_str(), "id": m.rid, "what": m.what },
                    "message": m.to_string(),
                }))?,
                (Ok(_), Some(m), false) => eprintln!("vigil: verify failed: {m}"),
                (Err(e), _, true) => output::json(&json!({
                    "ok": false, "entries": store.head()?.entries, "head": store.head()?.hash.to_hex(),
                    "first_bad_entry": e.seq(), "message": e.to_string(),
                }))?,
                (Err(e), _, false) => eprintln!("vigil: verify failed: {e}"),
            }
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Log(args) => {
            let store = open_for_read(cli)?;
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
                let mut t =
                    Table::new(["seq", "at", "actor", "op", "record", "refers_to", "reason"]);
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
        Command::Db(db) => db_cmd(cli, db),
        Command::User(u) => crate::accounts::user(cli, u),
        Command::Token(t) => crate::accounts::token(cli, t),
        Command::Audit { limit } => crate::accounts::audit(cli, *limit),
        Command::Merge(args) => {
            let Some(reason) = &args.who.reason else {
                bail!("a merge needs --reason (it is kept in the log beside the merge)")
            };
            let meta = meta(&args.who, Some(reason.clone()));
            let mut store = open_for_read(cli)?;
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
        Command::Unmerge(args) => {
            let Some(reason) = &args.who.reason else {
                bail!("an unmerge needs --reason")
            };
            let meta = meta(&args.who, Some(reason.clone()));
            let mut store = open_for_read(cli)?;
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
        Command::Retract(args) => {
            let rtype = RecordType::parse(&args.rtype).ok_or_else(|| {
                anyhow!("unknown record type '{}'; expected source, person, announcement, event, figure or merge", args.rtype)
            })?;
            let Some(reason) = &args.who.reason else {
                bail!("a retraction needs --reason")
            };
            let meta = meta(&args.who, Some(reason.clone()));
            let mut store = open_for_read(cli)?;
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
        Command::Generate(args) => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            let mut err = None;
            generate(
                Settings {
                    persons: args.persons,
                    seed: args.seed,
                },
                &mut |line| {
                    if err.is_none() {
                        if let Err(e) = writeln!(out, "{line}") {
                            err = Some(e);
                        }
                    }
                },
            );
            if let Some(e) = err {
                return Err(e.into());
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo(args) => demo(cli, args.persons, args.seed),
        Command::Serve(args) => serve(cli, args),
    }
}

fn import_cmd(
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
    let before: Option<std::collections::HashSet<String>> = match (size, open_for_read(cli)) {
        (Some(n), Ok(store)) if n <= 64 << 20 => {
            Some(person_entries(&*store)?.into_iter().map(|e| e.id).collect())
        }
        _ => None,
    };
    match run_import(cli, &mut input, size, update, who)? {
        Ok(r) => {
            if let Some(before) = before.filter(|_| r.added > 0) {
                warn_duplicates(&*open_for_read(cli)?, &before)?;
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
                eprintln!("{file}:{}: {}", e.line, e.message);
            }
            eprintln!(
                "vigil: {} bad line(s) in {file}; nothing was imported",
                errors.len()
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Imports all or nothing, with a progress bar on a terminal. The inner error lists the bad
/// lines; nothing was written then.
pub(crate) fn run_import(
    cli: &Cli,
    input: &mut (dyn BufRead + Send),
    size: Option<u64>,
    update: bool,
    who: &crate::cli::Who,
) -> anyhow::Result<Result<vigil_store::ImportReport, Vec<vigil_store::LineError>>> {
    let mut store = open_for_write(cli)?;
    let bar = if std::io::stderr().is_terminal() {
        let bar = size.map_or_else(
            indicatif::ProgressBar::new_spinner,
            indicatif::ProgressBar::new,
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} importing [{bar:40}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            )
            .expect("valid template")
            .progress_chars("=> "),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let opts = ImportOptions {
        actor: actor(who.actor.as_ref()),
        reason: who.reason.clone(),
        at: now(),
        update,
    };
    let result = import(store.as_mut(), input, &opts, &mut |bytes| {
        bar.set_position(bytes);
    });
    bar.finish_and_clear();
    match result {
        Ok(r) => Ok(Ok(r)),
        Err(ImportFailure::Invalid(errors)) => Ok(Err(errors)),
        Err(e) => Err(e.into()),
    }
}

fn db_cmd(cli: &Cli, db: &crate::cli::Db) -> anyhow::Result<ExitCode> {
    use crate::cli::Db;
    let done = |what: &str, head: Head| {
        output::line(&format!(
            "{what}: {} log entries, head {}",
            head.entries, head.hash
        ))
    };
    match db {
        Db::Copy { from, to } => {
            let key = key(cli)?;
            let source = open_location_keyed(parse_location(from)?, false, key.as_deref())?;
            let mut target = open_location_keyed(parse_location(to)?, true, key.as_deref())?;
            let head = vigil_store::copy::copy(&*source, target.as_mut())?;
            done(&format!("copied {from} to {to}"), head)?;
        }
        Db::Backup { file } => {
            let store = open_for_read(cli)?;
            let is_sqlite_file = file.extension().is_some_and(|e| e == "db");
            if is_sqlite_file {
                let Location::Sqlite(path) = location(cli)? else {
                    bail!("a .db backup is an SQLite file copy; from PostgreSQL, back up to a .jsonl file");
                };
                if file.exists() {
                    bail!("{} exists; a backup never overwrites", file.display());
                }
                SqliteStore::open_existing_keyed(&path, key(cli)?.as_deref())?.vacuum_into(file)?;
                done(&format!("backed up to {}", file.display()), store.head()?)?;
            } else {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(file)
                    .with_context(|| {
                        format!("creating {} (a backup never overwrites)", file.display())
                    })?;
                let mut out = BufWriter::new(f);
                let head = vigil_store::copy::backup(&*store, &mut out)?;
                out.flush()?;
                done(&format!("backed up to {}", file.display()), head)?;
            }
        }
        Db::Restore { file } => {
            let mut target = open_for_write(cli)?;
            let mut magic = [0u8; 16];
            let is_sqlite = File::open(file)
                .with_context(|| format!("opening {}", file.display()))?
                .read_exact(&mut magic)
                .is_ok()
                && magic.starts_with(b"SQLite format 3");
            let head = if is_sqlite {
                let source = SqliteStore::open_existing_keyed(file, key(cli)?.as_deref())?;
                vigil_store::copy::copy(&source, target.as_mut())?
            } else {
                let mut input = BufReader::new(File::open(file)?);
                vigil_store::copy::restore(&mut input, target.as_mut())?
            };
            done(&format!("restored {}", file.display()), head)?;
        }
        Db::Rebuild => {
            let mut store = open_for_read(cli)?;
            let head = store.rebuild()?;
            done("rebuilt the derived tables from the log", head)?;
        }
        Db::Rekey {
            new_key_file,
            decrypt,
        } => {
            let Location::Sqlite(path) = location(cli)? else {
                bail!("rekey is for the SQLite file; PostgreSQL encrypts at its own level (disk or tablespace)");
            };
            let new = if *decrypt {
                None
            } else {
                Some(read_key(new_key_file.as_deref(), "VIGIL_NEW_DB_KEY")?.ok_or_else(|| {
                    anyhow!("give the new key with --new-key-file or VIGIL_NEW_DB_KEY (or --decrypt)")
                })?)
            };
            let store = SqliteStore::open_existing_keyed(&path, key(cli)?.as_deref())
                .with_context(|| format!("opening {}", path.display()))?;
            let store = store.rekey(new.as_deref())?;
            let head = store.head()?;
            done(
                &format!(
                    "{} {}",
                    if new.is_some() {
                        "encrypted"
                    } else {
                        "decrypted"
                    },
                    path.display()
                ),
                head,
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every current person as the name index sees it: all stored names, birth year, region.
/// A merged person's names are the kept person's too, and it is not a person of its own.
fn person_entries(store: &dyn Store) -> anyhow::Result<Vec<Entry>> {
    let mut persons = Vec::new();
    let mut merges: Vec<(String, String)> = Vec::new();
    store.export(&mut |rtype, body| {
        match parse_record(body).map(Parsed::into_record) {
            Ok(Record::Person(p)) if rtype == RecordType::Person => {
                persons.push((Entry::of(&p), p.visibility));
            }
            Ok(Record::Merge(m)) => merges.push((m.keep, m.merged)),
            _ => {}
        }
        Ok(())
    })?;
    Ok(vigil_core::search::entries(
        persons,
        &merges,
        Audience::Trusted,
    ))
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
fn export(store: &dyn Store, out: &mut dyn Write, public: bool) -> anyhow::Result<usize> {
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

fn counting(c: &Counting) -> answer::Counting {
    answer::Counting {
        country: c.country.clone(),
        all: c.all,
        recognized_by_date: c.recognized_by_date,
    }
}

/// A parameter error named as the command line spells it (`--on`, not `on`).
#[allow(clippy::needless_pass_by_value)] // shaped for `map_err`
fn flag(e: answer::ParamError) -> anyhow::Error {
    anyhow!("--{}: {}", e.param.replace('_', "-"), e.message)
}

fn stats(cli: &Cli, question: &Stats) -> anyhow::Result<ExitCode> {
    let store = open_for_read(cli)?;
    match question {
        Stats::Held {
            on,
            by,
            counting: c,
            as_of,
        } => {
            let (reg, head) = registry(&*store, as_of)?;
            let a = answer::held(
                &reg,
                on.as_deref(),
                by.as_deref(),
                &counting(c),
                today(),
                Audience::Trusted,
                log_position(&head),
            )
            .map_err(flag)?;
            if cli.json {
                return output::json(&a).map(|()| ExitCode::SUCCESS);
            }
            let place = c
                .country
                .as_deref()
                .map_or(String::new(), |c| format!(" in {c}"));
            output::line(&format!(
                "held{place} on {}: {} (surely {}, possibly {})",
                a.on,
                thousands(a.held as f64),
                thousands(a.held_min as f64),
                thousands(a.held_max as f64)
            ))?;
            if !a.by.is_empty() {
                let mut t = Table::new([by.as_deref().unwrap_or("by"), "held"]);
                for (k, v) in &a.by {
                    t.row([k.clone(), v.to_string()]);
                }
                t.print()?;
            }
        }
        Stats::Series {
            from,
            to,
            step,
            counting: c,
            as_of,
        } => {
            let (reg, head) = registry(&*store, as_of)?;
            let a = answer::series(&reg, from, to, step, &counting(c), log_position(&head))
                .map_err(flag)?;
            if cli.json {
                return output::json(&a).map(|()| ExitCode::SUCCESS);
            }
            let mut t = Table::new(["date", "held", "held_min", "held_max"]);
            for p in &a.points {
                t.row([
                    p.date.clone(),
                    p.held.to_string(),
                    p.held_min.to_string(),
                    p.held_max.to_string(),
                ]);
            }
            t.print()?;
        }
        Stats::Waves {
            country,
            year,
            kind,
            as_of,
        } => {
            let (reg, head) = registry(&*store, as_of)?;
            let a = answer::waves(&reg, country, *year, Some(kind), log_position(&head))
                .map_err(flag)?;
            if cli.json {
                return output::json(&a).map(|()| ExitCode::SUCCESS);
            }
            let mut t = Table::new(["ordinal", "date", "announcement", "count", "running_total"]);
            for x in &a.waves.waves {
                t.row([
                    x.ordinal.to_string(),
                    x.date.clone(),
                    x.announcement.clone(),
                    x.count.to_string(),
                    x.running_total.to_string(),
                ]);
            }
            t.print()?;
            output::line(&format!(
                "{} {kind} wave(s) in {country} in {year}, {} persons in all",
                a.waves.waves.len(),
                a.waves.total
            ))?;
        }
        Stats::Flow {
            from,
            to,
            counting: c,
            as_of,
        } => {
            let (reg, head) = registry(&*store, as_of)?;
            let a =
                answer::flow(&reg, from, to, &counting(c), log_position(&head)).map_err(flag)?;
            if cli.json {
                return output::json(&a).map(|()| ExitCode::SUCCESS);
            }
            let f = &a.flow;
            let mut t = Table::new(["from", "to", "detained", "recognized", "pardoned", "ratio"]);
            let ratio = f
                .ratio_recognized_to_pardoned
                .map_or("-".to_string(), |r| format!("{r:.2}"));
            t.row([
                f.from.clone(),
                f.to.clone(),
                f.detained.to_string(),
                f.recognized.to_string(),
                f.pardoned.to_string(),
                ratio,
            ]);
            t.print()?;
            let mut t = Table::new(["released by reason", "count"]);
            for (k, v) in &f.released {
                t.row([k.clone(), v.to_string()]);
            }
            t.print()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Fills a new database at `path` with a generated registry.
fn generated(
    path: &std::path::Path,
    persons: u64,
    seed: u64,
) -> anyhow::Result<(AnyStore, vigil_store::ImportReport)> {
    let mut text = Vec::new();
    generate(Settings { persons, seed }, &mut |l| {
        text.extend_from_slice(l.as_bytes());
        text.push(b'\n');
    });
    let mut store = SqliteStore::open(path)?;
    let opts = ImportOptions {
        actor: "demo".into(),
        reason: Some("generated demo registry".into()),
        at: now(),
        update: false,
    };
    let report = import(&mut store, &mut text.as_slice(), &opts, &mut |_| {})
        .map_err(|e| anyhow!("demo import: {e}"))?;
    Ok((Box::new(store), report))
}

fn serve(cli: &Cli, args: &crate::cli::ServeArgs) -> anyhow::Result<ExitCode> {
    let dir = tempfile::tempdir()?;
    let store = if args.demo {
        eprintln!(
            "vigil: generating a demo registry of {} persons…",
            args.persons
        );
        generated(&dir.path().join("demo.db"), args.persons, args.seed)?.0
    } else {
        open_for_read(cli)?
    };
    let mut state = vigil_server::AppState::load(store)?;
    state.min_cell = args.min_cell;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .with_context(|| format!("listening on {}", args.addr))?;
        eprintln!(
            "vigil: serving {} persons, {} events at http://{}/ (log entry {}); Ctrl-C stops",
            state.registry.person_count(),
            state.registry.event_count(),
            listener.local_addr()?,
            state.log.entries
        );
        vigil_server::serve(listener, vigil_server::Live::new(state)).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Generates a registry into a temporary database and prints what a monitor looks at first.
fn demo(cli: &Cli, persons: u64, seed: u64) -> anyhow::Result<ExitCode> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("demo.db");
    let (store, report) = generated(&path, persons, seed)?;
    let reg = store.load()?;
    let head = report.head.expect("set on success");
    let day = today();
    let year = day.year();
    let held = reg.held(day, None, Mode::Recognized);
    let countries = ["BY", "RU", "MM", "VE"];
    let year_start = Day::ymd(year, 1, 1).expect("valid");
    let flow = reg.flow(Day(day.0 - 365), day, None, Mode::Recognized);
    let findings = check(&reg, Audience::Trusted);
    if cli.json {
        output::json(&json!({
            "database": path.display().to_string(), "persons": reg.person_count(), "events": reg.event_count(),
            "on": day.to_string(), "held": held,
            "by_country": countries.iter().map(|c| (c.to_string(), reg.held(day, Some(c), Mode::Recognized).held)).collect::<std::collections::BTreeMap<_, _>>(),
            "waves": countries.iter().map(|c| reg.waves(c, year, AnnouncementKind::Pardon)).collect::<Vec<_>>(),
            "flow_last_365_days": flow, "findings": findings.len(), "log": log_position(&head),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    output::line(&format!(
        "demo registry: {} persons, {} events (seed {seed}); log at entry {}, head {}",
        reg.person_count(),
        reg.event_count(),
        head.entries,
        head.hash
    ))?;
    output::line(&format!(
        "\npolitical prisoners held on {day}: {} (surely {}, possibly {})\n",
        thousands(held.held as f64),
        thousands(held.held_min as f64),
        thousands(held.held_max as f64)
    ))?;
    let mut t = Table::new([
        "country",
        "held today",
        "pardon waves this year",
        "pardoned this year",
        "held on 1 Jan",
    ]);
    for c in countries {
        let w = reg.waves(c, year, AnnouncementKind::Pardon);
        t.row([
            c.to_string(),
            reg.held(day, Some(c), Mode::Recognized).held.to_string(),
            w.waves.len().to_string(),
            w.total.to_string(),
            reg.held(year_start, Some(c), Mode::Recognized)
                .held
                .to_string(),
        ]);
    }
    t.print()?;
    let ratio = flow
        .ratio_recognized_to_pardoned
        .map_or("-".into(), |r| format!("{r:.2}"));
    output::line(&format!(
        "\nlast 365 days: {} detained, {} recognized, {} pardoned (ratio recognized:pardoned {ratio})",
        flow.detained, flow.recognized, flow.pardoned
    ))?;
    output::line(&format!("check: {} finding(s)", findings.len()))?;
    output::line("\nThe database is deleted on exit; `vigil generate --persons N | vigil import -` keeps one.")?;
    Ok(ExitCode::SUCCESS)
}
