//! The held series as an SVG chart, drawn on the server: no script, nothing from another
//! host. The band is the bounds (surely … possibly held), the line the headline figure,
//! and each announcement a marker linking to its page.

use std::fmt::Write;

use maud::{html, Markup, PreEscaped};
use vigil_core::registry::SeriesPoint;
use vigil_i18n::Arg;

use crate::i18n::Tr;

/// An announcement to mark on the chart.
pub struct Marker {
    pub date: String,
    pub id: String,
    pub label: String,
}

const W: f64 = 800.0;
const H: f64 = 260.0;
const LEFT: f64 = 56.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 18.0;

pub fn series(tr: &Tr, points: &[SeriesPoint], markers: &[Marker]) -> Markup {
    if points.len() < 2 {
        return html! { p { (tr.t("chart-empty")) } };
    }
    let max = points.iter().map(|p| p.held_max).max().unwrap_or(1).max(1) as f64;
    let n = (points.len() - 1) as f64;
    let x = |i: usize| LEFT + (W - LEFT - 8.0) * i as f64 / n;
    let y = |v: i64| TOP + (H - TOP - BOTTOM) * (1.0 - v as f64 / max);
    let mut line = String::new();
    let mut band = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(line, "{:.1},{:.1} ", x(i), y(p.held));
        let _ = write!(band, "{:.1},{:.1} ", x(i), y(p.held_max));
    }
    for (i, p) in points.iter().enumerate().rev() {
        let _ = write!(band, "{:.1},{:.1} ", x(i), y(p.held_min));
    }
    // A marker sits at the first point on or after its date.
    let at = |date: &str| points.iter().position(|p| p.date.as_str() >= date);
    let years: Vec<(usize, &str)> = points
        .iter()
        .enumerate()
        .filter(|(i, p)| *i == 0 || p.date[..4] != points[i - 1].date[..4])
        .map(|(i, p)| (i, &p.date[..4]))
        .collect();
    html! {
        svg.chart id="held-chart" viewBox=(format!("0 0 {W} {H}")) role="group" aria-label=(tr.t("chart-label")) {
            title { (tr.with("chart-title", &[("from", Arg::Text(tr.day_text(&points[0].date))), ("to", Arg::Text(tr.day_text(&points[points.len() - 1].date)))])) }
            line.axis x1=(LEFT) y1=(H - BOTTOM) x2=(W - 8.0) y2=(H - BOTTOM) {}
            text.tick x=(LEFT - 6.0) y=(TOP + 4.0) text-anchor="end" { (tr.num(max as i64)) }
            text.tick x=(LEFT - 6.0) y=(H - BOTTOM) text-anchor="end" { "0" }
            @for (i, year) in &years {
                text.tick x=(format!("{:.1}", x(*i))) y=(H - 6.0) text-anchor="middle" { (year) }
            }
            polygon.band points=(band) {}
            polyline.line points=(line) {}
            @for m in markers {
                @if let Some(i) = at(&m.date) {
                    a.wave href=(format!("/announcements/{}", m.id)) {
                        title { (m.label) }
                        line.wave-line x1=(format!("{:.1}", x(i))) y1=(TOP) x2=(format!("{:.1}", x(i))) y2=(H - BOTTOM) {}
                        // A wider, invisible stroke makes the marker easy to hit on a touch screen.
                        line.wave-hit x1=(format!("{:.1}", x(i))) y1=(TOP - 10.0) x2=(format!("{:.1}", x(i))) y2=(H - BOTTOM) {}
                        (PreEscaped(format!(r#"<path class="wave-mark" d="M{:.1} {:.1} l6 -10 h-12 z"/>"#, x(i), TOP + 10.0)))
                    }
                }
            }
        }
    }
}
