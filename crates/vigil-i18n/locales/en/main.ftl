# vigil's English catalogue. Every key here is in be/main.ftl and ru/main.ftl too
# (vigil-i18n's tests/catalogue.rs). Counts arrive formatted as $NAME with their plural
# form, chosen by ICU4X, as $NAME_form.

## The frame of every page

skip-to-content = Skip to content
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
announcement-kind-exchange = Exchange
announcement-kind-deportation = Deportation
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
breakdown-foreigners = foreigners
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

## The editors' side: the frame, logging in, refusals

edit-nav-tokens = Tokens
edit-who = { $name } ({ $role })
logout = Log out
edit-back = Back
forbidden-title = Not allowed
forbidden-heading-editor = Editing needs the editor role
forbidden-heading-admin = This page needs the admin role
forbidden-message = You are logged in as { $name }, a { $role }. Ask an admin for the { $needs } role, or log out.
stale-warning = Stored in the log, but the public answers are stale: this server could not load the registry again, so they do not show this change (nor any other since). Reason: { $reason }
login-title = Log in
login-name = Name
login-password = Password
login-button = Log in
login-wrong = Wrong name or password.
login-wait-seconds = { $n_form ->
    [one] Too many failed logins from here. Try again in { $n } second.
   *[other] Too many failed logins from here. Try again in { $n } seconds.
}
login-wait-minutes = { $n_form ->
    [one] Too many failed logins from here. Try again in { $n } minute.
   *[other] Too many failed logins from here. Try again in { $n } minutes.
}
login-expired = This login form has expired, or was sent from another site. Log in again below.

## The editors' start page and forms

edit-title = Edit
edit-heading = Edit the registry
edit-intro = Every save is a log entry under your name. A save made against an older version of a record is refused and shows what changed.
edit-add-person = Add a person
edit-add-event = Add an event
edit-paste-report = Paste a report
edit-paste-report-note = vigil proposes the announcements and figures it states; nothing is stored until you confirm.
edit-open-person = Edit a person
edit-any-record = Any record, as JSON
edit-any-record-note = Announcements (breakdown, claims), figures, sources, merges, persons with several names: open one by type and id (to correct or retract it), or leave the id empty for a new one.
field-id = Id
field-country = Country
field-sex = Sex
field-birth-date = Birth date
field-visibility = Visibility
field-reason = Reason
field-person = Person
field-kind = Kind
field-date = Date
field-sources = Sources
field-type = Type
field-record = Record (JSON)
field-report = Report (English)
field-publisher = Publisher
field-url = URL
hint-partial-date = 10.03.2022, 03.2022 or 2022
hint-date = YYYY-MM-DD
hint-reason = why (kept in the log)
button-save-person = Save person
button-save-event = Save event
button-save = Save
button-open = Open
button-read = Read
button-retract = Retract { $type } { $id }
edit-as-json = Edit them as JSON.

## A record's pages

edit-person-title = Edit person
edit-event-title = Edit event
edit-event-heading = Edit event { $id }
edit-record-title = Edit record
edit-record-heading = Edit { $type } { $id }
edit-record-heading-new = New record: { $type }
version = Version
events = Events
events-none = No events yet.
col-kind = kind
col-id = id
col-entry = entry
col-when = when
col-who = who
col-what = what
col-why = why
link-form = form
history = History
history-added = added
history-correction = correction
history-retracted = retracted
retract-heading = Retract
retract-note-person = A retraction withdraws the person from every answer; the log keeps it. A person with events cannot be retracted: retract the events first.
retract-note-announcement = A retraction withdraws the announcement from waves and checks; the log keeps it. An announcement that events point at cannot be retracted: retract or correct those events first.
retract-note-merge = Retracting a merge undoes it: the two persons count separately again. The log keeps it.
retract-note-event = A retraction withdraws the event from every count; the log keeps it.
retract-note-other = A retraction withdraws it from every answer; the log keeps it.
not-found-title = Not found
error-not-found = There is no page at this address: it may have been removed, or the address is mistyped.
error-bad-request-title = This address cannot be shown
error-bad-request = The address asks for something this page cannot read.
error-parameter = “{ $value }” cannot be used for “{ $param }”.
error-parameter-empty = “{ $param }” is given without a value.
error-period-backwards = The period ends ({ $to }) before it starts ({ $from }).
error-home = To the dashboard
no-person = No person { $id }
no-event = No event { $id }
no-record = No such record
unknown-record-type = Unknown record type
unknown-record-type-message = expected person, event, announcement, figure, source or merge

