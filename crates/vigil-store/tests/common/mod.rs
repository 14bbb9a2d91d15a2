//! What the store's tests share: a PostgreSQL schema of their own, the suite's import
//! options, a generated registry as text.

/// The test database's URL and a schema name of its own (`{prefix}_{pid}_{nanos}`), or
/// `None` when `VIGIL_TEST_DATABASE_URL` is not set — which CI refuses, since its
/// PostgreSQL tests must run.
#[allow(dead_code)] // not every test file uses PostgreSQL
pub fn pg_schema(prefix: &str) -> Option<(String, String)> {
    let Some(url) = std::env::var("VIGIL_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but VIGIL_TEST_DATABASE_URL is not set: the PostgreSQL tests must run"
        );
        return None;
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    Some((url, format!("{prefix}_{}_{nanos}", std::process::id())))
}

/// The options the suite imports with: one actor, no reason, a fixed time.
#[allow(dead_code)] // not every test file imports
pub fn opts() -> vigil_store::ImportOptions {
    vigil_store::ImportOptions {
        actor: "suite".into(),
        reason: None,
        at: "2026-01-01T00:00:00.000000Z".into(),
        update: false,
    }
}

/// `vigil generate --persons N --seed S` as JSON Lines text.
#[allow(dead_code)] // not every test file imports a generated registry
pub fn generated(persons: u64, seed: u64) -> String {
    let mut text = String::new();
    vigil_core::generate::generate(
        vigil_core::generate::Settings { persons, seed },
        &mut |line| {
            text.push_str(line);
            text.push('\n');
        },
    );
    text
}
