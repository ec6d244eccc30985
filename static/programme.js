// An attendee's own programme: a star is saved without reloading the page, and this
// browser remembers the programme so the public timetable can star through it too. The
// page works without this script (each star is a form).
"use strict";
(() => {
  const root = document.querySelector("[data-programme]");
  if (!root) return;
  try {
    localStorage.setItem("devday-programme-" + root.dataset.edition, root.dataset.programme);
  } catch {
    // Storage refused (private mode): the public timetable keeps its own favourites.
  }
  const said = document.getElementById("star-said");
  root.addEventListener("submit", async (e) => {
    const form = e.target.closest("form.star-form");
    if (!form) return;
    e.preventDefault();
    const button = form.querySelector("button.star");
    button.disabled = true;
    try {
      const res = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!res.ok) {
        form.submit();
        return;
      }
      const answer = await res.json();
      button.setAttribute("aria-pressed", String(answer.on));
      button.textContent = answer.on ? "★" : "☆";
      form.querySelector("input[name=star]").value = String(!answer.on);
      const item = form.closest("li");
      item.classList.toggle("starred", answer.on);
      if (!answer.on && form.querySelector("input[name=only]")) item.remove();
      document.getElementById("star-count").textContent = answer.count_text;
      const only = root.querySelector('nav.tabs a[href$="only=starred"]');
      if (only) only.textContent = answer.only_text;
      said.textContent = answer.said;
    } catch {
      form.submit();
    } finally {
      button.disabled = false;
    }
  });
})();
