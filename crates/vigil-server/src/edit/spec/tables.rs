//! The fields of each record type's form, one entry each (`spec` says what an entry
//! means); the vocabularies the choices offer. A new field is one entry here.

use super::{Field, Input};

pub(crate) const SEXES: &[&str] = &["female", "male", "other"];
pub(crate) const VISIBILITIES: &[&str] = &["public", "restricted", "confidential"];
/// The usual roles (DESIGN.md); others are kept and shown too.
pub(crate) const ROLES: &[&str] = vigil_core::roles::USUAL_ROLES;
pub(crate) const HEALTH: &[&str] = &["disability", "chronic_illness", "none"];
pub(crate) const CONFIDENCES: &[&str] = &["confirmed", "reported", "alleged"];
pub(crate) const REASONS: &[&str] = &[
    "end_of_term",
    "pardon",
    "amnesty",
    "acquittal",
    "deported",
    "conditional",
    "other",
];
/// A sentence's outcomes (`Regime::ALL`): the custodial regimes, then penalties served
/// outside.
pub(crate) const REGIMES: &[&str] = &[
    "general",
    "reinforced",
    "strict",
    "special",
    "prison",
    "settlement",
    "restricted_freedom",
    "house_arrest",
    "fine",
    "suspended",
    "compulsory_treatment",
    "other",
];
/// What an appeal court decided (`AppealOutcome::ALL`).
pub(crate) const APPEAL_OUTCOMES: &[&str] =
    &["upheld", "reduced", "increased", "overturned", "pending"];
/// What a place of detention is (`PlaceKind::ALL`).
pub(crate) const PLACE_KINDS: &[&str] =
    &["ivs", "sizo", "colony", "prison", "psychiatric", "other"];
/// Conditions of detention, the fixed vocabulary (`Condition::ALL`).
pub(crate) const CONDITIONS: &[&str] = &[
    "incommunicado",
    "no_lawyer",
    "punishment_cell",
    "cell_type_unit",
    "visits_banned",
    "parcels_banned",
    "correspondence_blocked",
    "ill_treatment",
    "medical_care_denied",
];
/// Every event kind (`EventKind::ALL`, as the interchange writes them).
pub(crate) const EVENT_KINDS: &[&str] = &[
    "detained",
    "charged",
    "sentenced",
    "recognized",
    "recognition_withdrawn",
    "transferred",
    "conditions",
    "released",
    "pardoned",
    "exiled",
    "harassed",
    "died_in_custody",
    "disappeared",
];
pub(crate) const ANNOUNCEMENT_KINDS: &[&str] = &["pardon", "amnesty", "release", "recognition"];
pub(crate) const QUALIFIERS: &[&str] =
    &["exact", "approximately", "at_least", "more_than", "up_to"];
/// The standard breakdown keys (DESIGN.md), each a cell of the announcement's grid.
pub(crate) const BREAKDOWN: &[&str] = &[
    "women",
    "men",
    "under_25",
    "pensioners",
    "disabled",
    "chronic_illness",
    "minors",
    "foreigners",
];
/// The usual metrics of a figure (CONTRACT.md).
pub(crate) const METRICS: &[&str] = &[
    "political_prisoners_held",
    "pardon_waves_year",
    "pardoned_total_year",
    "exiled_total",
];

/// The person's fields besides its names (`names_*` below).
pub(crate) const PERSON: &[Field] = &[
    Field {
        key: "sex",
        path: &["sex"],
        input: Input::Choice("sex", SEXES),
        label: |tr| tr.t("field-sex"),
        kinds: &[],
    },
    Field {
        key: "birth_date",
        path: &["birth_date"],
        input: Input::Date,
        label: |tr| tr.t("field-birth-date"),
        kinds: &[],
    },
    Field {
        key: "country",
        path: &["country"],
        input: Input::Country,
        label: |tr| tr.t("field-country"),
        kinds: &[],
    },
    Field {
        key: "region",
        path: &["region"],
        input: Input::Text,
        label: |tr| tr.t("field-region"),
        kinds: &[],
    },
    Field {
        key: "roles",
        path: &["roles"],
        input: Input::Checks("role", ROLES),
        label: |tr| tr.t("field-roles"),
        kinds: &[],
    },
    Field {
        key: "health",
        path: &["health"],
        input: Input::Checks("health", HEALTH),
        label: |tr| tr.t("field-health"),
        kinds: &[],
    },
    Field {
        key: "prominent",
        path: &["prominent"],
        input: Input::Flag,
        label: |tr| tr.t("field-prominent"),
        kinds: &[],
    },
    Field {
        key: "visibility",
        path: &["visibility"],
        input: Input::Choice("visibility", VISIBILITIES),
        label: |tr| tr.t("field-visibility"),
        kinds: &[],
    },
    Field {
        key: "consent_note",
        path: &["consent_note"],
        input: Input::Text,
        label: |tr| tr.t("field-consent-note"),
        kinds: &[],
    },
];

