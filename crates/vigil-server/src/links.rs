//! Links that carry a query string: every value percent-encoded (a name typed into the
//! directory's search, a record's id), so what a user typed can neither break a link nor
//! add a parameter to it.

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

#[cfg(test)]
mod tests {
    use super::with_query;

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
