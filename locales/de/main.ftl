# devday, Deutsch. Jede Nachricht muss es auch in en/main.ftl geben (ein Test prüft das).
hello-user = Hallo { $name }!
skip-to-content = Zum Inhalt springen
nav-label = Hauptmenü
nav-login = Anmelden
nav-logout = Abmelden
nav-signup = Registrieren
nav-admin = Verwaltung
footer-text = devday · eine kostenlose Entwicklerkonferenz, von Ehrenamtlichen organisiert.
back-home = Zur Startseite
save = Speichern
search = Suchen

live-refresh = Diese Seite alle { $seconds } Sekunden aktualisieren
confirm-cancel-other-yes = Diese Anmeldung stornieren
confirm-back = Nein, zurück
confirm-cancel-own = Deine Anmeldung für { $subject } stornieren?
confirm-cancel-own-text = Dein Platz geht sofort an die nächste Person auf der Warteliste. Das lässt sich nicht rückgängig machen; eine neue Anmeldung beginnt von vorn, wenn noch Platz ist.
confirm-cancel-other = Die Anmeldung von { $subject } stornieren?
confirm-cancel-other-text = Der Platz geht sofort an die nächste Person auf der Warteliste, und die Person erfährt es per E-Mail. Das lässt sich nicht rückgängig machen.
confirm-decline = „{ $subject }“ absagen?
confirm-decline-text = Du hältst diesen Vortrag nicht: Er verlässt das Programm, und das Orga-Team kann seinen Platz einem anderen Vorschlag geben. Das lässt sich nicht rückgängig machen.
confirm-withdraw = „{ $subject }“ zurückziehen?
confirm-withdraw-text = Der Vorschlag verlässt den Call for Papers und das Review. Das lässt sich nicht rückgängig machen; solange der Call offen ist, kannst du ihn als neuen Vorschlag wieder einreichen.

error-title = Fehler { $status }
error-not-found = Diese Seite gibt es nicht (mehr).
error-unauthenticated = Bitte melde dich zuerst an.
error-forbidden = Das darfst du leider nicht.
error-invalid = Einige Felder sind ungültig.
error-csrf = Das Formular ist abgelaufen. Geh zurück, lade die Seite neu und versuche es noch einmal.
error-rate-limited = Zu viele Versuche. Bitte warte eine Minute und versuche es dann noch einmal.
error-unavailable = Der Dienst ist gerade ausgelastet. Bitte versuche es gleich noch einmal.
error-internal = Bei uns ist etwas schiefgegangen. Wir haben es protokolliert.
error-unreadable = Das Formular kam beschädigt an (nicht als URL-kodiertes UTF-8 mit den Feldern der Seite). Lade die Seite neu und versuche es noch einmal.
error-too-large = Das ist zu viel auf einmal. Bitte kürze deine Eingabe.
error-unsupported-media-type = Diese Adresse nimmt nur das Formular ihrer Seite an.
error-nul-character = Ein Feld enthält das NUL-Zeichen (U+0000), das nicht gespeichert werden kann. Entferne es und schicke das Formular noch einmal ab.

field-name = Name
field-name-en = Name auf Englisch
field-name-de = Name auf Deutsch
field-name_de = Name auf Deutsch
field-labels_de = Bewertungsstufen auf Deutsch
field-email = E-Mail-Adresse
field-password = Passwort
field-password-repeat = Passwort wiederholen
field-new-password = Neues Passwort
field-current-password = Aktuelles Passwort
field-language = Sprache
field-role = Rolle
field-required = Dieses Feld ist erforderlich.
field-too-long = Das ist zu lang.
field-invalid = Wähle einen der angebotenen Werte.
email-invalid = Das ist keine E-Mail-Adresse.
password-hint = Mindestens 10 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken.
password-too-short = Das Passwort braucht mindestens 10 Zeichen.
password-mismatch = Die beiden Passwörter unterscheiden sich.
password-wrong = Das Passwort stimmt nicht.

signup-title = Konto anlegen
signup-intro = Mit einem Konto kannst du Vorträge einreichen, Vorschläge bewerten und mitorganisieren.
signup-submit = Konto anlegen
signup-have-account = Schon ein Konto?
signup-done-title = Schau in dein Postfach
signup-done-text = Wir haben dir einen Link zur Bestätigung deiner E-Mail-Adresse geschickt. Er gilt zwei Tage.
confirm-title = E-Mail-Adresse bestätigen
confirm-intro = Ein Klick, und dein Konto ist bereit.
confirm-submit = Bestätigen
confirm-done-title = E-Mail-Adresse bestätigt
confirm-done-text = Danke. Du kannst dich jetzt anmelden.
link-invalid-title = Dieser Link funktioniert nicht
link-invalid-text = Er wurde schon benutzt oder ist abgelaufen. Fordere einen neuen an, wenn du ihn noch brauchst.
error-link-invalid = { link-invalid-text }

login-title = Anmelden
login-submit = Anmelden
login-forgot = Passwort vergessen?
login-no-account = Noch kein Konto?
login-invalid = E-Mail-Adresse oder Passwort stimmen nicht.
login-unconfirmed = Bitte bestätige zuerst deine E-Mail-Adresse. Wir haben dir einen neuen Link geschickt.

forgot-title = Passwort zurücksetzen
forgot-intro = Gib deine E-Mail-Adresse ein. Gibt es dazu ein Konto, schicken wir dir einen Link für ein neues Passwort.
forgot-submit = Link schicken
forgot-done-title = Schau in dein Postfach
forgot-done-text = Wenn es zu dieser Adresse ein Konto gibt, ist ein Link zum Zurücksetzen unterwegs. Er gilt eine Stunde.
reset-title = Neues Passwort setzen
reset-submit = Passwort setzen
reset-done-title = Passwort geändert
reset-done-text = Dein neues Passwort gilt, und alle anderen Sitzungen wurden abgemeldet.

setup-title = Ersten Admin anlegen
setup-intro = devday hat noch keine Konten. Das Konto, das du hier anlegst, verwaltet diese Installation.
setup-submit = Admin anlegen

account-title = Dein Konto
account-editions = Deine Ausgaben
account-profile = Profil
account-password = Passwort
account-password-submit = Passwort ändern
tokens-title = API-Tokens
tokens-intro = Mit Tokens können Programme (ein Einlass-Scanner, ein Skript) die devday-API in deinem Namen nutzen. Behandle sie wie Passwörter.
tokens-name = Wofür ist das Token?
tokens-create = Token anlegen
tokens-new = Dein neues Token. Kopiere es jetzt: Es wird nicht noch einmal angezeigt.
tokens-created = Angelegt
tokens-used = Zuletzt benutzt
tokens-revoke = Widerrufen
privacy-title = Deine Daten
privacy-download = Alles herunterladen, was devday über dich speichert (JSON)
privacy-delete-intro = Wenn du dein Konto löschst, werden dein Profil, deine Rollen und deine Tokens entfernt. Das lässt sich nicht rückgängig machen.
privacy-delete = Mein Konto löschen

admin-title = Verwaltung
admin-editions = Ausgaben
admin-no-editions = Noch keine Ausgaben.
admin-people = Personen
admin-confirmed = Bestätigt
admin-grant = Zum Admin machen
admin-revoke = Admin entziehen
admin-mail = E-Mails
admin-mail-pending = { $count ->
    [one] Eine E-Mail wartet auf den Versand.
   *[other] { $count } E-Mails warten auf den Versand.
}
admin-mail-queued = erneut eingereiht, geht gleich raus
admin-mail-none = Jede bisher versuchte E-Mail ist verschickt.
admin-mail-to = An
admin-mail-subject = Betreff
admin-mail-state = Stand
admin-mail-error = Letzter Fehler
admin-mail-given-up = nach { $attempts } Versuchen aufgegeben
admin-mail-retrying = Versuch { $attempts } fehlgeschlagen; nächster Versuch { $at } (UTC)
admin-mail-retry = Jetzt erneut senden

role-organiser = Organisation
role-reviewer = Programmkomitee
role-staff = Einlass

home-title = Willkommen
home-next = Nächste Ausgabe
home-none = Es ist noch keine Ausgabe angekündigt.
home-upcoming = Außerdem geplant
home-archive = Vergangene Ausgaben
cfp = Call for Papers
registration = Anmeldung
window-open = Offen
window-until = bis { $time }
window-upcoming = Öffnet am { $time }
window-closed = Geschlossen
window-not-scheduled = Noch nicht geplant

edition-new = Neue Ausgabe
edition-create = Ausgabe anlegen
edition-copy = Nächstes Jahr vorbereiten
edition-archived = Archiv
edition-basics = Die Ausgabe
edition-format = Wo es stattfindet
edition-format-on_site = Vor Ort
edition-format-on_site-hint = Alle kommen zum Veranstaltungsort.
edition-format-hybrid = Hybrid
edition-format-hybrid-hint = Vor Ort und online: Die Livestreams der Räume erreichen alle, die von woanders zusehen.
edition-format-remote = Online
edition-format-remote-hint = Nur online: kein Veranstaltungsort, keine Badges, kein Einlass.
edition-streams = Livestreams
edition-streams-public = Auf den öffentlichen Seiten
edition-streams-registered = Nur für Angemeldete
edition-streams-hint = Die Stream-Adresse jedes Raums stellst du unter Programm → Räume, Raster und Pausen ein. Angemeldete finden die Streams immer auf ihrer Anmeldeseite; wer dort einen öffnet, zählt im Bericht als Zuschauer.
edition-online-hybrid = Vor Ort und online
edition-online-remote = Online
edition-windows = Call for Papers und Anmeldung
edition-windows-hint = Zeiten in der Zeitzone der Ausgabe. Lass leer, was noch nicht feststeht.
edition-timezone-note = Alle Zeiten in { $tz }.
field-edition-name = Name
field-slug = Kurzname in Adressen
slug-hint = Kleinbuchstaben, Ziffern und Bindestriche, zum Beispiel devday-2027.
field-starts-on = Erster Tag
field-ends-on = Letzter Tag
field-timezone = Zeitzone
field-venue = Veranstaltungsort
field-cfp-opens = Call for Papers öffnet
field-cfp-closes = Call for Papers schließt
field-registration-opens = Anmeldung öffnet
field-registration-closes = Anmeldung schließt
slug-invalid = Verwende 3 bis 40 Kleinbuchstaben, Ziffern und Bindestriche (kein reserviertes Wort wie admin oder api).
slug-taken = Eine andere Ausgabe hat diesen Kurznamen.
date-invalid = Gib ein Datum als JJJJ-MM-TT ein.
date-before-start = Der letzte Tag kann nicht vor dem ersten liegen.
edition-too-long = Eine Ausgabe dauert höchstens zwei Wochen.
timezone-invalid = Unbekannte Zeitzone; verwende einen Namen wie Europe/Berlin.
datetime-invalid = Gib Datum und Uhrzeit ein, etwa 2027-01-31T23:59.
window-closes-before-opening = Es muss nach dem Öffnen schließen.

manage-title = Organisieren
manage-link = Organisieren
manage-settings = Einstellungen
manage-team = Team
archive-title = Archiv
archive-intro = Eine archivierte Ausgabe bleibt für alle online, unter den vergangenen Ausgaben.
archive-do = Diese Ausgabe archivieren
archive-undo = Aus dem Archiv holen
team-invite = Jemanden einladen
team-invite-language = Sprache der Einladung
team-invite-submit = Einladung schicken
team-pending = Offene Einladungen
team-expires = gültig bis { $date }
team-withdraw = Zurückziehen
team-remove = Entfernen
invitation-title = Eine Einladung
invitation-text = Du bist eingeladen, bei { $edition } mitzumachen: { $role }.
invitation-accept = Annehmen
invitation-login-first = Melde dich an oder lege ein Konto an, um anzunehmen; danach kommst du hierher zurück.
invitation-other-address = Diese Einladung ging an { $email }. Melde dich ab und mit dieser Adresse an, um sie anzunehmen.

cfp-days-left = { $days ->
    [one] Noch ein Tag.
   *[other] Noch { $days } Tage.
}
cfp-closed = Der Call for Papers ist geschlossen. Danke an alle, die eingereicht haben!
cfp-submission-soon = Einreichungen in devday öffnen bald; bis dahin wende dich an das Orga-Team.
registration-confirm-here = Dein Platz ist bis { $until } (UTC) reserviert und wartet auf deine Bestätigung.
registration-confirm-button = Anmeldung bestätigen
registration-soon = Das Anmeldeformular erscheint bald hier.
staff-title = Einlass
staff-intro = Tickets am Einlass scannen (eine Scanner-Seite pro Check-in-Liste), Personen per Namen einchecken und Badges am Tresen drucken.
staff-link = Einlass

email-footer = Du bekommst diese Mail wegen deines devday-Kontos oder einer Aktion auf devday.
email-hello = Hallo { $name },
email-confirm-subject = Bestätige deine E-Mail-Adresse für devday
email-confirm-text = bitte bestätige deine E-Mail-Adresse, indem du diesen Link öffnest:
email-confirm-button = E-Mail-Adresse bestätigen
email-confirm-ignore = Wenn du dich nicht registriert hast, ignoriere diese Mail: Ohne Bestätigung passiert nichts.
email-exists-subject = Dein devday-Konto
email-exists-text = jemand (wahrscheinlich du) wollte sich mit dieser Adresse registrieren, aber es gibt schon ein Konto dazu. Melde dich an, oder setze dein Passwort zurück, falls du es vergessen hast.
email-exists-reset = Passwort vergessen? Setz ein neues
email-reset-subject = Dein devday-Passwort zurücksetzen
email-reset-text = öffne diesen Link innerhalb einer Stunde, um ein neues Passwort zu setzen:
email-reset-ignore = Wenn du das nicht angefordert hast, ignoriere diese Mail: Dein Passwort bleibt, wie es ist.
email-invitation-subject = Einladung ins Team von { $edition }
email-invitation-text = { $inviter } lädt dich ein, bei { $edition } mitzumachen: { $role }. Öffne diesen Link, um anzunehmen:
email-invitation-expiry = Der Link gilt 14 Tage.

