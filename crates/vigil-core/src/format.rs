//! Formatting shared by every front end's prose: numbers as people write them, qualifiers as
//! they read before a number. Pure functions of their input; `check`, `extract`, the pages
//! and the CLI all use them, so none of those imports another only for formatting.

use crate::record::Qualifier;

/// A number as people write it: 1,300.
#[must_use]
pub fn thousands(n: f64) -> String {
    if n.fract() != 0.0 {
        return format!("{n}");
    }
    let digits = format!("{}", n.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A qualifier as it reads before a number: "approximately ", "at least ", …
#[must_use]
pub fn qualifier_words(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::Approximately => "approximately ",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
        Qualifier::UpTo => "up to ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(thousands(1300.0), "1,300");
        assert_eq!(thousands(13000.0), "13,000");
        assert_eq!(thousands(178.0), "178");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(2.5), "2.5");
    }
}
