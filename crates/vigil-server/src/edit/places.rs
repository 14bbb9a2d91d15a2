//! `GET /edit/places`: the places of detention for editors, by name in the reader's
//! language, with their kind, country, region and postal address and how many persons
//! are held there today; each links to its form, and a new place is one link away.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;
use vigil_core::access::Audience;
use vigil_core::registry::{By, Mode};

use crate::auth::BackofficeEditor;
use crate::edit::{case_inputs, lists, page};
use crate::i18n::Tr;
use crate::Live;

/// `GET /edit/places`.
#[utoipa::path(get, path = "/edit/places", tag = "pages", security(("session" = []), ("bearer" = [])),
    responses((status = 200, description = "Every place of detention, by name, with its form", content_type = "text/html", body = String), crate::shapes::EditorPage))]
pub async fn places(
    State(live): State<Arc<Live>>,
    BackofficeEditor(editor): BackofficeEditor,
    tr: Tr,
) -> Response {
    let p = editor.principal().clone();
    let snapshot = live.snapshot();
    let reg = &snapshot.registry;
    let today = crate::today();
    let list = case_inputs::places(&tr, reg);
    let held = reg.held_by(today, None, Mode::All, By::Place, Audience::Trusted);
    let body = html! {
        h1 { (tr.t("edit-places-heading")) }
        p { a #new-place href="/edit/new/place" { (tr.t("edit-add-place")) } }
        p { (lists::showing(&tr, 0, list.len(), list.len())) }
        div.scroll { table #places {
            thead { tr {
                th scope="col" { (tr.t("col-name")) } th scope="col" { (tr.t("field-place-kind")) } th scope="col" { (tr.t("col-country")) }
                th scope="col" { (tr.t("field-region")) } th scope="col" { (tr.t("field-address")) } th scope="col" { (tr.t("col-held-now")) }
            } }
            tbody {
                @for (id, words) in &list {
                    @let place = reg.place(id);
                    tr {
                        td { a href=(lists::form_link(vigil_core::record::RecordType::Place, id)) { (words) } }
                        td { @if let Some(pl) = place { (tr.term("place-kind", pl.kind.as_str())) } }
                        td { @if let Some(c) = place.and_then(|pl| pl.country.as_deref()) { (tr.term("country", c)) } }
                        td { (place.and_then(|pl| pl.region.as_deref()).unwrap_or("")) }
                        td { (place.and_then(|pl| pl.address.as_deref()).unwrap_or("")) }
                        td { (tr.num(held.get(id).copied().unwrap_or(0))) }
                    }
                }
            }
        } }
    };
    page(&tr, &tr.t("edit-places-heading"), Some(&p), &body).into_response()
}