## What a save or a retraction came to

saved = Saved
saved-at = Log entry { $seq }.
edit-something-else = Edit something else
conflict-title = Changed meanwhile
conflict-heading = This record changed since you opened it
conflict-message = Someone saved it after you opened the form (now at log entry { $seq }). Nothing of yours was saved. This is what it is now:
conflict-retry = Open the current version and make your change again.
not-saved = Not saved
record-not-json = the record is not JSON: { $error }
record-missing = no record was sent
unsaved-record = { $message }
unsaved-above-role = this record's visibility is above your role
unsaved-no-version = { $type } '{ $id }': say which version you are retracting
refused-taken = { $type } '{ $id }' already exists (log entry { $seq }): open it to change it, or choose another id
refused-stale = { $type } '{ $id }' changed since it was read (it is now log entry { $seq })
refused-stale-gone = { $type } '{ $id }' changed since it was read (it is no longer there)
refused-missing-reference = { $type } '{ $id }': field `{ $field }`: unknown { $target } '{ $target_id }'
refused-not-found = { $type } '{ $id }' does not exist or is already retracted
refused-in-use = { $type } '{ $id }' is still referred to by { $users }; retract those first
refused-more = { $n } more
refused-already-merged = person '{ $merged }' is already merged into '{ $keep }'; unmerge it first
refused-not-merged = person '{ $id }' is not merged into anyone
refused-self-merge = a person cannot be merged into itself ('{ $id }')
refused-merge-loop = person '{ $keep }' is already counted as '{ $merged }' (merged into it); merging '{ $merged }' into '{ $keep }' would make a loop
retracted = Retracted
retracted-at = { $type } { $id } at log entry { $seq }.
not-retracted = Not retracted
retract-needs-reason = Nothing was retracted: give a reason (it is kept in the log beside the retraction).
retract-needs-record = Nothing was retracted: a retraction needs a record type and an id; open the record and use its Retract form.

## Reading a report

extract-title = Read a report
extract-intro = vigil proposes the announcements (with their breakdown and official claims) and the reported figures the text states. You see them before anything is stored.
extract-no-text = paste the report's text
extract-bad-date = date: { $error }
extract-nothing-found = no announcement or figure was found in this text
extract-language-not-read = this text is in a language vigil does not read: only English, Russian and Belarusian reports are read
extract-proposed = Proposed records
extract-proposed-note = Nothing is stored yet. These are the records vigil would add, each with the source it cites:
extract-claims = Official claims (kept apart from facts)
extract-store = { $n_form ->
    [one] Store this record
   *[other] Store these { $n } records
}
extract-start-again = Start again
extract-stored = Stored
extract-stored-summary = { $added_form ->
    [one] { $added } record added
   *[other] { $added } records added
}, { $unchanged } already stored as they are.
extract-nothing-stored = nothing was stored: { $problems }
extract-figure = Reported figure
extract-keep = Store this one
extract-notes = Notes on the reading
extract-note-undated = { $kind } ({ $total }): the text gives no date; the report's date, { $date }, is proposed.
extract-note-undated-none = { $kind } ({ $total }): the text gives no date; give the report's date above, or set the date when confirming.
extract-note-no-country = { $kind } ({ $total }): the text names no country; set it when confirming.
extract-not-taken = Numbers not taken
extract-similar = An announcement like this one is already stored: { $date }, { $n_form ->
    [one] { $n } person
   *[other] { $n } persons
}.
extract-similar-open = Open it
extract-bad-edit = proposal { $n }: { $field } “{ $value }” is not a number or a date vigil reads
extract-none-kept = every proposal was left out: nothing to store

