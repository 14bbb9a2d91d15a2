//! An import into an empty SQLite file that this connection has alone runs with a
//! rollback journal instead of the WAL (`sqlite/bulk.rs`, `Journal`): its pages are written
//! once, into the file. It must stay all-or-nothing — a process killed mid-import leaves
//! the file as it was, an empty registry with every index — and the file goes back to WAL.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use vigil_store::{derived, import, SqliteStore, Store};

use common::opts;

/// Line `i` of a registry of persons, each with one event (sources first).
fn line(i: usize) -> String {
    match i {
        0 => r#"{"type":"source","id":"s1","publisher":"Viasna"}"#.to_string(),
        i if i % 2 == 1 => format!(
            r#"{{"type":"person","id":"p{i}","country":"BY","sex":"female","region":"Minsk region, a long enough name"}}"#
        ),
        i => format!(
            r#"{{"type":"event","id":"e{i}","person":"p{}","kind":"detained","date":"2021-03-0{}","sources":["s1"]}}"#,
            i - 1,
            1 + i % 9
        ),
    }
}

/// `n` lines, then (with `stall`) a marker file and a read that never returns.
struct Lines {
    next: usize,
    n: usize,
    buf: Vec<u8>,
    pos: usize,
    stall: Option<PathBuf>,
}

impl Read for Lines {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pos == self.buf.len() {
            if self.next == self.n {
                if let Some(marker) = self.stall.take() {
                    std::fs::write(marker, b"all lines given")?;
                    loop {
                        std::thread::sleep(Duration::from_mins(1));
                    }
                }
                return Ok(0);
            }
            self.buf = format!("{}\n", line(self.next)).into_bytes();
            self.pos = 0;
            self.next += 1;
        }
        let k = out.len().min(self.buf.len() - self.pos);
        out[..k].copy_from_slice(&self.buf[self.pos..self.pos + k]);
        self.pos += k;
        Ok(k)
    }
}

fn lines(n: usize, stall: Option<PathBuf>) -> BufReader<Lines> {
    BufReader::new(Lines {
        next: 0,
        n,
        buf: Vec::new(),
        pos: 0,
        stall,
    })
}

fn indexes(store: &SqliteStore) -> Vec<(String, String)> {
    let mut st = store
        .connection()
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn journal_mode(store: &SqliteStore) -> String {
    store
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap()
}

fn len(path: &Path, suffix: &str) -> u64 {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    std::fs::metadata(PathBuf::from(p)).map_or(0, |m| m.len())
}

#[test]
fn an_import_into_an_empty_file_writes_its_pages_once_and_goes_back_to_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("once.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let mut input = lines(20_001, None);
    let report = import(&mut store, &mut input, &opts(), &mut |_| {}).unwrap();
    assert_eq!(report.added, 20_001);
    // While the store is open, a WAL import leaves a WAL as large as what it wrote.
    let (db, wal) = (len(&path, ""), len(&path, "-wal"));
    assert!(db > 1 << 20, "the file holds the import: {db} bytes");
    assert!(
        wal < db / 8,
        "the import's pages went into the file, not the WAL: file {db} bytes, WAL {wal}"
    );
    assert_eq!(journal_mode(&store), "wal", "back to WAL after the import");
    assert!(!Path::new(&format!("{}-journal", path.display())).exists());
    assert_eq!(derived::check(&store).unwrap(), None);
    // The next write goes through the WAL.
    let mut w = store.begin().unwrap();
    let meta = vigil_store::Meta {
        at: "2026-01-02T00:00:00.000000Z".into(),
        actor: "suite".into(),
        reason: None,
    };
    let p =
        vigil_core::record::parse_record(r#"{"type":"person","id":"q1","country":"BY"}"#).unwrap();
    vigil_store::ops::put(w.as_mut(), &meta, &p, vigil_store::ops::Expect::Any).unwrap();
    w.commit().unwrap();
    assert!(len(&path, "-wal") > 0, "a later save is in the WAL");
}

#[test]
fn an_import_while_another_connection_has_the_file_open_stays_in_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    let _: i64 = other
        .query_row("SELECT count(*) FROM log", [], |r| r.get(0))
        .unwrap();
    let mut input = lines(2_001, None);
    import(&mut store, &mut input, &opts(), &mut |_| {}).unwrap();
    assert_eq!(journal_mode(&store), "wal");
    let seen: i64 = other
        .query_row("SELECT count(*) FROM log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(seen, 2_001, "the other connection reads the import");
    assert_eq!(derived::check(&store).unwrap(), None);
}

/// The child of [`a_killed_import_leaves_the_file_empty_with_every_index`]: imports into
/// the file named by `VIGIL_KILLED_IMPORT`, with a page cache small enough that pages are
/// written into the file mid-transaction, and stalls before the end of its input.
#[test]
#[ignore = "run as a child process by a_killed_import_leaves_the_file_empty_with_every_index"]
fn killed_import_child() {
    let Some(path) = std::env::var_os("VIGIL_KILLED_IMPORT") else {
        return;
    };
    let path = PathBuf::from(path);
    let mut store = SqliteStore::open(&path).unwrap();
    store
        .connection()
        .pragma_update(None, "cache_size", 20)
        .unwrap();
    let mut input = lines(60_001, Some(path.with_extension("marker")));
    let input: &mut (dyn BufRead + Send) = &mut input;
    let _ = import(&mut store, input, &opts(), &mut |_| {});
    unreachable!("the input never ends");
}

#[test]
fn a_killed_import_leaves_the_file_empty_with_every_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("killed.db");
    let schema = indexes(&SqliteStore::open(&path).unwrap());
    let empty_len = len(&path, "");
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "killed_import_child",
            "--ignored",
            "--test-threads=1",
        ])
        .env("VIGIL_KILLED_IMPORT", &path)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Every line given and pages spilled into the file: the transaction is well under way.
    let start = Instant::now();
    while !(path.with_extension("marker").exists() && len(&path, "") > 4 * empty_len) {
        assert!(
            start.elapsed() < Duration::from_mins(2),
            "the child did not get going"
        );
        assert!(child.try_wait().unwrap().is_none(), "the child ended early");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        len(&path, "") > 4 * empty_len,
        "the killed import had written pages into the file"
    );
    assert!(
        Path::new(&format!("{}-journal", path.display())).exists(),
        "a hot journal is left"
    );
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(
        store.head().unwrap().entries,
        0,
        "nothing of the import is kept"
    );
    assert_eq!(indexes(&store), schema, "every index is there");
    assert_eq!(journal_mode(&store), "wal");
    assert_eq!(derived::check(&store).unwrap(), None);
    let ok: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // And the import can be done again.
    let mut input = lines(2_001, None);
    let report = import(&mut store, &mut input, &opts(), &mut |_| {}).unwrap();
    assert_eq!(report.added, 2_001);
    assert_eq!(derived::check(&store).unwrap(), None);
}
