// Reloads the page every `data-refresh` seconds (a check-in dashboard, a running optimiser)
// while its box stays ticked and the tab is visible. Typing into a form on the page unticks
// the box (for this visit only), so the reload never throws input away and the box says so.
// Replaces <meta http-equiv="refresh">, which gives people no way to stop it (WCAG 2.2.1).
(function () {
  "use strict";
  const box = document.querySelector("[data-refresh]");
  const toggle = box && box.querySelector("input[type=checkbox]");
  if (!toggle) return;
  box.hidden = false; // without this script there is nothing to switch
  const seconds = Number(box.dataset.refresh) || 30;
  const key = "devday-refresh:" + location.pathname;
  try {
    if (localStorage.getItem(key) === "off") toggle.checked = false;
    toggle.addEventListener("change", () => localStorage.setItem(key, toggle.checked ? "on" : "off"));
  } catch (e) {
    // No storage (a private window): the choice lasts until the next reload.
  }
  document.addEventListener("input", (e) => {
    if (e.target !== toggle) toggle.checked = false;
  });
  setInterval(() => {
    if (toggle.checked && !document.hidden) location.reload();
  }, seconds * 1000);
})();
