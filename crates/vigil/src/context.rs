//! What every command needs: where the store is and how to open it (with its key), the
//! clock, who is writing, and the registry at a log position.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context};
use vigil_core::answer;
use vigil_core::date::{Day, PartialDate};
use vigil_core::registry::Registry;
use vigil_store::{ops, Head, ImportFailure, ImportOptions, SqliteStore, Store};

use crate::cli::{AsOf, Cli};

/// Where the registry lives.
pub(crate) enum Location {
    Sqlite(PathBuf),
    Postgres(String),
}

/// A store of either backend.
pub(crate) type AnyStore = Box<dyn Store + Send>;

pub(crate) fn location(cli: &Cli) -> anyhow::Result<Location> {
    let Some(url) = &cli.database_url else {
        return Ok(Location::Sqlite(cli.db.clone()));
    };
    parse_location(url)
}

pub(crate) fn parse_location(url: &str) -> anyhow::Result<Location> {
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
pub(crate) fn open_or_create(cli: &Cli) -> anyhow::Result<AnyStore> {
    open_location_keyed(location(cli)?, true, key(cli)?.as_deref())
}

/// The SQLCipher key: from --key-file (VIGIL_KEY_FILE), else VIGIL_DB_KEY; never logged.
pub(crate) fn key(cli: &Cli) -> anyhow::Result<Option<String>> {
    read_key(cli.key_file.as_deref(), "VIGIL_DB_KEY")
}

/// The shortest key accepted.
const MIN_KEY: usize = 8;

pub(crate) fn read_key(
    file: Option<&std::path::Path>,
    env: &str,
) -> anyhow::Result<Option<String>> {
    // Surrounding whitespace is not part of a key (a file's last newline, a pasted space):
    // the same passphrase opens the file however it was given.
    let key = match file {
        Some(f) => Some(
            std::fs::read_to_string(f)
                .with_context(|| format!("reading the key file {}", f.display()))?
                .trim()
                .to_string(),
        ),
        None => std::env::var(env).ok().map(|k| k.trim().to_string()),
    };
    match key {
        Some(k) if k.chars().count() < MIN_KEY => bail!(
            "the database key is {} characters long; use at least {MIN_KEY} (a passphrase of several words is best)",
            k.chars().count()
        ),
        k => Ok(k),
    }
}

/// Opens an existing store for reading; a missing SQLite file is an error, not a new
/// database.
pub(crate) fn open_existing(cli: &Cli) -> anyhow::Result<AnyStore> {
    open_location_keyed(location(cli)?, false, key(cli)?.as_deref())
}

pub(crate) fn open_location_keyed(
    at: Location,
    create: bool,
    key: Option<&str>,
) -> anyhow::Result<AnyStore> {
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
    log_time(chrono::Utc::now())
}

/// A time in the log's format.
pub(crate) fn log_time(t: chrono::DateTime<chrono::Utc>) -> String {
    vigil_core::chain::timestamp(t)
}

/// Who writes, now, and why: the log entry's own fields.
pub(crate) fn meta(who: &crate::cli::Who, reason: Option<String>) -> vigil_store::Meta {
    vigil_store::Meta {
        at: now(),
        actor: actor(who.actor.as_ref()),
        reason,
    }
}

/// A refused write as the CLI says it; a store failure as it is.
pub(crate) fn refused<T>(r: Result<T, ops::OpError>) -> anyhow::Result<T> {
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

pub(crate) fn today() -> Day {
    Day::from_naive(chrono::Utc::now().date_naive())
}

/// The registry to answer from, and the log position it reflects.
pub(crate) fn registry(store: &dyn Store, as_of: &AsOf) -> anyhow::Result<(Registry, Head)> {
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
pub(crate) fn as_of_time(spec: &str) -> anyhow::Result<String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(spec) {
        return Ok(vigil_core::chain::timestamp(t.with_timezone(&chrono::Utc)));
    }
    if let Ok(d) = spec.parse::<PartialDate>() {
        return Ok(vigil_core::chain::end_of_day(d.last_day()));
    }
    bail!("--as-of '{spec}' is neither a log entry number, an RFC 3339 time nor a date")
}

pub(crate) fn log_position(head: &Head) -> answer::LogPosition {
    answer::LogPosition {
        entries: head.entries,
        head: head.hash.to_hex(),
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
    let mut store = open_or_create(cli)?;
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
    let result = vigil_store::import_building(
        store.as_mut(),
        input,
        &opts,
        &mut |bytes| bar.set_position(bytes),
        true,
    );
    bar.finish_and_clear();
    match result {
        Ok((r, built)) => {
            // The next `stats held` or `series` reads the day arrays saved now instead of
            // loading the registry (an import into an empty one built it as it went).
            // The import stands whatever happens here.
            if let (Some(head), true) = (&r.head, r.added + r.corrected > 0) {
                if let Some(reg) = built.map_or_else(|| store.load().ok(), Some) {
                    vigil_store::counts::computed(&*store, head, &reg);
                }
            }
            Ok(Ok(r))
        }
        Err(ImportFailure::Invalid(errors)) => Ok(Err(errors)),
        Err(e) => Err(e.into()),
    }
}

/// Opens a file for an export or a backup: readable by its owner only unless it is a
/// public export; `new` refuses an existing file. From an encrypted database it says, once,
/// that the copy is not encrypted.
pub(crate) fn create_output(
    cli: &Cli,
    path: &std::path::Path,
    public: bool,
    new: bool,
) -> anyhow::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if new {
        options.create_new(true);
    } else {
        options.create(true).truncate(true);
    }
    #[cfg(unix)]
    if !public {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path).with_context(|| {
        if new {
            format!("creating {} (a backup never overwrites)", path.display())
        } else {
            format!("creating {}", path.display())
        }
    })?;
    if key(cli)?.is_some() && !public {
        eprintln!(
            "vigil: the database is encrypted but {} is not: it is readable by you only; keep it on an encrypted disk",
            path.display()
        );
    }
    Ok(file)
}
