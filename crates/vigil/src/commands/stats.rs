//! The counting commands: stats, check, announcement.

use std::process::ExitCode;

use anyhow::anyhow;
use vigil_core::access::Audience;
use vigil_core::answer;
use vigil_core::format::thousands;

use crate::cli::{AnnouncementArgs, AsOf, Cli, Counting, Stats};
use crate::context::{log_position, open_existing, registry, today};
use crate::output::{self, Table};

/// `vigil check`: data-quality findings.
pub(super) fn check(cli: &Cli, as_of: &AsOf) -> anyhow::Result<ExitCode> {
    let store = open_existing(cli)?;
    let (reg, head) = registry(&*store, as_of)?;
    let a = answer::findings(&reg, Audience::Trusted, today(), log_position(&head));
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

/// `vigil announcement ID`: who was in it, who could have been.
pub(super) fn announcement(cli: &Cli, args: &AnnouncementArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(cli)?;
    let (reg, head) = registry(&*store, &args.as_of)?;
    let answer = answer::announcement(&reg, &args.id, Audience::Trusted, log_position(&head))
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
    if let Some(why) = &a.candidates_approximate {
        output::line(&format!("probabilities approximate: {why}"))?;
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

pub(super) fn stats(cli: &Cli, question: &Stats) -> anyhow::Result<ExitCode> {
    let store = open_existing(cli)?;
    match question {
        Stats::Held {
            on,
            by,
            counting: c,
            as_of,
        } => {
            let a = if by.is_none() && as_of.as_of.is_none() {
                // The saved day arrays answer it without loading the registry.
                let (counts, head) = vigil_store::counts::current(&*store)?;
                answer::held_total(
                    &counts,
                    on.as_deref(),
                    &counting(c),
                    today(),
                    log_position(&head),
                )
            } else {
                let (reg, head) = registry(&*store, as_of)?;
                answer::held(
                    &reg,
                    on.as_deref(),
                    by.as_deref(),
                    &counting(c),
                    today(),
                    Audience::Trusted,
                    log_position(&head),
                )
            }
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
            let a = if as_of.as_of.is_none() {
                let (counts, head) = vigil_store::counts::current(&*store)?;
                answer::series(&counts, from, to, step, &counting(c), log_position(&head))
            } else {
                let (reg, head) = registry(&*store, as_of)?;
                answer::series(&reg, from, to, step, &counting(c), log_position(&head))
            }
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
        Stats::Releases {
            on,
            months,
            counting: c,
            as_of,
        } => {
            let (reg, head) = registry(&*store, as_of)?;
            let a = answer::releases(
                &reg,
                on.as_deref(),
                Some(*months),
                &counting(c),
                today(),
                Audience::Trusted,
                log_position(&head),
            )
            .map_err(flag)?;
            if cli.json {
                return output::json(&a).map(|()| ExitCode::SUCCESS);
            }
            output::line(&format!("held on {}: {}", a.on, thousands(a.held as f64)))?;
            let n = |x: Option<i64>| x.map_or("-".to_string(), |v| v.to_string());
            let mut t = Table::new(["month", "expected", "surely", "possibly"]);
            for m in &a.months {
                t.row([
                    m.month.clone(),
                    n(m.expected),
                    n(m.expected_min),
                    n(m.expected_max),
                ]);
            }
            for (k, v) in &a.other {
                t.row([k.clone(), v.to_string(), String::new(), String::new()]);
            }
            t.print()?;
        }
        Stats::Released {
            on,
            days,
            counting: c,
            as_of,
        } => {
            let (reg, head) = registry(&*store, as_of)?;
            let a = answer::released(
                &reg,
                on.as_deref(),
                Some(*days),
                &counting(c),
                today(),
                log_position(&head),
            )
            .map_err(flag)?;
            if cli.json {
                return output::json(&a).map(|()| ExitCode::SUCCESS);
            }
            let n = |x: Option<i64>| x.map_or("-".to_string(), |v| thousands(v as f64));
            output::line(&format!(
                "released from {} to {}: {} (surely {}, possibly {})",
                a.from,
                a.to,
                n(a.released),
                n(a.released_min),
                n(a.released_max)
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
