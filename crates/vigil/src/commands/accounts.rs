//! `vigil user …`, `vigil token create`, `vigil audit`.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::{anyhow, bail};
use vigil_store::accounts::{
    hash_password, new_secret, secret_hash, token_id, Account, AuditRow, Role, TokenRow,
};

use crate::cli::{Cli, TokenCmd, User, Who};
use crate::context::{actor, now, open_existing, open_or_create};
use crate::output::{self, Table};

/// A password from the terminal (asked twice, not echoed) or the first line of standard
/// input; never from the command line, where other users and shell history could see it.
fn read_password(name: &str) -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(format!("password for {name}: "))?;
        let second = rpassword::prompt_password("again: ")?;
        if first != second {
            bail!("the two passwords differ; nothing changed");
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\n', '\r']).to_string())
    }
}

fn audit_row(who: &Who, action: &str, subject: &str) -> AuditRow {
    AuditRow {
        at: now(),
        actor: actor(who.actor.as_ref()),
        action: action.into(),
        subject: subject.into(),
    }
}

fn role(s: &str) -> anyhow::Result<Role> {
    Role::parse(s).ok_or_else(|| anyhow!("unknown role '{s}'; expected admin, editor or viewer"))
}

pub fn user(cli: &Cli, u: &User) -> anyhow::Result<ExitCode> {
    match u {
        User::Add { name, role: r, who } => {
            let store = open_or_create(cli)?;
            if store.account(name)?.is_some() {
                bail!("account '{name}' exists; use `vigil user passwd` or `vigil user role`");
            }
            if name.trim().is_empty() || name.chars().any(|c| c.is_whitespace() || c.is_control()) {
                bail!("an account name is one word");
            }
            if name.chars().count() > 64 {
                bail!("an account name has at most 64 characters");
            }
            let hash = hash_password(&read_password(name)?)?;
            let a = Account {
                name: name.clone(),
                role: role(r)?,
                hash,
                disabled: false,
            };
            store.save_account(&a, &audit_row(who, "user add", &format!("{name} as {r}")))?;
            output::line(&format!("added {name} ({r})"))?;
        }
        User::Passwd { name, who } => {
            let store = open_or_create(cli)?;
            let mut a = store
                .account(name)?
                .ok_or_else(|| anyhow!("no account '{name}'"))?;
            a.hash = hash_password(&read_password(name)?)?;
            store.save_account(&a, &audit_row(who, "user passwd", name))?;
            output::line(&format!("password of {name} changed"))?;
        }
        User::Role { name, role: r, who } => {
            let store = open_or_create(cli)?;
            let mut a = store
                .account(name)?
                .ok_or_else(|| anyhow!("no account '{name}'"))?;
            let was = a.role;
            a.role = role(r)?;
            store.save_account(
                &a,
                &audit_row(who, "user role", &format!("{name}: {was} -> {r}")),
            )?;
            output::line(&format!("{name} is now {r} (was {was})"))?;
        }
        User::Disable { name, who } => {
            let store = open_or_create(cli)?;
            let mut a = store
                .account(name)?
                .ok_or_else(|| anyhow!("no account '{name}'"))?;
            a.disabled = true;
            store.save_account(&a, &audit_row(who, "user disable", name))?;
            output::line(&format!("{name} is disabled"))?;
        }
        User::List => {
            let store = open_existing(cli)?;
            let accounts = store.accounts()?;
            if cli.json {
                let list: Vec<serde_json::Value> = accounts
                    .iter()
                    .map(|a| serde_json::json!({"name": a.name, "role": a.role.as_str(), "disabled": a.disabled}))
                    .collect();
                output::json(&serde_json::json!({ "accounts": list }))?;
            } else {
                let mut t = Table::new(["name", "role", "disabled"]);
                for a in &accounts {
                    t.row([a.name.clone(), a.role.to_string(), a.disabled.to_string()]);
                }
                t.print()?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn token(cli: &Cli, t: &TokenCmd) -> anyhow::Result<ExitCode> {
    match t {
        TokenCmd::Create {
            role: r,
            name,
            expires_in_days,
            who,
        } => {
            let store = open_or_create(cli)?;
            let secret = new_secret();
            let hash = secret_hash(&secret);
            let expires = crate::context::log_time(
                chrono::Utc::now() + chrono::Duration::days(i64::from(*expires_in_days)),
            );
            let row = TokenRow {
                name: name.clone(),
                role: role(r)?,
                created: now(),
                revoked: false,
                expires: Some(expires.clone()),
            };
            store.save_token(
                &hash,
                &row,
                &audit_row(
                    who,
                    "token create",
                    &format!("{name} as {r} ({})", token_id(&hash)),
                ),
            )?;
            if cli.json {
                output::json(&serde_json::json!({
                    "token": secret, "id": token_id(&hash), "name": name, "role": r, "expires": expires,
                }))?;
            } else {
                output::line(&secret)?;
                eprintln!("vigil: this {r} token (id {}) is shown once; only its hash is kept. It expires {expires}. Send it as `Authorization: Bearer …`.", token_id(&hash));
            }
        }
        TokenCmd::List => {
            let store = open_existing(cli)?;
            let tokens = store.tokens()?;
            if cli.json {
                let list: Vec<serde_json::Value> = tokens
                    .iter()
                    .map(|(h, t)| {
                        serde_json::json!({
                            "id": token_id(h), "name": t.name, "role": t.role.as_str(),
                            "created": t.created, "expires": t.expires, "revoked": t.revoked,
                        })
                    })
                    .collect();
                output::json(&serde_json::json!({ "tokens": list }))?;
            } else {
                let mut table = Table::new(["id", "name", "role", "created", "expires", "revoked"]);
                for (h, t) in &tokens {
                    table.row([
                        token_id(h).to_string(),
                        t.name.clone(),
                        t.role.to_string(),
                        t.created.clone(),
                        t.expires.clone().unwrap_or_else(|| "never".into()),
                        t.revoked.to_string(),
                    ]);
                }
                table.print()?;
            }
        }
        TokenCmd::Revoke { id, who } => {
            let store = open_existing(cli)?;
            let id = id.trim().to_ascii_lowercase();
            let found: Vec<(String, TokenRow)> = store
                .tokens()?
                .into_iter()
                .filter(|(h, _)| id.len() >= 6 && h.starts_with(&id))
                .collect();
            let (hash, mut row) = match found.len() {
                1 => found.into_iter().next().expect("one"),
                0 => bail!(
                    "no token has the id '{id}' (see `vigil token list`; give at least 6 digits)"
                ),
                n => bail!("{n} tokens start with '{id}'; give more of the id"),
            };
            if row.revoked {
                bail!(
                    "token {} ({}) is already revoked",
                    token_id(&hash),
                    row.name
                );
            }
            row.revoked = true;
            store.save_token(
                &hash,
                &row,
                &audit_row(
                    who,
                    "token revoke",
                    &format!("{} ({})", row.name, token_id(&hash)),
                ),
            )?;
            output::line(&format!("revoked token {} ({})", token_id(&hash), row.name))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn audit(cli: &Cli, limit: usize) -> anyhow::Result<ExitCode> {
    let store = open_existing(cli)?;
    let rows = store.audit_trail(limit)?;
    if cli.json {
        output::json(&serde_json::json!({ "audit": rows }))?;
    } else {
        let mut t = Table::new(["at", "who", "what", "subject"]);
        for r in &rows {
            t.row([
                r.at.clone(),
                r.actor.clone(),
                r.action.clone(),
                r.subject.clone(),
            ]);
        }
        t.print()?;
    }
    Ok(ExitCode::SUCCESS)
}
