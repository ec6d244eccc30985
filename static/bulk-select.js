// Bulk decisions: a box in the table's head selects every shown row, and the bar says how
// many are selected. Without it the page offers "select all shown" as a link.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.bulk");
  if (!form) return;
  const all = form.querySelector("input.all");
  const rows = [...form.querySelectorAll("tbody input[name='ids']")];
  const count = form.querySelector(".selected-count");
  const label = form.querySelector(".selected-label");
  const update = () => {
    const n = rows.filter((r) => r.checked).length;
    count.textContent = n;
    all.checked = n > 0 && n === rows.length;
    all.indeterminate = n > 0 && n < rows.length;
  };
  [all, count, label].forEach((el) => { el.hidden = false; });
  form.querySelector(".select-all").hidden = true;
  all.addEventListener("change", () => { rows.forEach((r) => { r.checked = all.checked; }); update(); });
  rows.forEach((r) => r.addEventListener("change", update));
  update();
});
