"""Imports a frab schedule.xml with pretalx-downstream into a throwaway pretalx, the way
an event that mirrors devday's programme would, and prints what pretalx made of it.

    python downstream_import.py URL TIMEZONE OUT

Writes to OUT one JSON list of the talks pretalx released: code, title, room, start (UTC, ISO),
duration (minutes), track, type, persons (names) and do_not_record, by start and room.
"""

import datetime as dt
import json
import os
import sys
import tempfile

url, timezone, out = sys.argv[1], sys.argv[2], sys.argv[3]
data = tempfile.mkdtemp(prefix="devday-pretalx-")
config = os.path.join(data, "pretalx.cfg")
with open(config, "w", encoding="utf-8") as f:
    f.write(
        f"[filesystem]\ndata = {data}\n"
        f"[database]\nbackend = sqlite3\nname = {data}/db.sqlite3\n"
        "[site]\ndebug = False\nurl = http://localhost\n"
    )
os.environ["PRETALX_CONFIG_FILE"] = config
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pretalx.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django_scopes import scope, scopes_disabled  # noqa: E402

call_command("migrate", verbosity=0)

from pretalx.event.models import Event, Organiser  # noqa: E402
from pretalx_downstream.tasks import task_refresh_upstream_schedule  # noqa: E402

with scopes_disabled():
    organiser = Organiser.objects.create(name="Mirror", slug="mirror")
    today = dt.date.today()
    event = Event.objects.create(
        organiser=organiser,
        name="Mirror",
        slug="mirror",
        date_from=today,
        date_to=today,
        timezone=timezone,
        email="mirror@example.org",
        locale_array="en",
        locale="en",
        plugins="pretalx_downstream",
    )
with scope(event=event):
    event.settings.downstream_upstream_url = url
    task_refresh_upstream_schedule(event.slug)
    event.refresh_from_db()
    schedule = event.current_schedule
    if schedule is None:
        sys.exit("pretalx released no schedule")
    talks = []
    for slot in schedule.talks.filter(is_visible=True).select_related(
        "submission", "room", "submission__track", "submission__submission_type"
    ):
        sub = slot.submission
        talks.append(
            {
                "code": sub.code,
                "title": sub.title,
                "room": str(slot.room.name),
                "start": slot.start.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "duration": int((slot.end - slot.start).total_seconds() // 60),
                "track": str(sub.track.name) if sub.track else None,
                "type": str(sub.submission_type.name),
                "persons": sorted(str(s.name) for s in sub.speakers.all()),
                "do_not_record": sub.do_not_record,
            }
        )
    talks.sort(key=lambda t: (t["start"], t["room"]))
    # pretalx prints its own banners on stdout, so the result goes to a file.
    with open(out, "w", encoding="utf-8") as f:
        json.dump(talks, f, ensure_ascii=False, indent=1)