## API tokens (admins)

tokens-title = API tokens
tokens-intro = A token lets a script act with a role. Only its hash is kept: the secret was shown once, when the token was made. A revoked token is refused from its next request on.
tokens-make = To make one:
tokens-none = No tokens yet.
col-role = role
col-created = created
col-expires = expires
col-revoked = revoked
token-never = never
token-expired = expired
button-revoke = Revoke
token-revoked = Token { $id } ({ $name }) is revoked: it is refused from now on.
token-already-revoked = Token { $id } ({ $name }) was already revoked.
token-not-found = No token has the id { $id }.
token-not-revoked = Not revoked
token-no-id = Say which token to revoke: use its Revoke button in the list.

## Vocabulary of the editors' side

record-type-person = person
record-type-event = event
record-type-announcement = announcement
record-type-figure = figure
record-type-source = source
record-type-merge = merge
account-role-viewer = viewer
account-role-editor = editor
account-role-admin = admin

## Importing a spreadsheet

edit-import-sheet = Import a spreadsheet
edit-import-sheet-note = a list kept in Excel, LibreOffice or Google Sheets, one person per row.
sheet-title = Import a spreadsheet
sheet-intro = One row per person, saved as .xlsx, .ods or .csv. Column headers are recognised in Belarusian, Russian and English; you see how each column is read, and can change it, before anything is stored. Nothing is stored until you confirm, and then the whole sheet or nothing.
sheet-template = Download an empty list to fill in, with drop-down lists:
sheet-template-be = headers in Belarusian
sheet-template-ru = in Russian
sheet-template-en = in English
field-sheet-file = The spreadsheet (.xlsx, .ods or .csv)
field-sheet-source = Where the list comes from (its columns are remembered for the next list from there)
sheet-source-none = not said
field-sheet-country = Country of the rows that do not name one (two letters, such as BY)
field-sheet-visibility = Who may see the persons whose row does not say
field-sheet-update = The sheet corrects persons already stored (an edited copy of an earlier list)
button-read-sheet = Read the sheet
sheet-no-file = Choose the spreadsheet to import.
sheet-too-large = The file is larger than { $mb } MB. Split the list into smaller sheets.
sheet-not-a-sheet = “{ $name }” is not a spreadsheet vigil reads: save it as .xlsx, .ods or .csv.
sheet-unreadable = “{ $name }” could not be read: { $error }
sheet-is-export = “{ $name }” is an export of a vigil registry (its tables, one per kind of record), not a list of persons. An administrator restores or merges such a file; here, upload a list with one person per row.
sheet-bad-country = “{ $country }” is not a country code: write the two letters, such as BY or RU.
sheet-columns = How the columns are read
sheet-column-header = Column in the sheet
sheet-column-field = Read as
sheet-column-sample = First values
sheet-field-ignore = not read
sheet-errors = { $n_form ->
    [one] { $n } cell cannot be read. Nothing will be stored until it is fixed in the sheet, or its column is read as something else:
   *[other] { $n } cells cannot be read. Nothing will be stored until they are fixed in the sheet, or their columns are read as something else:
}
sheet-error-line = Row { $row }, column “{ $column }”: { $message }
sheet-problem-empty = the sheet is empty: its first row must hold the headers
sheet-problem-second-column = a second column read as “{ $field }”: set one of them to “not read”
sheet-problem-no-name-column = no column for the name (name, ФИО, Імя і прозвішча…) or the id: nothing says who a row is
sheet-problem-same-id = “{ $id }” is also row { $row }, with other content: give each person one row
sheet-problem-no-name = a row without a name: every row needs the person's name
sheet-problem-not-date = “{ $text }” is not a date: write 2021-03-14, 14.03.2021, 03.2021, 2021 or 14 March 2021
sheet-problem-not-day = “{ $text }” is not a day of the calendar ({ $day })
sheet-problem-not-term = “{ $text }” is not a term: write it as 3 years, 2 years 6 months or 36 months
sheet-problem-not-sex = “{ $text }” is not a sex: write male or female
sheet-problem-not-reason = “{ $text }” is not a release reason: write end of term, pardon, amnesty, acquittal, deported, conditional or other
sheet-problem-not-regime = “{ $text }” is not a penalty vigil knows: write general, strict, special, prison, settlement, restricted freedom, house arrest, fine, suspended or compulsory treatment
sheet-problem-not-health = “{ $text }” is not a state of health vigil counts: write chronic illness or disability
sheet-problem-not-visibility = “{ $text }” is not a visibility: write public, restricted or confidential
sheet-problem-several-places = “{ $text }” is the name of several stored places ({ $ids }): write the id of the one meant
sheet-problem-undated-recognition = “{ $text }” has no date to go with: add the recognition date, or set the column to “not read”
sheet-problem-undated-release = “{ $text }” has no date to go with: add the release date, or set the column to “not read”
sheet-problem-undated-sentence = “{ $text }” has no date to go with: add the sentence date or the detention date, or set the column to “not read”
sheet-would-store = The sheet would store { $persons_form ->
    [one] { $persons } person
   *[other] { $persons } persons
} and { $events_form ->
    [one] { $events } event
   *[other] { $events } events
}.
sheet-default-visibility = { $n_form ->
    [one] { $n } person has
   *[other] { $n } persons have
} no visibility in the sheet and will be stored as “{ $visibility }”.
sheet-unknown-columns = These columns are not read: { $list }. Choose what they hold below, or leave them out.
sheet-changes = In the registry: { $added_form ->
    [one] { $added } record would be new
   *[other] { $added } records would be new
}, { $corrected_form ->
    [one] { $corrected } correction
   *[other] { $corrected } corrections
}, { $unchanged } already stored as they are.
sheet-conflicts = { $n_form ->
    [one] { $n } record of the sheet is already stored with other content. If the sheet corrects it, tick “The sheet corrects persons already stored” below and show it again:
   *[other] { $n } records of the sheet are already stored with other content. If the sheet corrects them, tick “The sheet corrects persons already stored” below and show it again:
}
sheet-conflict = row { $row }: { $what }
sheet-conflicts-blocked = Nothing was stored: some rows say otherwise than what is already stored, and the sheet was not marked as corrections.
sheet-unrecognized = { $n_form ->
    [one] { $n } person has no date of recognition as a political prisoner: not counted as one until it is recorded.
   *[other] { $n } persons have no date of recognition as political prisoners: not counted as such until it is recorded.
}
sheet-undated-sentences = { $n_form ->
    [one] { $n } row gives a sentence without its date: its term, articles and regime are kept with the detention.
   *[other] { $n } rows give a sentence without its date: their term, articles and regime are kept with the detention.
}
sheet-mapping-from-source = The columns are read as they were for the last list from { $source }.
sheet-doubles = { $n_form ->
    [one] { $n } row is probably a person already in the registry:
   *[other] { $n } rows are probably persons already in the registry:
}
sheet-double = row { $row }: “{ $name }” is probably “{ $existing_name }”
sheet-doubles-new = Store them as new persons anyway (and merge them later)
sheet-doubles-blocked = Nothing was stored: some rows are probably persons already in the registry. Say for each whether it is the same person, or tick “Store them as new persons anyway”.
sheet-same-choose = — is this the same person? —
sheet-same-new = No: store a new person
sheet-same-merge = Yes: merge into “{ $name }” (undo with unmerge)
sheet-same-unknown = Nothing was stored: the choice for row { $row } is not one of the persons listed. Show the sheet again and choose.
button-sheet-again = Show again with these columns
button-sheet-import = { $n_form ->
    [one] Store { $n } person
   *[other] Store these { $n } persons
}
sheet-start-again = Start again with another file
sheet-stored = The sheet is stored
sheet-stored-summary = { $persons_form ->
    [one] { $persons } person
   *[other] { $persons } persons
}: records added { $added }, corrected { $corrected }, already stored unchanged { $unchanged }.
sheet-mapping-saved = Its columns are remembered for the next list from { $source }.
sheet-see-directory = See the directory
sheet-another = Import another sheet
sheet-refused = Nothing was stored: the registry refuses these rows.
sheet-refused-line = Row { $row }: { $message }
sheet-refused-update = If the sheet is an edited copy of a list already imported, start again and tick “The sheet corrects persons already stored”.
sheet-field-id = id
sheet-field-name = name
sheet-field-name_be = name in Belarusian
sheet-field-name_ru = name in Russian
sheet-field-name_latin = name in the Latin alphabet
sheet-field-health = health
sheet-field-charged = date charged
sheet-field-sex = sex
sheet-field-birth_date = date of birth
sheet-field-country = country
sheet-field-region = region
sheet-field-roles = roles (occupation)
sheet-field-detained = date of detention
sheet-field-recognized = date recognised as a political prisoner
sheet-field-recognized_by = recognised by
sheet-field-articles = articles
sheet-field-sentence_date = date of the sentence
sheet-field-sentence = sentence (term)
sheet-field-regime = regime
sheet-field-place = place of detention
sheet-field-released = date of release
sheet-field-release_reason = reason for release
sheet-field-visibility = visibility
sheet-field-source = source

