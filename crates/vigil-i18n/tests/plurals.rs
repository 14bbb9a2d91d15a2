//! No count is written before a noun in a form that is wrong for it ("1 waves", "1
//! records"): in the English catalogue a number placed before a plural noun must select
//! on its plural form (`$n_form`), and the messages fixed for it say "1 record" and "2
//! records" through the real lookup.

use vigil_i18n::{catalogue_source, t_with, Arg, Lang};

/// Each message of a catalogue: its key and its whole text (continuation lines included).
fn messages(source: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in source.lines() {
        if line.starts_with([' ', '\t', '}']) {
            if let Some(last) = out.last_mut() {
                last.1.push('\n');
                last.1.push_str(line);
            }
        } else if let Some((key, value)) = line.split_once(" = ") {
            if !key.starts_with('#') && !key.contains(' ') {
                out.push((key.to_string(), value.to_string()));
            }
        }
    }
    out
}

#[test]
fn no_english_count_stands_before_a_plural_noun_without_its_plural_form() {
    let mut wrong = Vec::new();
    for (key, text) in messages(catalogue_source(Lang::En)) {
        let mut rest = text.as_str();
        while let Some(i) = rest.find("{ $") {
            rest = &rest[i + 3..];
            let var: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let Some(after) = rest[var.len()..].strip_prefix(" } ") else {
                continue;
            };
            let word: String = after.chars().take_while(char::is_ascii_lowercase).collect();
            let plural_noun = word.len() > 2 && word.ends_with('s') && !word.ends_with("ss");
            if plural_noun && !text.contains(&format!("${var}_form")) {
                wrong.push(format!("{key}: {{ ${var} }} {word}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "counts before a plural noun with no plural select: {wrong:#?}"
    );
}

#[test]
fn the_spreadsheet_preview_counts_one_record_and_two_records() {
    let said = |n: i64| {
        t_with(
            Lang::En,
            "sheet-changes",
            &[
                ("added", Arg::Count(n)),
                ("corrected", Arg::Count(n)),
                ("unchanged", Arg::Count(0)),
            ],
        )
    };
    let one = said(1);
    assert!(
        one.contains("1 record would be new") && one.contains("1 correction,"),
        "{one}"
    );
    let two = said(2);
    assert!(
        two.contains("2 records would be new") && two.contains("2 corrections"),
        "{two}"
    );
}
