//! Links that carry a query string: every value percent-encoded (a name typed into the
//! directory's search, a record's id), so what a user typed can neither break a link nor
//! add a parameter to it; and ids as path segments, encoded the same way.

/// `path?k=v&…`, each key and value form-encoded; just `path` without pairs.
pub(crate) fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("{path}?{query}")
}

/// `text` as one path segment: every byte but the unreserved ones (`A-Z a-z 0-9 - . _ ~`)
/// percent-encoded, so an id cannot end the segment or start a query.
pub(crate) fn segment(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{segment, with_query};

    #[test]
    fn a_segment_cannot_end_the_path_or_start_a_query() {
        assert_eq!(segment("pk-20_mazyr.s6~"), "pk-20_mazyr.s6~");
        assert_eq!(segment("a/b?c#d e"), "a%2Fb%3Fc%23d%20e");
        assert_eq!(segment("Ал"), "%D0%90%D0%BB");
    }

    #[test]
    fn values_are_encoded_so_they_cannot_add_a_parameter() {
        assert_eq!(with_query("/a", &[]), "/a");
        assert_eq!(
            with_query(
                "/api/v1/persons",
                &[("q", "Ales & Co=1#x"), ("country", "BY")]
            ),
            "/api/v1/persons?q=Ales+%26+Co%3D1%23x&country=BY"
        );
        assert_eq!(
            with_query("/edit/record", &[("type", "person"), ("id", "Алесь")]),
            "/edit/record?type=person&id=%D0%90%D0%BB%D0%B5%D1%81%D1%8C"
        );
    }
}
