//! Writing workbooks (XLSX, with `rust_xlsxwriter`) into memory: tables as the sheets of
//! one workbook, and the empty list to fill in whose headers and drop-down lists are the
//! ones `convert` reads back. The CLI writes the bytes to a file; the server sends them.

use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};

use super::tables::Table;

fn failed(e: &XlsxError) -> String {
    format!("writing the workbook: {e}")
}

/// A workbook whose sheets are `sheets` (name, table), each header in bold and frozen.
/// Empty cells stay empty; every other cell is text, as the tables hold it (an export,
/// read back cell for cell).
pub fn workbook(sheets: &[(&str, &Table)]) -> Result<Vec<u8>, String> {
    book(sheets, false)
}

/// [`workbook`] with every cell that is a plain number (`29`, `-3`, `0.52`; no leading
/// zero, no sign but `-`) written as a number, so a spreadsheet sums and charts it: the
/// answers' tables.
pub fn workbook_of_numbers(sheets: &[(&str, &Table)]) -> Result<Vec<u8>, String> {
    book(sheets, true)
}

/// Whether a cell is a plain number, written back exactly as it was read.
fn plain_number(v: &str) -> Option<f64> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
        && (frac.is_empty() != digits.contains('.'))
        && int.len() <= 15;
    if !ok {
        return None;
    }
    let n: f64 = v.parse().ok()?;
    (n.to_string() == v || format!("{}", n as i64) == v).then_some(n)
}

fn book(sheets: &[(&str, &Table)], numbers: bool) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (name, table) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).map_err(|e| failed(&e))?;
        for (c, h) in table.header.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, h, &bold)
                .map_err(|e| failed(&e))?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                match plain_number(v).filter(|_| numbers) {
                    Some(n) => {
                        sheet
                            .write_number(r as u32 + 1, c as u16, n)
                            .map_err(|e| failed(&e))?;
                    }
                    None if !v.is_empty() => {
                        sheet
                            .write_string(r as u32 + 1, c as u16, v)
                            .map_err(|e| failed(&e))?;
                    }
                    None => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(|e| failed(&e))?;
    }
    book.save_to_buffer().map_err(|e| failed(&e))
}

/// The list to fill in, one person per row: the recognised headers in `lang` (be, ru or
/// en), with drop-down lists where a field has a fixed set of values.
pub fn template(lang: &str) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("persons").map_err(|e| failed(&e))?;
    for (c, (field, header)) in super::template_headers(lang).iter().enumerate() {
        let c = c as u16;
        sheet
            .write_string_with_format(0, c, *header, &bold)
            .map_err(|e| failed(&e))?;
        sheet.set_column_width(c, 18).map_err(|e| failed(&e))?;
        let choices = super::choices(*field, lang);
        if !choices.is_empty() {
            let v = DataValidation::new()
                .allow_list_strings(&choices)
                .map_err(|e| failed(&e))?;
            sheet
                .add_data_validation(1, c, 10_000, c, &v)
                .map_err(|e| failed(&e))?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(|e| failed(&e))?;
    book.save_to_buffer().map_err(|e| failed(&e))
}

#[cfg(test)]
mod tests {
    use super::plain_number;

    #[test]
    fn only_plain_numbers_become_numbers() {
        for (v, n) in [
            ("29", Some(29.0)),
            ("-3", Some(-3.0)),
            ("0.52", Some(0.52)),
            ("0", Some(0.0)),
        ] {
            assert_eq!(plain_number(v), n, "{v}");
        }
        for v in [
            "007",
            "2024-12-09",
            "1e5",
            "+3",
            "3.",
            ".5",
            "",
            "fewer than 3",
            "1 135",
            "12345678901234567",
        ] {
            assert_eq!(plain_number(v), None, "{v}");
        }
    }
}
