//! `vigil checkpoint keygen|create`, and the check `vigil verify --checkpoint` makes: a
//! signing key kept outside the database, a signed statement of the log's head, and
//! whether the log still extends it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use rand::RngCore;
use vigil_core::chain::Hash;
use vigil_core::checkpoint::{self, Checkpoint, CheckpointError};
use vigil_store::Store;

use crate::cli::{CheckpointCmd, Cli};
use crate::context::{now, open_existing};
use crate::output;

pub(super) fn run(cli: &Cli, cmd: &CheckpointCmd) -> anyhow::Result<ExitCode> {
    match cmd {
        CheckpointCmd::Keygen { file } => {
            let mut secret = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut secret);
            write_new(file, &hex::encode(secret), true)?;
            let public = checkpoint::public_key(&secret);
            let pub_file = file.with_extension("pub");
            write_new(&pub_file, &public, false)?;
            output::line(&format!(
                "signing key in {} (keep it off this machine); public key {public} in {}",
                file.display(),
                pub_file.display()
            ))?;
        }
        CheckpointCmd::Create { signing_key, out } => {
            let text = std::fs::read_to_string(signing_key)
                .with_context(|| format!("reading the signing key {}", signing_key.display()))?;
            let secret: [u8; 32] = hex::decode(text.trim())
                .ok()
                .and_then(|b| b.try_into().ok())
                .with_context(|| {
                    format!(
                        "{} is not a signing key from `vigil checkpoint keygen`",
                        signing_key.display()
                    )
                })?;
            let store = open_existing(cli)?;
            // A broken log is not signed.
            let head = match store.verify()? {
                Ok(h) => h,
                Err(e) => bail!("the log does not verify ({e}); nothing was signed"),
            };
            let audit = match store.verify_audit()? {
                Ok(a) => a,
                Err(e) => bail!("the audit trail does not verify ({e}); nothing was signed"),
            };
            let cp = checkpoint::sign(
                &secret,
                head.entries,
                head.hash,
                &now(),
                Some((audit.rows, &audit.hash)),
            );
            let json = serde_json::to_string_pretty(&cp)? + "\n";
            match out {
                Some(path) => {
                    std::fs::write(path, &json)
                        .with_context(|| format!("writing {}", path.display()))?;
                    output::line(&format!(
                        "checkpoint of entry {} (head {}) in {}",
                        cp.entries,
                        cp.head,
                        path.display()
                    ))?;
                }
                None => std::io::stdout().lock().write_all(json.as_bytes())?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a new file, never over an existing one; a secret one readable by its owner only.
fn write_new(path: &Path, text: &str, secret: bool) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(path).with_context(|| {
        format!(
            "creating {} (an existing key is never overwritten)",
            path.display()
        )
    })?;
    writeln!(f, "{text}")?;
    Ok(())
}

/// Reads a checkpoint and checks it against the store: its signature (by the trusted
/// key when one is given), then that the log still extends it.
pub(super) fn check(
    store: &dyn Store,
    file: &Path,
    public_key: Option<&Path>,
) -> anyhow::Result<(Checkpoint, Result<(), CheckpointError>)> {
    let cp: Checkpoint = serde_json::from_str(
        &std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?,
    )
    .with_context(|| format!("{} is not a vigil checkpoint", file.display()))?;
    let trusted = match public_key {
        Some(p) => Some(checkpoint::parse_public_key(
            &std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        )?),
        None => None,
    };
    if let Err(e) = cp.check_signature(trusted.as_ref()) {
        return Ok((cp, Err(e)));
    }
    let head = store.head()?;
    let mut at_entry: Option<Hash> = None;
    if cp.entries > 0 && cp.entries <= head.entries {
        store.for_each_entry(Some(cp.entries), &mut |e| {
            if e.seq == cp.entries {
                at_entry = Some(e.hash);
            }
            Ok(())
        })?;
    }
    let links: Vec<String> = store.audit_chain()?.into_iter().map(|c| c.hash).collect();
    let result = cp
        .extended_by(head.entries, at_entry)
        .and_then(|()| cp.audit_extended_by(&links));
    Ok((cp, result))
}
