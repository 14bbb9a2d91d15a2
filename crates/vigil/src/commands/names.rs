//! Names: search and duplicates, over the one index of every person's names.

use std::process::ExitCode;

use vigil_core::answer;
use vigil_core::search::{Entry, NameIndex};
use vigil_store::Store;

use crate::cli::{Cli, DuplicatesArgs, SearchArgs};
use crate::context::{log_position, open_existing};
use crate::output::{self, Table};

/// `vigil search QUERY`.
pub(super) fn search(cli: &Cli, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(cli)?;
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

/// `vigil duplicates`: probable duplicate persons.
pub(super) fn duplicates(cli: &Cli, args: &DuplicatesArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(cli)?;
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

/// Every current person as the name index sees it: all stored names, birth year, region.
/// A merged person's names are the kept person's too, and it is not a person of its own.
pub(super) fn person_entries(store: &dyn Store) -> anyhow::Result<Vec<Entry>> {
    Ok(vigil_store::sheet::person_entries(store)?)
}
