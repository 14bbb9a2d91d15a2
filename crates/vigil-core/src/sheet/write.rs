//! Writing workbooks (XLSX, with `rust_xlsxwriter`) into memory: tables as the sheets of
//! one workbook, and the empty list to fill in whose headers and drop-down lists are the
//! ones `convert` reads back. The CLI writes the bytes to a file; the server sends them.

use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};

use super::tables::Table;

fn failed(e: &XlsxError) -> String {
    format!("writing the workbook: {e}")
}

/// A workbook whose sheets are `sheets` (name, table), each header in bold and frozen.
/// Empty cells stay empty; every other cell is text, as the tables hold it.
pub fn workbook(sheets: &[(&str, &Table)]) -> Result<Vec<u8>, String> {
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
                if !v.is_empty() {
                    sheet
                        .write_string(r as u32 + 1, c as u16, v)
                        .map_err(|e| failed(&e))?;
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
