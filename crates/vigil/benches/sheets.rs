//! Spreadsheet import against JSON Lines, on the same registry, in the same run:
//! `cargo bench -p vigil --bench sheets` (`VIGIL_BENCH_ROWS=N`, default 100,000).
//!
//! Each form is timed from its bytes in memory to a committed SQLite store on disk:
//! CSV (read, convert, import), XLSX (read through calamine, convert, import), and the
//! JSON Lines the conversion gives (import alone). Rows per second for each, and the
//! ratio to JSON Lines.

use std::time::Instant;

use vigil_core::sheet::{self, read::Format, Options};
use vigil_store::{import, ImportOptions, SqliteStore};

#[allow(clippy::many_single_char_names)] // y, m, d: a date; x, k: the generator
fn rows(n: usize) -> Vec<Vec<String>> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |k: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % k
    };
    let mut out = vec![[
        "ФИО",
        "Пол",
        "Дата рождения",
        "Регион",
        "Дата задержания",
        "Дата признания",
        "Дата приговора",
        "Приговор",
        "Дата освобождения",
        "Основание освобождения",
    ]
    .map(String::from)
    .to_vec()];
    for i in 0..n {
        let (y, m, d) = (2020 + next(4), 1 + next(12), 1 + next(28));
        let released = next(3) == 0;
        out.push(vec![
            format!("Асоба{i} Прозвішча{} Імя", next(1000)),
            (if next(2) == 0 { "М" } else { "Ж" }).into(),
            format!(
                "{:02}.{:02}.{}",
                1 + next(28),
                1 + next(12),
                1950 + next(50)
            ),
            format!("Область {}", next(7)),
            format!("{d:02}.{m:02}.{y}"),
            format!("{:02}.{y}", m),
            format!("{}", y + 1),
            format!("{} года", 1 + next(10)),
            if released {
                format!("{}", y + 3)
            } else {
                String::new()
            },
            if released {
                "помилование".into()
            } else {
                String::new()
            },
        ]);
    }
    out
}

fn csv_bytes(rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

fn xlsx_bytes(rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn store_lines(text: &str) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("bench.db")).unwrap();
    let opts = ImportOptions {
        actor: "bench".into(),
        reason: None,
        at: "2026-12-01T00:00:00.000000Z".into(),
        update: false,
    };
    let report = import(&mut store, &mut text.as_bytes(), &opts, &mut |_| {}).unwrap();
    report.added
}

fn lines_of(rows: &[Vec<String>]) -> String {
    let c = sheet::convert(
        rows,
        &Options {
            country: Some("BY".into()),
            ..Options::default()
        },
    )
    .unwrap();
    let mut text = String::new();
    for (_, l) in &c.lines {
        text.push_str(l);
        text.push('\n');
    }
    text
}

fn main() {
    let n: usize = std::env::var("VIGIL_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let table = rows(n);
    let csv = csv_bytes(&table);
    let xlsx = xlsx_bytes(&table);
    let jsonl = lines_of(&table);
    eprintln!(
        "{n} rows: CSV {:.1} MB, XLSX {:.1} MB, JSON Lines {:.1} MB ({} records)",
        csv.len() as f64 / 1e6,
        xlsx.len() as f64 / 1e6,
        jsonl.len() as f64 / 1e6,
        jsonl.lines().count()
    );
    let t = Instant::now();
    let added = store_lines(&jsonl);
    let json_s = t.elapsed().as_secs_f64();
    eprintln!(
        "JSON Lines: {added} records in {json_s:.2} s, {:.0} rows/s",
        n as f64 / json_s
    );
    for (name, bytes, format) in [("CSV", &csv, Format::Csv), ("XLSX", &xlsx, Format::Xlsx)] {
        let t = Instant::now();
        let rows = sheet::read::rows(bytes, format).unwrap();
        let read_s = t.elapsed().as_secs_f64();
        let text = lines_of(&rows);
        let convert_s = t.elapsed().as_secs_f64() - read_s;
        let added = store_lines(&text);
        let total = t.elapsed().as_secs_f64();
        eprintln!(
            "{name}: {added} records in {total:.2} s (read {read_s:.2} s, convert {convert_s:.2} s), {:.0} rows/s, {:.2}x the JSON Lines time",
            n as f64 / total,
            total / json_s
        );
    }
}