## The editors' workplace: forms of every record, lists, pickers

announcement-none = In no stored announcement
button-find = Find
choice-any = any
choice-none = — not set —
col-birth = born
col-finding = finding
col-other-names = other names
col-record = record
conflict-changed = Someone saved this { $type } after you opened the form. Nothing of yours was saved: what you typed is kept below, and the form is now at the current version — check it and save again.
conflict-gone = It has since been retracted.
contradictions-heading = What the registry contradicts here
count-findings = { $n_form ->
    [one] { $n } finding
   *[other] { $n } findings
}
edit-add-announcement = Add an announcement
edit-add-figure = Add a reported figure
edit-add-source = Add a source
edit-announcements-heading = Announcements
edit-changes-heading = Recent changes
edit-figures-heading = Reported figures
edit-lists = Lists
edit-persons-heading = Persons
edit-record-heading-words = Edit: { $type }
edit-review-heading = To review
edit-sources-heading = Sources
field-announcement = Announcement she was in
field-articles = Articles
field-as-of = As of
field-breakdown = Breakdown
field-claims = Official claims (one a line)
field-confidence = Confidence
field-consent-note = Consent (note)
field-court = Court
field-custom-count = Number
field-custom-key = Other group
field-detained-on = Detained on
field-health = Health
field-issuer = Issuer
field-metric = What is counted
field-name-lang = Language and script
field-name-n = Name { $n }
field-names = Names
field-names-disclosed = Names disclosed
field-note = Note
field-prominent = Prominent
field-published = Published
field-qualifier = Qualifier
field-recognized-by = Recognised by
field-recognized-on = Recognised as a political prisoner on
field-region = Region
field-release-reason = Release reason
field-reliability = Reliability
field-roles = Roles
field-roles-other = Other roles (with commas)
field-source-add = Add a stored source
field-source-new = Or a new source
field-term = Term
field-title = Title
field-total = Total
field-transfer-to = To
field-value = Value
filter-name-any = Name (any spelling)
first-events = Her case so far
fix-marked = Correct the marked fields; everything you typed is kept.
health-none = neither (known)
hint-term = 3 years 6 months
in-announcement = in an announcement
name-lang-be = Belarusian (Cyrillic)
name-lang-be-latn = Belarusian (Latin)
name-lang-en = English (Latin)
name-lang-ru = Russian (Cyrillic)
name-lang-uk = Ukrainian (Cyrillic)
name-lang-unknown = not said
need-event-person = Open the person first: an event is added from her page.
new-person-note = A new person is restricted until you choose to publish her. Her detention and recognition can be saved with her.
page-next = Next
page-of = Page { $at } of { $pages }
page-previous = Previous
pages = Pages
problem-choice = Choose one of the list.
problem-count = Write a whole number, such as 29.
problem-country = Choose a country from the list.
problem-date = Write the date as 10.03.2022, 03.2022 or 2022.
problem-missing = This is needed.
problem-number = Write a number, such as 1300 or 1300.5.
problem-pick-announcement = Announcements were made near this date in her country: pick the one she was in, or choose "In no stored announcement". Otherwise this pardon is counted on top of them.
problem-pick-which = Several stored records match “{ $typed }”: { $choices }. Type more of the one you mean, or pick it from the list.
problem-pick-nothing = Nothing stored matches “{ $typed }”. Pick one from the list, or write a new one.
problem-term = Write the term as 3 years 6 months, or as a number of months.
public-page = Public page
qualifier-exact-word = exactly
showing-none = Nothing found
showing-range = Showing { $from }–{ $to } of { $total }
taken-heading = This id is taken
taken-message = Another { $type } already has the id { $id }. Nothing was saved; what you typed is kept below.
taken-json = Another record of this type already has this id. Nothing was saved. Change the id in the record, or open the stored one to correct it. This is the stored one:

