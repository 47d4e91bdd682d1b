# warroom — English messages. Every id here exists in fr.ftl too (a test checks).

pane-incident = Incident
pane-checklist = Checklist
pane-clocks = Clocks
pane-contacts = Contacts
pane-journal = Journal
pane-help = Keys
pane-picker = Switch incident
pane-note = Add a note to the journal
pane-new = Declare a new incident
label-severity = Severity
label-category = Category
label-phase = Phase
label-declared = Declared
label-detected = Detected
label-commander = Commander
label-scope = Scope
label-summary = Summary
label-title = Title
label-next = Next
label-playbook = Playbook
not-set = not set
scope-network = network
scope-cloud = cloud
scope-endpoints = endpoints
scope-ot = OT (industrial)
scope-personal-data = personal data
scope-none = none recorded
clock-since-declared = Since declared
status-saved = saved
status-saving = saving…
status-help-hint = ? keys
status-local = local
status-tz-unknown = UTC (TZ { $tz } unknown)
logged-at = logged { $at }
cli-bad-warroom-now = WARROOM_NOW is '{ $found }', which is not an RFC 3339 instant (it is a test aid: unset it, or give e.g. 2026-11-28T14:00:00Z)
cli-at-for-writes = --at says when what a command records happened: this command records nothing
when-unreadable = '{ $found }' is not a time: write 2026-11-28T13:05:00Z, "2026-11-28 13:05", 13:05 (local time), -25m or -2h
when-skipped = { $found } does not exist in local time (a clock change skipped it)
when-future = the time given is in the future ({ $at }); nothing was written
when-too-old = the time given ({ $at }) is more than a year before { $before }; if it is right, add --force
pane-when = When did the next entry happen?
when-form-hint = 13:05 · -25m · 2026-11-28 13:05 · Enter keeps it · empty: now
flash-backdate = The next entry will be dated { $at } (when it happened)
status-backdate = next entry dated { $at }
when-too-old-screen = the time given ({ $at }) is more than a year before { $before }; if it is right, record it from the command line with --force
cli-journal-on-terminal = on a terminal, the characters a terminal would act on are shown escaped; write to a file (--output) or a pipe for the exact bytes
cli-tz-unknown = TZ is { $tz }, which is not a time zone this system knows: local times are shown in UTC
status-following = following (read-only)
form-submit-hint = enter save · esc cancel · @13:05 first = when it happened
form-choice-hint = ←/→ or the first letter to change
welcome-title = warroom — the incident war room in your terminal
welcome-empty = No incident in this store yet.
welcome-about = warroom keeps the journal of a security incident: what happened, what was done, by whom and when; the checklist of the current phase; the deadlines that run; and the people to call. Every change is saved to disk before it is shown as saved.
welcome-keys-intro = Keys on this screen:
welcome-dashboard-intro = Once an incident is open:
welcome-more-keys = … and more: press ? to see every key

mode-global = Everywhere
mode-welcome = Welcome screen
mode-dashboard = Dashboard
mode-picker = Incident switcher
mode-form = Forms
mode-confirm = Questions
mode-viewer = Drafts
mode-journal = Full journal
mode-help = This list

action-quit = Quit
action-help = Show or hide this list of keys
action-focus-next = Focus the next pane
action-focus-prev = Focus the previous pane
action-up = Move up
action-down = Move down
action-page-up = Move up a page
action-page-down = Move down a page
action-top = Go to the first line
action-bottom = Go to the last line
action-toggle-item = Tick or untick the selected item
action-add-note = Add a note to the journal
action-new-incident = Declare a new incident
action-switch-incident = Switch to another incident
action-alert-retainer = Record the retainer alert (SLA clock)
action-open-demo = Open a demo incident, marked EXERCISE
action-submit = Confirm
action-cancel = Close / cancel
action-next-field = Next field
action-prev-field = Previous field
action-view-next-phase = Show the next phase's checklist
action-view-prev-phase = Show the previous phase's checklist
action-advance-phase = Move the incident to its next phase
action-phase-back = Move the incident back one phase
action-cycle-filter = Show all items, open items, or mine
action-assign = Give the selected item to a person
action-add-item = Add an item to this phase
action-not-applicable = Mark the selected item not applicable
action-focus-clocks = Go to the Clocks pane
action-start-clock = Start the selected clock by hand
action-clock-met = Mark the selected clock met
action-waive-clock = Waive the selected clock (with a reason)
action-flag-personal-data = Personal-data breach (GDPR clocks)
action-flag-significant = Significant incident (NIS2 clocks)
action-flag-major = Major incident (DORA clocks)
action-draft = Notification draft for the clock
action-search-contacts = Search the directory
action-log-call = Log a call to the selected contact
action-new-contact = Add a contact to the directory
action-edit-contact = Edit the selected contact
action-open-journal = Full journal, evidence, lessons
action-correct = Correct the selected event
action-retract = Retract the selected event (with a reason)
action-export-report = Write the report (md, html, json)
action-export-exchange = Write the exchange files (MISP, STIX, Timesketch, CSV)
action-import-exchange = Import observables from a MISP event or a STIX bundle
action-toggle-wall = Wall: big clocks for a shared screen
action-take-over = Take over the store after its owner closed
action-toggle-language = Language: English / French
action-backdate = Date the next entry: when it happened
action-edit-incident = Edit the incident: severity, TLP, scope…
action-close-incident = Close the incident (or reopen it)

