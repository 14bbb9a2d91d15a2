//! API tokens on the web (issue 13): an admin lists them at `/edit/tokens` and revokes
//! one, and the token is refused from its next request on; the revocation is in the
//! audit trail, whose chain still verifies. Viewers and editors are turned away from the
//! page and their revocations are refused, as are an anonymous one and an admin's without
//! the session's CSRF token: none of them writes anything.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{get, login, post_form, send, server, text};
use vigil_store::accounts::{new_secret, secret_hash, token_id, AuditRow, Role, TokenRow};
use vigil_store::Store;

/// A request of the caller's own answer, with a bearer token.
fn whoami(token: &str) -> Request<Body> {
    Request::builder()
        .uri("/api/v1/session")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn a_token_revoked_on_the_web_is_refused_at_once_and_only_an_admin_can_revoke() {
    let (live, _dir, path) = server();
    let store = || common::store(&path);
    let secret = new_secret();
    let hash = secret_hash(&secret);
    let id = token_id(&hash).to_string();
    store()
        .save_token(
            &hash,
            &TokenRow {
                name: "nightly-export".into(),
                role: Role::Editor,
                created: "2026-01-01T00:00:00.000000Z".into(),
                revoked: false,
                expires: Some("2099-01-01T00:00:00.000000Z".into()),
            },
            &AuditRow {
                at: "2026-01-01T00:00:00.000000Z".into(),
                actor: "test".into(),
                action: "token create".into(),
                subject: format!("nightly-export as editor ({id})"),
            },
        )
        .unwrap();
    assert_eq!(send(&live, whoami(&secret)).await.status(), StatusCode::OK);
    let (vera, eda, ada) = (
        login(&live, "vera").await,
        login(&live, "eda").await,
        login(&live, "ada").await,
    );

    // The page: admins only.
    let response = send(&live, get("/edit/tokens", None, None)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/login");
    for who in [&vera, &eda] {
        let response = send(&live, get("/edit/tokens", Some(who), None)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let page = text(response).await;
        assert!(!page.contains(&id), "a non-admin sees no token: {page}");
    }
    let response = send(&live, get("/edit/tokens?lang=en", Some(&ada), None)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = text(response).await;
    let row = &page[page
        .find(&format!("id=\"token-{id}\""))
        .expect("the token's row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    for cell in [
        id.as_str(),
        "nightly-export",
        "editor",
        "1 January 2026",
        "1 January 2099",
        "no",
    ] {
        assert!(row.contains(cell), "{cell} not in the row: {row}");
    }
    assert!(row.contains(&format!("id=\"revoke-{id}\"")), "{row}");
    assert!(
        !page.contains(&secret) && !page.contains(&hash),
        "no secret, no hash"
    );

    // Refused revocations write nothing: a viewer's, an editor's, an anonymous one, an
    // admin's without the session's CSRF token.
    let audit_rows = || store().audit_chain().unwrap().len();
    let before = audit_rows();
    for (who, status) in [
        (Some(&vera), StatusCode::FORBIDDEN),
        (Some(&eda), StatusCode::FORBIDDEN),
        (None, StatusCode::UNAUTHORIZED),
    ] {
        let response = send(
            &live,
            post_form("/edit/tokens/revoke", who, None, &[("id", &id)]),
        )
        .await;
        assert_eq!(response.status(), status);
    }
    let mut forged = post_form(
        "/edit/tokens/revoke",
        None,
        None,
        &[("id", &id), ("csrf", "x")],
    );
    forged
        .headers_mut()
        .insert(header::COOKIE, ada.cookie.parse().unwrap());
    assert_eq!(send(&live, forged).await.status(), StatusCode::FORBIDDEN);
    assert!(!store().token(&hash).unwrap().unwrap().revoked);
    assert_eq!(send(&live, whoami(&secret)).await.status(), StatusCode::OK);
    // The refusals are security events (a row each); no token changed.
    let refusals: Vec<String> = store()
        .audit_trail(100)
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "token revoke")
        .map(|r| r.subject)
        .collect();
    assert!(refusals.is_empty(), "{refusals:?}");
    assert!(audit_rows() >= before);

    // The admin revokes it: refused from the next request on.
    let response = send(
        &live,
        post_form(
            "/edit/tokens/revoke",
            Some(&ada),
            Some("vigil_lang=en"),
            &[("id", &id)],
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = text(response).await;
    assert!(page.contains("id=\"revoked\""), "{page}");
    assert!(
        !page.contains(&format!("id=\"revoke-{id}\"")),
        "no button left: {page}"
    );
    assert_eq!(
        send(&live, whoami(&secret)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert!(store().token(&hash).unwrap().unwrap().revoked);
    let trail = store().audit_trail(100).unwrap();
    let row = trail
        .iter()
        .find(|r| r.action == "token revoke")
        .expect("the revocation is audited");
    assert_eq!(row.actor, "ada");
    assert_eq!(row.subject, format!("nightly-export ({id})"));
    assert!(
        store().verify_audit().unwrap().is_ok(),
        "the audit chain holds the revocation"
    );

    // Again: already revoked; an unknown id: not found. Neither writes.
    let after = audit_rows();
    let response = send(
        &live,
        post_form("/edit/tokens/revoke", Some(&ada), None, &[("id", &id)]),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let response = send(
        &live,
        post_form(
            "/edit/tokens/revoke",
            Some(&ada),
            None,
            &[("id", "0123456789ab")],
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(audit_rows(), after);
}
