# vigil's English catalogue. Every key here is in be/main.ftl and ru/main.ftl too
# (vigil-i18n's tests/catalogue.rs). Counts arrive formatted as $NAME with their plural
# form, chosen by ICU4X, as $NAME_form.

## The frame of every page

nav-dashboard = Dashboard
nav-persons = Persons
nav-editors = Editors
language = Language
footer-computed = Computed at log entry { $entries }, head { $head }…. Reproduce any number with { $asof }.

## Dashboard

held-today-title = Political prisoners held today
held-bounds = between { $min } surely and { $max } possibly held, where dates are known only to the month or year
held-today-note = Recognized political prisoners in custody on { $day }.
reported-figures = Reported figures
figure-in-country = in { $country }
figure-as-of = as of { $date }
held-over-time = Held over time
chart-legend = Line: headline count. Band: surely to possibly held. Markers: announcements (pardons, amnesties); select one to open it.
chart-title = Political prisoners held, { $from } to { $to }
chart-label = Political prisoners held over time
chart-empty = Not enough data for a chart.
waves-in-year = Pardon waves in { $year }
count-waves = { $n_form ->
    [one] { $n } wave
   *[other] { $n } waves
}
count-persons = { $n_form ->
    [one] { $n } person
   *[other] { $n } persons
}
col-ordinal = #
col-date = date
col-count = count
col-running-total = running total
col-breakdown = breakdown
col-identified = identified
col-month = month
col-name = name
col-country = country
col-status = status
col-event = event
col-details = details
col-sources = sources
in-and-out = In and out
flow-summary = From { $from } to { $to }: { $detained } detained, { $recognized } recognized, { $pardoned } pardoned
flow-ratio = { $ratio } recognized for every one pardoned
from = from
to = to
show = Show
who-held-today = Who is held today
by-sex = By sex
by-age = By age
by-role = By role
by-region = By region
fewer-than = fewer than { $n }
previous-year = ← { $year }
next-year = { $year } →

## Persons

persons-title = Persons
filter-name = Name
filter-name-hint = any spelling
filter-country = Country
filter-status = Status
filter-role = Role
filter-role-hint = e.g. journalist
filter-any = any
filter-button = Filter
status-today = Status today:
names = Names
timeline = Timeline
roles-none = none
link-announcement = announcement
term-months = { $n_form ->
    [one] { $n } month
   *[other] { $n } months
}
yes = yes
no = no
name-transliterated = transliterated

## Announcements

announcement-title = { $kind } of { $date }
issued-by = Issued by { $issuer }.
names-not-disclosed = names not disclosed
breakdown = Breakdown
official-claims = Official claims
claims-note = Statements by the issuer, recorded as claims, not as verified facts.
identified-so-far = Identified so far: { $n }
identified-of-total = Identified so far: { $n } of { $total }
identified-not-shown = { $n_form ->
    [one] { $n } identified person is not shown publicly.
   *[other] { $n } identified persons are not shown publicly.
}
sources = Sources

## Facts of a person

fact-sex = sex
fact-birth_date = birth date
fact-country = country
fact-region = region
fact-roles = roles

## Vocabulary: each value translated once, used everywhere

status-held = held
status-released = released
status-not_detained = not detained
step-day = day
step-week = week
step-month = month
sex-female = female
sex-male = male
sex-other = other
sex-unknown = unknown
visibility-public = public
visibility-restricted = restricted
visibility-confidential = confidential
health-disability = disability
health-chronic_illness = chronic illness
event-kind-detained = detained
event-kind-charged = charged
event-kind-sentenced = sentenced
event-kind-recognized = recognized as a political prisoner
event-kind-recognition_withdrawn = recognition withdrawn
event-kind-transferred = transferred
event-kind-conditions = conditions of detention
event-kind-released = released
event-kind-pardoned = pardoned
event-kind-exiled = exiled
event-kind-harassed = harassed
event-kind-died_in_custody = died in custody
event-kind-disappeared = disappeared
release-reason-end_of_term = end of term
release-reason-pardon = pardon
release-reason-amnesty = amnesty
release-reason-acquittal = acquittal
release-reason-deported = deported
release-reason-conditional = conditional release
release-reason-other = other
confidence-confirmed = confirmed
confidence-reported = reported
confidence-alleged = alleged
announcement-kind-pardon = Pardon
announcement-kind-amnesty = Amnesty
announcement-kind-release = Release
announcement-kind-recognition = Recognition
qualifier-exact = { "" }
qualifier-approximately = approximately
qualifier-at_least = at least
qualifier-more_than = more than
qualifier-up_to = up to
metric-political_prisoners_held = political prisoners held
metric-released = released
metric-pardon_waves_year = pardon waves in the year
metric-pardoned_total_year = pardoned in the year
metric-exiled_total = exiled in all
metric-pardoned = pardoned
breakdown-women = women
breakdown-men = men
breakdown-under_25 = under 25
breakdown-minors = minors
breakdown-pensioners = pensioners
breakdown-disabled = with a disability
breakdown-chronic_illness = chronically ill
breakdown-withheld = withheld
breakdown-unknown = unknown
detail-to = to
detail-from = from
detail-note = note
detail-reason = reason
detail-by = by
detail-term_months = term
detail-term_start = term from
detail-articles = articles
detail-court = court
detail-place = place
detail-in_transit = in transit
detail-regime = regime
role-journalist = journalist
role-lawyer = lawyer
role-human_rights_defender = human rights defender
role-politician = politician
role-civic_activist = civic activist
role-trade_unionist = trade unionist
role-culture_worker = culture worker
role-activist = activist
role-student = student
role-religious = religious
country-BY = Belarus
country-RU = Russia
country-UA = Ukraine
country-MM = Myanmar
country-VE = Venezuela
country-AZ = Azerbaijan
country-KZ = Kazakhstan
country-GE = Georgia
country-TJ = Tajikistan
country-TM = Turkmenistan
country-UZ = Uzbekistan
country-KG = Kyrgyzstan
country-CU = Cuba
country-NI = Nicaragua
country-IR = Iran
country-CN = China