/// An event's fields; the details each belong to the kinds they describe. The person,
/// the sources and the announcement are picked (`forms`), not typed.
pub(crate) const EVENT: &[Field] = &[
    Field {
        key: "kind",
        path: &["kind"],
        input: Input::Choice("event-kind", EVENT_KINDS),
        label: |tr| tr.t("field-kind"),
        kinds: &[],
    },
    Field {
        key: "date",
        path: &["date"],
        input: Input::Date,
        label: |tr| tr.t("field-date"),
        kinds: &[],
    },
    Field {
        key: "term",
        path: &["details", "term_months"],
        input: Input::Term,
        label: |tr| tr.t("field-term"),
        kinds: &["sentenced"],
    },
    Field {
        key: "regime",
        path: &["details", "regime"],
        input: Input::Choice("regime", REGIMES),
        label: |tr| tr.t("field-regime"),
        kinds: &["sentenced"],
    },
    Field {
        key: "articles",
        path: &["details", "articles"],
        input: Input::Articles,
        label: |tr| tr.t("field-articles"),
        kinds: &["charged", "sentenced"],
    },
    Field {
        key: "term_start",
        path: &["details", "term_start"],
        input: Input::Date,
        label: |tr| tr.t("field-term-start"),
        kinds: &["sentenced"],
    },
    Field {
        key: "case",
        path: &["details", "case"],
        input: Input::Text,
        label: |tr| tr.t("field-case"),
        kinds: &["charged", "sentenced"],
    },
    Field {
        key: "extends",
        path: &["details", "extends"],
        input: Input::Flag,
        label: |tr| tr.t("field-extends"),
        kinds: &["sentenced"],
    },
    Field {
        key: "court",
        path: &["details", "court"],
        input: Input::Text,
        label: |tr| tr.t("field-court"),
        kinds: &["sentenced"],
    },
    Field {
        key: "judge",
        path: &["details", "judge"],
        input: Input::Text,
        label: |tr| tr.t("field-judge"),
        kinds: &["sentenced"],
    },
    Field {
        key: "prosecutor",
        path: &["details", "prosecutor"],
        input: Input::Text,
        label: |tr| tr.t("field-prosecutor"),
        kinds: &["sentenced"],
    },
    Field {
        key: "counsel",
        path: &["details", "counsel"],
        input: Input::Text,
        label: |tr| tr.t("field-counsel"),
        kinds: &["sentenced"],
    },
    Field {
        key: "appeal_date",
        path: &["details", "appeal", "date"],
        input: Input::Date,
        label: |tr| tr.t("field-appeal-date"),
        kinds: &["sentenced"],
    },
    Field {
        key: "appeal_court",
        path: &["details", "appeal", "court"],
        input: Input::Text,
        label: |tr| tr.t("field-appeal-court"),
        kinds: &["sentenced"],
    },
    Field {
        key: "appeal_outcome",
        path: &["details", "appeal", "outcome"],
        input: Input::Choice("appeal-outcome", APPEAL_OUTCOMES),
        label: |tr| tr.t("field-appeal-outcome"),
        kinds: &["sentenced"],
    },
    Field {
        key: "appeal_term",
        path: &["details", "appeal", "term_months"],
        input: Input::Term,
        label: |tr| tr.t("field-appeal-term"),
        kinds: &["sentenced"],
    },
    Field {
        key: "appeal_regime",
        path: &["details", "appeal", "regime"],
        input: Input::Choice("regime", REGIMES),
        label: |tr| tr.t("field-appeal-regime"),
        kinds: &["sentenced"],
    },
    Field {
        key: "release_reason",
        path: &["details", "reason"],
        input: Input::Choice("release-reason", REASONS),
        label: |tr| tr.t("field-release-reason"),
        kinds: &["released"],
    },
    Field {
        key: "by",
        path: &["details", "by"],
        input: Input::Text,
        label: |tr| tr.t("field-recognized-by"),
        kinds: &["recognized", "recognition_withdrawn"],
    },
    Field {
        key: "destination",
        path: &["details", "place"],
        input: Input::Destination,
        label: |tr| tr.t("field-destination"),
        kinds: &["transferred"],
    },
    Field {
        key: "to",
        path: &["details", "to"],
        input: Input::Text,
        label: |tr| tr.t("field-transfer-to"),
        kinds: &["exiled"],
    },
    Field {
        key: "conditions",
        path: &["details", "conditions"],
        input: Input::Checks("condition", CONDITIONS),
        label: |tr| tr.t("field-conditions"),
        kinds: &["conditions"],
    },
    Field {
        key: "note",
        path: &["details", "note"],
        input: Input::Text,
        label: |tr| tr.t("field-note"),
        kinds: &[
            "conditions",
            "harassed",
            "disappeared",
            "died_in_custody",
            "exiled",
        ],
    },
    Field {
        key: "confidence",
        path: &["confidence"],
        input: Input::Choice("confidence", CONFIDENCES),
        label: |tr| tr.t("field-confidence"),
        kinds: &[],
    },
    Field {
        key: "visibility",
        path: &["visibility"],
        input: Input::Choice("visibility", VISIBILITIES),
        label: |tr| tr.t("field-visibility"),
        kinds: &[],
    },
];