# Everything else on screen, in reports and drafts.
exercise = EXERCISE
clock-left = left
clock-overdue = OVERDUE
clock-due = due
checklist-empty = No items in this phase.
form-title-required = A title is needed to declare an incident.
picker-empty = No incidents in this store yet.
too-small = warroom needs a terminal of at least
too-small-now = this one is
flash-retainer-alerted = Retainer alert recorded; its response clock runs from the first alert.
flash-retainer-again = Retainer alerted again (a reminder); the clock still runs from the first alert.
flash-no-incident = No incident is open: press N to declare one.
flash-save-failed = NOT SAVED
cli-no-data-dir = no data directory: this platform has none, pass --data-dir DIR
cli-no-such-group = the configuration shares the store with group { $group } (shared_host.group), which this host does not have: as root, groupadd { $group }, then usermod -aG { $group } LOGIN for each responder
cli-not-in-group = you ({ $login }) are not in group { $group }, which shares this host's store (shared_host.group): as root, usermod -aG { $group } { $login }, then log in again
cli-the-note = the note
cli-ok = ok
cli-no-declaration = the store returned no declaration
retainer-hours = 24/7
flash-last-phase = This is the last phase
flash-first-phase = This is the first phase
flash-no-item = No item selected
form-text-required = Type some text first
checklist-none-open = Nothing left open in this phase.
checklist-none-mine = Nothing in this phase is assigned to you.
checklist-not-current = not the current phase
hint-not-applicable = N/A
hint-call = Call
hint-keep = Keep
hint-starts = Starts
hint-stops = Stops
hint-id = Id
label-owner = Owner
nobody = nobody
pane-reason = Why does this item not apply?
pane-add-item = Add an item to this phase
pane-assign = Give this item to
pane-confirm = Confirm
confirm-hint = y: yes   n / Esc: no
assign-hint = Type to filter · ↑↓ choose · Enter assign · Esc cancel
add-item-hint = Enter: add   Tab: change owner   Esc: cancel
next-none = nothing open in this phase
label-assignee = Given to
cli-the-person = the person
cli-the-item = the item text
cli-the-reason = the reason
playbook-fallback = any category no other playbook claims
playbook-items = items
playbook-picked-by = picked by
draft-to-complete = TO COMPLETE
draft-prepared = Draft prepared
draft-recipient = To
draft-deadline = Deadline
draft-late = Sent after the deadline; reasons
draft-late-reasons = why it is late
draft-section-entity = Notifying organisation
draft-organisation = Organisation
draft-contact = Contact point
draft-section-incident = Incident
draft-reference = Internal reference
draft-detected = when it was detected
draft-aware = Became aware
draft-description = what happened, in a few sentences
draft-section-measures = Measures taken so far
draft-planned = measures planned, and to reduce the effects
draft-gdpr-nature = Nature of the breach (confidentiality, integrity, availability)
draft-gdpr-people = Categories and approximate number of people concerned
draft-gdpr-records = Categories and approximate number of records concerned
draft-gdpr-dpo = Name and contact of the DPO or other contact point
draft-gdpr-consequences = Likely consequences for the people
draft-gdpr-phased = Complete or initial notification
draft-gdpr-phased-default = Initial notification; complements will follow as the investigation progresses.
draft-nis2-malicious = Is an unlawful or malicious act suspected?
draft-nis2-cross-border = Could the incident have a cross-border impact?
draft-nis2-update = Update of the early warning
draft-nis2-assessment = Initial assessment of severity and impact
draft-nis2-iocs = Indicators of compromise, where available
draft-nis2-description = Detailed description, with severity and impact
draft-nis2-root-cause = Type of threat or root cause
draft-nis2-mitigation = Mitigation applied and ongoing
flash-select-clock = Select a clock first: press c, then move with ↑ ↓
starts-no-clock = no clock starts now
pane-met-reference = Deadline met: reference (receipt number, mail…)
pane-waive-reason = Why does this clock not apply?
viewer-hint = ↑↓ PgUp PgDn scroll · Esc close · also saved in the data directory under drafts/
clocks-none = No clock defined.
clock-waived = waived
clock-met = met
clock-met-at = met
clock-ref = ref.
clock-waiting = waiting
clock-waits = waits:
clock-waits-met = starts when met:
clock-by-hand = start by hand
clock-retainer-alert = alert
clock-closure = closure
clock-business-hours = counted in business hours
clock-not-applicable = not applicable
flash-select-contact = Select a contact first: Tab to the Contacts pane
form-name-required = A contact needs a name
search-editing = Enter keep · Esc clear
search-applied = Esc clear · / edit
search-none = No contact matches.
nobody-for-role = nobody in the directory
step-reached = reached
step-to-call = to call
verify-before-use = ⚠ Verify before use
contact-contract = contract
contact-checked = checked
contact-source = source:
pane-call = Log a call
call-hint = Tab: outcome   Enter: save (note optional)   Esc: cancel
label-outcome = Outcome
pane-contact-new = Add a contact
pane-contact-edit = Edit contact
contact-form-hint = Tab / Shift-Tab: field   Enter: save   Esc: cancel
label-escalation = Escalation
hashing = hashing
evidence-at = at
evidence-ok = ok: the file matches its SHA-256
evidence-mismatch = MISMATCH: the file changed; its SHA-256 is now
evidence-unreachable = not checked, file not reachable
evidence-no-hash = not checked, no SHA-256 recorded
cli-the-lesson = the lesson
cli-the-correction = the correction
cli-cannot-retract-roster = a roster change is not retracted (which keys could sign when must stay as it was): take the member off with `warroom identity revoke`, or add them again with `warroom identity add`
cli-cannot-retract-declaration = event 1 declares the incident and cannot be retracted; change what it says with `warroom set`, or end the incident with `warroom close`
report-title = Post-incident report
report-summary = Summary
report-retractions = Retracted entries
report-timeline = What we did
report-phases = Phases and actions
report-clocks = Deadlines
report-contacts = Contacts reached
report-evidence = Evidence
report-lessons = Lessons learned
report-integrity = Integrity
report-none = None recorded.
report-current = current phase
report-custody = custody
report-generated = Generated
report-organisation = Organisation
pane-correct = Correction (the original stays, struck)
pane-retract = Why is this event retracted?
pane-evidence = Register evidence: description
pane-lesson = Add a lesson learned
pane-transfer = Hand this evidence to
label-kind = Kind
evidence-form-hint = Tab: kind   Enter: save   `description | /path/to/file` hashes the file
lesson-form-hint = Tab: kind   Enter: save   recommendation: text @owner 2027-01-31
journal-view-title = Journal · Tab: next tab · f filter · / search · n note · c correct · r retract · o IOCs · + add · Esc close
label-showing = showing
quick-note = Note:
quick-note-hint = Enter: save, stays open · Esc: close
journal-nothing = No event matches.
evidence-none = No evidence registered. + registers an item (`description | /path` hashes a file).
evidence-no-hash-short = no hash
lessons-none = No lesson yet. + adds a cause, a weakness, what went well, a recommendation.
wall-no-clock = No deadline running.
label-here = Here
here-wall = wall
here-since = since { $time }
wall-responders = { $n ->
    [one] 1 responder connected
   *[other] { $n } responders connected
}
read-only = Read-only: this screen follows the dashboard that owns the store
owner-gone = Owner closed: T takes over

# With values.
confirm-back = Move the incident back to { $to }?
playbook-auto = from the category: { $name }
assign-typed = { $name } (not in the directory)
flash-clock-not-waiting = { $name } is not waiting to start
flash-clock-closed = { $name } is already met or waived
flash-no-draft = No notification draft for { $name }
flash-flag-already = Already recorded: { $flag }, { $at }
flash-draft-saved = Draft saved: { $path }
clock-due-at = { $name } due { $local } ({ $utc } UTC)
confirm-start = Start { $name } now? { $due }.
confirm-flag = Record "{ $flag }" as of now? Starts: { $due }.
clocks-not-applicable = +{ $n } not applicable
clock-met-early = met { $by } early
clock-met-late = met { $by } late
clock-start-named = start { $name }
clock-met-named = { $name } met
confirm-step-clocks = This step is linked to the clocks. Record also: { $what }?
report-missed = missed by { $by }
report-running = running, { $left } left
report-retracted = retracted by #{ $by }: { $reason }
report-corrected = corrected by { $ids }
report-integrity-note = The journal has { $events } events; its head SHA-256 is { $hash }. Check it with `warroom verify`.
retainer-role = Retainer CSIRT, responds within { $minutes } min
retainer-role-tiers = Retainer CSIRT, responds within { $times }
retainer-tier = { $time } from severity { $severity }
retainer-tier-rest = { $time } below
retainer-managed = managed service
retainer-evidence = Evidence: { $how }
retainer-business-hours = { $days } { $hours } { $zone }
retainer-holidays-off = { $country } public holidays off
outside-contract = outside the retainer contract: { $areas }
outside-contract-call = outside the retainer contract: { $areas } — call { $contacts }
flash-report-saved = Report written: { $paths }
flash-exchange-saved = Exchange files written (nothing left out; use `warroom export --max-tlp` for outside): { $paths }
met-by-step = checklist step { $item }
confirm-advance = { $open ->
    [one] 1 item is
   *[other] { $open } items are
} still open in { $from }. Move on to { $to } anyway?

# Severity levels and incident categories (ENISA reference taxonomy).
severity-baseline = Baseline
severity-low = Low
severity-medium = Medium
severity-high = High
severity-severe = Severe
severity-emergency = Emergency
category-abusive-content = Abusive content
category-malicious-code = Malicious code
category-information-gathering = Information gathering
category-intrusion-attempts = Intrusion attempts
category-intrusions = Intrusions
category-availability = Availability
category-information-content-security = Information content security
category-fraud = Fraud
category-vulnerable = Vulnerable
category-other = Other
category-test = Test

ago = { $span } ago

# Internal failures.
internal-error = internal error: this change was not carried out (see warroom.log)
writer-gone = the writer stopped: changes still marked saving were NOT saved (see warroom.log)

# Screen size, with its numbers.
too-small-size = { too-small } { $min-w }×{ $min-h }; { too-small-now } { $w }×{ $h }.

# Journal events, one line each. User text (titles, notes, names) comes in variables.
event-declared = Declared: { $title } (severity { $severity })
event-title = Title changed to { $title }
event-severity = Severity changed to { $severity }
event-category = Category changed to { $category }
event-tlp = Label changed to { $tlp }
event-commander = Incident commander: { $commander }
event-scope = Scope: { $scope }
event-summary = Summary: { $summary }
event-detected = Detected at { $at }
event-phase = { $open ->
    [0] Phase: { $name }
   *[other] Phase: { $name } ({ $open } left open before)
}
event-item-added = Item added: { $text }
event-item-done = Done: { $item }
event-item-reopened = Reopened: { $item }
event-item-assigned = Assigned to { $person }: { $item }
event-item-unassigned = Unassigned: { $item }
event-item-not-applicable = Not applicable: { $item } ({ $reason })
event-retainer-alerted = Retainer alerted: { $retainer } (responds within { $minutes } min)
event-retainer-alerted-business-hours = Retainer alerted: { $retainer } (responds within { $minutes } min of business hours)
event-called = Called { $contact }: { $outcome }
event-called-note = Called { $contact }: { $outcome } ({ $note })
event-contact-saved = Contact saved: { $name }
event-contact-verified = Contact verified: { $id } (on { $on })
event-evidence = Evidence { $reference }: { $description } ({ $kind })
event-evidence-handed = Evidence { $evidence } handed to { $to }
event-evidence-handed-note = Evidence { $evidence } handed to { $to } ({ $note })
event-lesson = Lesson ({ $kind }): { $text }
event-retracted = Retraction of #{ $event }: { $reason }
event-drill-started = Drill started ({ $scenario }): { $briefing }
event-inject = INJECT: { $text }
event-inject-from = INJECT from { $from }: { $text }
event-flag-set = Flag set: { $flag }
event-flag-set-at = Flag set: { $flag } (as of { $at })
event-clock-started = Clock started by hand: { $clock }
event-clock-met = Clock met: { $clock } (ref. { $reference })
event-clock-waived = Clock waived: { $clock } ({ $reason })
event-report-field = Report: { $field } written
event-corrected = Correction of #{ $event }: { $text }
event-closed = Closed: { $resolution }

