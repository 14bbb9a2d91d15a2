//! Crawling the public side of a running server as a reader would: every link from the
//! seeds, each page in every language, redirects followed with their addresses checked,
//! workbooks read back cell by cell, so a check sees every answer the public can reach.

use std::collections::{BTreeSet, VecDeque};

/// The languages every page is crawled in.
const LANGS: [&str; 3] = ["be", "ru", "en"];

/// At most this many addresses of one kind (one path, the same parameter names): the
/// dashboard links the years on either side of its own, 1000 to 9999, and a dozen of them
/// cover every year a test registry has.
const PER_KIND: usize = 12;

/// What a crawl of the public side fetched: the pages (addresses without `lang`) reached
/// in each language, and the API answers and files (language-free).
pub(crate) struct Crawl {
    pub(crate) pages: std::collections::BTreeMap<&'static str, BTreeSet<String>>,
    pub(crate) api: BTreeSet<String>,
    /// How many answers were workbooks (XLSX).
    pub(crate) workbooks: usize,
    /// The redirects met, from and to (addresses without `lang`; followed, their
    /// address and body checked).
    pub(crate) redirects: BTreeSet<(String, String)>,
}

/// Every cell of every sheet of a workbook, a line per row, tab-separated.
fn workbook_text(bytes: &[u8]) -> String {
    let sheets = vigil_core::sheet::read::sheets(bytes, vigil_core::sheet::read::Format::Xlsx)
        .expect("a workbook the server sends reads back");
    let mut out = String::new();
    for (name, rows) in sheets {
        out.push_str(&name);
        out.push('\n');
        for row in rows {
            out.push_str(&row.join("\t"));
            out.push('\n');
        }
    }
    out
}

impl Crawl {
    /// Fetches every address reachable from `seeds` (on the server at `base`) by the
    /// links of the answers and by redirects, each page once in each language (`lang=`
    /// added; the links of a page are followed in its language), the API and files once;
    /// `check` sees every answer and every address a redirect leads to. Every page of the
    /// public side must say its language in `<html lang>`. Fails when the crawl does not
    /// finish within its budget, so nothing is left uncrawled unnoticed.
    pub(crate) fn run(base: &str, seeds: &[&str], check: &dyn Fn(&str, &str)) -> Crawl {
        const BUDGET: usize = 1500;
        let mut queue: VecDeque<(String, Option<&'static str>)> = VecDeque::new();
        let enqueue = |queue: &mut VecDeque<_>, link: &str, lang: Option<&'static str>| {
            let link = without_lang(link);
            if is_page(&link) {
                let langs: Vec<&'static str> = lang.map_or_else(|| LANGS.to_vec(), |l| vec![l]);
                for l in langs {
                    queue.push_back((link.clone(), Some(l)));
                }
            } else {
                queue.push_back((link, None));
            }
        };
        for seed in seeds {
            enqueue(&mut queue, seed, None);
        }
        let mut seen: BTreeSet<(String, Option<&str>)> = BTreeSet::new();
        let mut kinds: std::collections::BTreeMap<(String, Option<&str>), usize> =
            std::collections::BTreeMap::new();
        let mut crawl = Crawl {
            pages: LANGS.iter().map(|l| (*l, BTreeSet::new())).collect(),
            api: BTreeSet::new(),
            workbooks: 0,
            redirects: BTreeSet::new(),
        };
        let mut fetched = 0;
        let client = reqwest::blocking::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        while let Some((path, lang)) = queue.pop_front() {
            if seen.contains(&(path.clone(), lang)) {
                continue;
            }
            let kind = kinds.entry((kind_of(&path), lang)).or_default();
            if *kind >= PER_KIND {
                continue;
            }
            *kind += 1;
            seen.insert((path.clone(), lang));
            fetched += 1;
            assert!(
                fetched <= BUDGET,
                "the crawl did not finish in {BUDGET} fetches"
            );
            let url = match lang {
                Some(l) if path.contains('?') => format!("{base}{path}&lang={l}"),
                Some(l) => format!("{base}{path}?lang={l}"),
                None => format!("{base}{path}"),
            };
            let r = client.get(&url).send().unwrap();
            let status = r.status().as_u16();
            // A redirect's address is an answer too (a merged person's old address leads
            // to the person kept): checked, then crawled like a link.
            if r.status().is_redirection() {
                let to = r
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_string();
                assert!(to.starts_with('/'), "GET {url}: {status} to {to:?}");
                // A page leads to a page in the reader's language.
                if let Some(l) = lang {
                    assert!(
                        to.contains(&format!("lang={l}")),
                        "GET {url}: {status} to {to:?}, not in {l}"
                    );
                }
                check(
                    &to,
                    &format!("GET {url} ({status}, the address it leads to)"),
                );
                let body = r.text().unwrap_or_default();
                check(&body, &format!("GET {url} ({status}, its body)"));
                crawl.redirects.insert((path.clone(), without_lang(&to)));
                enqueue(&mut queue, &to, lang);
                continue;
            }
            let html = r
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("text/html"));
            let workbook = r
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("spreadsheetml"));
            let bytes = r.bytes().unwrap_or_default();
            // A workbook is compressed: its cells are what is checked, read back.
            let body = if workbook {
                crawl.workbooks += 1;
                workbook_text(&bytes)
            } else {
                String::from_utf8_lossy(&bytes).into_owned()
            };
            assert!(status == 200 || status == 404, "GET {url}: {status}");
            check(&body, &format!("GET {url}"));
            match lang {
                Some(l) => {
                    crawl
                        .pages
                        .get_mut(l)
                        .expect("one of LANGS")
                        .insert(path.clone());
                    // The editors' side (/edit, /login) says its language in its own branch.
                    let public = !path.starts_with("/edit") && !path.starts_with("/login");
                    if html && public {
                        assert!(
                            body.contains(&format!("<html lang=\"{l}\">")),
                            "GET {url} is not in {l}:\n{}",
                            &body[..body.len().min(300)]
                        );
                    }
                }
                None => {
                    crawl.api.insert(path.clone());
                }
            }
            for link in body
                .split("href=\"")
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
            {
                let link = link.replace("&amp;", "&");
                if link.starts_with('/') && !link.starts_with("//") {
                    enqueue(&mut queue, &link, lang);
                }
            }
        }
        crawl
    }
}

/// An address is a page (HTML in the reader's language) unless it is the API's or a file.
fn is_page(path: &str) -> bool {
    !(path.starts_with("/api/")
        || path.starts_with("/static/")
        || path.starts_with("/favicon")
        || path.starts_with("/healthz"))
}

/// An address with its `lang` parameter left out (the language switch's links).
fn without_lang(link: &str) -> String {
    let Some((path, query)) = link.split_once('?') else {
        return link.to_string();
    };
    let rest: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    if rest.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", rest.join("&"))
    }
}

/// The kind of an address: its path and the names of its parameters.
fn kind_of(link: &str) -> String {
    let (path, query) = link.split_once('?').unwrap_or((link, ""));
    let mut names: Vec<&str> = query
        .split('&')
        .filter_map(|p| p.split('=').next())
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_unstable();
    format!("{path}?{}", names.join("&"))
}