# Call for Papers
add = Hinzufügen
all = Alle
yes = Ja
no = Nein
filter = Filtern
sort = Sortieren
pages = Seiten
preview = Vorschau
upload = Hochladen
required = Pflichtfeld
hidden = Versteckt
position = Reihenfolge
description = Beschreibung
colour = Farbe
edition = Ausgabe
history = Verlauf
answers = Antworten
form-has-errors = Einige Felder brauchen deine Aufmerksamkeit; siehe die Hinweise daneben.
markdown-hint = Markdown geht: *kursiv*, **fett**, [Links](https://…), Listen.
number-invalid = Gib eine Zahl ein.
number-out-of-range = Diese Zahl liegt außerhalb des erlaubten Bereichs.
time-invalid = Gib eine Uhrzeit ein, etwa 09:30.
colour-invalid = Wähle eine Farbe.
links-invalid = Bis zu 10 Webadressen (http:// oder https://), eine pro Zeile.
field-duration_minutes = Dauer
field-deadline = Frist
field-colour = Farbe
field-description = Beschreibung
field-position = Reihenfolge
field-label = Frage
field-options = Optionen
field-session_types = Formate
field-target = Gefragt wird
field-kind = Art

proposals = Einreichungen
proposals-none = Keine Einreichung passt.
speakers = Vortragende
my-proposals = Meine Einreichungen
my-proposals-none = Du hast noch nichts eingereicht.
proposal-new = Vortrag einreichen
proposal-edit = Einreichung bearbeiten
proposal-for-speaker = Einreichung für eingeladene Vortragende
proposal-title = Titel
proposal-abstract = Kurzbeschreibung
proposal-abstract-hint = Was im Programm über die Session steht; höchstens { $max } Zeichen. Markdown geht.
proposal-description = Beschreibung für das Programmkomitee
proposal-notes = Hinweise an das Orga-Team
proposal-notes-hint = Nie öffentlich: Anreise, Technik, alles, was das Orga-Team wissen sollte.
proposal-submit = Einreichen
proposal-save-draft = Als Entwurf speichern
proposal-withdraw = Einreichung zurückziehen
proposal-draft-note = Das ist ein Entwurf: Er ist noch nicht eingereicht, und das Programmkomitee berücksichtigt ihn erst, wenn du ihn einreichst.
proposal-about-you = Über dich und deine Co-Speaker
proposal-bio-hint = Ein paar Sätze über dich (Markdown): Das Komitee kann sie lesen, und das Programm zeigt sie bei angenommenen Sessions. Bleibt in deinem Profil für jede Ausgabe.
proposal-co-speakers = Co-Speaker (freiwillig)
proposal-co-speakers-hint = Ihre E-Mail-Adressen, eine pro Zeile: Jede bekommt eine Einladung per Mail und kommt nach dem Anmelden zur Einreichung dazu. Bis zu fünf; weitere über die Seite der Einreichung.
proposal-photo-next = Dein Foto: füg es gleich nach dem Absenden auf der Seite der Einreichung hinzu (oder in deinem Profil).
cospeakers-too-many = Höchstens fünf Co-Speaker auf einmal; weitere lädst du über die Seite der Einreichung ein.
proposal-add-photo = Füg dein Foto hinzu
proposal-add-photo-text = Das Programm zeigt es bei deiner Session, wenn sie angenommen wird.
proposal-slot = Dein Platz im Programm
proposal-slot-page = Die öffentliche Seite der Session
proposal-slot-none = Noch nicht im veröffentlichten Programm. Sobald es so weit ist, bekommst du eine Mail mit Tag, Uhrzeit, Raum und einer Kalenderdatei.
proposal-editable-until = Du kannst sie bis { $time } ändern.
proposal-limit = Du hast die Höchstzahl an Einreichungen für diese Ausgabe erreicht.
proposal-no-speakers = Noch niemand: Die eingeladene Person hat die Einreichung noch nicht übernommen.
proposal-speaker-email = E-Mail-Adresse der vortragenden Person
proposal-speaker-email-hint = Die Person bekommt eine Mail mit einem Link, um die Einreichung zu übernehmen.
session-type = Format
session-types = Formate
session-types-hint = Eine Frist hier ersetzt die des CfP für dieses Format (etwa ein zweiter Aufruf für Lightning Talks). Versteckte Formate gibt es nur mit Zugangscode.
track = Track
tracks = Tracks
language = Sprache
language-de = Deutsch
language-en = Englisch
level = Niveau
level-beginner = Einsteiger
level-intermediate = Fortgeschrittene
level-advanced = Profis
duration = Dauer
minutes = { $n } Min.
deadline = Frist
state = Status
state-draft = Entwurf
state-submitted = Eingereicht
state-accepted = Angenommen
state-rejected = Abgelehnt
state-confirmed = Bestätigt
state-declined = Abgesagt
state-withdrawn = Zurückgezogen
state-cancelled = Gestrichen
state-change = Status ändern
state-note = Warum (für den Verlauf)
sort--created = Neueste zuerst
sort-created = Älteste zuerst
sort-title = Titel A–Z
sort--title = Titel Z–A
sort--updated = Zuletzt geändert
sort-state = Status
export-csv = Als CSV exportieren
cfp-login-hint = Melde dich an oder lege ein Konto an, um einzureichen.
cfp-deadline-passed = Die Frist für dieses Format ist vorbei.
cfp-form-closed-title = Einreichungen sind geschlossen
cfp-form-closed = Der Call for Papers nimmt gerade nichts an, oder die Frist dieser Einreichung ist vorbei. Wenn du einen Zugangscode hast, nutze den Link, den du bekommen hast.
cfp-settings = Text und Grenzen
cfp-window-hint = Beginn und Ende des CfP stellst du bei der Ausgabe ein:
cfp-intro = Text des Call for Papers
cfp-max-proposals = Einreichungen pro Person (höchstens)
cfp-title-max = Längster Titel (Zeichen)
cfp-abstract-max = Längste Kurzbeschreibung (Zeichen)
questions = Eigene Fragen
question-label = Frage (Englisch)
question-help = Hilfetext (Englisch)
question-target = Gefragt wird
question-target-proposal = zur Einreichung
question-target-speaker = zur Person
question-kind = Art der Antwort
question-kind-text = Text
question-kind-long_text = Langer Text
question-kind-single = Einfachauswahl
question-kind-multiple = Mehrfachauswahl
question-kind-boolean = Ja oder nein
question-kind-number = Zahl
question-options = Optionen auf Englisch (eine pro Zeile; für Auswahlfragen)
question-types = Nur für diese Formate (keins: alle)
question-needs-options = Auswahlfragen brauchen Optionen.
question-only-for = Nur für: { $types }
question-label_de = Frage (Deutsch)
question-help_de = Hilfetext (Deutsch)
question-options_de = Optionen auf Deutsch (Zeile für Zeile neben den englischen)
question-options-mismatch = Gib so viele deutsche Optionen wie englische an, jede in derselben Zeile, oder lass die deutschen leer.
question-one-language = nur in einer Sprache
question-bilingual-hint = Vortragende lesen ihre Sprache; ist sie leer, lesen sie die andere. Eine Sprache genügt.
access-codes = Zugangscodes
access-codes-hint = Ein Link, mit dem jemand nach der Frist oder in ein verstecktes Format einreichen kann, begrenzt oft.
access-code-link = Link
access-code-uses = Benutzt
access-code-max-uses = Wie oft er gilt
access-code-valid-until = Gültig bis
access-code-note = Notiz (für wen)
access-code-any-type = Jedes sichtbare Format
access-code-create = Zugangscode anlegen
cospeaker-invite = Co-Speaker einladen
cospeaker-invite-hint = Die Person bekommt eine Mail mit einem Link; nach dem Annehmen kann sie die Einreichung mitbearbeiten.
cospeaker-invite-submit = Einladung schicken
cospeaker-self = Das ist deine eigene Adresse.
cospeaker-title = Bei einer Einreichung mitmachen
cospeaker-text = Du bist eingeladen, bei { $edition } „{ $title }“ mitzuhalten.
invitation-status = Einladung
invitation-sent = verschickt
invitation-accepted = angenommen
invitation-expired = abgelaufen
invitation-withdrawn = zurückgezogen
invitation-resend = Nochmal schicken
speaker-profile = Speaker-Profil
speaker-company = Firma
speaker-biography = Kurzbiografie
speaker-links = Links
speaker-links-hint = Deine Website, Mastodon, GitHub…: eine Adresse pro Zeile.
speaker-photo = Foto
speaker-photo-upload = Foto hochladen
speaker-photo-hint = JPEG, PNG oder WebP, bis 5 MB. Wir schneiden nichts ab und speichern es höchstens 600 Pixel breit.
speaker-photo-delete = Foto entfernen
photo-too-large = Das Foto ist zu groß (höchstens 5 MB und 6000 Pixel pro Seite).
photo-format = Lade ein JPEG-, PNG- oder WebP-Bild hoch.
photo-corrupt = Dieses Bild ließ sich nicht lesen.
availability = Verfügbarkeit
availability-intro = Wann kannst du vortragen? Zeiten in { $tz }. Ohne Zeitfenster gehen wir davon aus, dass du die ganze Konferenz da bist.
availability-none = Noch keine Zeitfenster: Du bist die ganze Konferenz verfügbar.
availability-day = Tag
availability-day-invalid = Wähle einen Konferenztag.
availability-from = Von
availability-until = Bis
availability-add = Zeitfenster hinzufügen
mail-speakers = Mail an Vortragende
mail-recipients = An die Vortragenden dieser Einreichungen
mail-attendees-recipients = Wer sie bekommt
mail-subject = Betreff (Englisch)
mail-body = Text (Englisch)
mail-subject_de = Betreff (Deutsch)
mail-body_de = Text (Deutsch)
mail-languages-hint = Schreib in einer Sprache oder in beiden: Alle bekommen ihre Sprache, die andere, wo sie fehlt.
mail-by-language = { $en } auf Englisch, { $de } auf Deutsch.
mail-placeholders = Platzhalter: { $list }
mail-send = { $n } Mails senden
mail-sent = { $n } Mails sind unterwegs.
mail-nobody = Niemand passt zu diesen Filtern.

email-submitted-subject = Einreichung erhalten: { $title }
email-submitted-text = danke für deine Einreichung „{ $title }“ bei { $edition }. Das Programmkomitee begutachtet sie; die Entscheidung bekommst du per Mail. Hier kannst du sie ansehen und ändern:
email-submitted-text-until = danke für deine Einreichung „{ $title }“ bei { $edition }. Bis { $time } kannst du sie noch ändern; danach entscheidet das Programmkomitee und du bekommst die Entscheidung per Mail:
email-review-assigned-subject = { $n ->
    [one] Ein neuer Beitrag zum Bewerten für { $edition }
   *[other] { $n } neue Beiträge zum Bewerten für { $edition }
}
email-review-assigned-text = { $n ->
    [one] ein weiterer Beitrag für { $edition } ist dir zum Bewerten zugewiesen
   *[other] { $n } weitere Beiträge für { $edition } sind dir zum Bewerten zugewiesen
}; { $waiting ->
    [one] einer wartet jetzt auf deine Bewertung.
   *[other] { $waiting } warten jetzt auf deine Bewertung.
}
email-review-assigned-until = Das Bewertungsfenster ist offen bis { $time }.
email-cospeaker-subject = Einladung als Co-Speaker: { $title }
email-cospeaker-text = { $inviter } lädt dich ein, bei { $edition } gemeinsam „{ $title }“ zu halten. Öffne diesen Link, um anzunehmen:
email-claim-subject = Eine Session für dich bei { $edition }
email-claim-text = { $inviter } hat bei { $edition } die Session „{ $title }“ für dich eingetragen. Öffne diesen Link, um sie zu übernehmen und deine Angaben zu ergänzen:

# Review
review = Bewertung
review-dashboard = Entscheidungen
review-progress = Du hast { $done } von { $total } zugewiesenen Einreichungen bewertet.
review-progress-title = Fortschritt der Bewertenden
review-done = Bewertet
review-start = Nächste Einreichung bewerten
review-count = Bewertungen
review-mine = Meine
review-nothing-assigned = Dir ist noch nichts zugewiesen.
review-order = Reihenfolge
review-order-title = Nach Titel
review-order-reviews = Wenigste Bewertungen zuerst
review-order-score = Meine besten zuerst
review-todo-only = Nur die, die ich noch nicht bewertet habe
review-not-yet = noch nicht bewertet
review-nothing-matches = Kein zugewiesener Beitrag passt.
review-decided = Entschieden
review-decided-hint = Endgültig entschieden: Deine Bewertungen kannst du lesen, aber nicht mehr ändern.
review-read-only = Über diesen Beitrag ist entschieden ({ $state }): Deine Bewertung steht hier, wie du sie hinterlassen hast, und lässt sich nicht mehr ändern.
review-no-score = keine Punkte
review-window-closed = Das Bewertungsfenster ist geschlossen: Bewertungen können jetzt nicht geschrieben oder geändert werden.
review-my-tracks = Tracks, die ich bewerten möchte
review-my-tracks-hint = Die automatische Verteilung gibt dir nur Einreichungen dieser Tracks; nichts angekreuzt heißt alle.
review-anonymised = Anonyme Bewertung: Die Vortragenden werden nicht gezeigt.
review-yours = Deine Bewertung
review-comment = Kommentar ans Komitee
review-speaker-note = Hinweis für die Vortragenden (optional)
review-speaker-note-hint = Geht mit der Entscheidung an die Vortragenden, ohne deinen Namen.
review-abstain = Ich enthalte mich (keine Punkte)
review-save-next = Speichern und weiter
review-skip = Vorerst überspringen
review-conflict = Ich habe einen Interessenkonflikt mit dieser Einreichung
review-others = Andere Bewertungen
review-others-after = Die anderen Bewertungen erscheinen, sobald du deine abgegeben hast.
review-anonymous-reviewer = Jemand aus dem Komitee
review-abstained = enthalten
score-out-of-range = Wähle eine der angebotenen Punktzahlen.
score-range-invalid = Die Skala muss von einer kleineren zu einer größeren ganzen Zahl zwischen -10 und 10 gehen.
review-settings = Einstellungen
review-opens = Bewertung öffnet
review-closes = Bewertung schließt
review-per-proposal = Bewertungen pro Einreichung (für die automatische Verteilung)
review-flag-anonymised = Anonym: Bewertende sehen keine Namen, E-Mail-Adressen, Firmen, Biografien oder Fotos der Vortragenden
review-flag-hide_reviewer_names = Bewertende sehen nicht, wer die anderen Bewertungen geschrieben hat
review-flag-others_before_own = Bewertende sehen andere Bewertungen schon vor ihrer eigenen
review-flag-comment_required = Ein Kommentar ist Pflicht
review-categories = Bewertungskategorien
review-scale = Skala
review-weight = Gewicht
review-min = Niedrigste Punktzahl
review-max = Höchste Punktzahl
review-labels = Beschriftungen, eine pro Punktzahl ab der niedrigsten
review-assignments = Zuweisungen
review-distribute = Automatisch verteilen
review-distribute-hint = Gibt jeder Einreichung { $n } Bewertende, gleichmäßig verteilt, mit Rücksicht auf Tracks und Konflikte.
review-assign = Zuweisen
review-assign-track = Ganzen Track zuweisen
review-track-assigned = { $n ->
    [one] 1 Einreichung zugewiesen.
   *[other] { $n } Einreichungen zugewiesen.
}
review-distributed = { $added ->
    [one] 1 Zuweisung hinzugefügt
   *[other] { $added } Zuweisungen hinzugefügt
} ({ $per } Reviewer*innen pro Einreichung, wo möglich).
review-unassign = Zuweisung entfernen
review-conflicts = Interessenkonflikte
review-set-conflict = Konflikt eintragen
review-no-reviewers = Noch niemand hat die Rolle Programmkomitee. Lade das Komitee auf der Team-Seite ein:
review-notify = Vortragende benachrichtigen
review-notify-hint = Schickt den Vortragenden jeder angenommenen und abgelehnten Einreichung die Entscheidung, mit den Hinweisen des Komitees; angenommene bekommen einen Link zum Zu- oder Absagen. Keine Entscheidung wird zweimal verschickt.
review-notify-submit = Entscheidungen verschicken
review-sort-mean = Gewichteter Mittelwert
review-sort-median = Median
review-sort-count = Anzahl Bewertungen
review-sort-spread = Streuung
review-sort-title = Titel
review-mean = Mittel
review-median = Median
review-spread = Streuung
review-accept = Auswahl annehmen
review-reject = Auswahl ablehnen
review-waitlist = Auswahl auf die Warteliste
review-waitlist-position = Warteliste Nr. { $n }
review-waitlist-next = Jemand hat abgesagt. Als Nächstes auf der Warteliste: { $title }
review-redacted = Text für Bewertende
review-redacted-hint = Verrät die Kurzbeschreibung die vortragende Person, schreib hier eine neutrale Fassung; die anonyme Bewertung zeigt dann diese.
field-opens_at = Bewertung öffnet
field-closes_at = Bewertung schließt
field-reviews_per_proposal = Bewertungen pro Einreichung
field-min_score = Niedrigste Punktzahl
field-max_score = Höchste Punktzahl
field-weight = Gewicht
respond-title = Deine Session ist angenommen
respond-text = Bitte bestätige, dass du „{ $title }“ hältst, oder sag ab, wenn du nicht kannst.
respond-confirm = Ich bestätige
respond-decline = Ich sage ab
respond-confirmed-title = Danke
respond-confirmed-text = Deine Session ist bestätigt. Das Orga-Team plant sie ins Programm ein.
respond-declined-title = Abgesagt
respond-declined-text = Schade, dass du nicht kannst. Das Orga-Team sieht deine Antwort in seiner Übersicht.
consent-not-asked = Streaming und Aufzeichnung: nicht gefragt (ohne das Formular zugesagt)
consent-stream-yes = Darf gestreamt werden
consent-stream-no = Kein Streaming
consent-record-yes = Darf aufgezeichnet werden
consent-record-no = Keine Aufzeichnung
consent-change = Ändern, was die Vortragenden erlaubt haben
consent-note = Warum (steht im Verlauf), zum Beispiel „per Mail am 3. Mai gebeten“
consent-note-needed = Sag, warum: Der Verlauf hält es fest.
flash-consent-changed = Streaming und Aufzeichnung von „{ $title }“ geändert; die nächste Ausgabe des Programms übernimmt es in die Exporte.
respond-sign-in-text = Melde dich an, um zusammen mit dem zuzusagen, was das Programm braucht: dein Foto und deine Kurzbiografie, die Tage, an denen du sprechen kannst, und ob deine Session gestreamt und aufgezeichnet werden darf.
respond-sign-in = Anmelden und zusagen
respond-here = Oder antworte gleich hier und ergänze den Rest später in deinem Profil:
confirm-needs-intro = Wenn du zusagst, sag uns, was das Programm braucht: dein Foto und deine Kurzbiografie für die Seite der Session, die Tage, an denen du sprechen kannst, und ob wir deine Session streamen und aufzeichnen dürfen.
confirm-photo-there = Dieses Foto steht im Programm; lade ein anderes hoch, um es zu ersetzen.
confirm-photo-missing = Noch kein Foto: Mit einem wirkt die Seite der Session freundlicher.
confirm-bio-hint = Ein paar Sätze über dich, für die Seite der Session (Markdown). Bleibt in deinem Profil für jede Ausgabe.
confirm-days = Die Tage, an denen du sprechen kannst
confirm-days-hint = Für Uhrzeiten innerhalb eines Tages:
confirm-days-needed = Kreuz mindestens einen Tag an, an dem du sprechen kannst.
confirm-recording = Streaming und Aufzeichnung
confirm-may-stream = Meine Session darf live gestreamt werden.
confirm-may-record = Meine Session darf aufgezeichnet und die Aufzeichnung danach veröffentlicht werden.
cfp-recording-license = Lizenz der Aufzeichnungen
cfp-recording-license-hint = Wird Vortragenden genannt, wenn sie einer Aufzeichnung zustimmen, und steht in den Exporten (frab, c3voc). Leer: keine angegeben.
confirm-may-record-license = Meine Session darf aufgezeichnet und die Aufzeichnung danach unter { $license } veröffentlicht werden.
email-accepted-subject = Angenommen: { $title }
email-accepted-text = gute Nachrichten: „{ $title }“ ist für { $edition } angenommen. Bitte bestätige hier, dass du die Session hältst (oder sag ab):
email-rejected-subject = Deine Einreichung: { $title }
email-rejected-text = danke, dass du „{ $title }“ bei { $edition } eingereicht hast. Wir hatten viel mehr Einreichungen als Plätze, und diesmal ist deine nicht im Programm.
email-review-notes = Hinweise des Programmkomitees:
review-none-yet = Noch keine Bewertungen.

# Anmeldung
attendees = Teilnehmende
registration-free-seats = { $n } Plätze frei
registration-full = Ausgebucht
registration-tshirt = T-Shirt-Größe
registration-dietary = Ernährung
registration-accessibility = Barrierefreiheit
registration-workshops = Workshops (optional; sie dürfen sich nicht überschneiden)
registration-consent = Ich stimme dem Datenschutzhinweis und dem Verhaltenskodex zu.
consent-required = Bitte stimme dem Datenschutzhinweis und dem Verhaltenskodex zu.
workshops-overlap = Diese Workshops laufen zur selben Zeit.
workshop-times = Ein Workshop braucht einen Beginn und ein späteres Ende.
ticket-times-invalid = Gib einen Beginn und ein späteres Ende an (die Konferenz darf beides leer lassen: ganze Tage).
registration-no-ticket = Für die Anmeldung gibt es noch keine Tickets.
registration-join-waitlist = Ist die Konferenz oder ein gewählter Workshop voll, setzt mich auf die Warteliste
registration-submit = Anmelden
registration-held-title = Schau in dein Postfach, { $name }
registration-held-text = Dein Platz bei { $edition } ist reserviert. Wir haben einen Link an { $email } geschickt: Bestätige ihn damit, dann folgt dein Ticket.
registration-again-text = Du bist schon für { $edition } angemeldet: Den Link zum Verwalten deiner Anmeldung haben wir an { $email } geschickt.
registration-waitlisted-title = Du stehst auf der Warteliste, { $name }
registration-waitlisted-text = { $edition } ist ausgebucht; du bist Nummer { $position } auf der Warteliste. Sobald ein Platz frei wird, bieten wir ihn der Reihe nach an, per Mail an { $email }.
registration-your-ticket = Dein Ticket
registration-attendance = Wie nimmst du teil?
registration-on-site = Vor Ort
registration-online = Online
registration-online-what = die Livestreams der Räume
registration-workshops-on-site = Workshops gibt es nur vor Ort.
registration-online-exists = Es gibt schon Online-Tickets: Ändere ihre Kapazität in der Liste.
registration-no-online = Diese Ausgabe hat keine Online-Tickets.
registration-online-workshops = Workshops gibt es nur vor Ort: Melde dich vor Ort an, um an einem teilzunehmen.
registration-conference-ticket = Konferenz
registration-workshops-hint = Workshops haben eigene Plätze: Wähl die, die du willst (nicht zwei zur selben Zeit).
registration-workshop-wait = ankreuzen, um auf seine Warteliste zu kommen (du meldest dich ohne ihn an und bekommst eine Mail, sobald ein Platz frei ist)
registration-about-you = Über dich
registration-optional = freiwillig, du kannst es überspringen
registration-back-to-edition = Zurück zu { $edition }
registration-confirm-title = Anmeldung bestätigen
registered-title = Du bist angemeldet, { $name }
registered-text = Dein Platz ist bestätigt. Dein Ticket ist jetzt fertig und auch per Mail unterwegs: Zeig seinen QR-Code am Eingang, auf dem Handy oder ausgedruckt.
registered-ticket = Mein Ticket zeigen
registered-manage = Meine Anmeldung verwalten
registered-keep-mail = Heb die Mail auf: Der Link darin ist der einzige Weg zurück zu deinem Ticket und deiner Anmeldung.
email-registration-self-cancelled-subject = Du hast deine Anmeldung für { $edition } storniert
email-registration-self-cancelled-text = du hast deine Anmeldung für { $edition } storniert; dein Ticket gilt nicht mehr.
email-registration-self-cancelled-offered = Dein Platz ist an die nächste Person auf der Warteliste gegangen: danke, dass du Platz gemacht hast.
email-registration-self-cancelled-free = Dein Platz ist wieder frei für jemand anderen.
email-registration-self-cancelled-again = Doch anders entschieden? Solange Plätze frei sind, kannst du dich hier wieder anmelden:
registration-cancelled-title = Anmeldung storniert
registration-cancelled-text = Dein Platz ist wieder frei. Danke, dass du Bescheid gibst.
registration-yours = Deine Anmeldung
registration-cancel = Meine Anmeldung stornieren
registration-state-held = wartet auf Bestätigung
registration-state-confirmed = bestätigt
registration-state-cancelled = storniert
registration-state-expired = verfallen
registration-window-hint = Das Anmeldefenster stellst du bei der Ausgabe ein:
registration-tickets = Tickets
registration-taken = Vergeben
registration-capacity-online-hint = Bei einem Online-Ticket lass es leer: Ein Stream hat Platz für alle.
registration-capacity = Kapazität
registration-times = Zeiten
registration-times-hint = Die Zeiten stehen auf den Tickets, in der Ticket-Mail und in der Kalenderdatei jeder Person: Einlass und Ende der Konferenz (leer lassen für ganze Tage), der Slot jedes Workshops.
flash-ticket-times-set = Zeiten gespeichert: Die Tickets zeigen sie ab jetzt.
registration-kind = Art
registration-workshop = Workshop
registration-conference = Konferenz
registration-starts = Beginn
registration-ends = Ende
registration-hold-hours = Stunden, die ein Platz bis zur Bestätigung reserviert bleibt
registration-offer-hours = Stunden, die ein Angebot der Warteliste offen bleibt
registration-privacy = Datenschutzhinweis (Markdown)
registration-coc = Verhaltenskodex (Markdown)
registration-privacy_text = Datenschutzhinweis (Englisch)
registration-privacy_text_de = Datenschutzhinweis (Deutsch)
registration-coc_text = Verhaltenskodex (Englisch)
registration-coc_text_de = Verhaltenskodex (Deutsch)
cfp-intro_md = Text des Call for Papers (Englisch)
cfp-intro_de_md = Text des Call for Papers (Deutsch)
bilingual-markdown-hint = Markdown. Alle lesen ihre Sprache; ist sie leer, springt die andere ein – eine reicht also.
description-en = Beschreibung (Englisch)
description-de = Beschreibung (Deutsch)
field-intro_md = Text des Call for Papers (Englisch)
field-intro_de_md = Text des Call for Papers (Deutsch)
field-description_de = Beschreibung (Deutsch)
field-privacy_text_de = Datenschutzhinweis (Deutsch)
field-coc_text = Verhaltenskodex (Englisch)
field-coc_text_de = Verhaltenskodex (Deutsch)
registration-confirmed = Bestätigt
registration-held = Reserviert
registration-waitlist = Warteliste
waitlist-state-waiting = wartet
waitlist-state-offered = Angebot offen
offer-title = Ein Platz für dich
offer-text = Ein Platz ist frei. Nimm ihn vor { $time } UTC, oder lass ihn der nächsten Person.
offer-accept = Platz nehmen
offer-decline = Nein, danke
offer-declined-title = Danke
offer-declined-text = Wir haben den Platz der nächsten Person angeboten.
field-hold_hours = Reservierungszeit
field-offer_hours = Angebotszeit
field-privacy_text = Datenschutzhinweis
field-capacity = Kapazität
field-ends_at = Ende
field-consent = Zustimmung
field-workshops = Workshops
field-tshirt = T-Shirt-Größe
email-registration-confirm-subject = Bestätige deine Anmeldung für { $edition }
email-registration-confirm-text = bitte bestätige deine Anmeldung innerhalb von { $hours } Stunden mit diesem Link; bis dahin ist dein Platz für dich reserviert:
import-title = Gäste hinzufügen
import-lead = Tickets per Liste vergeben: Vortragende, Helfende, Sponsoren. Prüfe die Liste zuerst; angemeldet wird erst beim Import, dann bekommen alle ihre Ticket-Mail.
import-rows = Eine Person pro Zeile: Name, E-Mail-Adresse, Firma (optional)
import-rows-hint = Aus einer Tabelle oder CSV-Datei einfügen; Kommas, Semikolons und Tabs gehen alle, eine Kopfzeile wird übersprungen. Namen mit Komma in Anführungszeichen. Bis etwa 1.000 Zeilen auf einmal.
import-check = Liste prüfen
import-do = Importieren und Tickets senden
import-empty = Die Liste ist leer.
import-has-errors = Einige Zeilen sind fehlerhaft (unten markiert). Nichts wurde importiert: korrigiere sie und prüfe erneut.
import-ready = Die Liste ist in Ordnung. Importiere sie, um diese Personen anzumelden und ihnen ihre Tickets zu senden.
import-line = Zeile
import-result = Ergebnis
import-row-new = bekommt ein Ticket
import-row-registered = schon angemeldet, bleibt wie es ist
import-row-unreadable = Diese Zeile ist nicht lesbar.
import-row-columns = Zu viele Spalten: höchstens Name, E-Mail-Adresse und Firma (Namen mit Komma in Anführungszeichen).
import-row-nul = Die Zeile enthält das NUL-Zeichen (U+0000). Wurde die Datei als UTF-16 ohne Byte-Order-Mark gespeichert? Speichere sie als CSV (UTF-8).
import-row-duplicate = Diese Adresse steht zweimal in der Liste.
guests-add = Gäste per Liste hinzufügen
mail-attendees = Mail an Teilnehmende
mail-attendees-confirmed = Bestätigt
mail-attendees-held = Noch nicht bestätigt
mail-attendees-active = Bestätigt und noch nicht bestätigt
purge-after-days = Persönliche Daten so viele Tage nach der Konferenz löschen
purge-after-days-hint = Leer: nur von Hand, mit dem Knopf unten.
purge-title = Persönliche Daten
purge-hint = Nach der Konferenz: löscht Namen, Adressen, Antworten und Links aller Teilnehmenden sowie die Namen der Wartelisten. Die Zahlen bleiben. Das lässt sich nicht rückgängig machen.
purge-now = Persönliche Daten jetzt löschen
purge-done = Die persönlichen Daten wurden am { $time } (UTC) gelöscht; nur anonyme Zahlen sind geblieben.
import-file = Eine CSV-Datei (UTF-8, UTF-16 oder Latin-1)
import-file-read = Datei lesen und prüfen
import-file-too-large = Die Datei ist größer als 60 KiB (etwa 1.000 Zeilen); teile sie auf.
import-file-missing = Wähle zuerst eine Datei.
registration-refused-closed = Die Anmeldung ist nicht geöffnet.
registration-refused-full = Die Konferenz ist voll. Kreuze das Wartelisten-Kästchen über dem Knopf an, dann bekommst du einen Platz angeboten, sobald einer frei wird.
registration-refused-workshop = Ein gewählter Workshop ist voll. Wähle ihn ab oder kreuze das Wartelisten-Kästchen über dem Knopf an, um auf ihn zu warten.
guests-issue = Tickets für Vortragende und Team
guests-issue-hint = Bestätigte Vortragende und Team-Mitglieder ohne Ticket bekommen eines per Mail, auch wenn die Konferenz voll ist.
guests-issued = { $n } Tickets ausgestellt; { $had } hatten schon eines.
registration-calendar = In den Kalender (.ics)
email-registration-manage = Hier kannst du deine Anmeldung ansehen, ändern oder stornieren:
email-registration-confirmed-subject = Dein Ticket für { $edition }
email-registration-confirmed-text = du bist angemeldet für { $edition }:
email-registration-cancelled-subject = Deine Anmeldung für { $edition } wurde storniert
email-registration-cancelled-text = das Orga-Team von { $edition } hat deine Anmeldung storniert; dein Ticket gilt nicht mehr und dein Platz ist wieder frei. Wenn das ein Irrtum ist, antworte auf diese Mail; solange Plätze frei sind, kannst du dich hier wieder anmelden:
email-registration-manage-subject = Deine Anmeldung für { $edition }
email-registration-again-text = du bist schon angemeldet. Mit diesem Link kannst du deine Anmeldung ansehen oder stornieren:
email-waitlist-joined-subject = Auf der Warteliste für { $edition }
email-waitlist-joined-text = du stehst auf der Warteliste für „{ $ticket }“. Wird ein Platz frei, schicken wir dir ein Angebot.
email-waitlist-offer-subject = Ein Platz für dich bei { $edition }
email-waitlist-offer-text = ein Platz ist für dich frei. Er bleibt bis { $until } für dich reserviert ({ $hours } Stunden); nimm ihn hier:
registration-drop = Abwählen
registration-add-workshop = Workshop hinzufügen
registration-details = Deine Angaben
registration-delete = Meine Anmeldung und Daten löschen
registration-deleted-title = Gelöscht
registration-deleted-text = Deine Anmeldung und ihre Daten sind gelöscht.
registration-active = { $n } aktive Anmeldungen
registration-cancel-short = Stornieren
waitlist-leave = Warteliste verlassen
waitlist-left-title = Du hast die Warteliste verlassen
waitlist-left-text = Danke für die Nachricht; die nächste Person rückt auf.
email-waitlist-leave = Hier kannst du die Warteliste jederzeit verlassen:

## Timetable
schedule = Programm
remove = Entfernen
schedule-setup = Räume, Raster und Pausen
schedule-rooms = Räume
schedule-room = Raum
schedule-room-capacity = Plätze
schedule-room-position = Reihenfolge
schedule-stream-url = Livestream (https://…)
schedule-no-rooms = Noch keine Räume: Leg zuerst die Räume an.
schedule-add-room = Raum hinzufügen
schedule-grid = Tagesraster
schedule-day-starts = Tag beginnt
schedule-day-ends = Tag endet
schedule-granularity = Raster in Minuten (5, 10, 15, 30 oder 60)
schedule-change-minutes = Minuten, die Vortragende für den Raumwechsel brauchen
schedule-breaks = Pausen
schedule-break-title = Titel (Kaffee, Mittag)
schedule-day = Tag
schedule-starts = Beginn
schedule-ends = Ende
schedule-duration = Minuten
schedule-time = Zeit
schedule-editor = Programm-Editor
schedule-public = Öffentliches Programm
schedule-conflicts = Konflikte (harte / Warnungen)
schedule-hard = Konflikt
schedule-warning = Warnung
schedule-no-conflicts = Keine Konflikte.
schedule-days = Tage
schedule-sessions = Beiträge
schedule-editor-hint = Zieh einen Beitrag ins Raster, oder wähle ihn aus und stell Tag, Raum und Beginn in seinem Formular ein. Jede Änderung wird sofort gespeichert und lässt sich rückgängig machen.
schedule-conflict-count = { $hard ->
    [0] { $warnings ->
        [one] 1 Warnung
       *[other] { $warnings } Warnungen
    }
    [one] 1 Konflikt{ $warnings ->
        [0] {""}
        [one] , 1 Warnung
       *[other] , { $warnings } Warnungen
    }
   *[other] { $hard } Konflikte{ $warnings ->
        [0] {""}
        [one] , 1 Warnung
       *[other] , { $warnings } Warnungen
    }
}
schedule-undo-placed = Einplanen von „{ $title }“ rückgängig machen
schedule-undo-moved = Verschieben von „{ $title }“ rückgängig machen
schedule-undo-unplaced = Herausnehmen von „{ $title }“ rückgängig machen
schedule-undo-several = { $n ->
    [one] Die Verschiebung des Optimierers rückgängig machen
   *[other] Die { $n } Verschiebungen des Optimierers rückgängig machen
}
schedule-undo-nothing = Nichts rückgängig zu machen
schedule-optimiser-ready = Vorschlag fertig
schedule-release-open = Veröffentlichen …
schedule-changes-unit = { $count ->
    [one] Änderung
   *[other] Änderungen
}
schedule-tracks = Themen
schedule-track = Thema
schedule-type = Beitragsart
schedule-all-tracks = Alle Themen
schedule-all-types = Alle Arten
schedule-search = Titel oder Vortragende
schedule-placed-count = { $placed } im Raster, { $unplaced } warten
schedule-grid-of = Programm am { $day }
schedule-unscheduled-title = { $count ->
    [0] Nicht eingeplant
   *[other] Nicht eingeplant ({ $count })
}
schedule-all-placed = Jeder bestätigte Beitrag steht im Raster.
schedule-deselect = Schließen
schedule-pinned-hint = Fixiert: der Optimierer lässt ihn hier
schedule-session = Beitrag
schedule-change = Änderung
schedule-change-was = Vorher
schedule-change-now = Jetzt
schedule-release-first = { $count ->
    [one] Die erste Version veröffentlicht 1 Beitrag
   *[other] Die erste Version veröffentlicht { $count } Beiträge
}
schedule-release-summary = Seit der letzten Version: { $added } neu, { $moved } verschoben, { $cancelled } gestrichen
schedule-release-nothing = Seit der letzten Version hat sich nichts geändert.
schedule-release-first-hint = Mit dieser Version wird das Programm öffentlich: { $count ->
    [0] noch niemand spricht darin.
    [one] 1 Vortragende*r bekommt eine Mail mit Tag, Zeit, Raum und Kalenderdatei des Beitrags.
   *[other] { $count } Vortragende bekommen eine Mail mit Tag, Zeit, Raum und Kalenderdatei ihres Beitrags.
} Spätere Versionen zeigen, was sich geändert hat.
schedule-release-tells = { $count ->
    [0] Niemand muss benachrichtigt werden.
    [one] 1 Vortragende*r eines neuen, verschobenen oder gestrichenen Beitrags bekommt eine Mail.
   *[other] { $count } Vortragende neuer, verschobener oder gestrichener Beiträge bekommen eine Mail.
}
schedule-release-publish = { $count ->
    [0] Veröffentlichen
    [one] 1 Änderung veröffentlichen
   *[other] { $count } Änderungen veröffentlichen
}
schedule-suggest-accept-count = { $count ->
    [one] Übernehmen: 1 Beitrag verschieben
   *[other] Übernehmen: { $count } Beiträge verschieben
}
schedule-suggest-undo-hint = Übernehmen ändert den Entwurf, nicht das öffentliche Programm; im Editor lässt es sich in einem Schritt rückgängig machen.
schedule-unscheduled = nicht eingeplant
schedule-all-rooms = Alle Räume
schedule-move = Verschieben
schedule-place = Einplanen
schedule-unplace = Aus dem Raster nehmen
schedule-release = Veröffentlichen
schedule-release-name = Name der Version
schedule-release-comment = Kommentar
schedule-release-now = Diese Version veröffentlichen
schedule-releases = Veröffentlichte Versionen
schedule-release-blocked = Löse zuerst die Konflikte: Ein Programm mit Konflikten kann nicht veröffentlicht werden.
schedule-release-empty = Noch kein Beitrag steht im Raster.
schedule-acknowledge = Ich habe die { $count } Warnungen gesehen und veröffentliche trotzdem.
schedule-acknowledge-required = Bestätige, dass du die Warnungen gesehen hast.
schedule-changes = Änderungen
schedule-speakers = Sprecher*innen
schedule-now-next = Jetzt und gleich
schedule-now = Jetzt
schedule-next = Als Nächstes
schedule-nothing-now = Gerade läuft nichts.
schedule-nothing-next = Es ist nichts weiter geplant.
schedule-my-calendar = Meine Beiträge als Kalender
schedule-version = Version { $number }: { $name }
schedule-version-plain = Version { $number }
schedule-filter-reset = Alle zeigen
schedule-view = Ansicht
schedule-view-grid = Raster
schedule-view-list = Liste
schedule-matches = { $n ->
    [0] Kein Beitrag passt.
    [one] 1 Beitrag passt.
   *[other] { $n } Beiträge passen.
}
schedule-speaker-count = { $n ->
    [one] 1 Person spricht
   *[other] { $n } Personen sprechen
}
embed-title = Das Programm in deine Website einbetten
embed-hint = Füge das in eine Seite der Konferenz-Website ein. Das Programm erscheint in der Sprache der Besuchenden, aktualisiert sich mit jeder Veröffentlichung und lädt nichts von anderen Seiten. Farben: accent, text und background als #rrggbb in der Adresse.
embed-full = Das ganze Programm, mit Filtern und Favoriten
schedule-timezone = Zeiten in { $zone }
schedule-all = Alle
schedule-filter = Filtern
schedule-favourites-only = Nur meine Favoriten
schedule-favourite = Favorit
schedule-nothing-matches = Kein Beitrag passt zum Filter.
schedule-add-to-calendar = Zum Kalender hinzufügen
schedule-live-stream-registered = Livestream für Angemeldete
streams-title = Live zusehen
streams-hint = Die Livestreams der Räume, für dich als angemeldete Person. Bitte gib diese Links nicht weiter.
schedule-live-stream = Livestream
schedule-change-added = Neu
schedule-change-moved = Verschoben
schedule-change-cancelled = Entfallen
schedule-first-release = Die erste Version.
schedule-not-a-day = Wähle einen der Konferenztage.
schedule-bad-duration = Gib die Länge in Minuten an.
schedule-off-grid = Beginn und Länge müssen ins Raster passen.
schedule-outside-day = Der Beitrag muss innerhalb der Tageszeiten liegen.
schedule-room-name-taken = Es gibt schon einen Raum mit diesem Namen.
schedule-end-before-start = Das Ende muss nach dem Beginn liegen.
schedule-url-https = Gib eine Adresse an, die mit https:// beginnt.
schedule-granularity-choice = Wähle 5, 10, 15, 30 oder 60.
schedule-pick-room = Wähle einen Raum.
schedule-conflict-room = { $subject } ist doppelt belegt
schedule-conflict-speaker = { $subject } ist in zwei Beiträgen zugleich
schedule-conflict-change = { $subject } hat keine Zeit für den Raumwechsel
schedule-conflict-availability = { $subject } ist dann nicht verfügbar
schedule-conflict-break = überschneidet die Pause „{ $subject }“
email-schedule-moved-subject = Dein Beitrag „{ $title }“ wurde verschoben
email-schedule-moved-text = das Programm von { $edition } hat sich geändert: Dein Beitrag „{ $title }“ hat eine neue Zeit oder einen neuen Raum.
email-schedule-cancelled-subject = Dein Beitrag „{ $title }“ steht nicht mehr im Programm
email-schedule-cancelled-text = das neue Programm von { $edition } enthält deinen Beitrag „{ $title }“ nicht mehr. Falls das unerwartet ist, antworte bitte dem Orga-Team.
email-schedule-was = Vorher:
email-schedule-now = Jetzt:
email-schedule-placed-subject = Dein Beitrag „{ $title }“ steht im Programm
email-schedule-placed-text = das Programm von { $edition } ist veröffentlicht, und dein Beitrag „{ $title }“ ist dabei:
email-schedule-placed-calendar = Trag ihn in deinen Kalender ein:
schedule-feedback = Feedback
schedule-feedback-intro = Anonym: Die Vortragenden und das Orga-Team sehen deine Bewertung und deinen Kommentar, nicht wer du bist.
schedule-feedback-rating-label = Wie war es? (1 schwach – 5 hervorragend)
schedule-feedback-comment = Kommentar (freiwillig)
schedule-feedback-send = Feedback senden
schedule-feedback-rating = Wähle eine Bewertung von 1 bis 5.
schedule-feedback-thanks = Danke für dein Feedback!
schedule-feedback-not-yet = Feedback ist möglich, sobald der Beitrag vorbei ist.
schedule-feedback-none = Noch kein Feedback.
schedule-feedback-count = { $count } Bewertungen, Durchschnitt { $average }
schedule-watch-recording = Aufzeichnung ansehen
schedule-recording = Aufzeichnung
schedule-not-recorded = Auf Wunsch der Vortragenden wird diese Session nicht aufgezeichnet.
schedule-recordings = Aufzeichnungen
schedule-recordings-after-release = Links zu Aufzeichnungen lassen sich eintragen, sobald das Programm veröffentlicht ist.
recordings-lead = { $recorded } von { $n ->
    [one] einem veröffentlichten Beitrag hat
   *[other] { $n } veröffentlichten Beiträgen haben
} einen Link zur Aufzeichnung. Die Seiten der Beiträge, die öffentliche Liste und die Exporte zeigen sie sofort; wer einen Beitrag gemerkt hat, bekommt eine Mail, sobald seine Aufzeichnung online ist.
recordings-public = Öffentliche Liste
recordings-import = Links aus einer Liste übernehmen
recordings-import-hint = Ein Beitrag pro Zeile: sein Titel wie im Programm (oder seine ID, der letzte Teil seiner Seitenadresse), dann der Link. Komma, Semikolon und Tab gehen alle, eine Kopfzeile wird übersprungen. Nichts ändert sich, bis du die geprüfte Liste bestätigst.
recordings-import-rows = Beiträge und Links
recordings-import-check = Die geprüfte Liste
recordings-import-ready = Die Liste passt: { $new } neu, { $changed } geändert, { $same } unverändert.
recordings-import-do = { $n ->
    [0] Nichts zu ändern
    [one] Einen Link setzen
   *[other] { $n } Links setzen
}
recordings-import-unknown = Kein veröffentlichter Beitrag hat diesen Titel oder diese ID.
recordings-import-ambiguous = Mehrere Beiträge haben diesen Titel: Nimm die ID des Beitrags (den letzten Teil seiner Seitenadresse).
recordings-import-duplicate = Dieser Beitrag steht zweimal in der Liste.
recordings-import-no-link = Kein Link: der Beitrag, dann ein Komma, Semikolon oder Tab (dasselbe wie in der ersten Zeile), dann der Link.
recordings-import-columns = Zu viele Spalten: der Beitrag und der Link (Titel mit Komma in Anführungszeichen).
recordings-row-new = neuer Link
recordings-row-changed = ersetzt
recordings-row-same = unverändert
recordings-imported = Links zu Aufzeichnungen gesetzt: { $new } neu, { $changed } geändert, { $same } unverändert.
recordings-session = Beitrag
recordings-link = Link
recordings-links = Links
recordings-stream = Eigener Livestream
recordings-room-stream = Stream des Raums (leer lassen)
recordings-when = Wann
recordings-refused = Die vortragende Person hat einer Aufzeichnung nicht zugestimmt.
recordings-public-lead = { $sessions ->
    [one] { $recorded } von einem Beitrag ist aufgezeichnet.
   *[other] { $recorded } von { $sessions } Beiträgen sind aufgezeichnet.
}
recordings-public-refused = { $n ->
    [one] Einer wird auf Wunsch der vortragenden Person nicht aufgezeichnet.
   *[other] { $n } werden auf Wunsch der Vortragenden nicht aufgezeichnet.
}
recordings-public-none = Noch keine Aufzeichnungen: Sie kommen nach der Veranstaltung hierher.
recordings-watch = Ansehen
registration-interests = Welche Beiträge interessieren dich?
registration-interests-hint = Freiwillig. So bekommen beliebte Beiträge große Räume und laufen nicht gleichzeitig.
registration-interest-counts = Interesse je Beitrag
schedule-optimiser = Optimierer
schedule-suggest-hint = Der Optimierer schlägt für jeden Beitrag einen Platz vor: keine Raum-, Personen- oder Verfügbarkeitskonflikte, wenige Teilnehmende, die zwischen zwei gewünschten Beiträgen wählen müssen, großes Publikum in großen Räumen. Beiträge für alle Räume bleiben, wo sie sind. Du siehst den Vorschlag zuerst; nichts ändert sich, bevor du ihn annimmst.
schedule-suggest-scratch = Programm vorschlagen
schedule-suggest-improve = Entwurf verbessern (wenige Verschiebungen)
schedule-suggest-progress = Arbeitet … { $percent } % erledigt.
schedule-suggest-stop = Anhalten und das bisher Beste behalten
schedule-suggest-failed = Der Optimierer fand kein Programm ohne Konflikte:
schedule-suggest-audience-registrations = Auf Grundlage dessen, was Angemeldete als interessant angegeben haben.
schedule-suggest-audience-reviews = Noch hat niemand angegeben, was interessiert: Das erwartete Publikum folgt aus den Bewertungen, Beiträge eines Tracks laufen nicht gleichzeitig.
schedule-suggest-clashes = Überschneidungen für Teilnehmende
schedule-suggest-overflow = Fehlende Plätze
schedule-suggest-draft = Aktueller Entwurf
schedule-suggest-proposal = Vorschlag
schedule-suggest-changes = { $count } Beiträge werden verschoben.
schedule-suggest-accept = Vorschlag übernehmen
schedule-suggest-discard = Verwerfen
schedule-conflict-capacity = mehr Angemeldete wollen es sehen, als { $subject } fasst
schedule-pinned = Fixiert

## Tickets, check-in and badges
ticket-title = Dein Ticket
ticket-show = Dein Ticket (QR-Code)
ticket-hint = Zeig diesen Code am Eingang, auf dem Handy oder ausgedruckt. Er ist persönlich: Wer ihn zuerst zeigt, kommt hinein.
ticket-none = Es gibt kein Ticket: Die Anmeldung ist nicht bestätigt (oder wurde storniert).
ticket-when = Wann
ticket-where = Wo
ticket-short-code = Code zum Eintippen, falls der QR-Code nicht lesbar ist:
ticket-print-hint = Zeig dieses Ticket am Eingang, ausgedruckt oder auf dem Handy. Es ist persönlich: Wer es zuerst zeigt, kommt hinein. Ändern oder stornieren kannst du deine Anmeldung über den Link in deiner Ticket-Mail.
ticket-pdf = Ticket als PDF (zum Ausdrucken)
ticket-calendar = In den Kalender (.ics)
ticket-downloads = Nur der QR-Code:
email-registration-pdf = Dein Ticket zum Ausdrucken (PDF):
email-registration-short-code = Falls der QR-Code nicht lesbar ist, tippt das Team am Eingang diesen Code ein: { $code }
email-registration-ticket-calendar = Dein Konferenztag und deine Workshops für deinen Kalender:
email-registration-ticket = Dein Ticket mit QR-Code (zeig es am Eingang):
scanner-title = Scanner
scanner-start-intro = Starte den Scanner auf diesem Gerät. Er speichert die Liste und den Schlüssel der Ausgabe in diesem Browser und prüft Tickets weiter, wenn das Netz ausfällt; offline erfasste Check-ins werden hochgeladen, sobald es zurück ist.
scanner-device = Name dieses Geräts
scanner-start = Scannen starten
scanner-online = online
scanner-offline = offline
scanner-queued = Warten aufs Hochladen:
scanner-tickets = Tickets
scanner-ready = Halte den QR-Code eines Tickets vor die Kamera.
scanner-no-camera = Keine Kamera verfügbar: Code eintippen oder einfügen, oder nach Namen suchen.
scanner-code = Kurzcode vom Ticket
scanner-check = Prüfen
scanner-search = Name, E-Mail oder Kurzcode
scanner-check-in = Einchecken
scanner-in-since = drin seit
scanner-not-valid = kein gültiges Ticket
desk-in-since = drin seit { $time }
desk-not-in = noch nicht drin
scanner-nobody = Niemand gefunden.
scanner-unknown-ticket = echtes Ticket, neuer als die Liste dieses Scanners
scan-admitted = Willkommen!
scan-already_checked_in = Bereits eingecheckt
scan-duplicate = Offline doppelt eingecheckt (markiert)
scan-revoked = Ticket gesperrt
scan-invalid = Kein gültiges Ticket
scan-wrong_edition = Ticket einer anderen Ausgabe
scan-not_on_list = Hier kein Zutritt
scan-at = Eingecheckt um
checkin-title = Check-in
checkin-list = Liste
checkin-registered = Angemeldet
checkin-checked-in = Eingecheckt
checkin-no-shows = Noch nicht da / nicht erschienen
checkin-duplicates = Offline-Doppelte
checkin-rejected = Abgewiesene Scans
checkin-per-hour = Pro Stunde (UTC)
checkin-add-list = Check-in-Liste hinzufügen
checkin-slug = Kurzname (a-z, 0-9, -)
checkin-admits = Lässt diese Ticketarten ein
checkin-log = Scans
checkin-undone = zurückgenommen
checkin-list-name-invalid = Gib der Liste einen Namen mit höchstens 80 Zeichen.
checkin-list-slug-invalid = Nutze Kleinbuchstaben, Ziffern und Bindestriche (höchstens 40); „entrance“ ist vergeben.
checkin-list-slug-taken = Eine andere Liste hat diesen Kurznamen.
checkin-list-types-invalid = Wähle mindestens eine Ticketart dieser Ausgabe.
checkin-reissue = Ticket neu ausstellen (der alte Code wird ungültig)
badges-desk = Badge-Ausgabe
badges-title = Badges
badges-print = Badge drucken (PDF)
badges-all = Alle Badges, A4-Bögen mit vier (PDF)
badges-role = Rolle
badges-single = Einzelne Badges, A6 (PDF)
ticket-code-text = Der ganze Code als Text (für andere Scan-Apps)
badge-role-attendee = Teilnehmer*in
badge-role-speaker = Speaker
badge-role-team = Team
scanner-undo = Check-in zurücknehmen
scanner-undone = Check-in zurückgenommen

## Ablehnungen (crates/shared/src/refusal.rs): eine Nachricht je Art, das detail des Problems
refusal-malformed-json = Der JSON-Inhalt passt nicht zu diesem Endpunkt: { $reason }
refusal-malformed-query = Die Abfrage passt nicht zu dieser Adresse: { $reason }
refusal-malformed-upload = Der Upload ist abgebrochen oder beschädigt: { $reason }
refusal-unsupported-media-type = Diese Adresse nimmt nur { $expected } an.
refusal-already-exists = Das gibt es schon (vielleicht hast du das Formular zweimal abgeschickt).
refusal-link-gone = Diese Einladung wurde schon benutzt, zurückgezogen oder ist abgelaufen.
refusal-own-admin-rights = Deine eigenen Admin-Rechte kannst du dir nicht nehmen.
refusal-last-admin = Du bist der einzige Admin: Mach zuerst jemand anderen zum Admin.
refusal-last-organiser-of = Du bist die einzige Person im Orga-Team von { $edition }: Übergib die Ausgabe zuerst.
refusal-edition-needs-organiser = Eine Ausgabe braucht mindestens eine Person im Orga-Team.
refusal-unknown-role = Wähle eine der angebotenen Rollen.
refusal-invitation-for-other = Diese Einladung ging an { $email }. Melde dich mit dieser Adresse an, um sie anzunehmen.
refusal-registration-closed = Die Anmeldung ist nicht geöffnet.
refusal-conference-full = Die Konferenz ist voll.
refusal-workshop-full = Der Workshop „{ $workshop }“ ist voll.
refusal-workshop-overlaps = Dieser Workshop läuft zur selben Zeit wie einer deiner Workshops.
refusal-registration-inactive = Diese Anmeldung ist nicht aktiv.
refusal-purge-before-end = Persönliche Daten können erst gelöscht werden, wenn die Ausgabe vorbei ist.
refusal-capacity-below-taken = Es sind schon mehr Plätze vergeben, als diese Kapazität hat.
refusal-capacity-out-of-range = Die Kapazität muss eine ganze Zahl von 1 bis 100000 sein.
refusal-choose-accept-or-decline = Wähle annehmen oder ablehnen.
refusal-choose-add-or-drop = Wähle hinzufügen oder abgeben.
refusal-scan-needs-code = Schick den gescannten `code` oder eine `registration_id`.
refusal-too-many-scans = Lade höchstens 5000 Scans auf einmal hoch.
refusal-offline-scan-needs-nonce = Jeder Offline-Scan braucht seine Nonce.
refusal-search-too-short = Such nach mindestens zwei Zeichen.
refusal-feedback-not-yet = Feedback ist möglich, sobald der Beitrag vorbei ist.
refusal-feedback-given = Du hast zu diesem Beitrag schon Feedback gegeben.
refusal-nothing-to-undo = Es gibt nichts rückgängig zu machen.
refusal-undo-other-device = Eine andere Tür hat diese Person eingelassen: Nur dieses Gerät kann es zurücknehmen.
refusal-undo-too-late = Dieser Einlass ist älter als { $minutes } Minuten und lässt sich hier nicht mehr zurücknehmen; das Orga-Team kann die Anmeldung stornieren.
refusal-timetable-changed-meanwhile = Jemand anderes hat diesen Beitrag inzwischen geändert. Die Seite zeigt jetzt den aktuellen Stand; bitte nimm deine Änderung noch einmal vor.
refusal-no-rooms = Noch keine Räume: Leg zuerst die Räume an.
refusal-suggest-place-all-first = Zum Verbessern muss jeder Beitrag im Raster stehen; oder lass den Optimierer ein Programm von Grund auf vorschlagen.
refusal-suggest-running = Der Optimierer arbeitet schon an dieser Ausgabe.
refusal-invalid-placement = Wähle einen Tag, einen Raum und eine Anfangszeit im Raster.
refusal-invalid-grid = Gib die erste und letzte Uhrzeit des Rasters an, die erste vor der letzten.
refusal-invalid-break = Gib Anfang und Ende der Pause an, den Anfang vor dem Ende.
refusal-not-decidable = „{ $title }“ ist { $state ->
    [draft] ein Entwurf
    [withdrawn] zurückgezogen
    [confirmed] bestätigt
    [declined] abgesagt
    [cancelled] gestrichen
   *[other] { $state }
}: Entscheiden kannst du nur über eingereichte, angenommene oder abgelehnte Einreichungen.
refusal-proposal-changed-meanwhile = Die Einreichung wurde inzwischen geändert; lade sie neu und versuche es noch einmal.
refusal-reviewer-excluded = Diese Person ist befangen oder spricht selbst in dieser Einreichung.
refusal-invalid-name = Gib einen Namen an.
refusal-invalid-window = Gib Anfang und Ende an, den Anfang vor dem Ende.
refusal-proposal-limit = Du hast die Höchstzahl an Einreichungen für diese Ausgabe erreicht.
refusal-access-code-used-up = Dieser Zugangscode ist aufgebraucht.
refusal-session-type-in-use = { $proposals ->
    [one] Eine Einreichung nutzt dieses Format; verschieb sie zuerst.
   *[other] { $proposals } Einreichungen nutzen dieses Format; verschieb sie zuerst.
}
refusal-invalid-question = Gib den Text und die Art der Frage an.
refusal-stored-address-invalid = Die gespeicherte Adresse dieser Einladung ist ungültig; lade die Person noch einmal ein.
refusal-co-speakers-closed = Diese Einreichung nimmt keine weiteren Vortragenden mehr auf.
refusal-co-speakers-drafts-only = Weitere Vortragende können nur Entwürfen und eingereichten Einreichungen beitreten.
refusal-no-answer-awaited = Diese Einreichung wartet (nicht mehr) auf eine Antwort.
refusal-withdraw-open-only = Zurückziehen kannst du nur Entwürfe und eingereichte Einreichungen.
refusal-no-photo = Wähle ein Foto zum Hochladen.
refusal-unknown-proposal-state = Wähle einen der angebotenen Status.
refusal-choose-confirm-or-decline = Wähle zusagen oder absagen.
refusal-choose-decision = Wähle annehmen, ablehnen oder Warteliste.
refusal-not-a-reviewer = Diese Person ist nicht im Programmkomitee dieser Ausgabe.
refusal-not-assigned = Dieser Person ist die Einreichung nicht zugewiesen.
refusal-review-window-closed = Die Bewertungsphase ist vorbei.
refusal-review-decided = Über diesen Beitrag ist entschieden: Deine Bewertung kannst du lesen, aber nicht mehr ändern.
refusal-cfp-closed-for-type = Der Call for Papers ist für dieses Format geschlossen.
refusal-proposal-final = Die Frist ist vorbei oder über die Einreichung ist entschieden: Sie kann nicht mehr geändert werden.
refusal-proposal-locked = Die Einreichung kann nicht mehr geändert werden.

## What an action did (shown once after the redirect)
flash-saved = Gespeichert.
flash-edition-created = { $edition } ist angelegt. Die Übersicht unten zeigt dir, was als Nächstes einzurichten ist.
flash-invited = Einladung an { $email } verschickt.
flash-archived = Die Ausgabe ist archiviert: Ihre Seiten bleiben online, nur lesbar.
flash-unarchived = Die Ausgabe ist wieder aktiv.
flash-review-saved = Bewertung gespeichert.
flash-review-saved-next = Bewertung gespeichert. Hier ist der nächste Beitrag.
flash-review-saved-last = Bewertung gespeichert. Das war der letzte Beitrag, der auf dich gewartet hat: danke!
flash-review-tracks-saved = Deine Tracks sind gespeichert; Beiträge werden ab jetzt danach verteilt.
flash-reviewer-assigned = Reviewer*in zugewiesen.
flash-reviewer-unassigned = Zuweisung entfernt.
flash-conflict-declared = Interessenkonflikt eingetragen: Diese Person sieht die Einreichung nicht mehr.
flash-proposals-decided = { $n ->
    [one] 1 Einreichung
   *[other] { $n } Einreichungen
} { $decision ->
    [accept] angenommen
    [reject] abgelehnt
   *[waitlist] auf die Warteliste gesetzt
}. Die Vortragenden erfahren es, wenn du die Entscheidungen verschickst.
flash-proposal-state = „{ $title }“ ist jetzt { $state ->
    [draft] ein Entwurf
    [submitted] eingereicht
    [accepted] angenommen
    [rejected] abgelehnt
    [confirmed] bestätigt
    [declined] abgesagt
    [withdrawn] zurückgezogen
   *[cancelled] gestrichen
}.
flash-decisions-mailed = { $n ->
    [0] Es wartete keine Entscheidung auf den Versand.
    [one] Die Vortragenden von 1 Einreichung erfahren jetzt die Entscheidung.
   *[other] Die Vortragenden von { $n } Einreichungen erfahren jetzt die Entscheidung.
}
flash-ticket-type-added = Ticketart hinzugefügt.
flash-capacity-set = Kapazität auf { $n } gesetzt. Freie Plätze gehen sofort an die Warteliste.
flash-registration-cancelled = Die Anmeldung von { $name } ist storniert; der Platz geht an die Warteliste.
flash-purged = Die persönlichen Daten der Teilnehmenden sind gelöscht; die Zahlen bleiben für die Berichte.
flash-list-added = Check-in-Liste hinzugefügt.
flash-ticket-reissued = Neues Ticket ausgestellt; der alte Code öffnet die Tür nicht mehr.
flash-room-added = Raum „{ $name }“ hinzugefügt.
flash-room-removed = Raum entfernt.
flash-break-added = Pause „{ $title }“ hinzugefügt.
flash-break-removed = Pause entfernt.
flash-recording-saved = Links gespeichert; die Seite des Beitrags zeigt sie.
flash-recording-removed = Links entfernt.
flash-proposal-entered = Einreichung eingetragen; { $email } ist eingeladen, sie zu übernehmen.
flash-removed = Entfernt.
flash-role-removed = { $role ->
    [organiser] Rolle „Organisation“ entfernt.
    [reviewer] Rolle „Programmkomitee“ entfernt.
   *[staff] Rolle „Einlass“ entfernt.
}
flash-invitation-revoked = Einladung zurückgezogen; ihr Link funktioniert nicht mehr.
flash-profile-saved = Profil gespeichert. Das Orga-Team sieht es bei deinen Einreichungen; im Programm erscheint es, sobald ein Beitrag von dir veröffentlicht ist.
flash-photo-saved = Foto gespeichert.
flash-photo-removed = Foto entfernt.
flash-window-added = Zeit hinzugefügt: das Programm plant deine Beiträge in deinen Zeiten.
flash-window-removed = Zeit entfernt.
flash-confirmed = Danke: du hast zugesagt. Bis zur Konferenz!
flash-declined = Du hast abgesagt. Danke, dass du Bescheid gibst.
flash-withdrawn = Einreichung zurückgezogen.
flash-co-speaker-invited = Einladung verschickt.
flash-invitation-resent = Einladung noch einmal verschickt.
flash-co-speaker-joined = Du bist jetzt Vortragende*r von „{ $title }“.
flash-proposal-submitted = Einreichung abgeschickt. Das Programmkomitee begutachtet sie; die Entscheidung bekommst du per Mail. { $invited ->
        [0] {""}
        [one] Wir haben deinem Co-Speaker eine Einladung gemailt.
       *[other] Wir haben deinen { $invited } Co-Speakern je eine Einladung gemailt.
    }
flash-proposal-submitted-until = Einreichung abgeschickt. Bis { $time } kannst du sie noch ändern; danach entscheidet das Programmkomitee und du bekommst die Entscheidung per Mail. { $invited ->
        [0] {""}
        [one] Wir haben deinem Co-Speaker eine Einladung gemailt.
       *[other] Wir haben deinen { $invited } Co-Speakern je eine Einladung gemailt.
    }
flash-draft-saved = Entwurf gespeichert. Er ist noch nicht eingereicht. { $invited ->
        [0] {""}
        [one] Wir haben deinem Co-Speaker eine Einladung gemailt.
       *[other] Wir haben deinen { $invited } Co-Speakern je eine Einladung gemailt.
    }
flash-session-placed = „{ $title }“ steht im Raster.
flash-session-moved = „{ $title }“ ist verschoben.
flash-session-unplaced = „{ $title }“ ist aus dem Raster genommen und wieder in der Liste der nicht eingeplanten Beiträge.
flash-undone = Rückgängig gemacht: „{ $title }“ ist wieder, wo es war.
flash-undone-several = { $n ->
    [one] Rückgängig gemacht: 1 Beitrag ist wieder, wo er war.
   *[other] Rückgängig gemacht: { $n } Beiträge sind wieder, wo sie waren.
}
flash-released = Version { $number } „{ $name }“ ist öffentlich. Vortragende verschobener oder gestrichener Beiträge und alle, die sie als Favorit haben, bekommen eine Mail.
flash-optimiser-started = Der Optimierer läuft; sein Vorschlag erscheint hier, sobald er fertig ist.
flash-optimiser-stopped = Der Optimierer ist gestoppt; hier steht sein bisher bester Vorschlag.
flash-optimiser-discarded = Vorschlag verworfen; das Programm ist wie vorher.
flash-optimiser-accepted = { $n ->
    [one] Vorschlag übernommen: 1 Beitrag verschoben.
   *[other] Vorschlag übernommen: { $n } Beiträge verschoben.
}

## The edition's front page
field-description_md = Über die Konferenz (Englisch)
field-description_de_md = Über die Konferenz (Deutsch)
description-hint = Markdown. Steht auf der Startseite der Ausgabe in der Sprache der Lesenden; ist eine leer, springt die andere ein.
venue-hint = Mit Adresse: die Startseite verlinkt sie auf eine Karte.
edition-map = Karte
hub-year = Das Jahr auf einen Blick
hub-team = Fürs Team
hub-archived-empty = Diese Ausgabe ist vorbei; sie hat kein Programm hinterlassen.
hub-nothing-yet = Die Termine für Call for Papers und Anmeldung folgen bald.
hub-cfp-open-until = Offen bis { $time }
hub-cfp-open = Offen
hub-cfp-opens = Öffnet { $time }
hub-cfp-closed = Geschlossen
hub-cfp-submit = Beitrag einreichen
hub-registration-open = { $free ->
    [one] Offen: noch 1 Platz frei
   *[other] Offen: noch { $free } Plätze frei
}
hub-registration-full = Ausgebucht: trag dich auf die Warteliste ein
hub-registration-opens = Öffnet { $time }
hub-registration-closed = Geschlossen
registration-not-ready = Die Anmeldung öffnet, sobald das Team Datenschutzhinweis und Verhaltenskodex veröffentlicht hat.
hub-registration-soon = Öffnet bald
registration-texts-missing = Die Anmeldung bleibt geschlossen, auch wenn ihr Zeitraum begonnen hat, bis Datenschutzhinweis und Verhaltenskodex unten ausgefüllt sind: Wer sich anmeldet, stimmt ihnen zu.
registration-use-templates = Mit den Vorlagen von devday beginnen
registration-template-privacy =
    ## Datenschutzhinweis

    Wir, das Team dieser Konferenz (Name und Anschrift: bitte ergänzen), verwenden, was du uns bei der Anmeldung gibst, nur für die Veranstaltung:

    - deinen Namen und deine E-Mail-Adresse: um deine Anmeldung zu bestätigen, dir dein Ticket zu schicken und dich über Änderungen zu informieren;
    - deine Firma (freiwillig): für dein Namensschild;
    - T-Shirt-Größe, Ernährung und Barrierefreiheit (freiwillig): um Essen, Shirts und den Ort zu planen;
    - die Vorträge, die dich interessieren (freiwillig): um Räume und Zeiten zu planen.

    Wir geben nichts an Sponsoren oder andere weiter. Deine persönlichen Daten werden nach der Veranstaltung gelöscht. Bis dahin kannst du sie über den Link in deiner Ticket-Mail ansehen, korrigieren, herunterladen oder löschen.

    Fragen und Anliegen: schreib dem Team (E-Mail-Adresse: bitte ergänzen).
registration-template-coc =
    ## Verhaltenskodex

    Diese Konferenz ist für alle da. Wir erwarten von allen Teilnehmenden, Vortragenden, Sponsoren und Helfenden einen respektvollen Umgang miteinander.

    - Keine Belästigung jeglicher Art: nicht in Vorträgen, nicht vor Ort, nicht online.
    - Sexualisierte Sprache und Bilder haben in Vorträgen und auf Folien nichts zu suchen.
    - Wenn dich jemand bittet aufzuhören, hör sofort auf.

    Wenn du unangemessenes Verhalten erlebst oder beobachtest, sprich jemanden aus dem Team an (du erkennst sie am Namensschild) oder schreib dem Team (Kontakt: bitte ergänzen). Das Team kann jede Maßnahme ergreifen, die es für richtig hält, bis hin zum Ausschluss von der Veranstaltung.
hub-programme-released = { $sessions ->
    [one] 1 Beitrag
   *[other] { $sessions } Beiträge
}, Version { $version } vom { $date }
hub-programme-coming = Das Programm wird gerade zusammengestellt.

## The organisers' navigation and dashboard
decisions = Entscheidungen
dashboard-slots-taken = Plätze vergeben
review-tally = Angenommen je Beitragsart
review-tally-slots = { $free ->
    [0] alle Plätze vergeben
    [one] 1 Platz frei
   *[other] { $free } Plätze frei
}
review-tally-over = { $n } mehr als Plätze
review-tally-no-slots = keine Plätze geplant (CfP-Einstellungen)
review-tally-detail = { $confirmed } bestätigt, { $open } offen
review-selected = ausgewählt
review-select-shown = Alle { $n } angezeigten auswählen
review-select-none = Auswahl aufheben
review-mails-waiting = { $n ->
    [0] Keine Entscheidungsmail wartet
    [one] 1 Entscheidungsmail wartet ↓
   *[other] { $n } Entscheidungsmails warten ↓
}
field-slots = Plätze
dashboard = Überblick
manage-edition = Ausgabe
manage-public-page = Öffentliche Seite
manage-cfp-settings = CfP-Einstellungen
manage-mail-attendees = Mail an Teilnehmende
manage-import = Import
manage-registration-settings = Anmelde-Einstellungen
dashboard-needs = Braucht jemanden
dashboard-all-good = Gerade wartet nichts auf jemanden.
dashboard-mail = Mail
dashboard-mail-pending = Warten auf Versand
dashboard-mail-retrying = Neuer Versuch nach Fehler
dashboard-days-to-deadline = Tage bis zur Frist
dashboard-submitted = Eingereicht
dashboard-reviews-done = Bewertungen geschrieben
dashboard-scheduled = Eingeplant
dashboard-released = Veröffentlichte Versionen
dashboard-confirmed = Bestätigt
dashboard-per-day = { $n ->
    [one] 1 Anmeldung in den letzten 21 Tagen
   *[other] { $n } Anmeldungen in den letzten 21 Tagen
}
dashboard-warn-mail-failed = { $n ->
    [one] 1 Mail ist nicht rausgegangen
   *[other] { $n } Mails sind nicht rausgegangen
}
dashboard-warn-untold = { $n ->
    [one] 1 Entscheidung ist noch nicht verschickt
   *[other] { $n } Entscheidungen sind noch nicht verschickt
}
dashboard-warn-unconfirmed = { $n ->
    [one] 1 angenommene Person hat noch nicht zugesagt
   *[other] { $n } angenommene Personen haben noch nicht zugesagt
}
dashboard-warn-unscheduled = { $n ->
    [one] 1 bestätigter Beitrag steht nicht im Raster
   *[other] { $n } bestätigte Beiträge stehen nicht im Raster
}
dashboard-warn-conflicts = { $n ->
    [one] 1 Konflikt im Programm
   *[other] { $n } Konflikte im Programm
}
dashboard-warn-room-too-small = { $n ->
    [one] 1 Beitrag hat mehr Interessierte, als sein Raum fasst
   *[other] { $n } Beiträge haben mehr Interessierte, als ihre Räume fassen
}
dashboard-warn-unreleased = { $n ->
    [one] 1 Änderung am Programm ist nicht veröffentlicht
   *[other] { $n } Änderungen am Programm sind nicht veröffentlicht
}
dashboard-warn-texts-missing = { $n ->
    [one] Datenschutzhinweis oder Verhaltenskodex ist leer: Die Anmeldung bleibt geschlossen, bis beide da sind
   *[other] Datenschutzhinweis und Verhaltenskodex sind leer: Die Anmeldung bleibt geschlossen, bis beide da sind
}
review-notify-preview = Entscheidungsmails ansehen
review-decision = Entscheidung
field-title = Titel
notify-preview-lead = { $mails ->
    [one] 1 Mail
   *[other] { $mails } Mails
} gehen raus: { $accepted } angenommene und { $rejected } abgelehnte Einreichungen. Angenommene Vortragende bekommen einen Link zum Zu- oder Absagen.
notify-preview-send = { $n ->
    [one] 1 Mail verschicken
   *[other] { $n } Mails verschicken
}
notify-preview-none = Jede Entscheidung ist verschickt. Entscheide zuerst über weitere Einreichungen.

## Spaltenköpfe der CSV-Downloads
csv-id = ID
csv-title = Titel
csv-state = Status
csv-session-type = Beitragsart
csv-track = Track
csv-language = Sprache
csv-level = Niveau
csv-speakers = Sprecher*innen
csv-emails = E-Mail-Adressen
csv-created-at = Angelegt
csv-name = Name
csv-email = E-Mail
csv-company = Firma
csv-proposals = Einreichungen
csv-titles = Titel der Einreichungen
csv-tshirt = T-Shirt
csv-dietary = Ernährung
csv-accessibility = Barrierefreiheit
csv-registered-at = Angemeldet
csv-tickets = Tickets
csv-scanned-at = Gescannt ({ $zone })
csv-list = Check-in-Liste
csv-result = Ergebnis
csv-device = Gerät
csv-mode = Modus
csv-undone = zurückgenommen
csv-online = online
csv-offline = offline
csv-result-admitted = eingelassen
csv-result-already_checked_in = schon eingelassen
csv-result-duplicate = offline doppelt eingelassen
csv-result-revoked = gesperrt
csv-result-invalid = kein gültiges Ticket
csv-result-wrong_edition = Ticket einer anderen Ausgabe
csv-result-not_on_list = nicht auf dieser Liste

## Was die Geschichte einer Einreichung festhält
history-created = angelegt
history-submitted = eingereicht
history-edited = bearbeitet
history-decided = entschieden
history-put_on_waiting_list = auf die Warteliste gesetzt
history-answered_by_speaker = von den Vortragenden beantwortet
history-speaker_joined = weitere Vortragende dabei
history-withdrawn_by_speaker = von den Vortragenden zurückgezogen
history-changed_by_organisers = vom Orga-Team geändert
history-carried_over = aus dem Programm des Vorjahrs übernommen

# Prepare next year
next-year-title = Nächstes Jahr vorbereiten
next-year-intro = Eine neue Ausgabe aus { $source }: Die Einstellungen kommen mit, nichts über die Menschen dort. Die Daten rücken auf denselben Wochentag ein Jahr später; prüf sie.
next-year-carry = Was mitkommt
next-year-carry-hint = Nimm den Haken weg bei allem, womit das nächste Jahr nicht starten soll: Dann gelten die Vorgaben von devday.
next-year-never = Nie kopiert: Einreichungen, Bewertungen, Anmeldungen, die Warteliste, Check-ins und persönliche Daten.
next-year-create = Ausgabe fürs nächste Jahr anlegen
carry-cfp = CfP-Texte und Grenzen
carry-cfp-hint = Die Einleitung in beiden Sprachen, Einreichungen pro Person, Längen von Titel und Kurzbeschreibung, die Lizenz der Aufzeichnungen.
carry-session-types = Beitragsarten
carry-session-types-hint = Mit Dauer, Fristen und geplanten Slots.
carry-tracks = Tracks
carry-tracks-hint = Mit Farben und Beschreibungen.
carry-questions = CfP-Fragen
carry-questions-hint = In beiden Sprachen, mit ihren Optionen.
carry-access-codes = Zugangscodes
carry-access-codes-hint = Dieselben Regeln mit neuen Links: Die Links vom letzten Jahr bleiben beim letzten Jahr.
carry-review = Bewertungs-Einstellungen und Kategorien
carry-review-hint = Das Bewertungsfenster ein Jahr später, Anonymität und die Regeln.
carry-rooms = Räume
carry-rooms-hint = Mit Plätzen und Stream-Links.
carry-grid = Tagesraster und Pausen
carry-grid-hint = Tageszeiten, Raster und Wechselzeit.
carry-tickets = Ticketarten
carry-tickets-hint = Plätze und Workshop-Zeiten ein Jahr später; alle Plätze frei.
carry-registration = Texte und Regeln der Anmeldung
carry-registration-hint = Datenschutzhinweis, Verhaltenskodex, Halte- und Angebotszeiten, wann persönliche Daten gelöscht werden.
carry-checkin-lists = Check-in-Listen
carry-checkin-lists-hint = Jede mit den Kopien ihrer Ticketarten.
carry-team = Team
carry-team-hint = Alle behalten ihre Rolle.
carry-nothing = Nichts zu kopieren.
carry-more = und { $n } weitere
edition-name-same = Die Ausgabe fürs nächste Jahr braucht einen eigenen Namen.
flash-next-year-ready = { $edition } ist bereit, mit { $n } Einstellungen aus { $source }. Prüf die Daten, dann öffne den Call for Papers.
dashboard-over = { $edition } ist vorbei. Mit den Einstellungen dieser Ausgabe startet das nächste Jahr in einem Schritt.

# Returning people
email-returning-subject = Sprichst du bei { $edition }?
email-returning-text = danke, dass du bei { $past } gesprochen hast. Der Call for Papers von { $edition } ist da, und wir würden gern wieder von dir hören: ein neuer Vortrag, oder was seit dem letzten passiert ist.
email-returning-opens = Er öffnet am { $time }.
email-returning-closes = Einreichungen sind willkommen bis { $time }.
email-returning-choice = Du bekommst diese Mail einmal, weil du beim letzten Mal gesprochen hast; für dich ist nichts angemeldet.
returning-title = Wiederkehrende einladen
returning-intro = Die Vortragenden vom letzten Mal zu diesem Call for Papers, die Bewertenden vom letzten Mal ins Komitee. Alle bekommen eine Mail in ihrer Sprache; ob sie wiederkommen, entscheiden sie selbst.
returning-from = Aus der Ausgabe
returning-show = Anzeigen
returning-speakers = Vortragende aus dem Programm von { $edition }
returning-speakers-hint = Eine Mail mit dem Link zu diesem Call for Papers und seinen Daten.
returning-reviewers = Bewertende von { $edition }
returning-reviewers-hint = Eine Team-Einladung zum Bewerten, anzunehmen oder nicht.
returning-none = Niemand mehr einzuladen.
returning-skipped = { $invited } schon eingeladen, { $here } schon dabei.
returning-mail-preview = Die Mail an die Vortragenden, wie { $name } sie liest
returning-send = { $n ->
    [one] Eine Einladung
   *[other] { $n } Einladungen
} senden
returning-no-earlier = Es gibt keine frühere Ausgabe, aus der du Leute einladen kannst.
returning-pick = Wähl mindestens eine Gruppe.
flash-returning-sent = { $speakers ->
    [one] Eine vortragende Person
   *[other] { $speakers } Vortragende
} und { $reviewers ->
    [one] eine bewertende Person
   *[other] { $reviewers } Bewertende
} wieder eingeladen.
returning-link = Vortragende und Bewertende vom letzten Jahr einladen
returning-who = Wer eingeladen wird

# The edition report
dashboard-now = Jetzt
report-title = Bericht
report-intro = Das Jahr in Zahlen, frühere Ausgaben auf denselben Achsen. Nur Zählungen: Nach dem Löschen persönlicher Daten liest er sich genauso.
report-csv = Die Zahlen als CSV
report-compare = Alle Ausgaben im Vergleich
report-compare-intro = Jede Ausgabe dieser Installation, eine Zeile je Ausgabe, mit den Kennzahlen ihres Berichts.
report-edition = Ausgabe
report-cfp = Call for Papers
report-proposals = Einreichungen
report-accepted = Angenommen
report-speakers = Vortragende
report-first-time = Zum ersten Mal dabei
report-proposals-over-time = Einreichungen seit Öffnung des Calls
report-days-since-cfp = Tage seit Öffnung des Call for Papers; jede Ausgabe ab ihrem eigenen Öffnungstag.
report-by-type = Nach Beitragsart
report-by-track = Nach Track
report-by-language = Nach Sprache
report-review = Bewertung
report-reviews = Bewertungen
report-reviewers = Bewertende
report-reviews-per-reviewer = Bewertungen pro Person
report-registration = Anmeldung
report-registrations = Anmeldungen
report-watched = Haben einen Livestream gesehen
report-confirmed = Bestätigt
report-cancelled = Storniert
report-waitlist-served = Warteliste: Platz bekommen
report-registrations-over-time = Anmeldungen vor der Veranstaltung
report-days-to-event = Tage bis zum ersten Tag (0); jede Ausgabe gegen ihren eigenen ersten Tag.
report-door = Am Eingang
report-checked-in = Gekommen (Quote)
report-show-rate = Quote pro Ticketart: eingecheckt von bestätigt
report-arrivals = Ankünfte pro Viertelstunde
report-sessions = Sessions
report-sessions-wanted = Sessions, die jemand sehen will
report-most-wanted = Die zehn gefragtesten Sessions gegen die Plätze ihres Raums
report-too-small = Raum zu klein
csv-section = Bereich
csv-item = Eintrag
csv-edition = Ausgabe
csv-day = Tag
csv-value = Wert
csv-of = Von
report-days-to-decision = Tage bis zur Entscheidung (Median)
report-score-spread = Vergebene Punkte, alle Kategorien
report-show-rate-history = Quote über die Jahre

## Each attendee's own programme
programme-title = Mein Programm
programme-count = { $n ->
    [0] Noch keine Favoriten
    [one] Ein Favorit
   *[other] { $n } Favoriten
}
programme-sessions = Sessions
programme-show = Anzeigen
programme-all = Alle Sessions
programme-only-starred = Nur meine Favoriten ({ $n })
programme-starred = ★ „{ $title }“ ist in deinem Programm ({ $n } Favoriten).
programme-unstarred = „{ $title }“ ist kein Favorit mehr.
programme-clashes = Zur selben Zeit wie: { $titles }
programme-none-starred = Noch keine Favoriten: Markiere Sessions unter „Alle Sessions“ mit einem Stern.
programme-not-yet = Der Zeitplan ist noch nicht veröffentlicht. Markiere schon jetzt, was dich interessiert: Die Zeiten kommen mit der ersten Veröffentlichung, und dein Kalender füllt sich von selbst.
programme-feed-title = In deinem Kalender
programme-feed-text = Einmal abonnieren: Dein Kalender zeigt deine Favoriten und zieht bei jeder Programmänderung mit.
programme-subscribe = Meine Favoriten abonnieren
programme-download = Herunterladen (.ics)
programme-whole = Ganzes Programm abonnieren
programme-feed-address = Adresse für andere Kalender-Apps
programme-notices-title = Änderungen
programme-notices-label = Schreib mir, wenn ein Favorit verschoben wird oder ausfällt
programme-notices-on = Wir schreiben dir, wenn ein Favorit verschoben wird oder ausfällt.
programme-notices-off = Keine Mails mehr zu Änderungen; dein Kalender zieht weiter mit.
programme-private-title = Dein Link
programme-private = Wer die Adresse dieser Seite hat, sieht deine Favoriten. Eine neue Adresse stoppt den alten Link und den alten Kalender-Feed; abonniere danach neu.
programme-renew = Neue Adresse erzeugen
programme-renewed = Dein Programm hat eine neue Adresse. Der alte Link und der alte Kalender-Feed funktionieren nicht mehr: Abonniere in deinem Kalender neu.
programme-no-registration = Unter { $email } gibt es keine Anmeldung für { $edition }.
programme-no-registration-text = Mit einer anderen Adresse angemeldet? Der Link in deiner Anmeldungs-Mail führt auch zu deinem Programm.
programme-open = Sessions markieren, im Kalender abonnieren
programme-how = Dein eigenes Programm hält deine Favoriten auf unserem Server, in jedem Browser, und gibt dir einen Kalender-Feed davon. Du öffnest es über den Link in deiner Anmeldungs-Mail (oder von der Seite dahinter) oder meldest dich mit der Adresse an, mit der du dich registriert hast.
schedule-release-tells-attendees = { $count ->
    [one] Eine Person, die eine verschobene oder gestrichene Session als Favorit hat, bekommt eine Mail mit ihren Änderungen.
   *[other] { $count } Personen, die verschobene oder gestrichene Sessions als Favoriten haben, bekommen je eine Mail mit ihren Änderungen.
}
email-programme-changed-subject = { $edition }: { $n ->
    [one] Einer deiner Favoriten hat sich geändert
   *[other] { $n } deiner Favoriten haben sich geändert
}
email-programme-changed-text = der Zeitplan von { $edition } hat eine neue Version, und { $n ->
    [one] eine Session, die du als Favorit markiert hast, hat sich geändert:
   *[other] { $n } Sessions, die du als Favoriten markiert hast, haben sich geändert:
}
email-programme-cancelled = Gestrichen: nicht mehr im Programm
email-programme-changed-calendar = Dein Programm (ein abonnierter Kalender-Feed zieht von selbst mit):
email-programme-changed-all = Alle Änderungen dieser Version:
email-programme-changed-stop = Du bekommst diese Mail, weil du diese Sessions als Favoriten markiert hast. Auf deiner Programmseite kannst du diese Mails abschalten.

## Reconfirmation rounds
reconfirm-intro = Ein bis zwei Wochen vor der Konferenz fragst du alle mit bestätigtem Platz, ob sie noch kommen. Ein freigegebener Platz geht sofort an die Warteliste; zur Frist auch die Plätze ohne Antwort, wenn du das so wählst (die Mail sagt es). Vortragende und Team werden nicht gefragt.
reconfirm-standing = Stand
reconfirm-stage-planned = Geplant
reconfirm-stage-asked = Läuft
reconfirm-stage-closed = Abgeschlossen
reconfirm-asked = Gefragt
reconfirm-coming = Kommen
reconfirm-freed = Platz freigegeben
reconfirm-unanswered = Noch ohne Antwort
reconfirm-released = Zur Frist freigegeben
reconfirm-step-ask = Fragt alle: { $at }
reconfirm-step-remind = Erinnert alle ohne Antwort: { $at }
reconfirm-step-close = Frist: { $at }
reconfirm-ran-ask = { $n } gefragt am { $at }
reconfirm-ran-remind = { $n } erinnert am { $at }
reconfirm-ran-close = { $n ->
    [one] ein Platz ging am { $at } an die Warteliste
   *[other] { $n } Plätze gingen am { $at } an die Warteliste
}
reconfirm-ran-close-kept = abgeschlossen am { $at }; Plätze ohne Antwort blieben
reconfirm-joined-since = { $n ->
    [one] Eine Person hat seit der Frage bestätigt; sie wird nicht gefragt.
   *[other] { $n } Personen haben seit der Frage bestätigt; sie werden nicht gefragt.
}
reconfirm-drop = Runde verwerfen
reconfirm-change = Runde ändern
reconfirm-plan-title = Runde planen
reconfirm-asks-at = Fragen am
reconfirm-reminds-at = Alle ohne Antwort erinnern am (optional)
reconfirm-deadline = Frist
reconfirm-release-unanswered = Zur Frist Plätze ohne Antwort an die Warteliste geben
reconfirm-times-local = Zeiten am Veranstaltungsort ({ $zone }).
reconfirm-preview = { $n ->
    [0] Noch niemand hat einen bestätigten Platz: Die Runde würde niemanden fragen.
    [one] Eine Person mit bestätigtem Platz bekommt die Mail, wenn die Runde fragt.
   *[other] { $n } Personen mit bestätigtem Platz bekommen die Mail, wenn die Runde fragt.
}
reconfirm-plan = Runde planen
reconfirm-saved = Die Runde ist geplant: Sie fragt am { $asks }, die Frist ist { $deadline }.
reconfirm-dropped = Die Runde ist verworfen; niemand wurde gefragt.
reconfirm-not-dropped = Es wurden schon Leute gefragt: Die Runde läuft bis zu ihrer Frist.
reconfirm-closed = Die Runde ist abgeschlossen und lässt sich nicht mehr ändern.
reconfirm-deadline-before-asking = Die Frist muss nach dem Fragen liegen.
reconfirm-deadline-after-start = Die Frist muss vor Beginn der Konferenz liegen.
reconfirm-reminder-between = Die Erinnerung geht zwischen Fragen und Frist hinaus.
reconfirm-question = Kommst du zu { $edition }?
reconfirm-please = Hallo { $name }, sag uns bitte bis { $deadline }, ob du kommst: Einen Platz, den du nicht brauchst, bekommt jemand von der Warteliste.
reconfirm-unanswered-released = Plätze ohne Antwort gehen zur Frist an die Warteliste.
reconfirm-coming-button = Ich komme
reconfirm-free-button = Meinen Platz freigeben
reconfirm-free-after-all = Meinen Platz doch freigeben
reconfirm-said-coming = Danke: Dein Platz bleibt für dich reserviert.
reconfirm-said-freed = Dein Platz ist wieder frei und geht an die Warteliste. Danke, dass du Bescheid gesagt hast.
reconfirm-is-coming = Du hast gesagt, dass du kommst. Bis bald!
reconfirm-is-freed = Dein Platz ist wieder frei; er ging an die Warteliste.
reconfirm-is-released = Bis { $deadline } kam keine Antwort, darum ging dein Platz an die Warteliste. Du kannst dich erneut anmelden; ist die Konferenz voll, kommst du auf die Warteliste.
reconfirm-register-again = Erneut anmelden
email-reconfirm-subject = { $edition }: Kommst du noch?
email-reconfirm-text = { $edition } beginnt am { $starts }, und du hast einen Platz. Sag uns bitte bis { $deadline }, ob du kommst: Einen Platz, den du nicht brauchst, bekommt jemand von der Warteliste.
email-reconfirm-reminder-subject = Erinnerung von { $edition }: Kommst du noch?
email-reconfirm-reminder-text = wir haben noch nichts von dir gehört. { $edition } beginnt am { $starts }; sag uns bitte bis { $deadline }, ob du kommst.
email-reconfirm-coming = Ich komme:
email-reconfirm-free = Meinen Platz freigeben:
email-reconfirm-released-note = Ohne Antwort bis { $deadline } geht dein Platz an die Warteliste.
email-registration-released-subject = { $edition }: Dein Platz ging an die Warteliste
email-registration-released-text = wir haben gefragt, ob du noch zu { $edition } kommst, und bis zur Frist nichts gehört; darum ging dein Platz an jemanden von der Warteliste. Wenn du doch kommen willst, melde dich erneut an (ist die Konferenz voll, kommst du auf die Warteliste):
reconfirm-preview-title = Was die Leute bekommen
dashboard-reconfirmed = Kommen sicher
dashboard-warn-unanswered = { $n ->
    [one] Eine Person hat auf die Rückbestätigung noch nicht geantwortet
   *[other] { $n } Personen haben auf die Rückbestätigung noch nicht geantwortet
}
reconfirm-skipped = nicht verschickt: Die Frist kam zuerst

## Overbooking
overbooking = Überbuchung
overbooking-margin = Aufschlag
overbooking-hard-limit = Obergrenze des Orts
overbooking-seats = { $n } Plätze vergeben
overbooking-past = kamen in früheren Jahren:
overbooking-suggested = vorgeschlagener Aufschlag { $n } (bei { $rate } %)
overbook-out-of-range = Der Aufschlag ist eine ganze Zahl von 0 bis zur Kapazität.
hard-limit-out-of-range = Die Obergrenze ist eine ganze Zahl von 1 bis 100.000 oder leer.
hard-limit-below-taken = Es sind schon mehr Plätze vergeben: Die Obergrenze kann nicht darunter liegen.
flash-overbooking-set = { $offered ->
    [0] Überbuchung gespeichert.
    [one] Überbuchung gespeichert; ein weiterer Platz ging an die Warteliste.
   *[other] Überbuchung gespeichert; { $offered } weitere Plätze gingen an die Warteliste.
}
refusal-door-not-open = Die Tür vergibt noch keine Plätze an die Warteliste.
refusal-no-seat-at-door = An der Tür ist kein Platz frei: Alle mit Platz können noch kommen, oder die freien Plätze sind vergeben.

## At the door
door-title = Warteliste an der Tür
door-not-set = Das Orga-Team hat keine Zeit festgelegt, ab der die Tür Plätze an die Warteliste vergibt.
door-from = Die Tür vergibt Plätze ab { $at }.
door-free = Plätze, die die Tür vergeben darf
door-seats = Plätze im Saal
door-present = Schon drin
door-given-not-in = Vergeben, noch nicht drin
door-next = Als Nächste auf der Warteliste
door-give = Platz vergeben
door-hint = Vergib Plätze der Reihe nach an Leute, die da sind; ihr Ticket kommt per Mail, und du checkst sie wie alle anderen ein.
door-nobody-waiting = Niemand wartet.
door-log = An der Tür vergebene Plätze
door-place = Platz
door-by = Von
door-when = Wann
door-given = Platz an { $name } vergeben (Platz { $place } der Liste); das Ticket ist in der Mail. Jetzt einchecken.
door-refused = { $why }
door-release-intro = Ab dieser Zeit am Tag darf die Tür Plätze von Leuten, die noch nicht gekommen sind, an Wartende vergeben, die da sind. Niemandem wird die Anmeldung genommen: Die Tür vergibt höchstens die Plätze im Saal minus alle, die schon drin sind.
door-release-at = Plätze vergeben ab
door-open-desk = Seite für den Einlass öffnen
door-release-set = Ab { $at } vergibt die Tür Plätze an die Warteliste.
door-release-cleared = Die Tür vergibt keine Plätze an die Warteliste.
door-release-invalid = Diese Zeit ließ sich nicht lesen; nichts wurde geändert.
noshows-title = No-Shows
reconfirm-title = Rückbestätigung
email-programme-recordings-subject = { $edition }: { $n ->
    [one] Die Aufzeichnung eines Favoriten ist online
   *[other] { $n } Aufzeichnungen deiner Favoriten sind online
}
email-programme-recordings-text = { $n ->
    [one] die Aufzeichnung einer Session, die du bei { $edition } markiert hast, ist online:
   *[other] die Aufzeichnungen von { $n } Sessions, die du bei { $edition } markiert hast, sind online:
}
email-programme-recordings-programme = Dein Programm:

## Webhooks
webhooks = Webhooks
webhooks-lead = Sag deinen anderen Systemen, was in dieser Ausgabe passiert. devday schickt jedes Ereignis als JSON an die Adressen unten, signiert nach der Standard-Webhooks-Spezifikation, und versucht es erneut, bis der Empfänger antwortet.
webhooks-none = Noch keine Endpunkte. Trag die Adresse eines Empfängers ein (ein Chat-Bot, ein Tabellen-Skript, dein eigener Dienst) und wähle, was er erfährt.
webhooks-endpoint = Endpunkt
webhooks-events = Ereignisse
webhooks-deliveries = Zustellungen
webhooks-all = Alle Webhooks
webhooks-all-events = Alle Ereignisse
webhooks-paused = Pausiert
webhooks-add = Endpunkt hinzufügen
webhooks-add-submit = Endpunkt hinzufügen
webhooks-url = Adresse (URL)
webhooks-url-hint = Wohin devday schickt, zum Beispiel https://hooks.example.org/devday. Adressen in privaten Netzen werden abgelehnt, außer der Betreiber des Servers erlaubt sie.
webhooks-url-invalid = Gib eine Adresse ein, die mit https:// oder http:// beginnt.
webhooks-url-credentials = Lass Benutzername und Passwort aus der Adresse weg; prüfe stattdessen die Signatur.
webhooks-description = Beschreibung (für dich)
webhooks-no-events = Wähle mindestens ein Ereignis.
webhooks-how = Jede Zustellung trägt die Header webhook-id, webhook-timestamp und webhook-signature. Die Daten enthalten IDs, Zustände und Titel, nie Namen oder E-Mail-Adressen; mehr holst du über die Organisations-API. Fehlgeschlagene Zustellungen werden nach 2, 4, 8 … Sekunden wiederholt, höchstens eine Stunde auseinander, etwa neun Stunden lang.
webhook-event-proposal-submitted = Ein Vorschlag wird eingereicht
webhook-event-proposal-state_changed = Ein Vorschlag ändert seinen Zustand (angenommen, bestätigt, zurückgezogen …)
webhook-event-release-published = Eine Programmversion wird veröffentlicht
webhook-event-registration-confirmed = Eine Anmeldung wird bestätigt
webhook-event-registration-cancelled = Eine Anmeldung wird storniert
webhook-event-waitlist-offered = Jemandem auf einer Warteliste wird ein Platz angeboten
webhook-event-checkin-created = Jemand wird am Einlass eingecheckt
webhooks-no-deliveries = Noch nichts gesendet
webhooks-tally-delivered = { $n } zugestellt
webhooks-tally-pending = { $n } wartend
webhooks-tally-retrying = { $n } in Wiederholung
webhooks-tally-failed = { $n } aufgegeben
webhooks-test = Test-Ereignis senden
webhooks-retry = { $n ->
    [one] Das nicht zugestellte Ereignis jetzt erneut senden
   *[other] { $n } nicht zugestellte Ereignisse jetzt erneut senden
}
webhooks-log = Zustellprotokoll
webhooks-log-empty = Noch nichts an diesen Endpunkt gesendet. Schick ein Test-Ereignis, um ihn auszuprobieren.
webhooks-when = Wann
webhooks-event = Ereignis
webhooks-result = Ergebnis
webhooks-delivered = Zugestellt (HTTP { $status })
webhooks-attempts = { $n } Versuche
webhooks-pending = Wartet auf den Versand
webhooks-retrying = { $n ->
    [one] Einmal fehlgeschlagen
   *[other] { $n }-mal fehlgeschlagen
}, wird wiederholt
webhooks-next = nächster Versuch { $at }
webhooks-failed = Aufgegeben nach { $n } Versuchen
webhooks-secret = Signaturschlüssel
webhooks-secret-hint = Gib ihn dem Empfänger, damit er prüfen kann, dass eine Zustellung von devday kommt (jede Standard-Webhooks-Bibliothek kann das). Halte ihn geheim.
webhooks-rotate = Neuen Schlüssel erzeugen
webhooks-settings = Einstellungen
webhooks-active = Aktiv
webhooks-active-hint = Ein pausierter Endpunkt behält seine Ereignisse; sie werden gesendet, sobald er wieder aktiv ist.
webhooks-delete = Diesen Endpunkt löschen
confirm-webhook-delete = Den Endpunkt { $subject } löschen?
confirm-webhook-delete-text = Er erfährt nichts mehr, und sein Zustellprotokoll und nicht zugestellte Ereignisse werden mit gelöscht.
confirm-webhook-delete-yes = Endpunkt löschen
flash-webhook-added = Endpunkt { $url } hinzugefügt. Gib dem Empfänger den Signaturschlüssel unten und schick dann ein Test-Ereignis.
flash-webhook-saved = Endpunkt gespeichert.
flash-webhook-paused = Endpunkt gespeichert und pausiert: Seine Ereignisse warten, bis er wieder aktiv ist.
flash-webhook-test-queued = Test-Ereignis eingereiht: Es erscheint in wenigen Sekunden im Protokoll unten.
flash-webhook-test-paused = Test-Ereignis eingereiht; es wartet, bis der Endpunkt wieder aktiv ist.
flash-webhook-retrying = { $n ->
    [0] Es wartete nichts auf eine Wiederholung.
    [one] Ein Ereignis wird erneut gesendet.
   *[other] { $n } Ereignisse werden erneut gesendet.
}
flash-webhook-secret-rotated = Neuer Signaturschlüssel erzeugt: Der alte signiert nicht mehr. Gib dem Empfänger den neuen.
flash-webhook-deleted = Endpunkt { $url } gelöscht.
webhooks-error-connect = Keine Verbindung:
webhooks-error-timeout = Keine Antwort in der Zeit:
webhooks-error-address = Nicht gesendet, die Adresse liegt im eigenen Netz des Servers:
webhooks-error-status = Der Empfänger hat abgelehnt:
webhooks-error-invalid = Nicht gesendet, die Adresse ist ungültig:
webhooks-error-other = Fehlgeschlagen:
no-door-title = Kein Einlass bei einer Online-Ausgabe
no-door-text = { $edition } findet nur online statt: Es gibt keinen Einlass, keine Badges und keinen Check-in. Angemeldete schauen über die Links auf ihrer Anmeldeseite zu.
no-door-settings = Ändern, wo sie stattfindet