/// An announcement's fields; the breakdown's standard keys are a grid (`breakdown_field`),
/// custom keys a pair of fields (`forms`).
pub(crate) const ANNOUNCEMENT: &[Field] = &[
    Field {
        key: "kind",
        path: &["kind"],
        input: Input::Choice("announcement-kind", ANNOUNCEMENT_KINDS),
        label: |tr| tr.t("field-kind"),
        kinds: &[],
    },
    Field {
        key: "date",
        path: &["date"],
        input: Input::Date,
        label: |tr| tr.t("field-date"),
        kinds: &[],
    },
    Field {
        key: "country",
        path: &["country"],
        input: Input::Country,
        label: |tr| tr.t("field-country"),
        kinds: &[],
    },
    Field {
        key: "issuer",
        path: &["issuer"],
        input: Input::Text,
        label: |tr| tr.t("field-issuer"),
        kinds: &[],
    },
    Field {
        key: "total",
        path: &["total"],
        input: Input::Count,
        label: |tr| tr.t("field-total"),
        kinds: &[],
    },
    Field {
        key: "names_disclosed",
        path: &["names_disclosed"],
        input: Input::Flag,
        label: |tr| tr.t("field-names-disclosed"),
        kinds: &[],
    },
    Field {
        key: "claims",
        path: &["claims"],
        input: Input::Lines,
        label: |tr| tr.t("field-claims"),
        kinds: &[],
    },
];

pub(crate) const FIGURE: &[Field] = &[
    Field {
        key: "metric",
        path: &["metric"],
        input: Input::Choice("metric", METRICS),
        label: |tr| tr.t("field-metric"),
        kinds: &[],
    },
    Field {
        key: "value",
        path: &["value"],
        input: Input::Number,
        label: |tr| tr.t("field-value"),
        kinds: &[],
    },
    Field {
        key: "qualifier",
        path: &["qualifier"],
        input: Input::Choice("qualifier", QUALIFIERS),
        label: |tr| tr.t("field-qualifier"),
        kinds: &[],
    },
    Field {
        key: "as_of",
        path: &["as_of"],
        input: Input::Date,
        label: |tr| tr.t("field-as-of"),
        kinds: &[],
    },
    Field {
        key: "country",
        path: &["country"],
        input: Input::Country,
        label: |tr| tr.t("field-country"),
        kinds: &[],
    },
];

pub(crate) const SOURCE: &[Field] = &[
    Field {
        key: "publisher",
        path: &["publisher"],
        input: Input::Text,
        label: |tr| tr.t("field-publisher"),
        kinds: &[],
    },
    Field {
        key: "title",
        path: &["title"],
        input: Input::Text,
        label: |tr| tr.t("field-title"),
        kinds: &[],
    },
    Field {
        key: "url",
        path: &["url"],
        input: Input::Text,
        label: |tr| tr.t("field-url"),
        kinds: &[],
    },
    Field {
        key: "published",
        path: &["published"],
        input: Input::Date,
        label: |tr| tr.t("field-published"),
        kinds: &[],
    },
    Field {
        key: "reliability",
        path: &["reliability"],
        input: Input::Text,
        label: |tr| tr.t("field-reliability"),
        kinds: &[],
    },
];

/// A place of detention's fields; its sources are picked as other records' are.
pub(crate) const PLACE: &[Field] = &[
    Field {
        key: "name_be",
        path: &["names"],
        input: Input::NameIn("be"),
        label: |tr| tr.t("field-place-name-be"),
        kinds: &[],
    },
    Field {
        key: "name_ru",
        path: &["names"],
        input: Input::NameIn("ru"),
        label: |tr| tr.t("field-place-name-ru"),
        kinds: &[],
    },
    Field {
        key: "name_en",
        path: &["names"],
        input: Input::NameIn("en"),
        label: |tr| tr.t("field-place-name-en"),
        kinds: &[],
    },
    Field {
        key: "kind",
        path: &["kind"],
        input: Input::Choice("place-kind", PLACE_KINDS),
        label: |tr| tr.t("field-place-kind"),
        kinds: &[],
    },
    Field {
        key: "country",
        path: &["country"],
        input: Input::Country,
        label: |tr| tr.t("field-country"),
        kinds: &[],
    },
    Field {
        key: "region",
        path: &["region"],
        input: Input::Text,
        label: |tr| tr.t("field-region"),
        kinds: &[],
    },
    Field {
        key: "address",
        path: &["address"],
        input: Input::Text,
        label: |tr| tr.t("field-address"),
        kinds: &[],
    },
    Field {
        key: "coordinates",
        path: &["coordinates"],
        input: Input::Coordinates,
        label: |tr| tr.t("field-coordinates"),
        kinds: &[],
    },
];

/// A country picked on its own (the paste page's: the country of a report that names none).
pub(crate) const COUNTRY: Field = Field {
    key: "country",
    path: &["country"],
    input: Input::Country,
    label: |tr| tr.t("field-country"),
    kinds: &[],
};
