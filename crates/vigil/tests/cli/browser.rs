//! The dashboard in headless Chromium, driven by tests/browser/dashboard.mjs
//! (playwright-core): no console errors, no request to another host, the headline equals
//! the API's, the chart is drawn, a wave opens its announcement, the directory's filter
//! finds a person, and the page fits a 390 px screen. Screenshots go to target/screenshots/.

use std::path::PathBuf;
use std::process::Command;

use crate::serve::Server;

/// Node, Chromium and the pinned driver are there (CI must have them).
fn browser_ready(root: &std::path::Path) -> bool {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = root
        .join("tests/browser/node_modules/playwright-core")
        .exists()
        && PathBuf::from(&chromium).exists()
        && Command::new("node")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the browser tests: .ci/run installs chromium and runs npm ci in tests/browser"
        );
        eprintln!(
            "skipping a browser test: needs node, {chromium} and `npm ci --prefix tests/browser`"
        );
    }
    ready
}

#[test]
fn an_editor_changes_the_public_count_and_a_stale_save_is_refused() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
        return;
    }
    let s = crate::Scratch::new();
    assert!(s.import("base.jsonl", crate::CONTRACT_EXAMPLE).status);
    for name in ["eda", "edb"] {
        let r = s.run_stdin(
            &["user", "add", name, "--role", "editor"],
            &format!("{name} password 123\n"),
        );
        assert!(r.status, "{}", r.stderr);
    }
    let server = Server::start(&s);
    let shots = root.join("target/screenshots");
    let out = Command::new("node")
        .arg(root.join("tests/browser/editor.mjs"))
        .arg(&server.base)
        .arg(&shots)
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        out.status.success(),
        "editor browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.starts_with("ok: public count "), "{stdout}");
    // The saves are log entries under each editor's name; the chain holds.
    let log = s.ok(&["log", "--json"]);
    assert!(log.contains("eda"), "{log}");
    assert_eq!(s.json(&["verify"])["ok"], true);
}

#[test]
fn the_dashboard_works_in_a_real_browser() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script = root.join("tests/browser/dashboard.mjs");
    if !browser_ready(&root) {
        return;
    }
    let server = Server::start_with(&[
        "serve",
        "--demo",
        "--persons",
        "3000",
        "--addr",
        "127.0.0.1:0",
    ]);
    let shots = root.join("target/screenshots");
    let out = Command::new("node")
        .arg(&script)
        .arg(&server.base)
        .arg(&shots)
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        out.status.success(),
        "browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.starts_with("ok: headline "), "{stdout}");
    for shot in [
        "dashboard-1024.png",
        "dashboard-390.png",
        "announcement.png",
        "person.png",
    ] {
        assert!(
            shots.join(shot).metadata().is_ok_and(|m| m.len() > 10_000),
            "screenshot {shot} missing"
        );
    }
}
