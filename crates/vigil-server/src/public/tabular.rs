//! The public answers as tables: `format=csv` (the tables one after another, a blank
//! line between them, each cell quoted by the `csv` crate where it must be) and
//! `format=xlsx` (each table a sheet of one workbook, written by `vigil_core::sheet::write`),
//! for the counting sections and the directory. The tables are built once, from the same
//! answer the JSON gives, so the three say the same.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use vigil_core::sheet::tables::Table;

use crate::AppError;

/// A table format of an answer, from its `format` parameter; `None` for JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tabular {
    Csv,
    Xlsx,
}

impl Tabular {
    pub(crate) fn of(format: Option<&String>) -> Option<Tabular> {
        match format.map(String::as_str) {
            Some("csv") => Some(Tabular::Csv),
            Some("xlsx") => Some(Tabular::Xlsx),
            _ => None,
        }
    }
}

/// A named table of an answer.
pub(crate) struct Tab {
    pub name: &'static str,
    pub table: Table,
}

pub(crate) fn tab(
    name: &'static str,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Tab {
    Tab {
        name,
        table: Table {
            header: header.iter().map(|h| (*h).to_string()).collect(),
            rows: rows.into_iter().collect(),
        },
    }
}

/// A CSV table (header, then rows; lines end in `\n`).
pub(crate) fn csv_text(t: &Table) -> Result<String, AppError> {
    let broken = |e: &dyn std::fmt::Display| AppError::Internal(format!("writing CSV: {e}"));
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(&t.header).map_err(|e| broken(&e))?;
    for row in &t.rows {
        w.write_record(row).map_err(|e| broken(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| broken(&e))?;
    String::from_utf8(bytes).map_err(|e| broken(&e))
}

/// The tables as CSV text: one after another, a blank line between them.
pub(crate) fn csv_all(tabs: &[Tab]) -> Result<String, AppError> {
    let mut out = String::new();
    for (i, t) in tabs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&csv_text(&t.table)?);
    }
    Ok(out)
}

/// The answer as a download named `file` (`.csv` or `.xlsx`).
pub(crate) fn respond(file: &str, tabs: &[Tab], format: Tabular) -> Result<Response, AppError> {
    let (kind, ext, body) = match format {
        Tabular::Csv => (
            "text/csv; charset=utf-8",
            "csv",
            csv_all(tabs)?.into_bytes(),
        ),
        Tabular::Xlsx => {
            let sheets: Vec<(&str, &Table)> = tabs.iter().map(|t| (t.name, &t.table)).collect();
            let bytes = vigil_core::sheet::write::workbook_of_numbers(&sheets)
                .map_err(AppError::Internal)?;
            (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
                bytes,
            )
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}.{ext}\""),
            ),
        ],
        body,
    )
        .into_response())
}
