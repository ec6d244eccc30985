// The door scanner: reads QR codes from the camera (or a short code typed in), asks the
// server, and keeps working when the network is gone. Offline it checks the ticket's Ed25519 signature with the edition's
// public key, answers from its copy of the list, and queues each check-in with a nonce and
// the scan time; the queue is uploaded when the network returns (retries never check in
// twice: the server knows each nonce).
(function () {
  "use strict";
  const root = document.getElementById("scanner");
  if (!root) return;
  const edition = root.dataset.edition;
  const list = new URLSearchParams(location.search).get("list") || "entrance";
  const api = "/api/events/" + encodeURIComponent(edition) + "/checkin";
  const store = "devday-scanner:" + edition;
  const t = (key) => root.dataset["t" + key.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())] || key;
  const $ = (id) => document.getElementById(id);
  // Ticket types in the staff's language: the server sends English and German.
  const german = document.documentElement.lang === "de";
  const typeName = (x) => (german && (x.ticket_type_de || (x.ticket_types_de || []).join(", ")))
    || x.ticket_type || (x.ticket_types || []).join(", ");

  // The device's token: made by the start form, kept in this browser.
  if (root.dataset.token) {
    localStorage.setItem(store + ":device", JSON.stringify({ token: root.dataset.token, device: root.dataset.device }));
    history.replaceState(null, "", location.pathname + location.search);
  }
  const device = JSON.parse(localStorage.getItem(store + ":device") || "null");
  if (!device) { $("scanner-start").hidden = false; return; }
  $("scanner-main").hidden = false;
  $("scanner-device").textContent = device.device;

  const listKey = store + ":list:" + list;
  let data = JSON.parse(localStorage.getItem(listKey) || "null"); // {public_key, cursor, list, tickets:{id: ticket}}
  let queue = JSON.parse(localStorage.getItem(store + ":queue") || "[]");
  let online = navigator.onLine;
  let key = null;
  // The undo button's life: the server allows this many minutes (data-undo-minutes).
  let undoTimer = null;
  const undoMinutes = Number(root.dataset.undoMinutes) || 10;
  const save = () => { localStorage.setItem(listKey, JSON.stringify(data)); localStorage.setItem(store + ":queue", JSON.stringify(queue)); };
  const nowUtc = () => new Date().toISOString().slice(0, 23);
  const nonce = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));

  function showMode() {
    const mode = $("scanner-mode");
    mode.textContent = online ? t("online") : t("offline");
    mode.className = "badge " + (online ? "ok" : "warn");
    $("scanner-queue").textContent = queue.length ? t("queued") + " " + queue.length : "";
    $("scanner-count").textContent = data ? Object.values(data.tickets).filter((x) => x.valid).length : "?";
  }

  async function call(method, url, body) {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), 4000);
    try {
      const res = await fetch(url, {
        method, signal: ctrl.signal,
        headers: { "Authorization": "Bearer " + device.token, "Content-Type": "application/json", "Accept": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (res.status === 401) { localStorage.removeItem(store + ":device"); location.reload(); }
      if (!res.ok) {
        // The server answered: not a network problem. Its problem document says why.
        const err = new Error("HTTP " + res.status);
        err.status = res.status;
        err.problem = await res.json().catch(() => null);
        throw err;
      }
      return res.status === 204 ? null : res.json();
    } finally { clearTimeout(timer); }
  }

  async function importKey() {
    if (!data || key) return;
    const raw = Uint8Array.from(atob(data.public_key.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    try { key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]); } catch (e) { key = null; }
  }

  async function sync() {
    try {
      const since = data && data.list && data.list.slug === list ? "&since=" + encodeURIComponent(data.cursor) : "";
      const fresh = await call("GET", api + "/sync?list=" + encodeURIComponent(list) + since);
      if (fresh.full || !data) data = { tickets: {} };
      data.public_key = fresh.public_key; data.cursor = fresh.cursor; data.list = fresh.list;
      for (const ticket of fresh.tickets) data.tickets[ticket.registration_id] = ticket;
      online = true; save(); await importKey(); await flush();
    } catch (e) { online = false; }
    showMode();
  }

  async function flush() {
    if (!queue.length) return;
    const batch = queue.slice(0, 200);
    const answer = await call("POST", api + "/upload", { scans: batch });
    const sent = new Set(batch.map((s) => s.nonce));
    queue = queue.filter((s) => !sent.has(s.nonce));
    for (const result of answer.results) remember(result);
    save();
  }

  function remember(answer) {
    if (!data || !answer.registration_id || !data.tickets[answer.registration_id]) return;
    const ticket = data.tickets[answer.registration_id];
    if (answer.checked_in_at) { ticket.checked_in_at = answer.checked_in_at; ticket.checked_in_by = answer.checked_in_by; }
  }

  function b64url(text) { return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)); }

  // The same rules as the server, on the local copy.
  async function decideOffline(scan) {
    let ticket;
    if (scan.registration_id) {
      ticket = data && data.tickets[scan.registration_id];
      if (!ticket) return { result: "invalid" };
    } else if (!scan.code.startsWith("devday:")) {
      // A short code typed in: the synced list knows each ticket's current one.
      const typed = scan.code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
      ticket = data && Object.values(data.tickets).find((x) => x.short_code === typed);
      if (!ticket) return { result: "invalid" };
    } else {
      const cut = scan.code.lastIndexOf(":");
      const parts = scan.code.slice(0, cut).split(":");
      if (cut < 0 || parts.length !== 5 || parts[0] !== "devday" || parts[1] !== "1") return { result: "invalid" };
      if (parts[2] !== edition) return { result: "wrong_edition" };
      await importKey();
      ticket = data.tickets[parts[3]];
      if (key) {
        let genuine = false;
        try { genuine = await crypto.subtle.verify({ name: "Ed25519" }, key, b64url(scan.code.slice(cut + 1)), new TextEncoder().encode(scan.code.slice(0, cut))); } catch (e) { genuine = false; }
        if (!genuine) return { result: "invalid" };
      } else if (!ticket) {
        // A browser without Ed25519 in Web Crypto (or a page not served over https) cannot
        // check signatures: it trusts its list, whose entries came from the server.
        return { result: "invalid" };
      }
      // Issued after the last sync: the signature is all there is to go on.
      if (!ticket) return data.list.all_tickets ? { result: "admitted", name: "", ticket_type: t("unknown_ticket"), checked_in_at: scan.scanned_at } : { result: "not_on_list" };
      if (String(ticket.serial) !== parts[4]) return { result: "revoked" };
    }
    if (!ticket.valid) return { result: "revoked", name: ticket.name };
    if (ticket.checked_in_at) return { result: "already_checked_in", name: ticket.name, ticket_type: typeName(ticket), checked_in_at: ticket.checked_in_at, checked_in_by: ticket.checked_in_by };
    ticket.checked_in_at = scan.scanned_at; ticket.checked_in_by = device.device;
    return { result: "admitted", name: ticket.name, ticket_type: typeName(ticket), registration_id: ticket.registration_id };
  }

  function show(answer) {
    const box = $("scanner-result");
    const ok = answer.result === "admitted";
    box.className = "scan-result " + (ok ? "scan-ok" : answer.result === "undone" ? "" : "scan-no");
    $("scanner-verdict").textContent = t(answer.result);
    $("scanner-who").textContent = [answer.name, typeName(answer)].filter(Boolean).join(" · ");
    let detail = "";
    if (answer.result === "already_checked_in" && answer.checked_in_at) {
      const time = new Date(answer.checked_in_at + "Z").toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      detail = t("at") + " " + time + (answer.checked_in_by ? " · " + answer.checked_in_by : "");
    }
    $("scanner-detail").textContent = detail;
    box.dataset.result = answer.result;
    // A wrong person let in by mistake: this device takes back its own admission, for a
    // few minutes (online; the server checks both and keeps the log).
    const undo = $("scanner-undo");
    undo.hidden = !(ok && online && answer.registration_id);
    clearTimeout(undoTimer);
    if (!undo.hidden) undoTimer = setTimeout(() => { undo.hidden = true; }, undoMinutes * 60000);
    undo.onclick = async () => {
      try {
        await call("POST", api + "/undo", { registration_id: answer.registration_id, list, device: device.device });
        const ticket = data && data.tickets[answer.registration_id];
        if (ticket) { ticket.checked_in_at = null; ticket.checked_in_by = null; save(); }
        show({ result: "undone", name: answer.name, ticket_type: answer.ticket_type });
      } catch (e) {
        if (e.status) { undo.hidden = true; $("scanner-detail").textContent = (e.problem && (e.problem.detail || e.problem.title)) || e.message; }
        else { online = false; showMode(); }
      }
    };
  }

  async function handle(scan) {
    scan.nonce = nonce(); scan.scanned_at = nowUtc(); scan.list = list; scan.device = device.device;
    let answer = null;
    if (online) {
      try { answer = await call("POST", api, scan); remember(answer); save(); } catch (e) { online = false; }
    }
    if (!answer) {
      answer = await decideOffline(scan);
      // Every scan goes up, refused ones too: the server logs them and decides again.
      queue.push(scan);
      save();
    }
    show(answer); showMode();
  }

  // The camera: BarcodeDetector where the browser has one, else jsQR on a canvas.
  // A code held in view is read many times a second: it counts again only after it has
  // been out of view for a moment.
  let last = { code: "", seen: 0 };
  async function camera() {
    const video = $("scanner-video");
    try {
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      await video.play();
    } catch (e) { $("scanner-camera-error").hidden = false; return; }
    const detector = "BarcodeDetector" in window ? new BarcodeDetector({ formats: ["qr_code"] }) : null;
    const canvas = document.createElement("canvas");
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    const tick = async () => {
      let text = null;
      if (video.readyState >= 2) {
        if (detector) {
          const found = await detector.detect(video).catch(() => []);
          if (found.length) text = found[0].rawValue;
        } else if (window.jsQR) {
          canvas.width = video.videoWidth; canvas.height = video.videoHeight;
          ctx.drawImage(video, 0, 0);
          const found = window.jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { inversionAttempts: "dontInvert" });
          if (found) text = found.data;
        }
      }
      if (text) {
        const fresh = text !== last.code || Date.now() - last.seen > 2500;
        last = { code: text, seen: Date.now() };
        if (fresh) await handle({ code: text });
      }
      setTimeout(tick, 120);
    };
    tick();
  }

  // The desk: search by name or address, check in by hand.
  $("scanner-search").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const q = $("scanner-q").value.trim();
    let found = [];
    if (online) {
      try { found = await call("GET", api + "/search?list=" + encodeURIComponent(list) + "&q=" + encodeURIComponent(q)); } catch (e) { if (!e.status) online = false; }
    }
    if (!online && data) {
      // Offline the address still finds someone; the desk never shows it.
      const needle = q.toLowerCase();
      found = Object.values(data.tickets).filter((x) => (x.name + " " + x.email).toLowerCase().includes(needle)).slice(0, 20)
        .map((x) => Object.assign({}, x, { can_check_in: x.valid && !x.checked_in_at }));
    }
    const out = $("scanner-found");
    out.replaceChildren();
    for (const person of found) {
      const li = document.createElement("li");
      const who = document.createElement("span");
      who.textContent = person.name + " · " + typeName(person) + " ";
      li.appendChild(who);
      const state = document.createElement("span");
      if (person.checked_in_at) {
        state.className = "badge ok";
        state.textContent = t("in_since") + " " + new Date(person.checked_in_at + "Z").toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      } else if (person.can_check_in) {
        state.className = "badge"; state.textContent = t("not_in");
      } else {
        state.className = "badge warn"; state.textContent = t("not_valid");
      }
      li.appendChild(state);
      // Only those not in yet (and with a valid ticket) can be let in from here.
      if (person.can_check_in) {
        const button = document.createElement("button");
        button.type = "button"; button.textContent = t("check_in");
        button.addEventListener("click", () => handle({ registration_id: person.registration_id }));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(button);
      }
      out.appendChild(li);
    }
    if (!found.length) out.textContent = t("nobody");
  });
  $("scanner-manual").addEventListener("submit", (ev) => { ev.preventDefault(); const code = $("scanner-code").value.trim(); if (code) handle({ code }); $("scanner-code").value = ""; });

  window.addEventListener("online", sync);
  window.addEventListener("offline", () => { online = false; showMode(); });
  showMode();
  importKey().then(sync);
  setInterval(sync, 5000);
  camera();
})();
