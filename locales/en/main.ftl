# devday, English. Every message here must also exist in de/main.ftl (a test checks).
hello-user = Hello { $name }!
skip-to-content = Skip to content
nav-label = Main
nav-login = Log in
nav-logout = Log out
nav-signup = Sign up
nav-admin = Admin
footer-text = devday · a free developer conference, organised by volunteers.
back-home = Back to the start page
save = Save
search = Search

live-refresh = Update this page every { $seconds } seconds
confirm-cancel-other-yes = Cancel this registration
confirm-back = No, go back
confirm-cancel-own = Cancel your registration for { $subject }?
confirm-cancel-own-text = Your place goes to the next person on the waiting list at once. This cannot be undone; registering again later starts over, if there is room.
confirm-cancel-other = Cancel the registration of { $subject }?
confirm-cancel-other-text = Their place goes to the next person on the waiting list at once, and they are told by mail. This cannot be undone.
confirm-decline = Decline “{ $subject }”?
confirm-decline-text = You will not give this talk: it leaves the programme, and the organisers may offer its place to another proposal. This cannot be undone.
confirm-withdraw = Withdraw “{ $subject }”?
confirm-withdraw-text = The proposal leaves the call for papers and its review. This cannot be undone; you can submit it again as a new proposal while the call is open.

