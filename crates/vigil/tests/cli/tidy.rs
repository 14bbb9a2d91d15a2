//! Tidy checks over the source tree, in the manner of rust-analyzer's: every Rust file
//! says what it owns in a `//!` first line; no file grows past 800 lines without saying
//! why at its top; the modules of a crate import each other without circles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LONGEST: usize = 800;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "node_modules" | ".git") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn all_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&root().join("crates"), &mut files);
    files.sort();
    assert!(files.len() > 40, "found only {} files", files.len());
    files
}

#[test]
fn every_rust_file_opens_with_a_line_saying_what_it_owns() {
    let missing: Vec<String> = all_files()
        .iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            !text.trim_start().starts_with("//!")
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` first line: {missing:#?}"
    );
}

#[test]
fn no_file_is_longer_than_800_lines_without_saying_why() {
    let long: Vec<String> = all_files()
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let n = text.lines().count();
            // The reason is said in the file's opening doc lines: "longer than 800 lines because …".
            let header: String = text
                .lines()
                .take_while(|l| l.starts_with("//!"))
                .collect::<Vec<_>>()
                .join(" ");
            (n > LONGEST && !header.contains("longer than 800 lines because"))
                .then(|| format!("{} ({n} lines)", p.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {LONGEST} lines with no reason at their top (\"longer than 800 lines because …\"): {long:#?}"
    );
}

/// The top-level module a source file belongs to, within its crate's `src`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .to_string();
    let name = first.trim_end_matches(".rs").to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// Circles among a crate's top-level modules, found through `crate::MODULE` paths in the
/// non-test part of each file. A use through a re-export at the crate root
/// (`crate::Live`) names no module and is not followed: a known blind spot.
fn circles(src: &Path) -> Vec<Vec<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(src, f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let Some(from) = module_of(src, f) else {
            continue;
        };
        let text = std::fs::read_to_string(f).unwrap();
        // Tests may reach anywhere in their crate; comments (doc links) are not imports.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if modules.contains(&name) && name != from {
                edges.entry(from.clone()).or_default().insert(name);
            }
        }
    }
    // Every cycle through the graph, each reported once from its smallest module.
    let mut found = Vec::new();
    for start in &modules {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        while let Some((at, path)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    found.push(path.clone());
                } else if next > start && !path.contains(next) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    found
}

#[test]
fn modules_import_each_other_without_circles() {
    let mut all = Vec::new();
    for krate in ["vigil-core", "vigil-store", "vigil-server", "vigil"] {
        let src = root().join("crates").join(krate).join("src");
        for c in circles(&src) {
            all.push(format!("{krate}: {}", c.join(" -> ")));
        }
    }
    assert!(all.is_empty(), "import circles: {all:#?}");
}

/// Every table header cell the server writes says what it heads (`scope="col"`), so a
/// screen reader names the column of each cell it reads.
#[test]
fn every_table_header_cell_says_what_it_heads() {
    let mut bare = Vec::new();
    let mut files = Vec::new();
    rust_files(&root().join("crates/vigil-server/src"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            // maud's `th {` or `th.class {`: a header cell with no attribute.
            let mut rest = line;
            while let Some(i) = rest.find("th") {
                let before = rest[..i].chars().next_back();
                let after = &rest[i + 2..];
                let tail = after
                    .trim_start_matches(|c: char| c == '.' || c.is_ascii_lowercase() || c == '-');
                let class_only = after.starts_with('.') || after.starts_with(' ');
                if !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    && class_only
                    && tail.starts_with(" {")
                {
                    bare.push(format!("{}:{}", file.display(), n + 1));
                }
                rest = &rest[i + 2..];
            }
        }
    }
    assert!(bare.is_empty(), "header cells without scope: {bare:?}");
}
