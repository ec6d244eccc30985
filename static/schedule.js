// Public schedule: favourites, a calendar of them, and a switch that dims everything
// else. Someone who has opened their own programme (the link from their registration)
// stars through it, so the stars live on the server and reach their calendar feed;
// anyone else keeps favourites in this browser. The pages work without this script.
"use strict";
(() => {
  const slug = location.pathname.split("/")[1];
  const key = "devday-favourites-" + slug;
  const programmeKey = "devday-programme-" + slug;
  // Set once the programme answers: { action, csrf_token } and the server's stars.
  let server = null;
  let favs = [];
  const loadLocal = () => {
    try {
      const list = JSON.parse(localStorage.getItem(key));
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  };
  const refresh = () => {
    document.querySelectorAll("button.fav").forEach((b) => {
      const on = favs.includes(b.dataset.fav);
      b.hidden = false;
      b.setAttribute("aria-pressed", String(on));
      b.firstChild.textContent = on ? "★ " : "☆ ";
    });
    const calendar = document.getElementById("my-calendar");
    if (calendar) {
      calendar.parentElement.hidden = favs.length === 0;
      calendar.href = server
        ? server.feed
        : "/" + slug + "/schedule.ics?sessions=" + favs.join(",");
    }
    const only = document.getElementById("fav-only");
    if (only) {
      only.closest("label").hidden = false;
      document.querySelectorAll("[data-guid]").forEach((el) => {
        el.classList.toggle("not-fav", only.checked && !favs.includes(el.dataset.guid));
      });
    }
  };
  const send = (guid, on) =>
    fetch(server.action, {
      method: "POST",
      body: new URLSearchParams({ csrf_token: server.csrf_token, session: guid, star: String(on) }),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
  // The programme of this browser's attendee, if it still answers (a renewed link does
  // not): its stars replace the local ones, which are sent up first so none is lost.
  const connect = async () => {
    let programme = null;
    try {
      programme = localStorage.getItem(programmeKey);
    } catch {
      return;
    }
    if (!programme) return;
    const res = await fetch(programme + "stars.json", { credentials: "same-origin" });
    if (!res.ok) {
      localStorage.removeItem(programmeKey);
      return;
    }
    const answer = await res.json();
    server = { ...answer, feed: programme + "calendar.ics" };
    const local = loadLocal().filter((g) => !answer.stars.includes(g));
    const sent = await Promise.all(local.map((g) => send(g, true).then((r) => r.ok && g)));
    favs = answer.stars.concat(sent.filter(Boolean));
    localStorage.removeItem(key);
    refresh();
  };
  document.addEventListener("click", async (e) => {
    const button = e.target.closest("button.fav");
    if (!button) return;
    const guid = button.dataset.fav;
    const on = !favs.includes(guid);
    if (server) {
      const res = await send(guid, on);
      if (!res.ok) return;
    }
    favs = on ? favs.concat([guid]) : favs.filter((g) => g !== guid);
    if (!server) localStorage.setItem(key, JSON.stringify(favs));
    refresh();
  });
  document.addEventListener("change", (e) => {
    if (e.target.id === "fav-only") refresh();
  });
  document.addEventListener("DOMContentLoaded", () => {
    favs = loadLocal();
    refresh();
    connect().catch(() => {});
  });
})();