error-title = Error { $status }
error-not-found = This page does not exist (any more).
error-unauthenticated = Please log in first.
error-forbidden = You are not allowed to do this.
error-invalid = Some fields are invalid.
error-csrf = The form has expired. Go back, reload the page and try again.
error-rate-limited = Too many attempts. Please wait a minute and try again.
error-unavailable = The service is busy. Please try again shortly.
error-internal = Something went wrong on our side. We have logged it.
error-unreadable = The form arrived damaged (not as URL-encoded UTF-8 with the page's fields). Reload the page and try again.
error-too-large = That is too much at once. Please shorten your input.
error-unsupported-media-type = This address accepts only the form of its page.
error-nul-character = A field contains the NUL character (U+0000), which cannot be stored. Remove it and send the form again.

field-name = Name
field-name-en = Name in English
field-name-de = Name in German
field-name_de = Name in German
field-labels_de = Score labels in German
field-email = Email address
field-password = Password
field-password-repeat = Repeat the password
field-new-password = New password
field-current-password = Current password
field-language = Language
field-role = Role
field-required = This field is required.
field-too-long = This is too long.
field-invalid = Choose one of the offered values.
email-invalid = This is not an email address.
password-hint = At least 10 characters. A passphrase of several words is easy to remember.
password-too-short = The password needs at least 10 characters.
password-mismatch = The two passwords differ.
password-wrong = The password is not correct.

signup-title = Create an account
signup-intro = With an account you can submit talks, review proposals and help organise.
signup-submit = Create account
signup-have-account = Already have an account?
signup-done-title = Check your mail
signup-done-text = We have sent you a link to confirm your email address. It is valid for two days.
confirm-title = Confirm your email address
confirm-intro = One click and your account is ready.
confirm-submit = Confirm
confirm-done-title = Email address confirmed
confirm-done-text = Thank you. You can log in now.
link-invalid-title = This link does not work
link-invalid-text = It has been used already, or it has expired. Request a new one if you still need it.
error-link-invalid = { link-invalid-text }

login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
login-no-account = No account yet?
login-invalid = Email address or password is not correct.
login-unconfirmed = Please confirm your email address first. We have sent you a new link.

forgot-title = Reset your password
forgot-intro = Enter your email address. If it has an account, we send you a link to set a new password.
forgot-submit = Send link
forgot-done-title = Check your mail
forgot-done-text = If this address has an account, a link to reset the password is on its way. It is valid for one hour.
reset-title = Set a new password
reset-submit = Set password
reset-done-title = Password changed
reset-done-text = Your new password is set, and every other session has been logged out.

setup-title = Create the first admin
setup-intro = devday has no accounts yet. The account you create here administers this installation.
setup-submit = Create admin

account-title = Your account
account-editions = Your editions
account-profile = Profile
account-password = Password
account-password-submit = Change password
tokens-title = API tokens
tokens-intro = Tokens let programs (a door scanner, a script) use the devday API in your name. Treat them like passwords.
tokens-name = What is the token for?
tokens-create = Create token
tokens-new = Your new token. Copy it now: it is not shown again.
tokens-created = Created
tokens-used = Last used
tokens-revoke = Revoke
privacy-title = Your data
privacy-download = Download everything devday keeps about you (JSON)
privacy-delete-intro = Deleting your account removes your profile, your roles and your tokens. It cannot be undone.
privacy-delete = Delete my account

admin-title = Administration
admin-editions = Editions
admin-no-editions = No editions yet.
admin-people = People
admin-confirmed = Confirmed
admin-grant = Make admin
admin-revoke = Remove admin
admin-mail = Mail
admin-mail-pending = { $count ->
    [one] One mail is waiting to be sent.
   *[other] { $count } mails are waiting to be sent.
}
admin-mail-queued = queued again, going out now
admin-mail-none = Every mail tried so far has gone out.
admin-mail-to = To
admin-mail-subject = Subject
admin-mail-state = State
admin-mail-error = Last error
admin-mail-given-up = given up after { $attempts } attempts
admin-mail-retrying = attempt { $attempts } failed; next try { $at } (UTC)
admin-mail-retry = Send again now

role-organiser = Organiser
role-reviewer = Reviewer
role-staff = Door staff

home-title = Welcome
home-next = Next edition
home-none = No edition has been announced yet.
home-upcoming = Also coming up
home-archive = Past editions
cfp = Call for papers
registration = Registration
window-open = Open
window-until = until { $time }
window-upcoming = Opens { $time }
window-closed = Closed
window-not-scheduled = Not scheduled yet

edition-new = New edition
edition-create = Create edition
edition-copy = Prepare next year
edition-archived = Archive
edition-basics = The edition
edition-format = Where it happens
edition-format-on_site = On site
edition-format-on_site-hint = Everyone comes to the venue.
edition-format-hybrid = Hybrid
edition-format-hybrid-hint = At the venue and online: the rooms' live streams reach everyone watching from elsewhere.
edition-format-remote = Remote
edition-format-remote-hint = Online only: no venue, no badges, no door.
edition-streams = Live streams
edition-streams-public = On the public pages
edition-streams-registered = Only for registered people
edition-streams-hint = Each room's stream address is set under Schedule → Rooms, grid and breaks. Registered people always find the streams on their registration page; opening one there counts them as watching, for the report.
edition-online-hybrid = On site and online
edition-online-remote = Online
edition-windows = Call for papers and registration
edition-windows-hint = Times are in the edition's timezone. Leave empty what is not decided yet.
edition-timezone-note = All times in { $tz }.
field-edition-name = Name
field-slug = Short name in addresses
slug-hint = Lower-case letters, digits and dashes, for example devday-2027.
field-starts-on = First day
field-ends-on = Last day
field-timezone = Timezone
field-venue = Venue
field-cfp-opens = Call for papers opens
field-cfp-closes = Call for papers closes
field-registration-opens = Registration opens
field-registration-closes = Registration closes
slug-invalid = Use 3 to 40 lower-case letters, digits and dashes (not a reserved word such as admin or api).
slug-taken = Another edition has this short name.
date-invalid = Enter a date as YYYY-MM-DD.
date-before-start = The last day cannot be before the first.
edition-too-long = An edition lasts at most two weeks.
timezone-invalid = Unknown timezone; use a name such as Europe/Berlin.
datetime-invalid = Enter a date and time, such as 2027-01-31T23:59.
window-closes-before-opening = It must close after it opens.

manage-title = Organise
manage-link = Organise
manage-settings = Settings
manage-team = Team
archive-title = Archive
archive-intro = An archived edition stays online for everyone, listed under past editions.
archive-do = Archive this edition
archive-undo = Take out of the archive
team-invite = Invite someone
team-invite-language = Language of the invitation
team-invite-submit = Send invitation
team-pending = Open invitations
team-expires = valid until { $date }
team-withdraw = Withdraw
team-remove = Remove
invitation-title = An invitation
invitation-text = You are invited to join { $edition } as { $role }.
invitation-accept = Accept
invitation-login-first = Log in or create an account to accept; you come back here afterwards.
invitation-other-address = This invitation was sent to { $email }. Log out and log in with that address to accept it.

cfp-days-left = { $days ->
    [one] One day left.
   *[other] { $days } days left.
}
cfp-closed = The call for papers is closed. Thank you to everyone who submitted!
cfp-submission-soon = Submissions open in devday soon; until then, contact the organisers.
registration-confirm-here = Your place is held until { $until } (UTC) and waits for your confirmation.
registration-confirm-button = Confirm my registration
registration-soon = The registration form opens here soon.
staff-title = Door
staff-intro = Scan tickets at the door (one scanner page per check-in list), check people in by name, and print badges at the desk.
staff-link = Door

email-footer = You receive this mail because of your devday account or an action on devday.
email-hello = Hello { $name },
email-confirm-subject = Confirm your email address for devday
email-confirm-text = please confirm your email address by opening this link:
email-confirm-button = Confirm email address
email-confirm-ignore = If you did not sign up, ignore this mail: without confirmation nothing happens.
email-exists-subject = Your devday account
email-exists-text = someone (probably you) tried to sign up with this address, but it already has an account. Log in, or reset your password if you forgot it.
email-exists-reset = Forgotten your password? Set a new one
email-reset-subject = Reset your devday password
email-reset-text = open this link within one hour to set a new password:
email-reset-ignore = If you did not ask for this, ignore this mail: your password stays as it is.
email-invitation-subject = Invitation to the { $edition } team
email-invitation-text = { $inviter } invites you to join { $edition } as { $role }. Open this link to accept:
email-invitation-expiry = The link is valid for 14 days.

# Call for papers
add = Add
all = All
yes = Yes
no = No
filter = Filter
sort = Sort
pages = Pages
preview = Preview
upload = Upload
required = Required
hidden = Hidden
position = Order
description = Description
colour = Colour
edition = Edition
history = History
answers = Answers
form-has-errors = Some fields need your attention; see the messages beside them.
markdown-hint = You can use Markdown: *emphasis*, **bold**, [links](https://…), lists.
number-invalid = Enter a number.
number-out-of-range = This number is outside the allowed range.
time-invalid = Enter a time such as 09:30.
colour-invalid = Choose a colour.
links-invalid = Up to 10 web addresses (http:// or https://), one per line.
field-duration_minutes = Duration
field-deadline = Deadline
field-colour = Colour
field-description = Description
field-position = Order
field-label = Question
field-options = Options
field-session_types = Session types
field-target = Asked of
field-kind = Kind

proposals = Proposals
proposals-none = No proposals match.
speakers = Speakers
my-proposals = My proposals
my-proposals-none = You have no proposals yet.
proposal-new = Submit a proposal
proposal-edit = Edit the proposal
proposal-for-speaker = Proposal for an invited speaker
proposal-title = Title
proposal-abstract = Abstract
proposal-abstract-hint = What the programme will say about the session; at most { $max } characters. Markdown works.
proposal-description = Description for the programme committee
proposal-notes = Notes to the organisers
proposal-notes-hint = Never public: travel, equipment, anything the organisers should know.
proposal-submit = Submit
proposal-save-draft = Save as draft
proposal-withdraw = Withdraw the proposal
proposal-draft-note = This is a draft: it is not submitted yet, and the programme committee will consider it only once you submit it.
proposal-about-you = About you and your co-speakers
proposal-bio-hint = A few sentences about you (Markdown): the committee may read it, and the programme shows it with accepted sessions. Kept on your profile for every edition.
proposal-co-speakers = Co-speakers (optional)
proposal-co-speakers-hint = Their email addresses, one per line: each gets an invitation by mail and joins the proposal after signing in. Up to five; more from the proposal's page.
proposal-photo-next = Your photo: add it on the proposal's page right after sending (or on your profile).
cospeakers-too-many = At most five co-speakers at once; invite more from the proposal's page.
proposal-add-photo = Add your photo
proposal-add-photo-text = The programme shows it with your session if it is accepted.
proposal-slot = Your slot in the programme
proposal-slot-page = The session's public page
proposal-slot-none = Not in the published programme yet. Once it is, you get a mail with day, time, room and a calendar file.
proposal-editable-until = You can change it until { $time }.
proposal-limit = You have reached the limit of proposals for this edition.
proposal-no-speakers = No speaker yet: the invited speaker has not claimed it.
proposal-speaker-email = Speaker's email address
proposal-speaker-email-hint = They get a mail with a link to claim the proposal.
session-type = Session type
session-types = Session types
session-types-hint = A deadline here overrides the CfP's for this type (a second call for lightning talks, say). Hidden types are offered only through an access code.
track = Track
tracks = Tracks
language = Language
language-de = German
language-en = English
level = Level
level-beginner = Beginner
level-intermediate = Intermediate
level-advanced = Advanced
duration = Duration
minutes = { $n } min
deadline = Deadline
state = State
state-draft = Draft
state-submitted = Submitted
state-accepted = Accepted
state-rejected = Rejected
state-confirmed = Confirmed
state-declined = Declined
state-withdrawn = Withdrawn
state-cancelled = Cancelled
state-change = Change state
state-note = Why (for the history)
sort--created = Newest first
sort-created = Oldest first
sort-title = Title A–Z
sort--title = Title Z–A
sort--updated = Recently changed
sort-state = State
export-csv = Export as CSV
cfp-login-hint = Log in or create an account to submit a proposal.
cfp-deadline-passed = The deadline for this session type has passed.
cfp-form-closed-title = Submissions are closed
cfp-form-closed = The call for papers does not take proposals now, or the deadline of this proposal has passed. If you have an access code, use the link you were given.
cfp-settings = Text and limits
cfp-window-hint = The CfP's opening and closing times are set with the edition:
cfp-intro = Text of the call for papers
cfp-max-proposals = Proposals per speaker (at most)
cfp-title-max = Longest title (characters)
cfp-abstract-max = Longest abstract (characters)
questions = Custom questions
question-label = Question (English)
question-help = Help text (English)
question-target = Asked of
question-target-proposal = the proposal
question-target-speaker = the speaker
question-kind = Kind of answer
question-kind-text = Text
question-kind-long_text = Long text
question-kind-single = Single choice
question-kind-multiple = Multiple choice
question-kind-boolean = Yes or no
question-kind-number = Number
question-options = Options in English (one per line; for single and multiple choice)
question-types = Only for these session types (none: all)
question-needs-options = Choice questions need options.
question-only-for = Only for: { $types }
question-label_de = Question (German)
question-help_de = Help text (German)
question-options_de = Options in German (line by line beside the English ones)
question-options-mismatch = Give as many German options as English ones, each on the same line, or leave the German ones empty.
question-one-language = in one language only
question-bilingual-hint = Speakers read their language; where it is empty, they read the other one. One language is enough.
access-codes = Access codes
access-codes-hint = A link that lets its holder submit after the deadline or into a hidden session type, a limited number of times.
access-code-link = Link
access-code-uses = Used
access-code-max-uses = How often it may be used
access-code-valid-until = Valid until
access-code-note = Note (for whom)
access-code-any-type = Any visible type
access-code-create = Create access code
cospeaker-invite = Invite a co-speaker
cospeaker-invite-hint = They get a mail with a link; once accepted, they can edit the proposal too.
cospeaker-invite-submit = Send invitation
cospeaker-self = That is your own address.
cospeaker-title = Join a proposal
cospeaker-text = You are invited to speak on "{ $title }" at { $edition }.
invitation-status = Invitation
invitation-sent = sent
invitation-accepted = accepted
invitation-expired = expired
invitation-withdrawn = withdrawn
invitation-resend = Send again
speaker-profile = Speaker profile
speaker-company = Company
speaker-biography = Biography
speaker-links = Links
speaker-links-hint = Your website, Mastodon, GitHub…: one address per line.
speaker-photo = Photo
speaker-photo-upload = Upload a photo
speaker-photo-hint = JPEG, PNG or WebP, up to 5 MB. We crop nothing and store it at most 600 pixels wide.
speaker-photo-delete = Remove the photo
photo-too-large = The photo is too large (at most 5 MB and 6000 pixels a side).
photo-format = Upload a JPEG, PNG or WebP picture.
photo-corrupt = This picture could not be read.
availability = Availability
availability-intro = When can you speak? Times in { $tz }. Without any window we assume you are there the whole conference.
availability-none = No windows yet: you are available the whole conference.
availability-day = Day
availability-day-invalid = Choose a day of the conference.
availability-from = From
availability-until = Until
availability-add = Add window
mail-speakers = Mail speakers
mail-recipients = To the speakers of these proposals
mail-attendees-recipients = Who gets it
mail-subject = Subject (English)
mail-body = Text (English)
mail-subject_de = Subject (German)
mail-body_de = Text (German)
mail-languages-hint = Write in one language or both: each recipient gets theirs, the other where it is not written.
mail-by-language = { $en } in English, { $de } in German.
mail-placeholders = Placeholders: { $list }
mail-send = Send { $n } mails
mail-sent = { $n } mails are on their way.
mail-nobody = Nobody matches these filters.

email-submitted-subject = Proposal received: { $title }
email-submitted-text = thank you for submitting "{ $title }" to { $edition }. The programme committee reviews it and you hear the decision by mail. You can see and change it here:
email-submitted-text-until = thank you for submitting "{ $title }" to { $edition }. You can still change it until { $time }; then the programme committee decides and you hear the decision by mail:
email-review-assigned-subject = { $n ->
    [one] A new proposal to review for { $edition }
   *[other] { $n } new proposals to review for { $edition }
}
email-review-assigned-text = { $n ->
    [one] one more proposal for { $edition } is yours to review
   *[other] { $n } more proposals for { $edition } are yours to review
}; { $waiting ->
    [one] one is waiting for your review now.
   *[other] { $waiting } are waiting for your review now.
}
email-review-assigned-until = The review window is open until { $time }.
email-cospeaker-subject = Co-speaker invitation: { $title }
email-cospeaker-text = { $inviter } invites you to speak together on "{ $title }" at { $edition }. Open this link to accept:
email-claim-subject = A session for you at { $edition }
email-claim-text = { $inviter } has entered the session "{ $title }" for you at { $edition }. Open this link to claim it and complete your details:

# Review
review = Review
review-dashboard = Decisions
review-progress = You have reviewed { $done } of { $total } assigned proposals.
review-progress-title = Reviewers' progress
review-done = Reviewed
review-start = Review the next proposal
review-count = Reviews
review-mine = Mine
review-nothing-assigned = Nothing is assigned to you yet.
review-order = Order
review-order-title = By title
review-order-reviews = Fewest reviews first
review-order-score = My best first
review-todo-only = Only those I have not reviewed
review-not-yet = not reviewed yet
review-nothing-matches = No assigned proposal matches.
review-decided = Decided
review-decided-hint = Decided for good: you can read your reviews, not change them.
review-read-only = This proposal is decided ({ $state }): your review is shown as you left it and can no longer be changed.
review-no-score = no score
review-window-closed = The review window is closed: reviews cannot be written or changed now.
review-my-tracks = Tracks I want to review
review-my-tracks-hint = Automatic distribution gives you proposals of these tracks only; none ticked means all.
review-anonymised = Anonymised review: the speakers are not shown.
review-yours = Your review
review-comment = Comment to the committee
review-speaker-note = Note for the speaker (optional)
review-speaker-note-hint = Sent to the speakers with the decision, without your name.
review-abstain = I abstain (no scores)
review-save-next = Save and next
review-skip = Skip for now
review-conflict = I have a conflict of interest with this proposal
review-others = Other reviews
review-others-after = The other reviews appear once you have submitted yours.
review-anonymous-reviewer = A reviewer
review-abstained = abstained
score-out-of-range = Choose one of the offered scores.
score-range-invalid = The scale must go from a lower to a higher whole number between -10 and 10.
review-settings = Settings
review-opens = Review opens
review-closes = Review closes
review-per-proposal = Reviews per proposal (for automatic distribution)
review-flag-anonymised = Anonymised: reviewers see no names, emails, companies, biographies or photos of speakers
review-flag-hide_reviewer_names = Reviewers do not see who wrote the other reviews
review-flag-others_before_own = Reviewers see other reviews before writing their own
review-flag-comment_required = A comment is required
review-categories = Score categories
review-scale = Scale
review-weight = Weight
review-min = Lowest score
review-max = Highest score
review-labels = Labels, one per score from the lowest
review-assignments = Assignments
review-distribute = Distribute automatically
review-distribute-hint = Gives every proposal { $n } reviewers, keeping loads even, respecting reviewers' tracks and conflicts.
review-assign = Assign
review-assign-track = Assign the whole track
review-track-assigned = { $n ->
    [one] 1 proposal assigned.
   *[other] { $n } proposals assigned.
}
review-distributed = { $added ->
    [one] 1 assignment added
   *[other] { $added } assignments added
} ({ $per } reviewers per proposal where possible).
review-unassign = Remove the assignment
review-conflicts = Conflicts of interest
review-set-conflict = Set conflict
review-no-reviewers = No one has the reviewer role yet. Invite the committee on the team page:
review-notify = Tell the speakers
review-notify-hint = Sends every accepted and rejected proposal's speakers the decision, with the reviewers' notes for them; accepted ones get a link to confirm or decline. A decision is never mailed twice.
review-notify-submit = Send decision mails
review-sort-mean = Weighted mean
review-sort-median = Median
review-sort-count = Number of reviews
review-sort-spread = Spread
review-sort-title = Title
review-mean = Mean
review-median = Median
review-spread = Spread
review-accept = Accept selected
review-reject = Reject selected
review-waitlist = Put selected on the waiting list
review-waitlist-position = waiting list #{ $n }
review-waitlist-next = A speaker declined. Next on the waiting list: { $title }
review-redacted = Text for reviewers
review-redacted-hint = If the abstract gives the speaker away, write a neutral version here; anonymised review shows it instead.
field-opens_at = Review opens
field-closes_at = Review closes
field-reviews_per_proposal = Reviews per proposal
field-min_score = Lowest score
field-max_score = Highest score
field-weight = Weight
respond-title = Your session is accepted
respond-text = Please confirm that you will give "{ $title }", or decline if you cannot.
respond-confirm = I confirm
respond-decline = I decline
respond-confirmed-title = Thank you
respond-confirmed-text = Your session is confirmed. The organisers will put it into the timetable.
respond-declined-title = Declined
respond-declined-text = We are sorry you cannot make it. The organisers see your answer on their dashboard.
consent-not-asked = Streaming and recording: not asked (confirmed without the form)
consent-stream-yes = May be streamed
consent-stream-no = No streaming
consent-record-yes = May be recorded
consent-record-no = No recording
consent-change = Change what the speaker allowed
consent-note = Why (kept in the history), for example "asked by mail on 3 May"
consent-note-needed = Say why: the history keeps it.
flash-consent-changed = Streaming and recording of “{ $title }” changed; the next release takes it into the exports.
respond-sign-in-text = Sign in to confirm together with what the programme needs: your photo and biography, the days you can speak on, and whether your session may be streamed and recorded.
respond-sign-in = Sign in and confirm
respond-here = Or answer right here, and give the rest on your profile later:
confirm-needs-intro = When you confirm, tell us what the programme needs: your photo and biography for the session page, the days you can speak on, and whether we may stream and record your session.
confirm-photo-there = This photo goes on the programme; upload another to replace it.
confirm-photo-missing = No photo yet: the session page looks friendlier with one.
confirm-bio-hint = A few sentences about you, for the session page (Markdown). Kept on your profile for every edition.
confirm-days = The days you can speak on
confirm-days-hint = For times within a day:
confirm-days-needed = Tick at least one day you can speak on.
confirm-recording = Streaming and recording
confirm-may-stream = My session may be streamed live.
confirm-may-record = My session may be recorded and the recording published afterwards.
cfp-recording-license = Licence of the recordings
cfp-recording-license-hint = Named to speakers when they agree to a recording, and in the exports (frab, c3voc). Empty: none stated.
confirm-may-record-license = My session may be recorded and the recording published afterwards under { $license }.
email-accepted-subject = Accepted: { $title }
email-accepted-text = good news: "{ $title }" has been accepted for { $edition }. Please confirm that you will give it (or decline) here:
email-rejected-subject = Your proposal: { $title }
email-rejected-text = thank you for submitting "{ $title }" to { $edition }. We received many more proposals than we have slots, and this time yours is not in the programme.
email-review-notes = Notes from the programme committee:
review-none-yet = No reviews yet.

# Registration
attendees = Attendees
registration-free-seats = { $n } places free
registration-full = Full
registration-tshirt = T-shirt size
registration-dietary = Dietary needs
registration-accessibility = Accessibility needs
registration-workshops = Workshops (optional; they must not overlap)
registration-consent = I agree to the privacy notice and the code of conduct.
consent-required = Please agree to the privacy notice and the code of conduct.
workshops-overlap = These workshops run at the same time.
workshop-times = A workshop needs a start and a later end.
ticket-times-invalid = Give a start and a later end (the conference may leave both empty: whole days).
registration-no-ticket = Registration has no tickets yet.
registration-join-waitlist = If the conference or a workshop I chose is full, put me on its waiting list
registration-submit = Register
registration-held-title = Check your mail, { $name }
registration-held-text = Your place at { $edition } is held. We have sent a link to { $email }: confirm with it, and your ticket follows.
registration-again-text = You are registered for { $edition } already: we have sent the link to manage your registration to { $email }.
registration-waitlisted-title = You are on the waiting list, { $name }
registration-waitlisted-text = { $edition } is full; you are number { $position } on the waiting list. As soon as a place is free, we offer it in order, by mail to { $email }.
registration-your-ticket = Your ticket
registration-attendance = How will you take part?
registration-on-site = On site
registration-online = Online
registration-online-what = the rooms' live streams
registration-workshops-on-site = Workshops are on site only.
registration-online-exists = There are online tickets already: change their capacity in the list.
registration-no-online = This edition has no online tickets.
registration-online-workshops = Workshops are on site only: register on site to take part in one.
registration-conference-ticket = Conference
registration-workshops-hint = Workshops have their own places: pick the ones you want (not two at the same time).
registration-workshop-wait = tick to join its waiting list (you register without it and get a mail when a place is free)
registration-about-you = About you
registration-optional = optional, you can skip it
registration-back-to-edition = Back to { $edition }
registration-confirm-title = Confirm your registration
registered-title = You are registered, { $name }
registered-text = Your place is confirmed. Your ticket is ready now and on its way by mail: show its QR code at the entrance, on your phone or printed.
registered-ticket = Show my ticket
registered-manage = Manage my registration
registered-keep-mail = Keep the mail: its link is the only way back to your ticket and registration.
email-registration-self-cancelled-subject = You have cancelled your registration for { $edition }
email-registration-self-cancelled-text = you have cancelled your registration for { $edition }; your ticket is no longer valid.
email-registration-self-cancelled-offered = Your place has gone to the next person on the waiting list: thank you for making room.
email-registration-self-cancelled-free = Your place is free again for someone else.
email-registration-self-cancelled-again = Changed your mind? While places are free, you can register again here:
registration-cancelled-title = Registration cancelled
registration-cancelled-text = Your place has gone back to the pool. Thank you for letting us know.
registration-yours = Your registration
registration-cancel = Cancel my registration
registration-state-held = waiting for confirmation
registration-state-confirmed = confirmed
registration-state-cancelled = cancelled
registration-state-expired = expired
registration-window-hint = The registration window is set with the edition:
registration-tickets = Tickets
registration-taken = Taken
registration-capacity-online-hint = For an online ticket, leave it empty: a stream has room for everyone.
registration-capacity = Capacity
registration-times = Times
registration-times-hint = Times appear on tickets, in the ticket mail and in each attendee's calendar file: the conference's doors and end (leave empty for whole days), each workshop's slot.
flash-ticket-times-set = Times saved: tickets show them from now on.
registration-kind = Kind
registration-workshop = Workshop
registration-conference = Conference
registration-starts = Starts
registration-ends = Ends
registration-hold-hours = Hours a place is held until confirmed
registration-offer-hours = Hours a waiting-list offer stays open
registration-privacy = Privacy notice (Markdown)
registration-coc = Code of conduct (Markdown)
registration-privacy_text = Privacy notice (English)
registration-privacy_text_de = Privacy notice (German)
registration-coc_text = Code of conduct (English)
registration-coc_text_de = Code of conduct (German)
cfp-intro_md = Text of the call for papers (English)
cfp-intro_de_md = Text of the call for papers (German)
bilingual-markdown-hint = Markdown. Readers see their language; where it is empty, the other stands in, so one is enough.
description-en = Description (English)
description-de = Description (German)
field-intro_md = Text of the call for papers (English)
field-intro_de_md = Text of the call for papers (German)
field-description_de = Description (German)
field-privacy_text_de = Privacy notice (German)
field-coc_text = Code of conduct (English)
field-coc_text_de = Code of conduct (German)
registration-confirmed = Confirmed
registration-held = Held
registration-waitlist = Waiting list
waitlist-state-waiting = waiting
waitlist-state-offered = offered
offer-title = A place for you
offer-text = A place is free. Take it before { $time } UTC, or let the next person have it.
offer-accept = Take the place
offer-decline = No, thanks
offer-declined-title = Thank you
offer-declined-text = We have offered the place to the next person.
field-hold_hours = Hold time
field-offer_hours = Offer time
field-privacy_text = Privacy notice
field-capacity = Capacity
field-ends_at = End
field-consent = Consent
field-workshops = Workshops
field-tshirt = T-shirt size
email-registration-confirm-subject = Confirm your registration for { $edition }
email-registration-confirm-text = please confirm your registration with this link within { $hours } hours; until then your place is held for you:
import-title = Add guests
import-lead = Give tickets to people by list: speakers, staff, sponsors. Check the list first; nothing is registered until you import it, and then everyone gets the ticket mail.
import-rows = One person per line: name, email address, company (optional)
import-rows-hint = Paste from a spreadsheet or a CSV file; commas, semicolons and tabs all work, and a header row is skipped. Put names with commas in quotes. Up to about 1,000 lines at a time.
import-check = Check the list
import-do = Import and send tickets
import-empty = The list is empty.
import-has-errors = Some lines are wrong (marked below). Nothing was imported: correct them and check again.
import-ready = The list is fine. Import it to register these people and send their tickets.
import-line = Line
import-result = Result
import-row-new = gets a ticket
import-row-registered = registered already, left as it is
import-row-unreadable = This line could not be read.
import-row-columns = Too many columns: name, email address and company at most (quote names with commas).
import-row-nul = The row contains the NUL character (U+0000). Was the file saved as UTF-16 without a byte-order mark? Save it as CSV (UTF-8).
import-row-duplicate = This address is in the list twice.
guests-add = Add guests by list
mail-attendees = Mail attendees
mail-attendees-confirmed = Confirmed
mail-attendees-held = Not confirmed yet
mail-attendees-active = Confirmed and not confirmed yet
purge-after-days = Purge personal data this many days after the conference
purge-after-days-hint = Empty: only by hand, with the button below.
purge-title = Personal data
purge-hint = After the conference: removes every attendee's name, address, answers and links, and the waiting lists' names. Counts stay. This cannot be undone.
purge-now = Purge personal data now
purge-done = Personal data was purged on { $time } (UTC); only anonymous counts remain.
import-file = A CSV file (UTF-8, UTF-16 or Latin-1)
import-file-read = Read the file and check it
import-file-too-large = The file is larger than 60 KiB (about 1,000 lines); split it.
import-file-missing = Choose a file first.
registration-refused-closed = Registration is not open.
registration-refused-full = The conference is full. Tick the waiting-list box above the button to be offered a place as soon as one is free.
registration-refused-workshop = A workshop you chose is full. Untick it, or tick the waiting-list box above the button to wait for it.
guests-issue = Give tickets to speakers and team
guests-issue-hint = Confirmed speakers and team members without a ticket get one by mail, even when the conference is full.
guests-issued = { $n } tickets issued; { $had } had one already.
registration-calendar = Add to calendar (.ics)
email-registration-manage = You can view, change or cancel your registration here:
email-registration-confirmed-subject = Your ticket for { $edition }
email-registration-confirmed-text = you are registered for { $edition }:
email-registration-cancelled-subject = Your registration for { $edition } was cancelled
email-registration-cancelled-text = the organisers of { $edition } have cancelled your registration; your ticket is no longer valid and your place is free again. If you think this is a mistake, answer this mail; while places are free you can register again here:
email-registration-manage-subject = Your registration for { $edition }
email-registration-again-text = you are registered already. This link lets you view or cancel your registration:
email-waitlist-joined-subject = On the waiting list for { $edition }
email-waitlist-joined-text = you are on the waiting list for "{ $ticket }". When a place is free, we mail you an offer.
email-waitlist-offer-subject = A place for you at { $edition }
email-waitlist-offer-text = a place is free for you. It is held for you until { $until } ({ $hours } hours); take it here:
registration-drop = Drop
registration-add-workshop = Add workshop
registration-details = Your details
registration-delete = Delete my registration and data
registration-deleted-title = Deleted
registration-deleted-text = Your registration and its data are deleted.
registration-active = { $n } active registrations
registration-cancel-short = Cancel
waitlist-leave = Leave the waiting list
waitlist-left-title = You have left the waiting list
waitlist-left-text = Thank you for letting us know; the next person moves up.
email-waitlist-leave = You can leave the waiting list at any time here:

## Timetable
schedule = Schedule
remove = Remove
schedule-setup = Rooms, grid and breaks
schedule-rooms = Rooms
schedule-room = Room
schedule-room-capacity = Seats
schedule-room-position = Order
schedule-stream-url = Live stream (https://…)
schedule-no-rooms = No rooms yet: add the rooms first.
schedule-add-room = Add a room
schedule-grid = Day grid
schedule-day-starts = Day starts
schedule-day-ends = Day ends
schedule-granularity = Grid in minutes (5, 10, 15, 30 or 60)
schedule-change-minutes = Minutes a speaker needs to change rooms
schedule-breaks = Breaks
schedule-break-title = Title (coffee, lunch)
schedule-day = Day
schedule-starts = Starts
schedule-ends = Ends
schedule-duration = Minutes
schedule-time = Time
schedule-editor = Timetable editor
schedule-public = Public schedule
schedule-conflicts = Conflicts (hard / warnings)
schedule-hard = Conflict
schedule-warning = Warning
schedule-no-conflicts = No conflicts.
schedule-days = Days
schedule-sessions = Sessions
schedule-editor-hint = Drag a session onto the grid, or choose it and set day, room and start in its form. Every change is saved at once and can be undone.
schedule-conflict-count = { $hard ->
    [0] { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
    [one] 1 conflict{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }
   *[other] { $hard } conflicts{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }
}
schedule-undo-placed = Undo placing “{ $title }”
schedule-undo-moved = Undo moving “{ $title }”
schedule-undo-unplaced = Undo taking “{ $title }” off
schedule-undo-several = { $n ->
    [one] Undo the optimiser's move
   *[other] Undo the optimiser's { $n } moves
}
schedule-undo-nothing = Nothing to undo
schedule-optimiser-ready = suggestion ready
schedule-release-open = Release …
schedule-changes-unit = { $count ->
    [one] change
   *[other] changes
}
schedule-tracks = Tracks
schedule-track = Track
schedule-type = Session type
schedule-all-tracks = All tracks
schedule-all-types = All types
schedule-search = Title or speaker
schedule-placed-count = { $placed } on the grid, { $unplaced } waiting
schedule-grid-of = Timetable of { $day }
schedule-unscheduled-title = { $count ->
    [0] Not scheduled
   *[other] Not scheduled ({ $count })
}
schedule-all-placed = Every confirmed session is on the grid.
schedule-deselect = Close
schedule-pinned-hint = Pinned: the optimiser leaves it here
schedule-session = Session
schedule-change = Change
schedule-change-was = Before
schedule-change-now = Now
schedule-release-first = { $count ->
    [one] The first version publishes 1 session
   *[other] The first version publishes { $count } sessions
}
schedule-release-summary = Since the last version: { $added } added, { $moved } moved, { $cancelled } cancelled
schedule-release-nothing = Nothing has changed since the last version.
schedule-release-first-hint = The programme becomes public with this version: { $count ->
    [0] no speaker is on it yet.
    [one] 1 speaker gets a mail with their session's day, time, room and calendar file.
   *[other] { $count } speakers get a mail with their session's day, time, room and calendar file.
} Later versions list what changed.
schedule-release-tells = { $count ->
    [0] No speaker needs to be told.
    [one] 1 speaker of a new, moved or cancelled session gets a mail.
   *[other] { $count } speakers of new, moved or cancelled sessions get a mail.
}
schedule-release-publish = { $count ->
    [0] Release
    [one] Release 1 change
   *[other] Release { $count } changes
}
schedule-suggest-accept-count = { $count ->
    [one] Accept: move 1 session
   *[other] Accept: move { $count } sessions
}
schedule-suggest-undo-hint = Accepting changes the draft, not the public programme; the editor can undo it in one step.
schedule-unscheduled = not scheduled
schedule-all-rooms = All rooms
schedule-move = Move
schedule-place = Place
schedule-unplace = Take off the grid
schedule-release = Release
schedule-release-name = Name of the version
schedule-release-comment = Comment
schedule-release-now = Release this version
schedule-releases = Released versions
schedule-release-blocked = Solve the conflicts first: a timetable with conflicts cannot be released.
schedule-release-empty = No session is on the grid yet.
schedule-acknowledge = I have seen the { $count } warnings and release anyway.
schedule-acknowledge-required = Confirm that you have seen the warnings.
schedule-changes = Changes
schedule-speakers = Speakers
schedule-now-next = Now and next
schedule-now = Now
schedule-next = Next
schedule-nothing-now = Nothing is running right now.
schedule-nothing-next = Nothing else is planned.
schedule-my-calendar = My sessions as a calendar
schedule-version = Version { $number }: { $name }
schedule-version-plain = Version { $number }
schedule-filter-reset = Show all
schedule-view = View
schedule-view-grid = Grid
schedule-view-list = List
schedule-matches = { $n ->
    [0] No session matches.
    [one] 1 session matches.
   *[other] { $n } sessions match.
}
schedule-speaker-count = { $n ->
    [one] 1 speaker
   *[other] { $n } speakers
}
embed-title = Embed the programme on your website
embed-hint = Paste this into a page of the conference's website. The programme shows in the visitor's language, updates with every release and loads nothing from other sites. Colours: accent, text and background as #rrggbb in the address.
embed-full = The whole programme, with filters and favourites
schedule-timezone = Times in { $zone }
schedule-all = All
schedule-filter = Filter
schedule-favourites-only = Only my favourites
schedule-favourite = Favourite
schedule-nothing-matches = No session matches the filter.
schedule-add-to-calendar = Add to calendar
schedule-live-stream-registered = Live stream for registered people
streams-title = Watch live
streams-hint = The rooms' live streams, for you as a registered person. Please do not pass these links on.
schedule-live-stream = Live stream
schedule-change-added = Added
schedule-change-moved = Moved
schedule-change-cancelled = Cancelled
schedule-first-release = The first version.
schedule-not-a-day = Choose one of the conference days.
schedule-bad-duration = Enter the length in minutes.
schedule-off-grid = Start and length must fit the grid.
schedule-outside-day = The session must lie within the day's hours.
schedule-room-name-taken = There is already a room with this name.
schedule-end-before-start = The end must be after the start.
schedule-url-https = Enter an address starting with https://.
schedule-granularity-choice = Choose 5, 10, 15, 30 or 60.
schedule-pick-room = Choose a room.
schedule-conflict-room = { $subject } is double-booked
schedule-conflict-speaker = { $subject } is in two sessions at once
schedule-conflict-change = { $subject } has no time to change rooms
schedule-conflict-availability = { $subject } is not available then
schedule-conflict-break = overlaps the break "{ $subject }"
email-schedule-moved-subject = Your session "{ $title }" has moved
email-schedule-moved-text = the timetable of { $edition } has changed: your session "{ $title }" has a new time or room.
email-schedule-cancelled-subject = Your session "{ $title }" is no longer in the timetable
email-schedule-cancelled-text = the new timetable of { $edition } no longer contains your session "{ $title }". If this is unexpected, please reply to the organisers.
email-schedule-was = Before:
email-schedule-now = Now:
email-schedule-placed-subject = Your session "{ $title }" is in the programme
email-schedule-placed-text = the programme of { $edition } is out, and your session "{ $title }" is in it:
email-schedule-placed-calendar = Add it to your calendar:
schedule-feedback = Feedback
schedule-feedback-intro = Anonymous: the speakers and the organisers see your rating and comment, not who you are.
schedule-feedback-rating-label = How was it? (1 poor – 5 excellent)
schedule-feedback-comment = Comment (optional)
schedule-feedback-send = Send feedback
schedule-feedback-rating = Choose a rating from 1 to 5.
schedule-feedback-thanks = Thank you for your feedback!
schedule-feedback-not-yet = Feedback opens when the session has ended.
schedule-feedback-none = No feedback yet.
schedule-feedback-count = { $count } ratings, average { $average }
schedule-watch-recording = Watch the recording
schedule-recording = Recording
schedule-not-recorded = At the speaker's request, this session is not recorded.
schedule-recordings = Recordings
schedule-recordings-after-release = Recording links can be added once the timetable is released.
recordings-lead = { $recorded } of { $n ->
    [one] one released session has
   *[other] { $n } released sessions have
} a recording link. Session pages, the public list and the exports show them at once; whoever starred a session gets one mail when its recording is online.
recordings-public = Public list
recordings-import = Import links from a list
recordings-import-hint = One session per line: its title as in the programme (or its id, the last part of its page address), then the link. Commas, semicolons and tabs all work, and a header row is skipped. Nothing changes until you confirm the checked list.
recordings-import-rows = Sessions and links
recordings-import-check = The checked list
recordings-import-ready = The list is fine: { $new } new, { $changed } changed, { $same } unchanged.
recordings-import-do = { $n ->
    [0] Nothing to change
    [one] Set one link
   *[other] Set { $n } links
}
recordings-import-unknown = No released session has this title or id.
recordings-import-ambiguous = Several sessions have this title: use the session's id (the last part of its page address).
recordings-import-duplicate = This session is in the list twice.
recordings-import-no-link = No link: the session, then a comma, semicolon or tab (the same as in the first line), then the link.
recordings-import-columns = Too many columns: the session and the link (put titles with commas in quotes).
recordings-row-new = new link
recordings-row-changed = replaces
recordings-row-same = unchanged
recordings-imported = Recording links set: { $new } new, { $changed } changed, { $same } unchanged.
recordings-session = Session
recordings-link = Link
recordings-links = Links
recordings-stream = Own live stream
recordings-room-stream = The room's stream (leave empty)
recordings-when = When
recordings-refused = The speaker did not agree to a recording.
recordings-public-lead = { $sessions ->
    [one] { $recorded } of one session is recorded.
   *[other] { $recorded } of { $sessions } sessions are recorded.
}
recordings-public-refused = { $n ->
    [one] One is not recorded at its speaker's request.
   *[other] { $n } are not recorded at their speakers' request.
}
recordings-public-none = No recordings yet: they are added here after the event.
recordings-watch = Watch
registration-interests = Which sessions interest you?
registration-interests-hint = Optional. It helps us give popular sessions big rooms and keep them apart in time.
registration-interest-counts = Interest per session
schedule-optimiser = Optimiser
schedule-suggest-hint = The optimiser proposes where each session goes: no room, speaker or availability conflict, few attendees torn between two sessions they want, big audiences in big rooms. Sessions for all rooms stay where they are. You see the proposal first; nothing changes until you accept it.
schedule-suggest-scratch = Suggest a timetable
schedule-suggest-improve = Improve the draft (few moves)
schedule-suggest-progress = Working … { $percent } % done.
schedule-suggest-stop = Stop and keep the best so far
schedule-suggest-failed = The optimiser found no timetable without conflicts:
schedule-suggest-audience-registrations = Based on what registered attendees said interests them.
schedule-suggest-audience-reviews = No attendee has said what interests them yet: expected audiences come from the review scores, and sessions of one track are kept apart in time.
schedule-suggest-clashes = Attendees' clashes
schedule-suggest-overflow = Seats missing
schedule-suggest-draft = Current draft
schedule-suggest-proposal = Proposal
schedule-suggest-changes = { $count } sessions move.
schedule-suggest-accept = Accept the proposal
schedule-suggest-discard = Discard
schedule-conflict-capacity = more registered attendees want it than { $subject } holds
schedule-pinned = Pinned

## Tickets, check-in and badges
ticket-title = Your ticket
ticket-show = Your ticket (QR code)
ticket-hint = Show this code at the entrance, on your phone or printed. It is personal: whoever shows it first gets in.
ticket-none = There is no ticket: the registration is not confirmed (or was cancelled).
ticket-when = When
ticket-where = Where
ticket-short-code = Code to type in if the QR code will not scan:
ticket-print-hint = Show this ticket at the entrance, printed or on your phone. It is personal: whoever shows it first gets in. To change or cancel your registration, use the link in your ticket mail.
ticket-pdf = Ticket as PDF (to print)
ticket-calendar = Add to calendar (.ics)
ticket-downloads = The QR code alone:
email-registration-pdf = Your ticket to print (PDF):
email-registration-short-code = If the QR code will not scan, the team at the entrance types this code: { $code }
email-registration-ticket-calendar = Your conference day and workshops for your calendar:
email-registration-ticket = Your ticket with its QR code (show it at the entrance):
scanner-title = Scanner
scanner-start-intro = Start the scanner on this device. It keeps the list and the edition's key in this browser and goes on checking tickets when the network fails; check-ins made offline are uploaded when it returns.
scanner-device = Name of this device
scanner-start = Start scanning
scanner-online = online
scanner-offline = offline
scanner-queued = Waiting for upload:
scanner-tickets = tickets
scanner-ready = Hold a ticket's QR code in front of the camera.
scanner-no-camera = No camera available: type or paste the code, or search by name.
scanner-code = Short code from the ticket
scanner-check = Check
scanner-search = Name, email or short code
scanner-check-in = Check in
scanner-in-since = in since
scanner-not-valid = no valid ticket
desk-in-since = in since { $time }
desk-not-in = not in yet
scanner-nobody = Nobody found.
scanner-unknown-ticket = genuine ticket, newer than this scanner's list
scan-admitted = Welcome!
scan-already_checked_in = Already checked in
scan-duplicate = Checked in twice offline (flagged)
scan-revoked = Ticket revoked
scan-invalid = Not a valid ticket
scan-wrong_edition = Ticket of another edition
scan-not_on_list = Not admitted here
scan-at = Checked in at
checkin-title = Check-in
checkin-list = List
checkin-registered = Registered
checkin-checked-in = Checked in
checkin-no-shows = Not yet / no-shows
checkin-duplicates = Offline duplicates
checkin-rejected = Rejected scans
checkin-per-hour = Per hour (UTC)
checkin-add-list = Add a check-in list
checkin-slug = Short name (a-z, 0-9, -)
checkin-admits = Admits these ticket types
checkin-log = Scans
checkin-undone = undone
checkin-list-name-invalid = Give the list a name of at most 80 characters.
checkin-list-slug-invalid = Use lowercase letters, digits and hyphens (at most 40); "entrance" is taken.
checkin-list-slug-taken = Another list has this short name.
checkin-list-types-invalid = Choose at least one ticket type of this edition.
checkin-reissue = Re-issue ticket (the old code stops working)
badges-desk = Badge desk
badges-title = Badges
badges-print = Print badge (PDF)
badges-all = All badges, A4 sheets of four (PDF)
badges-role = Role
badges-single = Single badges, A6 (PDF)
ticket-code-text = The whole code as text (for other scanning apps)
badge-role-attendee = Attendee
badge-role-speaker = Speaker
badge-role-team = Team
scanner-undo = Undo this check-in
scanner-undone = Check-in taken back

## Refusals (crates/shared/src/refusal.rs): one message per kind, the problem's detail
refusal-malformed-json = The JSON body does not fit this endpoint: { $reason }
refusal-malformed-query = The query does not fit this address: { $reason }
refusal-malformed-upload = The upload broke off or is damaged: { $reason }
refusal-unsupported-media-type = This address takes { $expected } only.
refusal-already-exists = This exists already (perhaps you sent the form twice).
refusal-link-gone = This invitation has been used, withdrawn or has expired.
refusal-own-admin-rights = You cannot remove your own admin rights.
refusal-last-admin = You are the only admin: make someone else admin first.
refusal-last-organiser-of = You are the only organiser of { $edition }: hand it over first.
refusal-edition-needs-organiser = An edition needs at least one organiser.
refusal-unknown-role = Choose one of the roles offered.
refusal-invitation-for-other = This invitation was sent to { $email }. Log in with that address to accept it.
refusal-registration-closed = Registration is not open.
refusal-conference-full = The conference is full.
refusal-workshop-full = The workshop "{ $workshop }" is full.
refusal-workshop-overlaps = This workshop runs at the same time as one of yours.
refusal-registration-inactive = This registration is not active.
refusal-purge-before-end = Personal data can only be purged after the edition has ended.
refusal-capacity-below-taken = More seats are taken than that capacity.
refusal-capacity-out-of-range = The capacity must be a whole number from 1 to 100000.
refusal-choose-accept-or-decline = Choose accept or decline.
refusal-choose-add-or-drop = Choose add or drop.
refusal-scan-needs-code = Send the scanned `code` or a `registration_id`.
refusal-too-many-scans = Upload at most 5000 scans at once.
refusal-offline-scan-needs-nonce = Every offline scan needs its nonce.
refusal-search-too-short = Search for at least two characters.
refusal-feedback-not-yet = Feedback opens when the session has ended.
refusal-feedback-given = You have already given feedback on this session.
refusal-nothing-to-undo = There is nothing to undo.
refusal-undo-other-device = Another door let this person in: only that device can take it back.
refusal-undo-too-late = This admission is older than { $minutes } minutes and can no longer be taken back here; an organiser can cancel the registration.
refusal-timetable-changed-meanwhile = Someone else changed this session in the meantime. The page now shows the current state; please make your change again.
refusal-no-rooms = No rooms yet: add the rooms first.
refusal-suggest-place-all-first = To improve the draft, every session must be on the grid; or let the optimiser suggest a timetable from scratch.
refusal-suggest-running = The optimiser is already working on this edition.
refusal-invalid-placement = Choose a day, a room and a start time within the grid.
refusal-invalid-grid = Give the grid's first and last time of day, with the first before the last.
refusal-invalid-break = Give the break's start and end, with the start before the end.
refusal-not-decidable = "{ $title }" is { $state }: only submitted, accepted or rejected proposals can be decided.
refusal-proposal-changed-meanwhile = The proposal changed meanwhile; reload it and try again.
refusal-reviewer-excluded = This reviewer has a conflict of interest with the proposal or speaks in it.
refusal-invalid-name = Give a name.
refusal-invalid-window = Give a start and an end, with the start before the end.
refusal-proposal-limit = You have reached the limit of proposals for this edition.
refusal-access-code-used-up = This access code has been used up.
refusal-session-type-in-use = { $proposals ->
    [one] One proposal uses this session type; move it first.
   *[other] { $proposals } proposals use this session type; move them first.
}
refusal-invalid-question = Give the question's text and kind.
refusal-stored-address-invalid = The stored address of this invitation is not valid; invite the person again.
refusal-co-speakers-closed = This proposal is no longer open for co-speakers.
refusal-co-speakers-drafts-only = Co-speakers can join drafts and submitted proposals only.
refusal-no-answer-awaited = This proposal does not wait for an answer (any more).
refusal-withdraw-open-only = Only drafts and submitted proposals can be withdrawn.
refusal-no-photo = Choose a photo to upload.
refusal-unknown-proposal-state = Choose one of the states offered.
refusal-choose-confirm-or-decline = Choose confirm or decline.
refusal-choose-decision = Choose accept, reject or waiting list.
refusal-not-a-reviewer = This person is not a reviewer of the edition.
refusal-not-assigned = This reviewer was not assigned this proposal.
refusal-review-window-closed = The review window is closed.
refusal-review-decided = This proposal is decided: your review can be read but no longer changed.
refusal-cfp-closed-for-type = The call for papers is closed for this session type.
refusal-proposal-final = The deadline has passed or the proposal is decided: it cannot be changed any more.
refusal-proposal-locked = The proposal cannot be changed any more.

## What an action did (shown once after the redirect)
flash-saved = Saved.
flash-edition-created = { $edition } is created. The overview below shows what to set up next.
flash-invited = Invitation sent to { $email }.
flash-archived = The edition is archived: its pages stay online, read-only.
flash-unarchived = The edition is active again.
flash-review-saved = Review saved.
flash-review-saved-next = Review saved. Here is the next proposal.
flash-review-saved-last = Review saved. That was the last proposal waiting for you: thank you!
flash-review-tracks-saved = Your tracks are saved; proposals are handed out by them from now on.
flash-reviewer-assigned = Reviewer assigned.
flash-reviewer-unassigned = Assignment removed.
flash-conflict-declared = Conflict of interest recorded: this reviewer no longer sees the proposal.
flash-proposals-decided = { $n ->
    [one] 1 proposal
   *[other] { $n } proposals
} { $decision ->
    [accept] accepted
    [reject] rejected
   *[waitlist] put on the waiting list
}. The speakers hear of it when you send the decision mails.
flash-proposal-state = “{ $title }” is now { $state ->
    [draft] a draft
    [submitted] submitted
    [accepted] accepted
    [rejected] rejected
    [confirmed] confirmed
    [declined] declined
    [withdrawn] withdrawn
   *[cancelled] cancelled
}.
flash-decisions-mailed = { $n ->
    [0] No decision was waiting to be mailed.
    [one] The speakers of 1 proposal are being told the decision.
   *[other] The speakers of { $n } proposals are being told the decision.
}
flash-ticket-type-added = Ticket type added.
flash-capacity-set = Capacity set to { $n }. Free seats go to the waiting list at once.
flash-registration-cancelled = { $name }'s registration is cancelled; the seat goes to the waiting list.
flash-purged = Attendees' personal data deleted; the numbers stay for the reports.
flash-list-added = Check-in list added.
flash-ticket-reissued = New ticket issued; the old code no longer opens the door.
flash-room-added = Room “{ $name }” added.
flash-room-removed = Room removed.
flash-break-added = Break “{ $title }” added.
flash-break-removed = Break removed.
flash-recording-saved = Links saved; the session page shows them.
flash-recording-removed = Links removed.
flash-proposal-entered = Proposal entered; { $email } is invited to take it over.
flash-removed = Removed.
flash-role-removed = { $role ->
    [organiser] Organiser role removed.
    [reviewer] Reviewer role removed.
   *[staff] Door staff role removed.
}
flash-invitation-revoked = Invitation withdrawn; its link no longer works.
flash-profile-saved = Profile saved. Organisers see it with your proposals; the programme shows it once a session of yours is released.
flash-photo-saved = Photo saved.
flash-photo-removed = Photo removed.
flash-window-added = Time added: the timetable places your sessions within your times.
flash-window-removed = Time removed.
flash-confirmed = Thank you: you confirmed. See you at the conference!
flash-declined = You declined. Thank you for telling us.
flash-withdrawn = Proposal withdrawn.
flash-co-speaker-invited = Invitation sent.
flash-invitation-resent = Invitation sent again.
flash-co-speaker-joined = You are a speaker of “{ $title }” now.
flash-proposal-submitted = Proposal submitted. The programme committee reviews it; you hear the decision by mail. { $invited ->
        [0] {""}
        [one] We mailed your co-speaker an invitation.
       *[other] We mailed your { $invited } co-speakers an invitation each.
    }
flash-proposal-submitted-until = Proposal submitted. You can change it until { $time }; then the programme committee decides and you hear the decision by mail. { $invited ->
        [0] {""}
        [one] We mailed your co-speaker an invitation.
       *[other] We mailed your { $invited } co-speakers an invitation each.
    }
flash-draft-saved = Draft saved. It is not submitted yet. { $invited ->
        [0] {""}
        [one] We mailed your co-speaker an invitation.
       *[other] We mailed your { $invited } co-speakers an invitation each.
    }
flash-session-placed = “{ $title }” is on the grid.
flash-session-moved = “{ $title }” moved.
flash-session-unplaced = “{ $title }” is off the grid, back in the list of unscheduled sessions.
flash-undone = Undone: “{ $title }” is back where it was.
flash-undone-several = { $n ->
    [one] Undone: 1 session is back where it was.
   *[other] Undone: { $n } sessions are back where they were.
}
flash-released = Version { $number } “{ $name }” is public. Speakers of moved or cancelled sessions, and attendees who starred them, are told by mail.
flash-optimiser-started = The optimiser is running; its suggestion appears here when it is done.
flash-optimiser-stopped = The optimiser stopped; its best suggestion so far is shown here.
flash-optimiser-discarded = Suggestion discarded; the timetable is as it was.
flash-optimiser-accepted = { $n ->
    [one] Suggestion applied: 1 session moved.
   *[other] Suggestion applied: { $n } sessions moved.
}

## The edition's front page
field-description_md = About the conference (English)
field-description_de_md = About the conference (German)
description-hint = Markdown. Shown on the edition's front page in the reader's language; if one is empty, the other stands in.
venue-hint = With the address: the front page links it to a map.
edition-map = Map
hub-year = The year at a glance
hub-team = For the team
hub-archived-empty = This edition is over; it kept no programme.
hub-nothing-yet = Dates for the call for papers and registration follow soon.
hub-cfp-open-until = Open until { $time }
hub-cfp-open = Open
hub-cfp-opens = Opens { $time }
hub-cfp-closed = Closed
hub-cfp-submit = Submit a proposal
hub-registration-open = { $free ->
    [one] Open: 1 seat left
   *[other] Open: { $free } seats left
}
hub-registration-full = Full: join the waiting list
hub-registration-opens = Opens { $time }
hub-registration-closed = Closed
registration-not-ready = Registration opens as soon as the organisers have published the privacy notice and the code of conduct.
hub-registration-soon = Opens soon
registration-texts-missing = Registration stays closed, even within its dates, until the privacy notice and the code of conduct below are filled in: people agree to them when they register.
registration-use-templates = Start from devday's templates
registration-template-privacy =
    ## Privacy notice

    We, the organisers of this conference (name and postal address: please fill in), use what you give us when you register only to run the event:

    - your name and email address: to confirm your registration, send your ticket and tell you about changes;
    - your company (optional): printed on your badge;
    - T-shirt size, dietary and accessibility needs (optional): to plan catering, shirts and the venue;
    - the sessions that interest you (optional): to plan rooms and times.

    Nothing is passed on to sponsors or anyone else. Your personal data are deleted after the event. Until then you can view, correct, download or delete them with the link in your ticket mail.

    Questions and requests: write to the organisers (email address: please fill in).
registration-template-coc =
    ## Code of conduct

    This conference is for everyone. We expect all participants, speakers, sponsors and helpers to treat each other with respect.

    - No harassment of any kind: not in talks, not at the venue, not online.
    - Sexual language and imagery have no place in talks or on slides.
    - When someone asks you to stop, stop at once.

    If you experience or see unacceptable behaviour, tell someone from the team (you know them by their badge) or write to the organisers (contact: please fill in). The organisers may take any action they consider right, up to sending someone away from the event.
hub-programme-released = { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}, version { $version } of { $date }
hub-programme-coming = The programme is being put together.

## The organisers' navigation and dashboard
decisions = Decisions
dashboard-slots-taken = Slots taken
review-tally = Accepted per session type
review-tally-slots = { $free ->
    [0] every slot taken
    [one] 1 slot free
   *[other] { $free } slots free
}
review-tally-over = { $n } more than the slots
review-tally-no-slots = no slots planned (CfP settings)
review-tally-detail = { $confirmed } confirmed, { $open } undecided
review-selected = selected
review-select-shown = Select all { $n } shown
review-select-none = Select none
review-mails-waiting = { $n ->
    [0] No decision mail waiting
    [one] 1 decision mail waiting ↓
   *[other] { $n } decision mails waiting ↓
}
field-slots = Slots
dashboard = Overview
manage-edition = Edition
manage-public-page = Public page
manage-cfp-settings = CfP settings
manage-mail-attendees = Mail attendees
manage-import = Import
manage-registration-settings = Registration settings
dashboard-needs = Needs someone
dashboard-all-good = Nothing waits on anyone right now.
dashboard-mail = Mail
dashboard-mail-pending = Waiting to go out
dashboard-mail-retrying = Retrying after an error
dashboard-days-to-deadline = Days to the deadline
dashboard-submitted = Submitted
dashboard-reviews-done = Reviews written
dashboard-scheduled = Scheduled
dashboard-released = Versions released
dashboard-confirmed = Confirmed
dashboard-per-day = { $n ->
    [one] 1 registration in the last 21 days
   *[other] { $n } registrations in the last 21 days
}
dashboard-warn-mail-failed = { $n ->
    [one] 1 mail did not go out
   *[other] { $n } mails did not go out
}
dashboard-warn-untold = { $n ->
    [one] 1 decision is not mailed yet
   *[other] { $n } decisions are not mailed yet
}
dashboard-warn-unconfirmed = { $n ->
    [one] 1 accepted speaker has not confirmed
   *[other] { $n } accepted speakers have not confirmed
}
dashboard-warn-unscheduled = { $n ->
    [one] 1 confirmed session is not on the grid
   *[other] { $n } confirmed sessions are not on the grid
}
dashboard-warn-conflicts = { $n ->
    [one] 1 conflict in the timetable
   *[other] { $n } conflicts in the timetable
}
dashboard-warn-room-too-small = { $n ->
    [one] 1 session has more interest than its room holds
   *[other] { $n } sessions have more interest than their rooms hold
}
dashboard-warn-unreleased = { $n ->
    [one] 1 change to the timetable is not released
   *[other] { $n } changes to the timetable are not released
}
dashboard-warn-texts-missing = { $n ->
    [one] The privacy notice or the code of conduct is empty: registration stays closed until both are there
   *[other] The privacy notice and the code of conduct are empty: registration stays closed until both are there
}
review-notify-preview = Preview the decision mails
review-decision = Decision
field-title = Title
notify-preview-lead = { $mails ->
    [one] 1 mail
   *[other] { $mails } mails
} will go out: { $accepted } accepted and { $rejected } rejected proposals. Accepted speakers get a link to confirm or decline.
notify-preview-send = { $n ->
    [one] Send 1 mail
   *[other] Send { $n } mails
}
notify-preview-none = Every decision has been mailed. Decide more proposals first.

## Column headers of the CSV downloads
csv-id = ID
csv-title = Title
csv-state = State
csv-session-type = Session type
csv-track = Track
csv-language = Language
csv-level = Level
csv-speakers = Speakers
csv-emails = Email addresses
csv-created-at = Created
csv-name = Name
csv-email = Email
csv-company = Company
csv-proposals = Proposals
csv-titles = Titles
csv-tshirt = T-shirt
csv-dietary = Dietary needs
csv-accessibility = Accessibility
csv-registered-at = Registered
csv-tickets = Tickets
csv-scanned-at = Scanned ({ $zone })
csv-list = Check-in list
csv-result = Result
csv-device = Device
csv-mode = Mode
csv-undone = undone
csv-online = online
csv-offline = offline
csv-result-admitted = admitted
csv-result-already_checked_in = already checked in
csv-result-duplicate = admitted twice offline
csv-result-revoked = revoked
csv-result-invalid = not a valid ticket
csv-result-wrong_edition = ticket of another edition
csv-result-not_on_list = not on this list

## What a proposal's history says happened
history-created = created
history-submitted = submitted
history-edited = edited
history-decided = decided
history-put_on_waiting_list = put on the waiting list
history-answered_by_speaker = answered by the speaker
history-speaker_joined = a co-speaker joined
history-withdrawn_by_speaker = withdrawn by a speaker
history-changed_by_organisers = changed by the organisers
history-carried_over = taken over from last year's programme

# Prepare next year
next-year-title = Prepare next year
next-year-intro = A new edition from { $source }: its settings come along, nothing about its people. The dates are moved to the same weekday a year later; check them.
next-year-carry = What comes along
next-year-carry-hint = Untick what next year should start without: devday's defaults take its place.
next-year-never = Never copied: proposals, reviews, registrations, the waiting list, check-ins and anyone's personal data.
next-year-create = Create next year's edition
carry-cfp = CfP texts and limits
carry-cfp-hint = The introduction in both languages, proposals per speaker, title and abstract lengths, the recording licence.
carry-session-types = Session types
carry-session-types-hint = With durations, deadlines and planned slots.
carry-tracks = Tracks
carry-tracks-hint = With colours and descriptions.
carry-questions = CfP questions
carry-questions-hint = In both languages, with their options.
carry-access-codes = Access codes
carry-access-codes-hint = The same rules with new links: last year's links stay with last year.
carry-review = Review settings and score categories
carry-review-hint = The review window a year on, anonymity and the rules.
carry-rooms = Rooms
carry-rooms-hint = With capacities and stream links.
carry-grid = Day grid and breaks
carry-grid-hint = Day hours, granularity and changeover time.
carry-tickets = Ticket types
carry-tickets-hint = Capacities and workshop times a year on; every seat free.
carry-registration = Registration texts and rules
carry-registration-hint = Privacy notice, code of conduct, hold and offer times, when personal data is deleted.
carry-checkin-lists = Check-in lists
carry-checkin-lists-hint = Each with the copies of its ticket types.
carry-team = Team
carry-team-hint = Everyone keeps their role.
carry-nothing = Nothing to copy.
carry-more = and { $n } more
edition-name-same = Next year's edition needs a name of its own.
flash-next-year-ready = { $edition } is ready, with { $n } settings from { $source }. Check the dates, then open the call for papers.
dashboard-over = { $edition } is over. Its settings can start next year in one step.

# Returning people
email-returning-subject = Speak at { $edition }?
email-returning-text = thank you for speaking at { $past }. The call for papers of { $edition } is here, and we would be glad to hear from you again: a new talk, or what happened since the last one.
email-returning-opens = It opens on { $time }.
email-returning-closes = Proposals are welcome until { $time }.
email-returning-choice = You get this mail once because you spoke last time; nothing is signed up for you.
returning-title = Invite returning people
returning-intro = Last time's speakers to this call for papers, last time's reviewers to the committee. Each gets one mail in their language; coming back is their choice.
returning-from = From the edition
returning-show = Show
returning-speakers = Speakers of { $edition }'s programme
returning-speakers-hint = A mail with the link to this call for papers and its dates.
returning-reviewers = Reviewers of { $edition }
returning-reviewers-hint = A team invitation as reviewer, to accept or leave.
returning-none = Nobody left to invite.
returning-skipped = { $invited } already invited, { $here } already here.
returning-mail-preview = The speakers' mail, as { $name } will read it
returning-send = Send { $n ->
    [one] one invitation
   *[other] { $n } invitations
}
returning-no-earlier = There is no earlier edition to invite people from.
returning-pick = Tick at least one group.
flash-returning-sent = { $speakers ->
    [one] One speaker
   *[other] { $speakers } speakers
} and { $reviewers ->
    [one] one reviewer
   *[other] { $reviewers } reviewers
} invited back.
returning-link = Invite last year's speakers and reviewers
returning-who = Who is invited

# The edition report
dashboard-now = Now
report-title = Report
report-intro = The year in numbers, with past editions on the same axes. Counts only: it reads the same after personal data is deleted.
report-csv = The numbers as CSV
report-compare = All editions compared
report-compare-intro = Every edition of this install, one row each, with the key numbers of its report.
report-edition = Edition
report-cfp = Call for papers
report-proposals = Proposals
report-accepted = Accepted
report-speakers = Speakers
report-first-time = First-time speakers
report-proposals-over-time = Proposals since the call opened
report-days-since-cfp = Days since the call for papers opened; each edition from its own opening day.
report-by-type = By session type
report-by-track = By track
report-by-language = By language
report-review = Review
report-reviews = Reviews
report-reviewers = Reviewers
report-reviews-per-reviewer = Reviews per reviewer
report-registration = Registration
report-registrations = Registrations
report-watched = Watched a live stream
report-confirmed = Confirmed
report-cancelled = Cancelled
report-waitlist-served = Waiting list: got a seat
report-registrations-over-time = Registrations before the event
report-days-to-event = Days to the first day (0); each edition against its own first day.
report-door = At the door
report-checked-in = Came (show rate)
report-show-rate = Show rate per ticket type: checked in of confirmed
report-arrivals = Arrivals per quarter hour
report-sessions = Sessions
report-sessions-wanted = Sessions someone wants to see
report-most-wanted = The ten most wanted sessions against their room's seats
report-too-small = room too small
csv-section = Section
csv-item = Item
csv-edition = Edition
csv-day = Day
csv-value = Value
csv-of = Of
report-days-to-decision = Days to a decision (median)
report-score-spread = Scores given, all categories
report-show-rate-history = Show rate over the years

## Each attendee's own programme
programme-title = My programme
programme-count = { $n ->
    [0] No favourites yet
    [one] One favourite
   *[other] { $n } favourites
}
programme-sessions = Sessions
programme-show = Show
programme-all = All sessions
programme-only-starred = Only my favourites ({ $n })
programme-starred = ★ "{ $title }" is in your programme ({ $n } favourites).
programme-unstarred = "{ $title }" is no longer a favourite.
programme-clashes = At the same time as: { $titles }
programme-none-starred = No favourites yet: star sessions under "All sessions".
programme-not-yet = The timetable is not published yet. Star what interests you now: the times follow with the first release, and your calendar fills itself.
programme-feed-title = In your calendar
programme-feed-text = Subscribe once: your calendar shows your favourites and follows every change to the programme.
programme-subscribe = Subscribe to my favourites
programme-download = Download (.ics)
programme-whole = Subscribe to the whole programme
programme-feed-address = Address for other calendar apps
programme-notices-title = Changes
programme-notices-label = Mail me when a favourite moves or is cancelled
programme-notices-on = We will mail you when a favourite moves or is cancelled.
programme-notices-off = No more mails about changes; your calendar still follows them.
programme-private-title = Your link
programme-private = Whoever has this page's address sees your favourites. A new address stops the old link and the old calendar feed; subscribe again afterwards.
programme-renew = Give me a new address
programme-renewed = Your programme has a new address. The old link and calendar feed no longer work: subscribe again in your calendar.
programme-no-registration = There is no registration under { $email } for { $edition }.
programme-no-registration-text = Registered with another address? The link in your registration mail leads to your programme too.
programme-open = Star sessions, subscribe in your calendar
programme-how = Your own programme keeps your favourites on our server, in every browser, and gives you a calendar feed of them. Open it with the link in your registration mail (or from the page behind it), or sign in with the address you registered with.
schedule-release-tells-attendees = { $count ->
    [one] One attendee who starred a moved or cancelled session gets one mail listing their changes.
   *[other] { $count } attendees who starred moved or cancelled sessions get one mail each, listing their changes.
}
email-programme-changed-subject = { $edition }: { $n ->
    [one] a favourite of yours has changed
   *[other] { $n } of your favourites have changed
}
email-programme-changed-text = the timetable of { $edition } has a new version, and { $n ->
    [one] a session you starred has changed:
   *[other] { $n } sessions you starred have changed:
}
email-programme-cancelled = Cancelled: no longer in the programme
email-programme-changed-calendar = Your programme (a subscribed calendar feed follows by itself):
email-programme-changed-all = Every change of this version:
email-programme-changed-stop = You get this mail because you starred these sessions. On your programme page you can turn these mails off.

## Reconfirmation rounds
reconfirm-intro = A week or two before the conference, ask everyone with a confirmed seat whether they are still coming. A freed seat goes to the waiting list at once; at the deadline the seats without an answer too, if you choose so (the mail says so). Speakers and team are not asked.
reconfirm-standing = Where it stands
reconfirm-stage-planned = Planned
reconfirm-stage-asked = Running
reconfirm-stage-closed = Closed
reconfirm-asked = Asked
reconfirm-coming = Coming
reconfirm-freed = Freed their seat
reconfirm-unanswered = No answer yet
reconfirm-released = Released at the deadline
reconfirm-step-ask = Asks everyone: { $at }
reconfirm-step-remind = Reminds those without an answer: { $at }
reconfirm-step-close = Deadline: { $at }
reconfirm-ran-ask = asked { $n } on { $at }
reconfirm-ran-remind = reminded { $n } on { $at }
reconfirm-ran-close = { $n ->
    [one] one seat went to the waiting list on { $at }
   *[other] { $n } seats went to the waiting list on { $at }
}
reconfirm-ran-close-kept = closed on { $at }; unanswered seats were kept
reconfirm-joined-since = { $n ->
    [one] One person confirmed since the round asked; they are not asked.
   *[other] { $n } people confirmed since the round asked; they are not asked.
}
reconfirm-drop = Drop the round
reconfirm-change = Change the round
reconfirm-plan-title = Plan a round
reconfirm-asks-at = Ask on
reconfirm-reminds-at = Remind those without an answer on (optional)
reconfirm-deadline = Deadline
reconfirm-release-unanswered = At the deadline, give seats without an answer to the waiting list
reconfirm-times-local = Times at the venue ({ $zone }).
reconfirm-preview = { $n ->
    [0] Nobody has a confirmed seat yet: the round would ask no one.
    [one] One person with a confirmed seat gets the mail when the round asks.
   *[other] { $n } people with a confirmed seat get the mail when the round asks.
}
reconfirm-plan = Plan the round
reconfirm-saved = The round is planned: it asks on { $asks }, the deadline is { $deadline }.
reconfirm-dropped = The round is dropped; nobody was asked.
reconfirm-not-dropped = People were asked already: the round runs to its deadline.
reconfirm-closed = The round is closed and cannot change any more.
reconfirm-deadline-before-asking = The deadline must come after asking.
reconfirm-deadline-after-start = The deadline must be before the conference starts.
reconfirm-reminder-between = The reminder goes out between asking and the deadline.
reconfirm-question = Are you coming to { $edition }?
reconfirm-please = Hello { $name }, please tell us by { $deadline } whether you are coming: a seat you do not need goes to someone on the waiting list.
reconfirm-unanswered-released = Seats without an answer go to the waiting list at the deadline.
reconfirm-coming-button = I'm coming
reconfirm-free-button = Free my seat
reconfirm-free-after-all = Free my seat after all
reconfirm-said-coming = Thank you: your seat is kept for you.
reconfirm-said-freed = Your seat is free again and goes to the waiting list. Thank you for telling us.
reconfirm-is-coming = You said you are coming. See you there!
reconfirm-is-freed = Your seat is free again; it went to the waiting list.
reconfirm-is-released = There was no answer by { $deadline }, so your seat went to the waiting list. You can register again; when the conference is full, you join the waiting list.
reconfirm-register-again = Register again
email-reconfirm-subject = { $edition }: are you still coming?
email-reconfirm-text = { $edition } starts on { $starts }, and you have a seat. Please tell us by { $deadline } whether you are coming: a seat you do not need goes to someone on the waiting list.
email-reconfirm-reminder-subject = Reminder from { $edition }: are you still coming?
email-reconfirm-reminder-text = we have not heard from you yet. { $edition } starts on { $starts }; please tell us by { $deadline } whether you are coming.
email-reconfirm-coming = I'm coming:
email-reconfirm-free = Free my seat:
email-reconfirm-released-note = Without an answer by { $deadline }, your seat goes to the waiting list.
email-registration-released-subject = { $edition }: your seat went to the waiting list
email-registration-released-text = we asked whether you are still coming to { $edition } and heard nothing by the deadline, so your seat went to someone on the waiting list. If you still want to come, register again (when the conference is full, you join the waiting list):
reconfirm-preview-title = What people get
dashboard-reconfirmed = Said they come
dashboard-warn-unanswered = { $n ->
    [one] One person has not answered the reconfirmation yet
   *[other] { $n } people have not answered the reconfirmation yet
}
reconfirm-skipped = not sent: the deadline came first

## Overbooking
overbooking = Overbooking
overbooking-margin = Margin
overbooking-hard-limit = Venue limit
overbooking-seats = { $n } seats given
overbooking-past = came in past years:
overbooking-suggested = suggested margin { $n } (at { $rate } %)
overbook-out-of-range = The margin is a whole number from 0 up to the capacity.
hard-limit-out-of-range = The venue limit is a whole number from 1 to 100,000, or empty.
hard-limit-below-taken = More seats are given already: the venue limit cannot be below them.
flash-overbooking-set = { $offered ->
    [0] Overbooking saved.
    [one] Overbooking saved; one more seat went to the waiting list.
   *[other] Overbooking saved; { $offered } more seats went to the waiting list.
}
refusal-door-not-open = The door does not give seats to the waiting list yet.
refusal-no-seat-at-door = No seat is free at the door: everyone who holds one may still come, or the free seats are given.

## At the door
door-title = Waiting list at the door
door-not-set = The organisers have not set a time from which the door gives seats to the waiting list.
door-from = The door gives seats from { $at }.
door-free = Seats the door may give
door-seats = Seats in the room
door-present = In already
door-given-not-in = Given, not in yet
door-next = Next on the waiting list
door-give = Give a seat
door-hint = Give seats in order to people who are here; their ticket goes by mail, and you check them in like anyone else.
door-nobody-waiting = Nobody is waiting.
door-log = Seats given at the door
door-place = Place
door-by = By
door-when = When
door-given = Seat given to { $name } (place { $place }); the ticket is in their mail. Check them in now.
door-refused = { $why }
door-release-intro = From this time on the day, the desk may give seats of people who have not come yet to people on the waiting list who are there. Nobody's registration is taken away: the door gives at most the room's seats minus everyone already in.
door-release-at = Give seats from
door-open-desk = Open the desk's page
door-release-set = From { $at } the door gives seats to the waiting list.
door-release-cleared = The door gives no seats to the waiting list.
door-release-invalid = That time could not be read; nothing changed.
noshows-title = No-shows
reconfirm-title = Reconfirmation round
email-programme-recordings-subject = { $edition }: { $n ->
    [one] the recording of a favourite is online
   *[other] { $n } recordings of your favourites are online
}
email-programme-recordings-text = { $n ->
    [one] the recording of a session you starred at { $edition } is online:
   *[other] the recordings of { $n } sessions you starred at { $edition } are online:
}
email-programme-recordings-programme = Your programme:

## Webhooks
webhooks = Webhooks
webhooks-lead = Tell your other systems what happens in this edition. devday posts each event as JSON to the addresses below, signed as the Standard Webhooks specification says, and tries again until the receiver answers.
webhooks-none = No endpoints yet. Add the address of a receiver (a chat bot, a spreadsheet script, your own service) and choose what it hears.
webhooks-endpoint = Endpoint
webhooks-events = Events
webhooks-deliveries = Deliveries
webhooks-all = All webhooks
webhooks-all-events = Every event
webhooks-paused = Paused
webhooks-add = Add an endpoint
webhooks-add-submit = Add endpoint
webhooks-url = Address (URL)
webhooks-url-hint = Where devday posts, for example https://hooks.example.org/devday. Addresses in private networks are refused unless the server's operator allows them.
webhooks-url-invalid = Enter an address starting with https:// or http://.
webhooks-url-credentials = Leave the user name and password out of the address; check the signature instead.
webhooks-description = Description (for you)
webhooks-no-events = Choose at least one event.
webhooks-how = Each delivery carries the headers webhook-id, webhook-timestamp and webhook-signature. Payloads hold ids, states and titles, never names or e-mail addresses; fetch more through the organiser API. Failed deliveries are retried after 2, 4, 8 … seconds, at most an hour apart, for about nine hours.
webhook-event-proposal-submitted = A proposal is submitted
webhook-event-proposal-state_changed = A proposal changes state (accepted, confirmed, withdrawn …)
webhook-event-release-published = A programme version is released
webhook-event-registration-confirmed = A registration is confirmed
webhook-event-registration-cancelled = A registration is cancelled
webhook-event-waitlist-offered = A place is offered to someone on a waiting list
webhook-event-checkin-created = Someone is checked in at the door
webhooks-no-deliveries = Nothing sent yet
webhooks-tally-delivered = { $n } delivered
webhooks-tally-pending = { $n } waiting
webhooks-tally-retrying = { $n } retrying
webhooks-tally-failed = { $n } given up
webhooks-test = Send a test event
webhooks-retry = { $n ->
    [one] Retry the undelivered event now
   *[other] Retry { $n } undelivered events now
}
webhooks-log = Delivery log
webhooks-log-empty = Nothing sent to this endpoint yet. Send a test event to try it.
webhooks-when = When
webhooks-event = Event
webhooks-result = Result
webhooks-delivered = Delivered (HTTP { $status })
webhooks-attempts = { $n } attempts
webhooks-pending = Waiting to be sent
webhooks-retrying = Failed { $n ->
    [one] once
   *[other] { $n } times
}, retrying
webhooks-next = next attempt { $at }
webhooks-failed = Given up after { $n } attempts
webhooks-secret = Signing secret
webhooks-secret-hint = Give this to the receiver so it can check that a delivery comes from devday (any Standard Webhooks library does it). Keep it secret.
webhooks-rotate = Make a new secret
webhooks-settings = Settings
webhooks-active = Active
webhooks-active-hint = A paused endpoint keeps its events; they are sent once it is active again.
webhooks-delete = Delete this endpoint
confirm-webhook-delete = Delete the endpoint { $subject }?
confirm-webhook-delete-text = It hears nothing more, and its delivery log and undelivered events are deleted with it.
confirm-webhook-delete-yes = Delete endpoint
flash-webhook-added = Endpoint { $url } added. Give the receiver the signing secret below, then send a test event.
flash-webhook-saved = Endpoint saved.
flash-webhook-paused = Endpoint saved and paused: its events wait until it is active again.
flash-webhook-test-queued = Test event queued: it appears in the log below within seconds.
flash-webhook-test-paused = Test event queued; it waits until the endpoint is active again.
flash-webhook-retrying = { $n ->
    [0] Nothing was waiting to be retried.
    [one] One event is being sent again.
   *[other] { $n } events are being sent again.
}
flash-webhook-secret-rotated = New signing secret made: the old one no longer signs. Give the receiver the new one.
flash-webhook-deleted = Endpoint { $url } deleted.
webhooks-error-connect = Could not connect:
webhooks-error-timeout = No answer in time:
webhooks-error-address = Not sent, the address is inside the server's own network:
webhooks-error-status = The receiver refused it:
webhooks-error-invalid = Not sent, the address is not valid:
webhooks-error-other = Failed:
no-door-title = No door for an online edition
no-door-text = { $edition } takes place online only: there is no entrance, no badges and no check-in. Registered people watch through the links on their registration page.
no-door-settings = Change where it happens
