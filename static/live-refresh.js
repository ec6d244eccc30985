// Reloads the page every `data-refresh` seconds (a check-in dashboard, a running optimiser)
// while its box stays ticked, the tab is visible and nobody is filling in a form on it: a
// reload would throw their input away. Replaces <meta http-equiv="refresh">, which gives
// people no way to stop it (WCAG 2.2.1, timing adjustable).
(function () {
  "use strict";
  const box = document.querySelector("[data-refresh]");
  if (!box) return;
  const toggle = box.querySelector("input[type=checkbox]");
  const seconds = Number(box.dataset.refresh) || 30;
  const key = "devday-refresh:" + location.pathname;
  try {
    if (localStorage.getItem(key) === "off") toggle.checked = false;
    toggle.addEventListener("change", () => localStorage.setItem(key, toggle.checked ? "on" : "off"));
  } catch (e) {
    // No storage (a private window): the choice lasts until the next reload.
  }
  let typing = false;
  document.addEventListener("input", (e) => {
    if (e.target !== toggle) typing = true;
  });
  setInterval(() => {
    if (toggle.checked && !typing && !document.hidden) location.reload();
  }, seconds * 1000);
})();