## Cases, sentences and places of detention (issue 15)
record-type-place = place of detention
retract-note-place = A retraction is refused while a transfer points at the place; the log keeps it.
place-kind-ivs = temporary detention facility (IVS)
place-kind-sizo = pre-trial detention centre (SIZO)
place-kind-colony = penal colony
place-kind-prison = prison
place-kind-psychiatric = psychiatric hospital
place-kind-other = other place
regime-general = general regime
regime-reinforced = reinforced regime
regime-strict = strict regime
regime-special = special regime
regime-prison = prison
regime-settlement = colony-settlement
regime-restricted_freedom = restricted freedom
regime-house_arrest = house arrest
regime-fine = fine
regime-suspended = suspended sentence
regime-compulsory_treatment = compulsory treatment
regime-other = other penalty
condition-incommunicado = held incommunicado
condition-no_lawyer = no access to a lawyer
condition-punishment_cell = punishment cell
condition-cell_type_unit = cell-type unit
condition-visits_banned = visits banned
condition-parcels_banned = parcels banned
condition-correspondence_blocked = correspondence blocked
condition-ill_treatment = ill-treatment
condition-medical_care_denied = medical care denied
consent-letters = letters
consent-calendar = support calendar
fact-expected_release = expected release
release-between = between { $earliest } and { $latest }
fact-place = held at
fact-custody = places of detention
fact-letters = write to
fact-recognized_by = recognized by
fact-conditions = conditions
days-without-news = { $n_form ->
    [one] { $n } day without news
   *[other] { $n } days without news
}
whereabouts-place = at a place
whereabouts-in_transit = in transit
whereabouts-address_unknown = address being clarified
detail-address_unknown = address being clarified
detail-case = case
detail-extends = added to the term
detail-conditions = conditions
detail-judge = judge
detail-prosecutor = prosecutor
detail-counsel = counsel
detail-type = type
by-article = By article
by-place = By place of detention
by-regime = By regime
by-status = By status
by-recognized_by = By recognizing organisation
article-number = art. { $n }
breakdown-none = none
breakdown-pre_trial = pre-trial
breakdown-convicted = convicted
breakdown-restricted_freedom = restricted freedom
breakdown-house_arrest = house arrest
breakdown-in_transit = in transit
breakdown-address_unknown = address being clarified
calendar-heading = Support calendar
calendar-note = Birthdays and expected releases in the next 60 days of the political prisoners who agreed to be listed: a card or a letter helps.
calendar-subscribe = Subscribe to the calendar
calendar-empty = Nothing in the next 60 days.
calendar-birthday = { $n_form ->
    [one] birthday: { $n } year
   *[other] birthday: { $n } years
}
calendar-birthday-day = birthday
calendar-release = expected release
nav-calendar = Calendar