# Names: checklist filters, flags, drafts, call outcomes, contact kinds and fields,
# lesson kinds, journal filters.
filter-all = all
filter-open = open only
filter-mine = mine
assign-nobody = Nobody (take it back)
flag-personal-data = personal-data breach established
flag-significant = significant incident (NIS2)
flag-major = major incident (DORA)
flag-nis2-entity = NIS2 entity
flag-dora-entity = DORA entity
flag-short-personal-data = breach
flag-short-significant = significant
flag-short-major = major
flag-short-nis2-entity = NIS2 entity
flag-short-dora-entity = DORA entity
draft-title-gdpr = Personal-data breach notification (GDPR Art. 33) - DRAFT
draft-title-nis2-early = NIS2 early warning (Art. 23(4)(a)) - DRAFT
draft-title-nis2-notification = NIS2 incident notification (Art. 23(4)(b)) - DRAFT
draft-title-nis2-final = NIS2 final report (Art. 23(4)(d)) - DRAFT
outcome-reached = reached
outcome-no-answer = no answer
outcome-message = message left
outcome-email = e-mail sent
contact-kind-internal = internal
contact-kind-provider = provider
contact-kind-retainer = retainer CSIRT
contact-kind-authority = authority
contact-kind-public-csirt = public CSIRT
contact-kind-insurer = insurer
contact-kind-bank = bank
contact-kind-police = police
contact-kind-other = other
contact-field-name = Name
contact-field-role = Role
contact-field-organisation = Organisation
contact-field-phone = Phones
contact-field-email = E-mail
contact-field-availability = Hours
contact-field-roles = Role ids
contact-field-notes = Notes
lesson-kind-cause = probable cause
lesson-kind-weakness = weakness found
lesson-kind-went-well = what went well
lesson-kind-recommendation = recommendation
journal-filter-all = all events
journal-filter-notes = notes
journal-filter-checklist = checklist
journal-filter-clocks = clocks
journal-filter-contacts = calls
journal-filter-evidence = evidence
journal-filter-amendments = corrections

# Command line, with values.
cli-empty = { $what } is empty; give some text
cli-saved = saved { $id } event { $event }
cli-unknown-item = { $id } has no checklist item '{ $item }'; its items are: { $known }
cli-already-done = { $id }: { $item } is already done; nothing recorded
cli-already-open = { $id }: { $item } is not done; nothing recorded
cli-verified = { $id }: ok, { $count } events, head { $head }
cli-unreadable = { $id }: BROKEN: { $why }
cli-broken = { $id }: BROKEN at { $why }
cli-reindexed = { $id }: was missing from the incident list (its journal was on disk); listed again
cli-failed-verification = { $count } journal(s) failed verification
cli-unknown-playbook = unknown playbook '{ $found }'; valid values: { $known }
cli-already-assigned = { $id } { $item } is already assigned to { $person }; nothing recorded
cli-already-unassigned = { $id } { $item } is assigned to nobody already; nothing recorded
cli-unknown-phase = { $id } has no phase '{ $phase }'; use next, back or one of: { $known }
cli-already-in-phase = { $id } is already in { $name }; nothing recorded
cli-items-open = { $id }: { $count } item(s) of the current phase are still open ({ $items }); tick them, mark them not applicable, or pass --force
cli-unknown-role = unknown role '{ $found }'; valid values: { $known }

## Identities and the roster (issue 17), command line
cli-the-name = the name
cli-member-added = { $handle } is on the roster
cli-member-replaced = { $handle } is on the roster with this key and these roles (the previous key signs no later event)
cli-member-revoked = { $handle } is off the roster: their key signs no later event
cli-not-on-roster = { $id } has no member '{ $handle }' on its roster (see `warroom identity list { $id }`)
cli-roster-empty = { $id } has no roster yet: `warroom identity add { $id }` puts you on it
cli-roster-exported = { $count ->
    [one] { $count } key
   *[other] { $count } keys
} written to { $path } (check a signature with `ssh-keygen -Y verify -f { $path } -n warroom -I HANDLE -s SIGNATURE`)
err-not-signed = your signature could not be made, so nothing was written: { $why } (or write unsigned, on purpose, with --unsigned)
cli-signatures = signatures: { $count } signed{ $count ->
    [0] {""}
   *[other] {" "}({ $by })
}{ $before ->
    [0] {""}
   *[other] , { $before } unsigned (before signing)
}
cli-before-signing = #{ $first }–#{ $last }: unsigned (before signing)
cli-unsigned-on-purpose = #{ $event }: unsigned, on purpose (--unsigned)
cli-signature-missing = #{ $event }: NO SIGNATURE, where one is due
cli-not-on-roster-key = #{ $event }: SIGNED BY A KEY NOT ON THE ROSTER ({ $fingerprint })
cli-author-mismatch = #{ $event }: SIGNED BY { $signed_by }, but another author is named
cli-bad-signature = #{ $event }: THE SIGNATURE DOES NOT HOLD: { $why }
cli-extracted = wrote { $body } and { $sig } (signed by { $fingerprint }, author { $author }); check with: ssh-keygen -Y verify -f ALLOWED_SIGNERS -I { $author } -n warroom -s { $sig } < { $body }
cli-no-signature-to-extract = event { $event } of { $id } has no signature to write
cli-bad-public-key = --key { $typed }: { $why }
cli-member-needs-handle-and-name = with --key, say whose key it is: --handle and --name
cli-no-identity-path = no configuration folder for your identity: set WARROOM_IDENTITY to the file to use
cli-no-identity = you have no identity yet ({ $path }): run `warroom identity init --handle HANDLE --name "YOUR NAME"`
cli-identity-exists = you already have an identity, { $handle }, in { $path }; --force replaces it (the key file is kept)
cli-identity-saved = identity { $handle } saved in { $path }; key { $fingerprint }
cli-identity-shown = { $handle } ({ $name }), e-mail { $email }, key { $fingerprint } ({ $source ->
    [agent] held by ssh-agent
   *[file] file
} { $place })
cli-roster-line = { $handle } · { $name } · { $access ->
    [read] read only
   *[write] writes
} · roles { $roles } · { $fingerprint }
cli-roster-line-revoked = { $line } · REVOKED: { $reason }

cli-playbook-ok = ok: playbook { $id } ({ $counts })
cli-flag-already = { $id } already has { $flag } since { $at }; nothing recorded
cli-clock-started = started { $clock }, due { $deadline }
cli-unknown-clock = { $id } has no clock '{ $clock }'; its clocks are: { $known }
cli-clock-not-applicable = { $clock } does not apply to { $id } (set nis2-entity or dora-entity with `warroom flag` if it should)
cli-clock-already = { $id } { $clock } is already past that state; nothing recorded (a reference for a met clock: --ref R)
cli-cannot-write = cannot write { $path }: { $why }
cli-contact-saved = saved contact { $id }
cli-contact-verified = contact { $id } verified on { $on }
cli-verified-in-future = found --on { $on }, a day still to come: a contact is verified today or on a day past
cli-unknown-contact = no contact '{ $who }' in the directory (see `warroom contacts`)
cli-unknown-contact-close = no contact '{ $who }' in the directory; closest: { $close }
cli-bad-sha256 = --sha256 '{ $found }' is not a SHA-256 (64 hexadecimal digits)
cli-cannot-read = cannot read { $path }: { $why }
cli-unknown-evidence = { $id } has no evidence item '{ $item }' (see `warroom evidence list { $id }`)
cli-evidence-changed = { $count } evidence file(s) no longer match their recorded SHA-256
cli-unknown-event = { $id } has no event #{ $event }; its events are #1 to #{ $count }
cli-not-a-journal = { $file }:1:1: not a warroom journal (its first line must declare an incident); write one with `warroom export ID --format journal`
cli-imported = imported { $id } ({ $count } events, chain verified)
cli-already-imported = { $id } is already here with the same journal; nothing imported
cli-unknown-drill = unknown drill '{ $found }'; valid values: { $known }

# Report tables: column titles and states.
report-col-retracted-by = Retracted by
report-col-reason = Reason
report-col-author = Author
report-col-event = Event
report-col-step = Step
report-col-status = Status
report-col-owner = Owner
report-col-done-by = Done by
report-col-done-at-utc = Done at (UTC)
report-col-deadline = Deadline
report-col-owed-to = Owed to
report-col-state = State
report-col-due-utc = Due (UTC)
report-col-outcome = Outcome
report-col-reference = Reference
report-col-contact = Contact
report-col-by = By
report-col-note = Note
report-col-ref = Ref.
report-col-kind = Kind
report-col-description = Description
report-col-location = Location
report-col-custody = Custody
report-code-done = done
report-code-open = open
report-code-not-applicable = not applicable
report-code-not-started = not started
report-code-running = running
report-code-met = met
report-code-waived = waived

