// The live dashboard: keeps the latest record of every view key from the server's event stream
// and redraws the charts. Each panel also writes what it drew as text (and a count in
// data-rendered), so what the charts show can be read without looking at pixels.
"use strict";

const state = {
  share: new Map(), // "<segment>|<period>" -> MarketShareSnapshot
  capex: new Map(), // company -> CapexCommitments
  caps: new Map(), // company -> Map(asOf -> SimulatedMarketCap)
  reactions: new Map(), // eventId -> EventReactions (every affected company of the event)
};
const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04",
  "#db2777", "#4b5563", "#65a30d"];
const charts = {};
let redrawPending = false;

function usd(v) {
  const a = Math.abs(v);
  const sign = v < 0 ? "-" : "";
  if (a >= 1e12) return sign + "$" + (a / 1e12).toFixed(2) + "T";
  if (a >= 1e9) return sign + "$" + (a / 1e9).toFixed(1) + "B";
  if (a >= 1e6) return sign + "$" + (a / 1e6).toFixed(1) + "M";
  return sign + "$" + a.toFixed(0);
}
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const color = (i) => COLORS[i % COLORS.length];

function apply(view, change) {
  const { key, value } = change;
  if (view === "market-share") setOrDelete(state.share, key, value);
  else if (view === "capex") setOrDelete(state.capex, key, value);
  else if (view === "reactions") setOrDelete(state.reactions, key, value);
  else if (view === "market-cap" && value) {
    if (!state.caps.has(key)) state.caps.set(key, new Map());
    state.caps.get(key).set(Date.parse(value.asOf), value);
  }
  scheduleRedraw();
}

function setOrDelete(map, key, value) {
  if (value === null) map.delete(key);
  else map.set(key, value);
}

function scheduleRedraw() {
  if (redrawPending) return;
  redrawPending = true;
  setTimeout(() => {
    redrawPending = false;
    drawShare();
    drawMarketCap();
    drawCapex();
    drawEvents();
  }, 100);
}

function chart(id, config) {
  if (!charts[id]) {
    config.options = Object.assign({ animation: false, responsive: true }, config.options);
    charts[id] = new Chart(document.getElementById(id), config);
  }
  return charts[id];
}

function summarize(id, lines) {
  const el = document.getElementById(id);
  el.textContent = lines.join("\n");
  el.dataset.rendered = String(lines.length);
}

function drawShare() {
  const snapshots = [...state.share.values()]
    .filter((s) => s.period === "ALL" && s.entries.length > 0)
    .sort((a, b) => b.totalCommittedUsd - a.totalCommittedUsd);
  const providers = [...new Set(snapshots.flatMap((s) => s.entries.map((e) => e.provider)))];
  const c = chart("market-share-chart", {
    type: "bar",
    data: { labels: [], datasets: [] },
    options: { indexAxis: "y", scales: { x: { min: 0, max: 100, title: { display: true, text: "share of committed value, %" } } } },
  });
  c.data.labels = providers;
  c.data.datasets = snapshots.map((s, i) => ({
    label: s.segment + " (" + usd(s.totalCommittedUsd) + ")",
    backgroundColor: color(i),
    data: providers.map((p) => (s.entries.find((e) => e.provider === p) || { sharePct: 0 }).sharePct),
  }));
  c.update("none");
  document.getElementById("share-segment").textContent = "all time, by segment";
  summarize("market-share-summary", snapshots.map((s) => s.segment + " " + s.period + ": " +
    s.entries.map((e) => e.provider + " " + e.sharePct.toFixed(1) + "%").join(", ")));
}

