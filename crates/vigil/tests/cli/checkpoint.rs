//! Signed checkpoints: `vigil checkpoint keygen|create` and `vigil verify --checkpoint`
//! against the tampering `verify` alone cannot see — the last entries deleted, the whole
//! chain rewritten consistently, and a checkpoint re-signed with another key.

use crate::{Scratch, CONTRACT_EXAMPLE};

fn sql(s: &Scratch, statements: &str) {
    rusqlite::Connection::open(s.db())
        .unwrap()
        .execute_batch(statements)
        .unwrap();
}

#[test]
#[allow(clippy::many_single_char_names)] // s, t, u: the registry and its two tampered copies
fn verify_with_a_checkpoint_finds_truncation_a_consistent_rewrite_and_a_replaced_key() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", CONTRACT_EXAMPLE).status);
    let key = s.dir.path().join("signing.key");
    s.ok(&["checkpoint", "keygen", key.to_str().unwrap()]);
    let public = key.with_extension("pub");
    assert!(public.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the signing key is readable by its owner only");
    }
    // A key is never overwritten.
    assert_eq!(
        s.run(&["checkpoint", "keygen", key.to_str().unwrap()]).code,
        Some(1)
    );
    let cp = s.dir.path().join("cp.json");
    s.ok(&[
        "checkpoint",
        "create",
        "--signing-key",
        key.to_str().unwrap(),
        "--out",
        cp.to_str().unwrap(),
    ]);
    let check = |s: &Scratch| {
        s.run(&[
            "verify",
            "--checkpoint",
            cp.to_str().unwrap(),
            "--public-key",
            public.to_str().unwrap(),
        ])
    };
    let exported = s.ok(&["export"]);
    let r = check(&s);
    assert!(r.status, "{}", r.stderr);
    assert!(
        r.stdout.contains("extends the checkpoint of entry 12"),
        "{}",
        r.stdout
    );
    // The log grows: it still extends the checkpoint.
    s.ok(&["retract", "figure", "f1", "--reason", "superseded"]);
    assert!(check(&s).status);
    // The last entries deleted (the trigger dropped first): plain verify passes, the
    // checkpoint does not.
    let t = Scratch::new();
    std::fs::copy(s.db(), t.db()).unwrap();
    sql(
        &t,
        "DROP TRIGGER log_no_delete; DELETE FROM log WHERE seq >= 12;",
    );
    t.ok(&["db", "rebuild"]);
    assert_eq!(
        t.json(&["verify"])["ok"],
        true,
        "the shortened chain is consistent"
    );
    let r = check(&t);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("entries were removed"), "{}", r.stderr);
    // The chain rewritten consistently (every later hash recomputed): export, edit,
    // re-import into a fresh file and the log is "valid" — but not the one signed.
    let u = Scratch::new();
    let text = exported.replace("1300", "1200");
    assert!(u.import("r.jsonl", &text).status);
    assert_eq!(u.json(&["verify"])["entries"], 12);
    let r = check(&u);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("the log was rewritten"), "{}", r.stderr);
    // Re-signed with the rewriter's own key: found only because the trusted key is pinned.
    let other = u.dir.path().join("other.key");
    u.ok(&["checkpoint", "keygen", other.to_str().unwrap()]);
    let forged = u.dir.path().join("forged.json");
    u.ok(&[
        "checkpoint",
        "create",
        "--signing-key",
        other.to_str().unwrap(),
        "--out",
        forged.to_str().unwrap(),
    ]);
    let unpinned = u.run(&["verify", "--checkpoint", forged.to_str().unwrap()]);
    assert!(
        unpinned.status && unpinned.stdout.contains("give --public-key"),
        "{}",
        unpinned.stdout
    );
    let r = u.run(&[
        "verify",
        "--checkpoint",
        forged.to_str().unwrap(),
        "--public-key",
        public.to_str().unwrap(),
    ]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("signed by another key"), "{}", r.stderr);
    // An altered checkpoint does not verify.
    let text = std::fs::read_to_string(&cp)
        .unwrap()
        .replace("\"entries\": 12", "\"entries\": 11");
    std::fs::write(&cp, text).unwrap();
    let r = check(&s);
    assert!(
        r.stderr.contains("signature does not verify"),
        "{}",
        r.stderr
    );
    let v = s.run(&["verify", "--json", "--checkpoint", cp.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&v.stdout).unwrap();
    assert_eq!(v["ok"], false);
}

/// Accounts, tokens and the audit trail are a chain of their own: `verify` finds an
/// account or a token changed by writing to the file, and a row removed or rewritten in
/// the middle; a checkpoint also finds the last rows removed with what they created.
#[test]
fn verify_finds_a_quiet_change_to_accounts_tokens_and_the_audit_trail() {
    let s = Scratch::new();
    assert!(s.import("a.jsonl", CONTRACT_EXAMPLE).status);
    let add = |name: &str, role: &str| {
        let r = s.run_stdin(
            &["user", "add", name, "--role", role],
            "a long enough password\n",
        );
        assert!(r.status, "{}", r.stderr);
    };
    add("anna", "editor");
    let token = s.json(&["token", "create", "--role", "viewer"]);
    assert!(token.is_object(), "{token}");
    let v = s.json(&["verify"]);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["audit"]["rows"], 2, "{v}");
    let key = s.dir.path().join("signing.key");
    s.ok(&["checkpoint", "keygen", key.to_str().unwrap()]);
    add("bob", "viewer");
    let cp = s.dir.path().join("cp.json");
    s.ok(&[
        "checkpoint",
        "create",
        "--signing-key",
        key.to_str().unwrap(),
        "--out",
        cp.to_str().unwrap(),
    ]);
    let cp_json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cp).unwrap()).unwrap();
    assert_eq!(cp_json["audit_rows"], 3, "{cp_json}");
    let tampered = |statements: &str| {
        let t = Scratch::new();
        std::fs::copy(s.db(), t.db()).unwrap();
        sql(&t, statements);
        t
    };
    for (statements, expect) in [
        ("UPDATE account SET role = 'admin' WHERE name = 'bob'", "account 'bob' is not in the state"),
        ("UPDATE token SET revoked = 1", "is not in the state"),
        (
            "INSERT INTO account (name, role, hash, disabled) SELECT 'eve', 'admin', hash, 0 FROM account WHERE name = 'anna'",
            "account 'eve' has no row in the audit trail",
        ),
        ("DELETE FROM audit WHERE id = (SELECT min(id) FROM audit)", "does not follow from the rows before it"),
        ("UPDATE audit SET actor = 'someone else' WHERE id = (SELECT min(id) FROM audit)", "does not follow"),
    ] {
        let t = tampered(statements);
        let r = t.run(&["verify"]);
        assert_eq!(r.code, Some(1), "{statements}: {}", r.stdout);
        assert!(r.stderr.contains(expect), "{statements}: {}", r.stderr);
    }
    // The last row removed with the account it created: consistent on its own, but not
    // what the checkpoint saw.
    let t = tampered(
        "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit); DELETE FROM account WHERE name = 'bob';",
    );
    assert_eq!(t.json(&["verify"])["ok"], true, "consistent without bob");
    let r = t.run(&["verify", "--checkpoint", cp.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("rows were removed"), "{}", r.stderr);
    assert!(
        s.run(&["verify", "--checkpoint", cp.to_str().unwrap()])
            .status
    );
}
