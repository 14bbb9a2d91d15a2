//! `vigil db`: copy, backup, restore, rebuild and rekey a whole database.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use vigil_store::{Head, SqliteStore, Store};

use crate::cli::Cli;
use crate::context::{
    key, location, open_existing, open_location_keyed, open_or_create, parse_location, read_key,
    Location,
};
use crate::output::{self};

pub(super) fn db(cli: &Cli, db: &crate::cli::Db) -> anyhow::Result<ExitCode> {
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
            let store = open_existing(cli)?;
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
                let f = crate::context::create_output(cli, file, false, true)?;
                let mut out = BufWriter::new(f);
                let head = vigil_store::copy::backup(&*store, &mut out)?;
                out.flush()?;
                done(&format!("backed up to {}", file.display()), head)?;
            }
        }
        Db::Restore { file } => {
            let mut target = open_or_create(cli)?;
            // A restore fills the file: nobody else may be writing to it meanwhile.
            target.hold_alone()?;
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
            let mut store = open_existing(cli)?;
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