# Playbook origin.
playbook-shipped = shipped

# Configuration and playbook errors (after file:line:column).
err-model-no-phases = found no phases in the phase model `{ $model }`, expected at least one
err-model-stage-twice = found the stage `{ $stage }` in more than one phase of `{ $model }`, expected each stage in exactly one phase
err-model-stage-missing = found no phase covering { $missing } in the phase model `{ $model }`, expected every stage ({ $all }) in exactly one phase
err-bad-id = found the id `{ $id }`, expected lower-case letters, digits and dashes, such as `contain-hosts`
err-id-twice = found the { $what } id `{ $id }` twice, expected each id once
what-model-phase = phase model and phase
what-playbook-item = playbook and item
what-clock = clock
err-item-text = found an empty or multi-line text in item `{ $item }`, expected one line saying what to do
err-item-role = found the role `{ $role }` as { $key } of item `{ $item }`, expected one of { $roles } (or add it under `roles:` in the config)
err-item-clock = found the clock `{ $clock }` in item `{ $item }`, expected one of { $clocks }
err-unreadable = cannot read: { $error }
err-clock-met = found `met:{ $other }` as what starts `{ $clock }`, expected met: followed by another clock: { $clocks }
err-contact-source = found no `source` for `{ $contact }`, expected where its details come from
err-contact-name = found a contact with an empty name, expected who to call
err-contact-twice = found the contact id `{ $contact }` twice, expected each contact once
err-contact-role = found the role `{ $role }` for `{ $contact }`, expected one of the config's roles: { $roles }
err-drill-severity = found severity { $severity }, expected a level from 0 to 5
err-drill-playbook = found the playbook `{ $playbook }`, expected a known playbook id
err-drill-injects = found no injects or an empty one, expected timed news with text
err-config-unreadable = cannot read the file: { $error }
err-phase-model = found the phase model `{ $model }`, expected one of { $models }
err-escalation-role = found the role `{ $role }` in the escalation plan, expected one of: { $roles }
err-escalation-severity = found from_severity: { $severity }, expected a severity level from 0 to 5
err-shared-group = found shared_host.group: '{ $group }', expected the name of a Unix group (letters, digits, _ - and ., not starting with -)
err-shared-data-dir = found shared_host.data_dir: '{ $dir }', expected an absolute path (the same store for every responder, wherever they start warroom)
err-response-minutes = found response_minutes: 0, expected the contractual response time in minutes (1 or more)
err-tier-severity = found from_severity: { $found }, expected a severity from 0 to 5
err-tier-twice = found from_severity: { $found } twice, expected each severity tier once
err-coverage-always = coverage names days, a time zone, holidays or closed days, which count only with business hours: set hours, for example 08:00-18:00, or leave them out for 24/7
err-coverage-time-zone = business hours need the time zone they are in: add time_zone, for example Europe/Paris
err-report-due-days = found report_due_days: 0, expected the days after closure by which the report is due (1 or more)
err-sector-csirt = found sector_csirt: { $id }, expected the id of a contact of the directory (for health: cert-sante)
err-out-of-scope-contact = found `{ $id }` in out_of_scope, expected the id of a contact of the directory
err-role-id = found the role id `{ $role }` twice, expected each role once

# Values given on the command line.
err-unknown-value = unknown { $what } '{ $found }'; valid values: { $valid }
err-bad-scope = found `{ $found }`, expected areas among { $areas } (comma-separated)
err-bad-day = found `{ $found }`, expected a day as YYYY-MM-DD
err-bad-verdict = found `{ $found }`, expected yes, no or unknown
err-bad-incident-id = '{ $found }' is not an incident id; expected the form IR-2026-0007 (or EX-… for an exercise)
err-bad-instant = '{ $found }' is not an RFC 3339 instant such as 2026-11-28T09:12:00Z
err-bad-date = '{ $found }' is not a date such as 2026-12-31
what-severity = severity
what-category = category
what-tlp-label = TLP label
what-flag = flag
what-draft = draft
what-outcome = outcome
what-contact-kind = contact kind
what-evidence-kind = evidence kind
what-lesson-kind = lesson kind
what-language = language

# Store errors.
cli-index-was-rebuilt = note: the index was rebuilt from the journals on { $when }; a journal restored from an older copy before then cannot be told from the original
cli-first-unreadable = event { $event } is the first that cannot be read
cli-first-altered = event { $event } was altered: the event after it names another hash for it
cli-readable-from-start = events 1–{ $last } read and chain from the start
cli-readable-to-head = read past the damage: events { $from }–{ $to } read and chain to the head the index recorded
cli-all-readable-repair = every event still reads in its files: `warroom repair` rebuilds its database from them
cli-nothing-past-it = nothing past it could be read back to the head the index recorded
cli-kept-as-found = its files as they were before the damage was found: { $path }
cli-reading-a-copy = the store cannot be written ({ $why }): reading a private copy of it
cli-index-rebuilt-now = the index was damaged: rebuilt from the journals (the damaged one kept as { $kept })
cli-journal-rebuilt = { $id }: its database was rebuilt from its records{ $past ->
    [0] {""}
   *[other] , { $past } of them written after the index was last saved
} (the damaged one kept as { $kept })
cli-journal-unrepairable = { $id }: cannot be rebuilt: { $why }; run warroom verify { $id }
cli-journal-accepted = { $id }: its journal accepted as it is; a note in it records what the index had
journal-accepted-note = Journal accepted as it is by warroom repair: the index had recorded { $recorded } events (last hash { $hash }); this journal holds { $kept }. Events after { $kept } are not in it.
cli-repaired = repaired: { $count } incidents in the store
cli-repair-incomplete = { $count } journals could not be repaired
cli-offer-repair = Rebuild the index from the journals now (warroom repair)? [Y/n]
answer-yes = y/yes
damaged-incident = { $id } is damaged ({ $why }): warroom verify says what can be read, warroom repair what can be mended
status-read-only = read-only: { $why }
damaged = DAMAGED
err-store-index-damaged = the index of the store ({ $dir }) is damaged ({ $cause }); the journals hold everything: run `warroom repair` to rebuild it from them
err-store-owned-by-dashboard = the dashboard that owns the store (pid { $pid }) must be closed first
err-store-disk-full = the disk holding { $dir } is full ({ $free } free, a write needs about { $needed }): nothing was written; free some space and try again
err-store-no-space = the disk holding { $dir } is full ({ $cause }): nothing was written; free some space and try again
err-store-locked = the data directory { $dir } is in use by { $holder }
err-store-busy = the data directory { $dir } stayed in use by { $holder } for { $secs } s; try again, or wait longer with --wait
err-store-owner-silent = the dashboard that owns the store (pid { $pid }) did not answer within { $secs } s: it may be stopped (Ctrl-Z) or stuck on its disk. A write it had not started by then will not be carried out later
err-store-not-started = the dashboard that owns the store (pid { $pid }) could not start this write within { $secs } s; nothing was written, try again
err-store-owner-closed = the dashboard that owns the store (pid { $pid }) closed while this command ran; run it again
err-store-owner-closed-writing = the dashboard that owns the store (pid { $pid }) closed while it was carrying out this write: it may have been saved; check with warroom show before running it again
err-store-outcome-unknown = the dashboard that owns the store (pid { $pid }) started this write { $secs } s ago and has not finished it (its disk?): it may yet be saved; check with warroom show before running it again
err-store-owner = the dashboard that owns the store answered: { $message }
err-unsafe-dir-not-yours = { $path }: this data directory belongs to user id { $owner }, not to you ({ $me }); use your own (--data-dir), or have its owner run warroom (on a shared war-room host, the configuration names the group: shared_host.group)
err-unsafe-dir-not-shared = { $path }: this data directory is not shared with group { $group } alone, as the configuration asks (mode { $mode }). As root: chgrp { $group } { $path } && chmod 2770 { $path }
err-unsafe-dir-open = { $path }: this data directory is open to other users (mode { $mode }): they can read its incidents and contacts and take its lock. Make it private: chmod 700 { $path }
err-unsafe-dir-shared = { $path }: this folder is shared by every user (like /tmp): keep incidents in a folder of your own, e.g. --data-dir { $path }/warroom-$USER (created private)
err-unsafe-not-a-socket = { $path }: this is not a socket (no warroom process made it); remove it
err-unsafe-socket-not-yours = { $path }: this socket belongs to user id { $owner }, not to you ({ $me }); nothing was sent to it. Remove it, and keep the data directory private (chmod 700)
err-unsafe-socket-open = { $path }: this socket is open to other users (mode { $mode }); nothing was sent to it. Close the dashboard that serves it and start it again
err-unsafe-socket-not-shared = { $path }: this socket is not shared with group { $group } alone (mode { $mode }); nothing was sent to it. Close the dashboard that serves it and start it again
err-unsafe-peer-not-in-group = { $path }: the process at the other end of this socket (pid { $pid }) runs as user id { $uid }, who is not in group { $group }; nothing was exchanged
err-unsafe-peer = { $path }: the process answering on this socket (pid { $pid }) runs as user id { $uid }, not as you ({ $me }); nothing was sent to it
err-store-read-only = the store in { $dir } is open read-only ({ $why }); nothing can be written to it
store-holder = pid { $pid } ({ $command })
store-holder-unknown = another warroom process
cli-waiting = waiting for { $dir }, in use by { $holder } ({ $secs } s)…
cli-bad-wait = --wait '{ $found }' is not a number of seconds from 0 to 3600
status-owner-silent = the dashboard that owns the store (pid { $pid }) is not answering: stopped?
writer-stuck = the disk did not finish the last writes within { $secs } s: changes still marked saving may NOT be saved (see warroom.log)
evidence-not-a-file = { $kind ->
    [directory] a directory
    [fifo] a named pipe (FIFO)
    [device] a device
    [socket] a socket
   *[other] not a regular file
}: only a regular file can be hashed as evidence; image it into a file first
err-store-unknown = no incident { $id } in this store
err-store-exists = incident { $id } already exists
err-store-corrupt = incident { $id } is damaged: { $detail }
err-store-import-conflict = incident { $id } already exists here with a different journal; nothing imported
err-store-schema = the store in { $dir } has schema version { $found }, newer than this warroom understands ({ $supported }); use a newer warroom