function drawMarketCap() {
  const companies = [...state.caps.keys()].sort();
  const c = chart("market-cap-chart", {
    type: "line",
    data: { datasets: [] },
    options: {
      parsing: false,
      scales: {
        x: { type: "linear", ticks: { callback: (v) => day(v) }, title: { display: true, text: "event time" } },
        y: { ticks: { callback: (v) => usd(v) } },
      },
      plugins: { legend: { labels: { filter: (item) => !item.text.endsWith(" band") } } },
    },
  });
  const datasets = [];
  const lines = [];
  companies.forEach((company, i) => {
    const points = [...state.caps.get(company).values()].sort((a, b) => Date.parse(a.asOf) - Date.parse(b.asOf));
    const xy = (field) => points.map((p) => ({ x: Date.parse(p.asOf), y: p[field] }));
    datasets.push({ label: company + " low band", data: xy("lowValueUsd"), borderWidth: 0, pointRadius: 0, fill: false });
    datasets.push({ label: company + " band", data: xy("highValueUsd"), borderWidth: 0, pointRadius: 0,
      fill: "-1", backgroundColor: color(i) + "33" });
    datasets.push({ label: company, data: xy("simulatedValueUsd"), borderColor: color(i), backgroundColor: color(i), stepped: true });
    const last = points[points.length - 1];
    lines.push(company + ": " + points.length + " points, " + usd(last.simulatedValueUsd) + " (" +
      usd(last.lowValueUsd) + " to " + usd(last.highValueUsd) + ") as of " + day(Date.parse(last.asOf)));
  });
  c.data.datasets = datasets;
  c.update("none");
  summarize("market-cap-summary", lines);
}

function drawCapex() {
  const rows = [...state.capex.values()]
    .filter((c) => c.schedule.some((y) => y.asBuyerUsd > 0))
    .sort((a, b) => a.company.localeCompare(b.company));
  const years = [...new Set(rows.flatMap((c) => c.schedule.map((y) => y.year)))].sort();
  const c = chart("capex-chart", {
    type: "bar",
    data: { labels: [], datasets: [] },
    options: { scales: { x: { stacked: true }, y: { stacked: true, ticks: { callback: (v) => usd(v) } } } },
  });
  c.data.labels = years.map(String);
  c.data.datasets = rows.map((row, i) => ({
    label: row.company,
    backgroundColor: color(i),
    data: years.map((y) => (row.schedule.find((s) => s.year === y) || { asBuyerUsd: 0 }).asBuyerUsd),
  }));
  c.update("none");
  summarize("capex-summary", rows.map((row) => row.company + ": " +
    row.schedule.filter((y) => y.asBuyerUsd > 0).map((y) => y.year + " " + usd(y.asBuyerUsd)).join(", ")));
}

function drawEvents() {
  const latest = [...state.reactions.values()]
    .flatMap((event) => event.reactions.map((r) => ({ ...r, eventId: event.eventId,
      eventType: event.eventType, occurredAt: event.occurredAt })))
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || a.company.localeCompare(b.company))
    .slice(0, 25);
  const body = document.querySelector("#events-table tbody");
  body.replaceChildren(...latest.map((r) => {
    const tr = document.createElement("tr");
    tr.dataset.event = r.eventId;
    tr.dataset.company = r.company;
    const cells = [
      [day(Date.parse(r.occurredAt))], [r.eventId], [r.eventType], [r.company],
      [(r.abnormalReturn * 100).toFixed(2) + "%", "num " + (r.abnormalReturn >= 0 ? "up" : "down")],
      [usd(r.dollarImpactUsd), "num"], [usd(r.lowImpactUsd) + " to " + usd(r.highImpactUsd), "num"],
    ];
    cells.forEach(([text, cls]) => {
      const td = document.createElement("td");
      td.textContent = text;
      if (cls) td.className = cls;
      tr.appendChild(td);
    });
    return tr;
  }));
  document.getElementById("events-table").dataset.rendered = String(latest.length);
}

// With ?snapshot the page draws the views once and stops following, so a headless browser (or a
// printout) sees a page whose network has gone quiet.
function connect() {
  const snapshot = new URLSearchParams(location.search).has("snapshot");
  const status = document.getElementById("status");
  const source = new EventSource("/api/stream");
  ["market-share", "capex", "market-cap", "reactions"].forEach((view) =>
    source.addEventListener(view, (e) => apply(view, JSON.parse(e.data))));
  source.addEventListener("replayed", () => {
    if (snapshot) source.close();
    status.dataset.state = snapshot ? "snapshot" : "live";
    status.textContent = snapshot ? "snapshot" : "live";
  });
  source.onerror = () => {
    status.dataset.state = "error";
    status.textContent = "reconnecting";
  };
}

connect();
