//! End-to-end tests: the real `vigil` binary on real SQLite files in temporary folders.

// Test helpers: results are always used, and a scratch folder is never a default.
#![allow(clippy::must_use_candidate, clippy::new_without_default)]

mod accounts;
mod bad_input;
mod browser;
mod cases;
mod checkpoint;
mod crawl;
mod dedupe;
mod encryption;
mod extract;
mod forms;
mod names;
mod paste;
mod pickers;
mod postgres;
mod registry;
mod seed_report;
mod serve;
mod sheets;
mod tidy;
mod walkthrough;
mod workplace;
mod write_path;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A scratch folder with a database in it.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("vigil.db")
    }

    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    /// Runs vigil with `--db` pointing at this folder's database.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(
            self.dir.path(),
            &[&["--db", self.db().to_str().unwrap()], args].concat(),
            None,
        )
    }

    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Run {
        run_in(
            self.dir.path(),
            &[&["--db", self.db().to_str().unwrap()], args].concat(),
            Some(stdin),
        )
    }

    /// Runs and insists on success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert!(r.status, "vigil {args:?} failed:\n{}", r.stderr);
        r.stdout
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(&[args, &["--json"]].concat());
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("vigil {args:?} --json is not JSON ({e}):\n{out}"))
    }

    pub fn import(&self, name: &str, text: &str) -> Run {
        let p = self.file(name, text);
        self.run(&["import", p.to_str().unwrap()])
    }
}

pub struct Run {
    pub status: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vigil"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("VIGIL_DB")
        .env_remove("VIGIL_DATABASE_URL")
        .env("USER", "tester");
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(text) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    Run {
        status: status.success(),
        code: status.code(),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

/// The contract's example, completed with the person it leaves out.
pub const CONTRACT_EXAMPLE: &str = r#"{"type":"source","id":"s1","publisher":"RFE/RL","title":"Belarus Issues New Pardons","url":"https://example.org/a","published":"2024-12-09"}
{"type":"person","id":"p1","names":[{"text":"Ales Bialiatski"},{"text":"Алесь Бяляцкі","lang":"be"}],"sex":"male","birth_date":"1962-09-25","country":"BY","region":"Minsk","roles":["human_rights_defender"],"health":["chronic_illness"],"prominent":true,"visibility":"public"}
{"type":"person","id":"p2","names":[{"text":"Unnamed prisoner"}],"sex":"female","birth_date":"1990","country":"BY","note":"kept though vigil does not know it"}
{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-07-14","sources":["s1"]}
{"type":"event","id":"e2","person":"p1","kind":"recognized","date":"2021-07","details":{"by":"Viasna"}}
{"type":"event","id":"e3","person":"p1","kind":"sentenced","date":"2023-03-03","details":{"term_months":120,"articles":["228"]}}
{"type":"event","id":"e4","person":"p1","kind":"released","date":"2025-12-13","details":{"reason":"deported"}}
{"type":"announcement","id":"a1","kind":"pardon","date":"2024-12-09","country":"BY","issuer":"Presidential administration","total":29,"breakdown":{"women":11,"men":18,"under_25":6,"pensioners":3,"disabled":2,"chronic_illness":15},"names_disclosed":false,"claims":["All of those released repented for their actions"],"sources":["s1"]}
{"type":"event","id":"e6","person":"p2","kind":"detained","date":"2022-03"}
{"type":"event","id":"e7","person":"p2","kind":"recognized","date":"2022"}
{"type":"event","id":"e5","person":"p2","kind":"pardoned","date":"2024-12-09","announcement":"a1"}
{"type":"figure","id":"f1","metric":"political_prisoners_held","value":1300,"qualifier":"approximately","as_of":"2024-12-09","country":"BY","sources":["s1"]}
"#;