# Editors' forms of places and case facts (issue 15)
field-regime = Regime or penalty
field-term-start = Term counted from (if not the day of detention)
field-case = Case (number or name; a new verdict of the same case, after a retrial, replaces the earlier one)
field-extends = The term is added to what is already served (a new case, an extension)
field-judge = Judge
field-prosecutor = Prosecutor
field-counsel = Counsel (lawyer)
field-destination = Moved to
field-conditions = Conditions
field-articles-other = Other articles (with commas)
hint-articles = ч. 1 ст. 342, 361-1
hint-coordinates = 53.9023, 27.5619
problem-coordinates = Write the latitude and longitude as a map shows them, such as 53.9023, 27.5619.
field-place-name-be = Name in Belarusian
field-place-name-ru = Name in Russian
field-place-name-en = Name in English
field-place-kind = Kind of place
field-address = Postal address (for letters)
field-coordinates = Coordinates (optional)
edit-add-place = Add a place of detention
edit-places-heading = Places of detention
col-held-now = held there now

# Counting by releases and by sentence length (issue 15)
by-term = By length of sentence
term-band-under_1 = under 1 year
term-band-1_3 = 1 to 3 years
term-band-3_5 = 3 to 5 years
term-band-5_10 = 5 to 10 years
term-band-10_15 = 10 to 15 years
term-band-15_plus = 15 years or more
term-band-unknown = term not known
term-band-non_custodial = penalty served outside prison
term-band-pre_trial = not yet sentenced
releases-heading = Releases
released-this-week = Released in the last 7 days
released-bounds = (surely { $min }, possibly { $max })
releases-ahead = Expected releases of those held today, by month
col-expected = expected
col-surely = surely
col-possibly = possibly
releases-later = later
releases-overdue = expected release passed, still held
releases-none = no expected release known
releases-withheld = not public

