//! A spreadsheet's bytes as rows of text: CSV (UTF-8, with a byte order mark or not;
//! comma, semicolon or tab, as the header line shows), XLSX and ODS (the first sheet,
//! through `calamine`). Dates stored as dates in XLSX/ODS come out as `YYYY-MM-DD`.
//! Nothing here touches a file: the caller reads the bytes.

use std::io::Cursor;

use calamine::{Data, Reader};

/// A sheet's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Ods,
}

impl Format {
    /// The format a file name says (`.csv`, `.tsv`, `.xlsx`, `.ods`), if any.
    #[must_use]
    pub fn of_name(name: &str) -> Option<Format> {
        let ext = std::path::Path::new(name)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" => Some(Format::Csv),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }

    /// A format by name, as `--format` takes it.
    #[must_use]
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_lowercase().as_str() {
            "csv" | "tsv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }
}

/// The rows of a sheet, or why it cannot be read.
pub fn rows(bytes: &[u8], format: Format) -> Result<Vec<Vec<String>>, String> {
    match format {
        Format::Csv => csv_rows(bytes),
        Format::Xlsx | Format::Ods => workbook_rows(bytes, format),
    }
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let high = bytes.iter().filter(|&&b| b >= 0xC0).count();
        let hint = if high * 2 > bytes.iter().filter(|&&b| b >= 0x80).count() {
            " — it looks like Windows-1251, as Excel saves Cyrillic CSV"
        } else {
            ""
        };
        return Err(format!(
            "the file is not UTF-8 text (byte {} cannot be read{hint}); save it as \"CSV UTF-8\" or as .xlsx",
            e.valid_up_to() + 1
        ));
    }
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    #[allow(clippy::naive_bytecount)] // one header line: no crate for that
    let count = |c: u8| first_line.iter().filter(|&&b| b == c).count();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&c| count(c))
        .filter(|&c| count(c) > 0)
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", i + 1))?;
        out.push(record.iter().map(str::to_string).collect());
    }
    Ok(out)
}

fn workbook_rows(bytes: &[u8], format: Format) -> Result<Vec<Vec<String>>, String> {
    let what = match format {
        Format::Ods => "ODS",
        _ => "XLSX",
    };
    // An encrypted workbook is an OLE compound file, not a zip: Excel wraps a
    // password-protected .xlsx that way (and an old .xls is one too).
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(format!(
            "the {what} file is protected by a password (or is an old .xls): save a copy without a password, as .xlsx"
        ));
    }
    let explain = |e: &dyn std::fmt::Display| {
        let text = e.to_string();
        if text.to_lowercase().contains("password") || text.to_lowercase().contains("encrypt") {
            format!("the {what} file is protected by a password; save a copy without one")
        } else {
            format!("the file cannot be read as {what} ({text}); is it cut short, or of another format?")
        }
    };
    let range = if format == Format::Ods {
        let mut book: calamine::Ods<_> =
            calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| explain(&e))?;
        first_sheet(&mut book).map_err(|e| explain(&e))?
    } else {
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| explain(&e))?;
        first_sheet(&mut book).map_err(|e| explain(&e))?
    };
    Ok(range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect())
}

/// A sheet's name and rows.
pub type Named = (String, Vec<Vec<String>>);

/// Every sheet of a workbook by name, in order (an export's tables).
pub fn sheets(bytes: &[u8], format: Format) -> Result<Vec<Named>, String> {
    fn all<RS, R>(book: &mut R) -> Result<Vec<Named>, R::Error>
    where
        RS: std::io::Read + std::io::Seek,
        R: Reader<RS>,
    {
        let mut out = Vec::new();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name)?;
            out.push((
                name,
                range
                    .rows()
                    .map(|r| r.iter().map(cell_text).collect())
                    .collect(),
            ));
        }
        Ok(out)
    }
    let text = |e: &dyn std::fmt::Display| format!("the workbook cannot be read ({e})");
    match format {
        Format::Csv => Err("a CSV file has one table".into()),
        Format::Ods => {
            let mut book: calamine::Ods<_> =
                calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| text(&e))?;
            all(&mut book).map_err(|e| text(&e))
        }
        Format::Xlsx => {
            let mut book: calamine::Xlsx<_> =
                calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| text(&e))?;
            all(&mut book).map_err(|e| text(&e))
        }
    }
}

fn first_sheet<RS, R>(book: &mut R) -> Result<calamine::Range<Data>, R::Error>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
{
    let names = book.sheet_names();
    let Some(first) = names.first().cloned() else {
        return Ok(calamine::Range::empty());
    };
    book.worksheet_range(&first)
}

/// A cell as text: numbers without a trailing `.0`, dates as `YYYY-MM-DD`.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt.as_datetime().map_or_else(
            || dt.to_string(),
            |t| t.date().format("%Y-%m-%d").to_string(),
        ),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
