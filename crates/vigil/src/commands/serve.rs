//! Serving and generating: `vigil serve`, `vigil demo`, `vigil generate`.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{anyhow, Context};
use serde_json::json;
use vigil_core::access::Audience;
use vigil_core::check::check;
use vigil_core::date::Day;
use vigil_core::format::thousands;
use vigil_core::generate::{self, Settings};
use vigil_core::record::AnnouncementKind;
use vigil_core::registry::Mode;
use vigil_store::{import, ImportOptions, SqliteStore};

use vigil_server::forwarded::{Header, Proxies};

use crate::cli::{Cli, ForwardedHeader, GenerateArgs};
use crate::context::{log_position, now, open_existing, today, AnyStore};
use crate::output::{self, Table};

/// `vigil generate`: a synthetic registry as JSON Lines on stdout.
pub(super) fn generate(_cli: &Cli, args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut err = None;
    generate::generate(
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

/// A demo registry's editor account, so the editors' side can be seen at once: its
/// password is drawn now and printed once (the demo database goes when the server stops).
fn demo_editor(store: &dyn vigil_store::Store) -> anyhow::Result<()> {
    let password: String = vigil_store::accounts::new_secret()
        .chars()
        .take(16)
        .collect();
    let account = vigil_store::accounts::Account {
        name: "demo".into(),
        role: vigil_core::access::Role::Editor,
        hash: vigil_store::accounts::hash_password(&password)?,
        disabled: false,
    };
    let row = vigil_store::accounts::AuditRow {
        at: now(),
        actor: "vigil serve --demo".into(),
        action: "user add".into(),
        subject: "demo as editor".into(),
    };
    store.save_account(&account, &row)?;
    eprintln!("vigil: demo editor account: log in at /login as demo with the password {password} (this run only)");
    Ok(())
}

/// Fills a new database at `path` with a generated registry.
fn generated(
    path: &std::path::Path,
    persons: u64,
    seed: u64,
) -> anyhow::Result<(AnyStore, vigil_store::ImportReport)> {
    let mut text = Vec::new();
    generate::generate(Settings { persons, seed }, &mut |l| {
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

pub(super) fn serve(cli: &Cli, args: &crate::cli::ServeArgs) -> anyhow::Result<ExitCode> {
    let dir = tempfile::tempdir()?;
    let store = if args.demo {
        eprintln!(
            "vigil: generating a demo registry of {} persons…",
            args.persons
        );
        let store = generated(&dir.path().join("demo.db"), args.persons, args.seed)?.0;
        demo_editor(store.as_ref())?;
        store
    } else {
        open_existing(cli)?
    };
    // The server logs through `tracing`, to stderr (stdout is for answers). `RUST_LOG`
    // chooses what; by default the server's notices, its security events (logins too) and
    // everyone's warnings.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new("warn,vigil_server=info,vigil::security=info")
    });
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    let mut state = vigil_server::AppState::load(store)?;
    state.min_cell = args.min_cell;
    state.lang = args.lang;
    let header = match args.forwarded_header {
        ForwardedHeader::XForwardedFor => Header::XForwardedFor,
        ForwardedHeader::Forwarded => Header::Forwarded,
    };
    let proxies = Proxies::new(args.trusted_proxy.clone(), header);
    if proxies.any() {
        let list: Vec<String> = args.trusted_proxy.iter().map(ToString::to_string).collect();
        eprintln!(
            "vigil: a request from {} is taken to come from the address its {} header names",
            list.join(", "),
            header.name()
        );
    }
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
        vigil_server::serve(listener, vigil_server::Live::behind(state, proxies)).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Generates a registry into a temporary database and prints what a monitor looks at first.
pub(super) fn demo(cli: &Cli, persons: u64, seed: u64) -> anyhow::Result<ExitCode> {
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
