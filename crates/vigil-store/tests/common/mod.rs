//! What the store's upgrade tests share: a PostgreSQL schema of their own.

/// The test database's URL and a schema name of its own (`{prefix}_{pid}_{nanos}`), or
/// `None` when `VIGIL_TEST_DATABASE_URL` is not set — which CI refuses, since its
/// PostgreSQL tests must run.
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
