// Public schedule: favourites kept in this browser (no account), a calendar of them,
// and a switch that dims everything else. The pages work without this script.
"use strict";
(() => {
  const slug = location.pathname.split("/")[1];
  const key = "devday-favourites-" + slug;
  const load = () => {
    try {
      const list = JSON.parse(localStorage.getItem(key));
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  };
  const refresh = () => {
    const favs = load();
    document.querySelectorAll("button.fav").forEach((b) => {
      const on = favs.includes(b.dataset.fav);
      b.hidden = false;
      b.setAttribute("aria-pressed", String(on));
      b.firstChild.textContent = on ? "★ " : "☆ ";
    });
    const calendar = document.getElementById("my-calendar");
    if (calendar) {
      calendar.parentElement.hidden = favs.length === 0;
      calendar.href = "/" + slug + "/schedule.ics?sessions=" + favs.join(",");
    }
    const only = document.getElementById("fav-only");
    if (only) {
      only.closest("label").hidden = false;
      document.querySelectorAll("[data-guid]").forEach((el) => {
        el.classList.toggle("not-fav", only.checked && !favs.includes(el.dataset.guid));
      });
    }
  };
  document.addEventListener("click", (e) => {
    const button = e.target.closest("button.fav");
    if (!button) return;
    const favs = load();
    const at = favs.indexOf(button.dataset.fav);
    if (at >= 0) favs.splice(at, 1);
    else favs.push(button.dataset.fav);
    localStorage.setItem(key, JSON.stringify(favs));
    refresh();
  });
  document.addEventListener("change", (e) => {
    if (e.target.id === "fav-only") refresh();
  });
  document.addEventListener("DOMContentLoaded", refresh);
})();