# Appeal against a verdict (issue 15)
field-appeal-date = Date of the appeal ruling
field-appeal-court = Appeal court
field-appeal-outcome = Outcome of the appeal
field-appeal-term = Term after the appeal (if reduced or increased)
field-appeal-regime = Regime after the appeal (if it changed)
appeal-outcome-upheld = verdict upheld
appeal-outcome-reduced = term reduced
appeal-outcome-increased = term increased
appeal-outcome-overturned = verdict overturned, case sent back
appeal-outcome-pending = appeal not yet heard
appeal-to = { $outcome }: { $term }
detail-appeal = appeal
problem-appeal-term = A reduced term is shorter than the verdict's, an increased one longer; other outcomes give no new term or regime.
problem-appeal-date = The appeal cannot be ruled on before the verdict.

# Spreadsheet columns of a verdict and its appeal (issue 15)
sheet-field-court = court
sheet-field-judge = judge
sheet-field-prosecutor = prosecutor
sheet-field-counsel = counsel
sheet-field-term_start = term counted from
sheet-field-appeal_date = appeal date
sheet-field-appeal_court = appeal court
sheet-field-appeal_outcome = appeal outcome
sheet-problem-not-appeal-outcome = “{ $text }” is not an appeal's outcome: write upheld, reduced, increased, overturned or pending
sheet-problem-undated-verdict = “{ $text }” has no date to go with: add the sentence date, or set the column to “not read”
sheet-field-appeal_term = term after appeal

## Recognition per organisation (issue 15: the directory's choice and counts, the person page)
filter-recognized_by = Recognized by
persons-recognized_by = Recognized now, by organisation
org-viasna = Viasna
org-memorial = Memorial
recognition-ex-post-facto = recognized after release
recognition-withdrawn = withdrawn: { $date }
