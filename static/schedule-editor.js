// Timetable editor: dragging a session onto a free slot fills the session's own form
// (day, room, start) and sends it, so drag and drop and the keyboard take one path.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const table = document.querySelector("table.timetable.editor");
  if (!table) return;
  document.querySelectorAll("[draggable='true'][data-session]").forEach((el) => {
    el.addEventListener("dragstart", (e) => {
      e.dataTransfer.setData("text/plain", el.dataset.session);
      e.dataTransfer.effectAllowed = "move";
    });
  });
  table.querySelectorAll("td.empty[data-room]").forEach((cell) => {
    cell.addEventListener("dragover", (e) => {
      e.preventDefault();
      cell.classList.add("drop");
    });
    cell.addEventListener("dragleave", () => cell.classList.remove("drop"));
    cell.addEventListener("drop", (e) => {
      e.preventDefault();
      const form = document.getElementById("place-" + e.dataTransfer.getData("text/plain"));
      if (!form) return;
      form.elements.day.value = table.dataset.day;
      form.elements.room.value = cell.dataset.room;
      form.elements.start.value = cell.dataset.start;
      form.requestSubmit();
    });
  });
});
