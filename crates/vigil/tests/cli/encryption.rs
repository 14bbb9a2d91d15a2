//! Encryption at rest (SQLCipher): the file holds no name in clear and does not open
//! without its key; the key lives outside the database and can be changed.

use crate::serve::Server;
use crate::Scratch;

const CANARIES: &str = r#"{"type":"person","id":"p-canary-1","names":[{"text":"Zhanna Canaryeva"},{"text":"Жанна Канарэева","lang":"be"}],"country":"BY","region":"CanaryRegion","visibility":"confidential"}
{"type":"person","id":"p-canary-2","names":[{"text":"Ales Canaryovich"}],"country":"BY"}
{"type":"event","id":"e-canary-1","person":"p-canary-1","kind":"detained","date":"2021-01-01","details":{"to":"CanaryPrison"}}
{"type":"event","id":"e-canary-2","person":"p-canary-2","kind":"detained","date":"2022-01-01"}
"#;

const SECRETS: &[&str] = &[
    "Canaryeva",
    "Канарэева",
    "Canaryovich",
    "CanaryRegion",
    "CanaryPrison",
    "p-canary",
];

/// Every byte of the database and its WAL and shared-memory files.
fn bytes_on_disk(s: &Scratch) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut p = s.db().into_os_string();
        p.push(suffix);
        if let Ok(b) = std::fs::read(std::path::PathBuf::from(p)) {
            all.extend(b);
        }
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn the_encrypted_file_holds_no_name_and_opens_only_with_its_key() {
    let s = Scratch::new();
    let key = s.file("vigil.key", "correct horse battery staple\n");
    let key = key.to_str().unwrap();
    let r = s.run_stdin(&["--key-file", key, "import", "-"], CANARIES);
    assert!(r.status, "{}", r.stderr);
    // Another write, so the WAL has content too.
    s.ok(&[
        "--key-file",
        key,
        "retract",
        "event",
        "e-canary-2",
        "--reason",
        "test",
    ]);
    let disk = bytes_on_disk(&s);
    assert!(disk.len() > 4096, "the database was written");
    for secret in SECRETS {
        assert!(
            !contains(&disk, secret),
            "{secret:?} is readable in the file"
        );
    }
    assert!(
        !contains(&disk, "SQLite format 3"),
        "the header is not plain SQLite"
    );
    assert!(
        !contains(&disk, "correct horse"),
        "the key is not in the file"
    );

    // Without the key, or with another, it does not open, and says why.
    let r = s.run(&["stats", "held", "--all"]);
    assert!(
        !r.status && r.stderr.contains("it is encrypted"),
        "{}",
        r.stderr
    );
    let wrong = s.file("wrong.key", "incorrect");
    let r = s.run(&["--key-file", wrong.to_str().unwrap(), "verify"]);
    assert!(
        !r.status && r.stderr.contains("the key does not open it"),
        "{}",
        r.stderr
    );
    // With it, everything works; the key may come from the environment too.
    assert_eq!(s.json(&["--key-file", key, "verify"])["ok"], true);
    let held = s.json(&[
        "--key-file",
        key,
        "stats",
        "held",
        "--all",
        "--on",
        "2023-01-01",
    ]);
    assert_eq!(held["held"], 1);
    let server = Server::start_with(&[
        "--db",
        s.db().to_str().unwrap(),
        "--key-file",
        key,
        "serve",
        "--addr",
        "127.0.0.1:0",
    ]);
    assert_eq!(
        server.json("/api/v1/stats/held?on=2023-01-01&all=true")["held"],
        1
    );
    drop(server);

    // A new key: the old one no longer opens it, the new one does, the log is the same.
    let head = s.json(&["--key-file", key, "verify"])["head"].clone();
    let new = s.file("new.key", "a different passphrase");
    s.ok(&[
        "--key-file",
        key,
        "db",
        "rekey",
        "--new-key-file",
        new.to_str().unwrap(),
    ]);
    assert!(!s.run(&["--key-file", key, "verify"]).status);
    assert_eq!(
        s.json(&["--key-file", new.to_str().unwrap(), "verify"])["head"],
        head
    );
    let disk = bytes_on_disk(&s);
    for secret in SECRETS {
        assert!(
            !contains(&disk, secret),
            "{secret:?} is readable after rekey"
        );
    }
    // A plain file copy of an encrypted database is refused (it could leave it in clear).
    let copy = s.dir.path().join("copy.db");
    let r = s.run(&[
        "--key-file",
        new.to_str().unwrap(),
        "db",
        "backup",
        copy.to_str().unwrap(),
    ]);
    assert!(!r.status, "{}", r.stdout);
    assert!(!copy.exists());
}

#[test]
fn a_plain_database_can_be_encrypted_in_place() {
    let s = Scratch::new();
    assert!(s.run_stdin(&["import", "-"], CANARIES).status);
    assert!(
        contains(&bytes_on_disk(&s), "Canaryeva"),
        "a plain file is plain"
    );
    let head = s.json(&["verify"])["head"].clone();
    let key = s.file("vigil.key", "passphrase");
    s.ok(&["db", "rekey", "--new-key-file", key.to_str().unwrap()]);
    let disk = bytes_on_disk(&s);
    for secret in SECRETS {
        assert!(
            !contains(&disk, secret),
            "{secret:?} is readable after encrypting"
        );
    }
    assert!(!s.run(&["verify"]).status);
    assert_eq!(
        s.json(&["--key-file", key.to_str().unwrap(), "verify"])["head"],
        head
    );
}

#[test]
fn exports_and_backups_of_an_encrypted_database_are_private_and_say_so() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new();
    let key = s.file("vigil.key", "correct horse battery staple\n");
    let key = key.to_str().unwrap();
    let r = s.run_stdin(&["--key-file", key, "import", "-"], crate::CONTRACT_EXAMPLE);
    assert!(r.status, "{}", r.stderr);
    let out = s.dir.path().join("all.jsonl");
    let r = s.run(&[
        "--key-file",
        key,
        "export",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(r.status, "{}", r.stderr);
    assert!(
        r.stderr.contains("is not: it is readable by you only"),
        "{}",
        r.stderr
    );
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), 0o600);
    let backup = s.dir.path().join("b.jsonl");
    let r = s.run(&["--key-file", key, "db", "backup", backup.to_str().unwrap()]);
    assert!(r.status && r.stderr.contains("is not"), "{}", r.stderr);
    assert_eq!(mode(&backup), 0o600);
}
