// Load generator for the check-in endpoint: scans the codes of codes.csv in turn at a
// steady rate (one request every 1/RATE s, not in bursts), over up to 64 keep-alive
// connections, and measures each latency from the moment the request was due, so a stalled
// server cannot hide its queue (no coordinated omission). The first pass over the codes
// admits; later passes are "already checked in", a write too (every scan is logged).
// Usage: node checkin.js BASE TOKEN CODES.csv SECONDS RATE
const http = require("http");
const fs = require("fs");
const [base, token, file, seconds, rate] = process.argv.slice(2);
const codes = fs.readFileSync(file, "utf8").trim().split("\n").slice(1).map((line) => line.split(",").pop());
const url = new URL(base + "/api/events/bench/checkin");
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const interval = 1000 / Number(rate);
const total = Math.round(Number(seconds) * Number(rate));
const latencies = [];
const statuses = {};
let errors = 0, sent = 0, done = 0;
const start = performance.now();

function fire(due) {
  const body = JSON.stringify({ code: codes[sent % codes.length], device: "bench" });
  sent++;
  const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: "Bearer " + token } }, (res) => {
    res.resume();
    res.on("end", () => {
      latencies.push(performance.now() - due);
      statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
      finish();
    });
  });
  req.on("error", () => { errors++; finish(); });
  req.end(body);
}

function finish() {
  if (++done < total) return;
  const took = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
  const ok = Object.entries(statuses).filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
  console.log(`scans: ${done} in ${took.toFixed(1)} s = ${(done / took).toFixed(0)}/s; latency ms p50 ${p(0.5)} p90 ${p(0.9)} p99 ${p(0.99)} max ${p(1)}; ` +
    `2xx ${ok}, non-2xx ${done - ok - errors}, errors ${errors}`);
  process.exit(0);
}

// Every millisecond or so (a timer, not a busy loop: the load generator must leave the
// server its CPU), send what has fallen due since.
(function tick() {
  const now = performance.now();
  while (sent < total && start + sent * interval <= now) fire(start + sent * interval);
  if (sent < total) setTimeout(tick, 1);
})();
