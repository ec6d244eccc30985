// Timetable editor, improving the server-rendered page (which works without it):
// - drag a session (from the grid or the unscheduled list) onto a slot: it is placed there;
// - every form and selection in the editor is sent with fetch and the editor is swapped in
//   place, so grid and list keep their scroll position;
// - the unscheduled list filters as you type.
"use strict";
(() => {
  const editor = () => document.getElementById("editor");

  // Sends a request, then swaps the editor and the message from the answer (the server
  // answers a change with a redirect back to the editor, which fetch follows).
  async function swap(url, init) {
    const old = editor();
    if (!old) return;
    const scroll = [...old.querySelectorAll(".board-wrap, .editor-side")].map((el) => el.scrollTop);
    old.setAttribute("aria-busy", "true");
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin", ...init });
    } catch (e) {
      old.removeAttribute("aria-busy");
      if (init && init.form) init.form.submit(); else window.location.href = url;
      return;
    }
    const html = await response.text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    const fresh = doc.getElementById("editor");
    if (!fresh) { document.open(); document.write(html); document.close(); return; }
    old.replaceWith(fresh);
    const main = document.getElementById("main");
    main.querySelectorAll(":scope > .flash").forEach((f) => f.remove());
    const flash = doc.querySelector("#main > .flash");
    if (flash) main.prepend(flash);
    [...fresh.querySelectorAll(".board-wrap, .editor-side")].forEach((el, i) => { el.scrollTop = scroll[i] || 0; });
    if (!init.method && !init.fromHistory) history.pushState(null, "", response.url);
    else if (response.redirected) history.replaceState(null, "", response.url);
    setUp();
    const focus = fresh.querySelector(".notice.error, .field.has-error input, .field.has-error select") || fresh.querySelector("#edit h2");
    if (focus && !init.keepFocus) { focus.setAttribute("tabindex", "-1"); focus.focus({ preventScroll: true }); }
  }

  function place(session, room, start) {
    const ed = editor();
    const body = new URLSearchParams({
      csrf_token: ed.dataset.csrf,
      day: ed.querySelector("table.board").dataset.day,
      room: room || "all",
      start,
      duration: "",
      version: session.dataset.version,
    });
    if (session.dataset.pinned === "true") body.set("pinned", "true");
    swap(`${ed.dataset.base}/sessions/${encodeURIComponent(session.dataset.session)}`, {
      method: "POST", body, keepFocus: true,
    });
  }

  function filterList() {
    const ed = editor();
    const form = ed.querySelector(".list-filter");
    if (!form) return;
    const q = form.elements.q.value.trim().toLowerCase();
    const track = form.elements.track.value;
    const kind = form.elements.kind.value;
    ed.querySelectorAll(".waiting-list li").forEach((li) => {
      const show = (!q || li.textContent.toLowerCase().includes(q))
        && (!track || li.dataset.track === track) && (!kind || li.dataset.kind === kind);
      li.hidden = !show;
    });
  }

  function setUp() {
    const ed = editor();
    if (!ed) return;
    ed.classList.add("js");
    let dragged = null;
    ed.querySelectorAll("[draggable='true'][data-session]").forEach((el) => {
      el.addEventListener("dragstart", (e) => {
        dragged = el;
        el.classList.add("dragging");
        e.dataTransfer.setData("text/plain", el.dataset.session);
        e.dataTransfer.effectAllowed = "move";
      });
      el.addEventListener("dragend", () => el.classList.remove("dragging"));
    });
    ed.querySelectorAll("table.board td[data-start]").forEach((cell) => {
      cell.addEventListener("dragover", (e) => { e.preventDefault(); cell.classList.add("drop"); });
      cell.addEventListener("dragleave", () => cell.classList.remove("drop"));
      cell.addEventListener("drop", (e) => {
        e.preventDefault();
        cell.classList.remove("drop");
        if (dragged && dragged !== cell) place(dragged, cell.dataset.room, cell.dataset.start);
      });
    });
    const filter = ed.querySelector(".list-filter");
    if (filter) {
      filter.addEventListener("input", filterList);
      filter.addEventListener("change", filterList);
      filter.addEventListener("submit", (e) => { e.preventDefault(); filterList(); });
      filterList();
    }
  }

  document.addEventListener("click", (e) => {
    const link = e.target.closest("#editor a.select, #editor .days a");
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    swap(link.href, {});
  });
  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (!form.closest("#editor") || form.method.toLowerCase() !== "post") return;
    e.preventDefault();
    swap(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), form });
  });
  window.addEventListener("popstate", () => swap(window.location.href, { fromHistory: true }));
  document.addEventListener("DOMContentLoaded", setUp);
})();
