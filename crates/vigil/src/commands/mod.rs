//! Each command: open the store, ask the engine, print. This file only dispatches; the
//! commands live one subject a file beside it, what they share in `crate::context`, the
//! rules in vigil-core and the storage in vigil-store.

mod accounts;
mod checkpoint;
mod db;
mod extract;
mod names;
mod registry;
mod serve;
mod sheet;
mod stats;
mod tables;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Runs the command the line asked for.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Import(args) => {
            let format = sheet::format_of(args)?;
            if tables::is_export(std::path::Path::new(&args.file), format) {
                tables::import(cli, args, format)
            } else if let Some(format) = format {
                sheet::import(cli, args, format)
            } else {
                anyhow::ensure!(
                    !args.dry_run,
                    "--dry-run is for spreadsheets (.csv, .xlsx, .ods); a JSON Lines import is all or nothing already"
                );
                registry::import(cli, &args.file, args.update, &args.who)
            }
        }
        Command::Export(args) => registry::export(cli, args),
        Command::Template(args) => tables::template(args),
        Command::Verify(args) => registry::verify(cli, args),
        Command::Checkpoint(c) => checkpoint::run(cli, c),
        Command::Log(args) => registry::log(cli, args),
        Command::Merge(args) => registry::merge(cli, args),
        Command::Unmerge(args) => registry::unmerge(cli, args),
        Command::Retract(args) => registry::retract(cli, args),
        Command::Stats(s) => stats::stats(cli, s),
        Command::Check(as_of) => stats::check(cli, as_of),
        Command::Announcement(args) => stats::announcement(cli, args),
        Command::Extract(args) => extract::run(cli, args),
        Command::Search(args) => names::search(cli, args),
        Command::Duplicates(args) => names::duplicates(cli, args),
        Command::Db(db) => db::db(cli, db),
        Command::User(u) => accounts::user(cli, u),
        Command::Token(t) => accounts::token(cli, t),
        Command::Audit { limit } => accounts::audit(cli, *limit),
        Command::Generate(args) => serve::generate(cli, args),
        Command::Demo(args) => serve::demo(cli, args.persons, args.seed),
        Command::Serve(args) => serve::serve(cli, args),
    }
}