# Punctuation.
colon = :
day-letter = d
err-clock-too-long = found `{ $key }: { $span }` for the clock `{ $clock }`, expected at most ten years (3653d or 120 months)

# YAML syntax, said in the user's terms.
err-yaml-unclosed-quote = found more text after a quoted value, expected a new key; is a closing quote missing on line { $line }?
err-yaml-indent = found a key indented more than the keys above it (the mapping begins at { $line }:{ $column }), expected every key of a mapping in the same column
err-yaml-tab = found a tab, expected spaces (YAML does not allow tabs for indentation)
err-yaml-eof-in-quote = found the end of the file inside the quoted value that begins here, expected its closing quote
yaml-type-whole-number = a whole number
yaml-type-mapping = a mapping
yaml-type-list = a list
err-yaml-aliases = found aliases (*name) that repeat more than a hundred thousand values and characters once expanded, expected each value written out where it is used (a warroom config needs no anchors or aliases)
err-yaml-depth = found a value nested more than { $limit } levels deep, expected a flatter file (a warroom config needs no deep nesting)
err-role-id-empty = found an empty role id, expected a short id such as `it-lead`

# Amendments, closing and reopening.
event-amended-because = { $change } — { $reason }
event-nis2 = NIS2 applies: { $applies }
event-dora = DORA applies: { $applies }
event-corrected-time = Correction of #{ $event }: it happened at { $at } — { $text }
event-left-running = left running: { $clocks }
event-reopened = Reopened: { $reason }
event-member-added = On the roster: { $handle } ({ $name }), { $access ->
    [read] read only
   *[write] may write
}, roles { $roles }, key { $key }
event-member-revoked = Off the roster: { $handle }: { $reason }
yes = yes
no = no
resolution-resolved = resolved
resolution-false-positive = false positive
resolution-duplicate = duplicate of { $of }
resolution-transferred = transferred to { $to }
cli-cannot-redate-declaration = event 1 is the declaration: its time is when the incident was declared; to say when it was detected, use `warroom set ID detected-at WHEN`
cli-bad-event = '{ $found }' is not an event number (as `warroom show` lists them: 26 or #26)

what-field = field
cli-bad-value = { $field } cannot be '{ $found }'; valid values: { $valid }
cli-bad-resolution = unknown resolution '{ $found }'; valid values: resolved, false-positive, duplicate:INCIDENT-ID, transferred:WHO
refused-unchanged = { $id }: already so ({ $value }); nothing recorded
refused-already-closed = { $id } is already closed; nothing recorded (to work on it again: warroom reopen { $id } --reason R)
refused-not-closed = { $id } is not closed; nothing recorded
refused-clocks-running = { $id } still has clocks running: { $clocks }. Mark each met (warroom clock { $id } CLOCK met --ref R) or waived (warroom clock { $id } CLOCK waive --reason R), or close with --leave-open to leave them running on purpose; nothing recorded
refused-duplicate-of-itself = { $id } cannot be a duplicate of itself; name the incident it duplicates
refused-retainer-not-alerted = { $id }: the retainer was never alerted on it, so there is nothing of its work to review
refused-missing-detail = say to whom it was transferred: transferred:WHO

closed = closed
closed-line = Closed ({ $resolution }) at { $at }, after { $lasted }
closed-after = Closed after { $lasted }: { $resolution }

report-milestones = Milestones
report-resolution = Resolution
report-closing-summary = How it ended
report-duration = Duration
milestone-detected = Detected
milestone-declared = Declared
milestone-retainer = Retainer engaged
milestone-contained = Contained
milestone-closed = Closed
report-col-milestone = Milestone
report-col-after = After
milestone-not-reached = —
report-running-for = Running for

flash-nothing-changed = Nothing changed; nothing recorded.
form-duplicate-of = Type the id of the incident this one duplicates (IR-2026-0003), then any words.
confirm-close-leaving = Clocks still running: { $clocks }. Close anyway, leaving them running? (To settle them first: n, then m or w in the Clocks pane.)
pane-close = Close the incident
pane-reopen = Reopen the incident: why?
pane-edit-incident = Edit the incident
close-form-hint = Tab: ending · duplicate: its id · transferred: to whom · Enter
edit-incident-hint = Tab/↑↓ field · ←→ choices · none clears · Enter saves changes
pane-review-retainer = How did the retainer do on this incident?
review-retainer-hint = Tab/↑↓ field · ←→ yes, no, not known · Enter records · Esc: later
label-note = Note
form-scope-hint = network, cloud, endpoints, ot, personal-data · empty: unknown · Enter
form-bad-scope = “{ $typed }” is not a scope: network, cloud, endpoints, ot, personal-data (comma-separated)
label-resolution = Ending
label-reason = Why
field-title = Title
field-severity = Severity
field-category = Category
field-tlp = TLP
field-commander = Commander
field-scope = Scope
field-summary = Summary
field-detected-at = Detected at
field-nis2 = NIS2 applies
field-dora = DORA applies
ending-resolved = resolved
ending-false-positive = false positive
ending-duplicate = duplicate of…
ending-transferred = transferred to…
cli-clock-met-by-step = met { $clock } (ref. { $reference })
cli-clocks-left = clocks tied to this step left as they are: { $clocks } (warroom clock ID CLOCK start|met|waive)
cli-reference-added = reference of { $clock } recorded; it stays met when it was
clocks-more-running = +{ $n } running ↓
confirm-flag-uncovered = "{ $flag }" starts no clock yet: this incident is not marked as covered (the config's nis2_entity / dora_entity, or per incident with e). y records "{ $flag }" and { $covered }; then starts: { $due }.
covered-reason = marked covered when recording "{ $flag }"
carried-mark = ↩ carried over
confirm-carried = Tied to a deadline or required, these stay on the list: { $items }.
draft-step-done = { $at }, { $by }: done — { $step }
draft-still-to-complete = Still to complete before sending:
draft-detected-how = when it was detected (warroom set { $id } detected-at WHEN, or e on the dashboard)
cli-flag-uncovered = { $flag } starts no clock: { $id } is not marked as covered by { $field } (the config's { $field }_entity is false). If it is: warroom set { $id } { $field } yes

# Why a file could not be used, and what the system said, in words.
err-file-write = cannot write { $path }: { $why }
io-not-found = no such file or folder
io-permission-denied = permission denied
io-storage-full = the disk is full
io-read-only = the file system is read-only
io-already-exists = it already exists
io-is-a-directory = it is a folder
io-not-a-directory = a part of the path is not a folder
err-journal-empty = the journal is empty
err-journal-not-declared-first = event { $event } should declare the incident but records something else
err-journal-declared-twice = event { $event } declares the incident a second time
err-no-incident = there is no incident to show

# Store errors as typed kinds (issue 15): the step of a file or socket operation that
# failed ({ $cause } is what the system said), and what is wrong with a journal, a batch
# or the index.
err-io-sync = cannot sync { $path }: { $cause }
err-io-open-lock-file = cannot open the lock file { $path }: { $cause }
err-io-lock = cannot lock { $path }: { $cause }
err-io-create-data-dir = cannot create the data directory { $path }: { $cause }
err-io-read = cannot read { $path }: { $cause }
err-io-remove = cannot remove { $path }: { $cause }
err-io-move-aside = cannot move aside { $path }: { $cause }
err-io-no-store = no store in { $path }: { $cause }
err-io-make-private-copy = cannot make a private copy to read { $path }: { $cause }
err-io-copy = cannot copy { $path }: { $cause }
err-io-wait-for-write = a write in progress for too long in { $path }: { $cause }
err-io-connect = cannot connect to { $path }: { $cause }
err-io-identify-peer = cannot tell who serves { $path }: { $cause }
err-io-use-connection = cannot use { $path }: { $cause }
io-timed-out = it took too long
err-technical-detail = { $sentence } (technical detail: { $cause })
err-store-rejected = incident { $id }: { $problem }
err-store-directory = the contact directory: { $problem }
err-store-engine = storage engine error in { $dir }: { $cause }
err-store-engine-failed = storage engine error in { $dir }
err-store-unreopenable = storage engine error in { $dir }: a write to this database failed and sled cannot open it again in this process: restart warroom (nothing that was saved is lost)
problem-nothing-to-append = nothing to append
problem-not-on-roster = { $login } (uid { $uid }) is not on this incident's roster, so nothing was written; a member adds you with `warroom identity add ID --handle HANDLE --name NAME --key YOUR_PUBLIC_KEY --unix-user { $login }`
problem-read-only-member = { $handle } may follow this incident but not write to it (read-only on its roster)
problem-signed-as-another = the write is signed with a key the roster does not give to { $login }, the Unix user who sent it; nothing was written: sign with your own key
problem-unsigned-unsaid = this incident's writes are signed and this one is not; nothing was written: make your identity (`warroom identity init`) and have a member add you, or write it with --unsigned
problem-shared-login-unsigned = several members of this incident log in as { $login }, so an unsigned write cannot say whose it is; nothing was written: write it signed (without --unsigned)
problem-taken-meanwhile = an id it names was taken meanwhile by another write, and a signed write cannot be renumbered; nothing was written: run it again
problem-declaration-names-another-id = the declaration names another id
problem-declared-only-once = a journal can be declared only once
problem-no-declaration = no declaration
problem-not-a-contact-change = only contact changes belong in the directory
problem-not-started-by-declaration = the journal does not start with its declaration
problem-first-not-declaration = its first event is not a declaration
problem-unparsable = event { $event } does not parse
problem-chain-broken = the hash chain breaks at event { $event }
problem-control-character = event #{ $event }: { $part } `{ $text }` holds a control character
problem-bad-sha256 = event #{ $event }: the evidence { $reference } has the sha256 `{ $hash }`, expected 64 lower-case hex digits
problem-journal-short = its journal holds { $holds } events but the index recorded { $recorded } (last hash { $hash }…): events { $first }–{ $recorded } are missing. A copy of the journal older than the index was restored, or the journal was damaged; nothing was written (run warroom verify)
problem-journal-replaced = its journal does not contain the event the index recorded as event { $recorded } (hash { $hash }…): the journal was replaced or altered; nothing was written (run warroom verify)
problem-journal-swapped = the journal in { $path } is incident { $declared }'s, not { $expected }'s: journal folders were swapped or copied by hand; nothing was written
problem-database-damaged = its database { $path } does not open: damaged data (run warroom verify)
problem-journal-missing = its journal { $path } is missing
problem-entry-unparsable = an entry does not parse
problem-entry-unwritable = an entry cannot be written
problem-index-reports-damage = its database reports damaged data
part-author = the author
part-phase-id = the phase id
part-item-id = the item id
part-clock-id = the clock id
part-contact-id = the contact id
part-evidence-reference = the evidence reference
part-scenario-id = the scenario id
part-inject-author = the inject author

# Observables (indicators) in the journal; values come defanged.
event-observable = Observable ({ $kind }): { $value }
event-observable-ioc = Indicator of compromise ({ $kind }): { $value }
event-observable-edited = Observable { $id }: { $field } set to { $value }
what-observable-kind = observable kind
part-observable-value = the value of the observable
part-observable-id = the observable id

# Observables: refused values, the register on the command line.
bad-observable = '{ $found }' is not a valid { $kind }: { $why }
bad-observable-empty = it is empty
bad-observable-control = it holds a control character
bad-observable-address = an IPv4 or IPv6 address was expected
bad-observable-network = a network such as 10.0.0.0/8 (address/prefix) was expected
bad-observable-prefix = the prefix is longer than the address
bad-observable-domain = a domain name such as example.com was expected
bad-observable-url = a URL with a scheme and a host, such as https://example.com/x, was expected
bad-observable-email = an e-mail address such as someone@example.com was expected
bad-observable-hash = a hash of { $digits } hexadecimal digits was expected
bad-observable-file-name = a file name has no folder separator (use file-path)
bad-observable-file-path = a file path has a folder separator (use file-name)
bad-observable-registry-key = a registry key starts with a hive, such as HKLM\ or HKEY_CURRENT_USER\
bad-observable-cve = a CVE id such as CVE-2024-3400 was expected
bad-observable-technique = an ATT&CK technique id such as T1486 or T1059.001 was expected
cli-unknown-observable = { $id } has no observable '{ $observable }' (see `warroom ioc list { $id }`)
cli-bad-yes-no = { $field } is yes or no, not '{ $value }'
cli-bad-observable-field = an observable has no field '{ $field }'; fields: ioc, sighted, tlp, source, note
cli-observable-added = observable { $entry }
cli-observable-merged = already known: merged into { $entry }
answers-yes = yes/y
answers-no = no/n
observable-ioc = IOC
observable-context = context
observable-sighted = sighted

# Observables in the dashboard.
action-add-observables = Add the observables it mentions
observables-tab = Observables
observables-none = No observable yet. + adds one (an address, a domain, a hash…); o on a journal event adds those it mentions.
pane-observable = Add an observable
observable-form-hint = Tab: kind   Enter: add   defanged values (hxxp, [.]) are fine
observable-kind-auto = guess from the value
flash-no-observables = Event #{ $event } mentions no observable that is not already in the register
confirm-add-observables = Add to the observables, linked to event #{ $event }: { $values }?
observable-kind-unknown = cannot tell what '{ $value }' is: press Tab to choose its kind

# The investigation view (I): observables, assets, attack timeline.
mode-investigation = Investigation (observables, assets, attack timeline)
action-open-investigation = Investigation: IOCs, assets, attack
action-toggle-ioc = IOC or not
action-toggle-sighted = Seen in our systems or not
action-cycle-tlp = Next TLP (then the incident's)
investigation-view-title = Investigation · Tab: next tab · / search · + add · ? keys · Esc close
observables-keys = i IOC · s sighted · l TLP · n note · m import · X export
search-nothing = Nothing matches.
pane-observable-note = Note on { $observable }
observable-detail = seen { $first } → { $last } · reported by { $by }{ $reports ->
    [1] {""}
   *[other] , { $reports } reports merged
}
observable-links = source: { $source } · linked to: { $links }
# Affected assets: the journal, the names of kinds and states.
event-asset-added = Affected asset ({ $kind }): { $name }, { $state }
event-asset-state = Asset { $asset }: { $state }
event-asset-edited = Asset { $asset }: { $field } set to { $value }
what-asset-kind = asset kind
what-asset-state = asset state
part-asset-name = the asset's name
part-asset-owner = the asset's owner
part-asset-id = the asset id
asset-kind-host = host
asset-kind-account = account
asset-kind-service = service
asset-kind-site = site
asset-kind-data-store = data store
asset-state-suspected = suspected
asset-state-compromised = compromised
asset-state-contained = contained
asset-state-cleaned = cleaned
asset-state-restored = restored

# Affected assets: the command line, the incident pane and `warroom show`.
cli-asset-added = asset { $entry }
cli-asset-merged = already known: merged into { $entry }
cli-the-asset-name = the asset's name
cli-asset-already = { $id } { $asset } is already { $state }; nothing recorded
cli-asset-unchanged = { $id } { $asset }: { $field } is already that; nothing recorded
cli-asset-owner = owner: { $owner }
cli-unknown-asset = { $id } has no asset '{ $asset }' (see `warroom asset list { $id }`)
cli-bad-asset-field = an asset has no field '{ $field }'; fields: owner, name, note, kind
cli-asset-name-taken = { $other } is already the { $kind } '{ $name }'; nothing recorded
label-assets = Assets
scope-implied = (assets imply: { $areas })

# Affected assets and observables in the post-incident report.
report-assets = Affected assets
report-observables = Observables
report-col-name = Name
report-col-last-change-utc = Last change (UTC)
report-col-value = Value
report-col-flags = Flags
report-col-tlp = TLP
report-col-source = Source
# Attack timeline: what the attacker did, and dwell time.
event-attack-step = Attack step { $id }, { $at }: { $description }
event-attack-step-technique = Attack step { $id }, { $at } ({ $attack }): { $description }
event-attack-step-edited = Attack step { $id }: { $field } set to { $value }
part-attack-step-id = the attack step id
part-attack-step-link = a tactic, technique, observable or asset of an attack step
part-member-handle = a roster member's handle, roles or login
part-member-key = a roster member's public key
bad-attack-tactic = '{ $found }' is not an ATT&CK Enterprise tactic; give its id or short name: { $valid }
bad-attack-technique = '{ $found }' is not an ATT&CK technique id such as T1486 or T1059.001
bad-attack-pair = { $technique } is not a technique of { $tactic }; its tactics: { $belongs }
cli-unknown-attack-step = { $id } has no attack step '{ $step }' (see `warroom timeline list { $id }`)
cli-bad-attack-step-field = an attack step has no field '{ $field }'; fields: when, description, tactic, technique, observables, assets, source
cli-the-description = the description
cli-attack-step-added = attack step { $step }
cli-no-attack-steps = No attack step recorded yet: `warroom timeline add { $id } WHEN DESCRIPTION`.
dwell-first-activity = First attacker activity
dwell-detected = Detection
dwell-detected-declared = { $at } (declared; no detection time recorded)
dwell-contained = Containment
dwell-not-yet = not yet
dwell-unknown = no attack step recorded
dwell-dwell = Dwell time (first activity to detection)
dwell-to-containment = Detection to containment
dwell-exposure = Time the attacker had (first activity to containment)
report-attack-timeline = What the attacker did
report-dwell = Dwell time
report-col-tactic = Tactic
report-col-technique = Technique
report-col-links = Links
# DORA drafts (initial notification, intermediate and final reports on a major
# ICT-related incident), the LEI in the config, and the IOCs a notification lists.
err-lei-form = found lei: "{ $lei }", expected a Legal Entity Identifier (ISO 17442): 20 capital letters and digits, such as 5493001KJTIIGC8Y1R12
err-lei-check = found lei: "{ $lei }", whose check digits are wrong (ISO 17442, mod 97): copy it again from the GLEIF register
draft-title-dora-initial = DORA initial notification of a major ICT-related incident (Art. 19(4)(a)) - DRAFT
draft-title-dora-intermediate = DORA intermediate report on a major ICT-related incident (Art. 19(4)(b)) - DRAFT
draft-title-dora-final = DORA final report on a major ICT-related incident (Art. 19(4)(c)) - DRAFT
draft-dora-submission = Type of submission
draft-dora-submission-initial = initial notification
draft-dora-submission-intermediate = intermediate report
draft-dora-submission-final = final report
draft-dora-lei = LEI code
draft-dora-lei-missing = the entity's LEI (set lei in the config)
draft-dora-entity-type = Type of financial entity
draft-dora-entity-type-what = type of financial entity (DORA Art. 2(1))
draft-dora-classified = Classified as major
draft-dora-classified-how = when it was classified as major (warroom flag { $id } major --at WHEN, or M on the dashboard)
draft-dora-scope = Scope
draft-dora-criteria = Classification criteria met (Delegated Reg. (EU) 2024/1772, Arts. 1 to 8), with figures or estimates
draft-dora-criterion-clients = Clients, financial counterparts and transactions affected
draft-dora-criterion-data = Data losses
draft-dora-criterion-reputation = Reputational impact
draft-dora-criterion-duration = Duration and service downtime
draft-dora-criterion-geography = Geographical spread
draft-dora-criterion-economic = Economic impact
draft-dora-criterion-critical = Critical services affected
draft-dora-data-personal = personal data is in the scope: say whether any was lost, altered or made unavailable
draft-dora-duration-so-far = since { $from }, { $span } so far; service downtime to complete
draft-dora-duration-ended = from { $from } to { $to }, { $span }; service downtime to complete
draft-dora-member-states = Member States impacted
draft-dora-discovery = How the incident was discovered
draft-dora-origin = Origin of the incident, where known (internal, ICT third-party service provider, other)
draft-dora-bcp = Has the business continuity plan been activated?
draft-dora-reclassified = Reclassification from major to non-major, where applicable
draft-dora-other = Any other relevant information
draft-dora-authority-ref = Incident reference code given by the competent authority
draft-dora-authority-ref-value = { $reference } (recorded when the initial notification was sent, { $at })
draft-dora-occurred = Date and time the incident occurred
draft-dora-contained = Date and time the incident was contained
draft-dora-recovered = Date and time regular activities were recovered (or are expected to be)
draft-dora-phases = Response phases, with when each began
draft-dora-type = Type of incident (cybersecurity, process failure, system failure, external event, payment-related, other)
draft-dora-category-recorded = category recorded: { $category }
draft-dora-threats = Threats and techniques used by the threat actor
draft-dora-functions = Affected functional areas and business processes
draft-dora-infrastructure = Affected infrastructure components supporting business processes
draft-dora-scope-recorded = scope recorded: { $scope }
draft-dora-clients = Impact on the financial interests of clients
draft-dora-other-authorities = Reporting to other authorities
draft-dora-sent = { $clock } ({ $authority }): sent { $at }
draft-dora-sent-ref = { $clock } ({ $authority }): sent { $at }, reference { $reference }
draft-dora-iocs = Indicators of compromise, where available
draft-dora-root-cause = Root causes
draft-dora-root-cause-addressed = Date and time the root cause was addressed
draft-dora-resolved = Date and time the incident was resolved
draft-dora-resolution = How the incident was resolved
draft-dora-costs = Direct and indirect costs and losses, with the currency
draft-dora-lessons = Lessons learnt
draft-dora-prevention = Measures to prevent the incident from happening again
draft-iocs-withheld = { $count ->
    [one] 1 indicator left out: marked TLP:RED or TLP:AMBER+STRICT, it may not go to an authority
   *[other] { $count } indicators left out: marked TLP:RED or TLP:AMBER+STRICT, they may not go to an authority
}
# Exchange formats: MISP, STIX, Timesketch, CSV (warroom ioc export|import, export --format).
cli-left-out-observables = { $count ->
    [one] { $count } observable left out ({ $tlp })
   *[other] { $count } observables left out ({ $tlp })
}
cli-left-out-events = { $count ->
    [one] { $count } journal event left out ({ $tlp })
   *[other] { $count } journal events left out ({ $tlp })
}
cli-left-out-title = the incident's title and summary left out ({ $tlp }): the export names it by its id
cli-saved-events = saved { $id } events { $first } to { $last }
cli-observables-imported = { $added ->
    [one] { $added } observable added
   *[other] { $added } observables added
}, { $merged } merged into the register's, { $skipped ->
    [one] { $skipped } entry skipped (no observable kind for it)
   *[other] { $skipped } entries skipped (no observable kind for them)
}
cli-max-tlp-not-here = --max-tlp applies to the misp, stix and timesketch formats, not to { $format }
import-not-json = not JSON (line { $line }, column { $column })
import-not-an-export = neither a MISP event (with "Event") nor a STIX 2.1 bundle (with "type": "bundle")
import-missing = missing
import-expected-string = a string was expected
import-expected-array = an array was expected
import-expected-object = an object was expected
import-expected-boolean = true or false was expected
stix-indicator = Indicator of compromise ({ $kind }) in incident { $id }
# The investigation view's tabs of assets and of the attack timeline.
action-asset-forward = Asset: next state (contained…)
action-asset-back = Asset: previous state
assets-tab = Assets
attack-tab = Attack timeline
assets-none = No affected asset yet. + adds one (a host, an account, a service…).
attack-none = No attack step yet. + adds one: @ when it happened, then what the attacker did.
assets-keys = > < state · n note · t when
attack-keys = + @WHEN what they did (T1566.001 sets the technique)
pane-asset = Add an affected asset
asset-form-hint = Tab: kind   Enter: add   `name | owner`
pane-asset-note = Note on { $asset }
pane-attack-step = What the attacker did
pane-import-file = Import observables from a file
import-file-hint = path of a MISP event or STIX bundle (JSON; ~/ is your home) · enter import · esc cancel
attack-step-form-hint = `@2026-11-02 03:14 what they did` · ATT&CK ids (T1566.001, TA0001), observables (O3) and assets (A2) in the text are recorded
attack-step-when-required = Say when the attacker did it: start with @ and the time (@-3d, @2026-11-02 03:14), or press t first.
asset-links = owner: { $owner } · linked to: { $links }
attack-step-detail = written by { $by } on { $at } · source: { $source } · linked to: { $links }

# Links between observables, assets, attack steps and evidence (issue 16)
cli-ambiguous-asset = { $id } has several assets named '{ $asset }' ({ $ids }): give the one you mean by its id
# The journal's filter for observables, assets and attack steps (the Investigation view's registers)
journal-filter-investigation = investigation
# Exchange formats, second part: affected assets and the attack timeline in the exports, seen dates on import.
cli-left-out-assets = { $count ->
    [one] { $count } affected asset left out ({ $tlp })
   *[other] { $count } affected assets left out ({ $tlp })
}
cli-left-out-attack-steps = { $count ->
    [one] { $count } attack step left out ({ $tlp })
   *[other] { $count } attack steps left out ({ $tlp })
}
import-not-a-date = '{ $found }' is not a date and time (ISO 8601 such as 2026-11-28T13:05:00Z, or seconds since 1970)
import-date-out-of-range = { $found } is outside the dates warroom accepts (1990 to 2100)
stix-attack-step = Attacker activity { $id } at { $at }
stix-attack-step-attack = Attacker activity { $id } at { $at } ({ $attack })

## Identities and signatures (issue 17)
sig-not-a-signature = not an SSH signature (-----BEGIN SSH SIGNATURE-----), or a damaged one
sig-wrong-namespace = an SSH signature made for '{ $found }', not for { $expected }: it does not sign a warroom event
sig-key-mismatch = signed by another key ({ $signed_by }) than the author's
sig-does-not-verify = the signature does not match: the signed text or the signature was altered
sig-bad-public-key = not an OpenSSH public key (such as ssh-ed25519 AAAA…)
sig-unsupported-algorithm = warroom does not sign or verify with { $algorithm } keys: use Ed25519 (ssh-keygen -t ed25519), ECDSA, or RSA of 2048 bits or more
sig-bad-principal = '{ $principal }' cannot be a name in an allowed-signers file: it must not be empty, start with #, or hold spaces, quotes, backslashes or * ? ! ,
sig-bad-signer-key = the key of '{ $principal }': { $why }
key-missing = no private key at { $path }
key-unreadable = cannot read the private key { $path }: { $why }
key-not-private = { $path } is not an OpenSSH private key (-----BEGIN OPENSSH PRIVATE KEY-----); an older PEM key is converted with ssh-keygen -p -f { $path }
key-public-not-private = { $path } is a public key; give the private key beside it (the same name without .pub)
key-locked = { $path } is locked by a passphrase, which warroom never asks for: load it into ssh-agent with ssh-add { $path }, then use it from the agent
key-unsupported = { $path } is a { $algorithm } key, which warroom does not sign with: use Ed25519 (ssh-keygen -t ed25519), ECDSA, or RSA of 2048 bits or more
key-already-exists = { $path } already exists; warroom never writes over a key
key-write-failed = cannot write the key { $path }: { $why }
key-no-randomness = the system gave no randomness to make a key with
key-sign-failed = the key could not sign
agent-none = no ssh-agent: SSH_AUTH_SOCK is not set (start one with eval "$(ssh-agent)", then ssh-add your key)
agent-unreachable = cannot talk to ssh-agent at { $socket }: { $why }
agent-timeout-connecting = ssh-agent ({ $socket }) did not take the connection within { $seconds } s
agent-timeout-listing = ssh-agent ({ $socket }) did not list its keys within { $seconds } s
agent-timeout-signing = ssh-agent ({ $socket }) did not sign within { $seconds } s; it may be waiting for a confirmation nobody gave
agent-key-absent = ssh-agent holds no key { $fingerprint }; ssh-add -l lists the ones it holds, ssh-add FILE adds one
agent-key-unsupported = the agent's key { $fingerprint } is a { $algorithm } key, which warroom does not sign with
agent-refused = ssh-agent refused to sign with { $fingerprint } (a confirmation denied, or a key it can no longer use)
agent-bad-answer = ssh-agent ({ $socket }) answered something that is not the agent protocol
agent-bad-signature = ssh-agent's signature with { $fingerprint } does not verify: { $why }
handle-empty = a handle cannot be empty
handle-too-long = the handle '{ $handle }' has { $chars } characters; at most { $max }
handle-bad-start = the handle '{ $handle }' must start with a lowercase letter
handle-bad-char = the handle '{ $handle }' holds '{ $found }': only lowercase letters a to z, digits, - _ and .
identity-bad-name = the name cannot be empty or hold control characters
identity-bad-email = '{ $email }' is not an e-mail address
identity-fingerprint-mismatch = the agent key { $fingerprint } is not the identity's public key ({ $public })
identity-empty-key-path = the key file's path is empty
identity-unreadable = cannot read the identity file { $path }: { $why }
identity-write-failed = cannot write the identity file { $path }: { $why }

## warroom ready: what the preparation lacks
ready-poc = No point of contact to call: the one named has no phone or e-mail
ready-poc-fix = set point_of_contact in your config: name, phones, email
ready-deputy = No deputy for the point of contact
ready-deputy-fix = give a second person roles: [point-of-contact] and a phone under contacts
ready-retainer = { $key ->
    [hotline] The retainer has no hotline to call
    [contract] The retainer contract has no number to quote
    [response] The retainer contract gives no response time by severity
   *[other] The retainer contract states no scope
}
ready-retainer-fix = set retainer.{ $key } in your config, as the contract says (config.example.yaml shows how)
ready-holidays = The public holidays of { $country } are known only up to { $year }
ready-holidays-fix = list the later ones under retainer.coverage.closed
ready-contact-old = { $name }: details last verified on { $on }, over a year ago
ready-contact-never = { $name }: details never verified
ready-contact-fix = call or write to check them, then: warroom contacts verify { $id }
ready-drill-old = No drill in the last 12 months (the last began on { $on })
ready-drill-never = No drill was ever run
ready-drill-fix = run one: warroom drill (or N then a scenario from the dashboard)
ready-unstated = Your config never states { $key }
ready-unstated-fix = set { $key } in your config (true or false), so the right clocks apply
ready-sector-fix = set sector in your config (health, energy, transport, ... or other)
ready-sector-csirt = Your sector has a CSIRT ({ $csirt }) and none is chosen
ready-sector-csirt-fix = set sector_csirt: { $csirt } in your config
ready-yes = Ready: nothing missing
ready-no = Not ready: { $count } { $count ->
    [one] thing
   *[other] things
} to put right
ready-fix-label = fix:
ready-panel-title = Before the incident: { $count } to put right (warroom ready)
ready-panel-more = … and { $count } more: warroom ready

## warroom plan: the one-page response plan
plan-title = Incident response plan — { $organisation }
plan-first-call = First call
plan-point-of-contact = Point of contact
plan-deputy = Deputy
plan-no-deputy = none named: name one
plan-first-steps-title = The first five things to do
plan-step-1 = Note the time and what you see: which machine, which message; photograph the screen.
plan-step-2 = Isolate, do not switch off: unplug the network cable or turn off Wi-Fi. Power off only if it cannot be disconnected (memory holds evidence).
plan-step-3 = Call the point of contact, else the deputy, by phone: not by the company's mail or chat, which may be watched.
plan-step-4 = Do not pay, do not answer the attacker, delete nothing: files, logs and messages are evidence.
plan-step-5 = The point of contact declares the incident in warroom and alerts the retainer: its contractual clock starts at the alert.
plan-ladder-title = Whom to alert, by severity
plan-from-severity = From severity
plan-alert = Alert
plan-if-personal-data = if personal data is involved
plan-nobody = nobody named
plan-retainer-title = The retainer CSIRT
plan-hotline = Hotline
plan-contract = Contract
plan-response = Response
plan-hours = Hours
plan-scope = Scope
plan-evidence = Evidence
plan-not-stated = not stated
plan-outside-title = Outside numbers
plan-sector-csirt = Sector CSIRT
plan-footer = Written by warroom from the organisation's configuration. Check the numbers once a year: warroom ready.

## warroom drill report
drill-not-a-drill = { $id } is not a drill: start one with warroom drill SCENARIO
drill-report-title = Drill { $id } · { $scenario } · began { $started }
drill-report-compared = Second column: the drill before it, { $id }
drill-to-declare = to take it in hand (first entry)
drill-to-alert-retainer = to alert the retainer
drill-to-reach-commander = to reach the commander
drill-notification-sent = to send: { $clock }
drill-never = never
drill-items-open = Items left open: { $open } of { $items }
drill-faster = { $by } faster
drill-slower = { $by } slower
drill-same = same

## The retainer reviewed
event-retainer-reviewed = Retainer reviewed: { $retainer }: { $verdicts }
event-retainer-reviewed-note = Retainer reviewed: { $retainer }: { $verdicts } ({ $note })
verdict-yes = yes
verdict-no = no
verdict-unknown = not known
review-sla-met = response time kept
review-scope-sufficient = scope enough
review-evidence-access = evidence access
review-report-received = report received
review-report-complete = report complete
review-none = No retainer review yet: warroom retainer record ID when an incident closes
review-responded-in = work started { $time } after the alert
review-totals-title = Over { $count } reviewed { $count ->
    [one] incident
   *[other] incidents
}:
review-total = { $what }: { $yes } of { $of }
