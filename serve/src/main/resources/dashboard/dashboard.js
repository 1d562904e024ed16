// The dashboard: reads the views from the query API and draws them; while live, any change on the
// server's event stream makes it read them again. Each panel also writes what it drew as text (and
// a count in data-rendered), so what the charts show can be read without looking at pixels.
"use strict";

const data = { share: [], caps: [], reactions: [], capex: [], branches: [], branch: null };
const selection = { segment: null, eventId: null, company: null, valueCompany: null,
  branch: new URLSearchParams(location.search).get("branch") || "" };
const charts = {};
const colorIndex = new Map();

const color = (id) => {
  if (!colorIndex.has(id)) colorIndex.set(id, colorIndex.size);
  return COLORS[colorIndex.get(id) % COLORS.length];
};
const capOf = (company) => data.caps.find((c) => c.company === company);

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return response.json();
}

async function load() {
  const [share, caps, reactions, capex] = await Promise.all(
    ["/api/market-share", "/api/market-cap", "/api/reactions", "/api/capex"].map(getJson));
  // The live views do not wait for the branches: without them the page shows none.
  const branches = await getJson("/api/branches").catch(() => []);
  // A branch changes only when it is replayed again, not with the live views: read it once.
  const branch = data.branch && data.branch.name === selection.branch && branches.includes(selection.branch)
    ? data.branch : await loadBranch(branches);
  Object.assign(data, { share, caps, reactions, capex, branches, branch });
  // Colours follow the company, whichever chart it is in.
  [...new Set([...caps.map((c) => c.company),
    ...share.flatMap((s) => s.entries.map((e) => e.provider))])].sort().forEach(color);
  if (!reactions.some(isSelected) && reactions.length > 0) {
    // Until one is clicked, explain the reaction that moved the most dollars.
    const largest = reactions.reduce((a, b) => (Math.abs(b.dollarImpactUsd) > Math.abs(a.dollarImpactUsd) ? b : a));
    Object.assign(selection, { eventId: largest.eventId, company: largest.company, valueCompany: largest.company });
  }
  drawAll();
}

// The views of the selected what-if branch (impactsim whatif), shown beside the live ones.
async function loadBranch(branches) {
  const name = selection.branch;
  if (!name || !branches.includes(name)) return null;
  const path = "/api/branches/" + encodeURIComponent(name) + "/";
  const [share, caps, reactions] = await Promise.all(
    ["market-share", "market-cap", "reactions"].map((view) => getJson(path + view)));
  return { name, share, caps, reactions };
}

function drawBranchControl() {
  const control = document.getElementById("branch-control");
  const select = document.getElementById("branch");
  control.hidden = data.branches.length === 0;
  select.replaceChildren(new Option("none", "", false, !data.branch),
    ...data.branches.map((b) => new Option(b, b, false, data.branch !== null && b === data.branch.name)));
  select.onchange = () => {
    selection.branch = select.value;
    loadBranch(data.branches).then((branch) => {
      data.branch = branch;
      drawAll();
    });
  };
  document.querySelectorAll(".branch-col").forEach((el) => (el.hidden = !data.branch));
  document.querySelectorAll("th.basis-col").forEach((el) => (el.hidden = data.branch !== null));
}

function drawAll() {
  drawBranchControl();
  drawShare();
  drawCar();
  drawReactions();
  drawDrivers();
  drawCompanies();
  drawCapex();
}

// The chart of a canvas, created once; its options are replaced on every draw, as they refer to
// the data they were drawn with (tooltips, axis bounds).
function chart(id, config) {
  const options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false },
    config.options);
  if (!charts[id]) {
    charts[id] = new Chart(document.getElementById(id), { ...config, options });
  } else {
    charts[id].options = options;
  }
  return charts[id];
}

function summarize(id, lines) {
  const el = document.getElementById(id);
  el.textContent = lines.join("\n");
  el.dataset.rendered = String(lines.length);
}

function cell(text, cls) {
  const td = document.createElement("td");
  td.textContent = text;
  if (cls) td.className = cls;
  return td;
}

const trend = (v) => "num " + (v > 0 ? "up" : v < 0 ? "down" : "");

// --- market share per quarter, stacked, one segment at a time ---

function segments() {
  const totals = new Map();
  data.share.filter((s) => s.period === "ALL").forEach((s) => totals.set(s.segment, s.totalCommittedUsd));
  data.share.forEach((s) => totals.has(s.segment) || totals.set(s.segment, 0));
  return [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a.localeCompare(b));
}

function drawShare() {
  const select = document.getElementById("share-segment");
  const all = segments();
  if (!all.includes(selection.segment)) selection.segment = all[0] || null;
  select.replaceChildren(...all.map((s) => new Option(s, s, false, s === selection.segment)));
  select.onchange = () => {
    selection.segment = select.value;
    drawShare();
  };
  const quarters = data.share
    .filter((s) => s.segment === selection.segment && s.period !== "ALL")
    .sort((a, b) => a.period.localeCompare(b.period));
  const providers = new Map();
  quarters.forEach((q) => q.entries.forEach((e) => providers.set(e.provider, e.providerName)));
  const ids = [...providers.keys()].sort();
  const entry = (q, p) => q.entries.find((e) => e.provider === p);
  const c = chart("market-share-chart", {
    type: "bar",
    data: { labels: [], datasets: [] },
    options: {
      scales: {
        x: { stacked: true, title: { display: true, text: "quarter of the booking (event time)" } },
        y: { stacked: true, min: 0, max: 100, ticks: { callback: (v) => v + "%" },
          title: { display: true, text: "share of the quarter's committed value" } },
      },
      plugins: {
        legend: { labels: { filter: (item, d) => d.datasets[item.datasetIndex].stack !== "branch" } },
        tooltip: { callbacks: { label: (item) => {
          if (item.dataset.stack === "branch") return item.dataset.label + ": " + item.parsed.y.toFixed(1) + "%";
          const q = quarters[item.dataIndex];
          const e = q && entry(q, item.dataset.provider);
          return item.dataset.label + ": " + item.parsed.y.toFixed(1) + "%" +
            (e ? " (" + usd(e.committedUsd) + ", " + e.dealCount + " deal" + (e.dealCount === 1 ? "" : "s") + ")" : "");
        } } },
      },
    },
  });
  c.data.labels = quarters.map((q) => q.period);
  c.data.datasets = ids.map((p) => ({
    label: providers.get(p) + " (" + p + ")",
    provider: p,
    stack: "live",
    backgroundColor: color(p),
    data: quarters.map((q) => (entry(q, p) || { sharePct: 0 }).sharePct),
  }));
  const branch = data.branch;
  if (branch) {
    // The branch's bars stand beside the live ones, hatched by transparency, in the same quarters.
    const ofBranch = (period) => branch.share.find((s) => s.segment === selection.segment && s.period === period);
    const branchIds = [...new Set(branch.share.filter((s) => s.segment === selection.segment && s.period !== "ALL")
      .flatMap((s) => s.entries.map((e) => e.provider)))].sort();
    branchIds.forEach((p) => c.data.datasets.push({
      label: p + " (" + branch.name + ")",
      provider: p,
      stack: "branch",
      backgroundColor: color(p) + "66",
      borderColor: color(p),
      borderWidth: 1,
      data: quarters.map((q) => {
        const b = ofBranch(q.period);
        return ((b && b.entries.find((e) => e.provider === p)) || { sharePct: 0 }).sharePct;
      }),
    }));
  }
  c.update("none");
  const allTime = data.share.find((s) => s.segment === selection.segment && s.period === "ALL");
  const lines = quarters.map((q) => q.period + " (" + usd(q.totalCommittedUsd) + "): " +
    (q.entries.length ? q.entries.map((e) => e.provider + " " + e.sharePct.toFixed(1) + "%").join(", ") : "nothing counted"));
  if (allTime) {
    lines.push("all time (" + usd(allTime.totalCommittedUsd) + "): " + (allTime.entries.length
      ? allTime.entries.map((e) => e.provider + " " + e.sharePct.toFixed(1) + "%").join(", ") : "nothing counted"));
  }
  const branchAll = data.branch && data.branch.share.find((s) => s.segment === selection.segment && s.period === "ALL");
  if (branchAll) {
    lines.push("what-if " + data.branch.name + ", all time (" + usd(branchAll.totalCommittedUsd) + "): " +
      branchAll.entries.map((e) => e.provider + " " + e.sharePct.toFixed(1) + "%").join(", "));
  }
  summarize("market-share-summary", lines);
}

// --- cumulative abnormal return per company, in percent, with its band ---

function drawCar() {
  const caps = [...data.caps].sort((a, b) => a.company.localeCompare(b.company));
  const series = caps.map((cap) => ({ cap, points: carSeries(cap, data.reactions) }));
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const end = Math.max(...xs);
  // Ticks on whole UTC days, at most about eight of them.
  const DAY = 86400000;
  const first = Math.floor(Math.min(...xs) / DAY) * DAY;
  const stepDays = Math.max(1, Math.ceil((end - first) / DAY / 8));
  const axisEnd = (Math.floor(end / DAY / stepDays) + 1) * DAY * stepDays;
  const bounds = xs.length ? { min: first, max: axisEnd } : {};
  // Every line runs on past the latest event, so a company without recent events stays visible
  // and the level each line ends at can be read.
  const lineEnd = end + (axisEnd - end) / 2;
  const c = chart("car-chart", {
    type: "line",
    data: { datasets: [] },
    options: {
      parsing: false,
      interaction: { mode: "nearest", intersect: true },
      scales: {
        x: { type: "linear", ...bounds, ticks: { stepSize: stepDays * DAY, callback: (v) => day(v) },
          title: { display: true, text: "event time (from each company's profile date)" } },
        y: { ticks: { callback: (v) => v + "%" },
          title: { display: true, text: "cumulative abnormal return" } },
      },
      plugins: {
        legend: { labels: { filter: (item, d) => d.datasets[item.datasetIndex].kind === "car" } },
        tooltip: {
          filter: (item) => item.dataset.kind === "car" && item.raw.reaction,
          callbacks: { label: (item) => {
            const r = item.raw.reaction;
            return item.dataset.label + ": CAR " + item.raw.y.toFixed(2) + "% (" + r.eventId + ": " +
              pct(r.abnormalReturn) + ")";
          } },
        },
      },
      onClick: (event, elements, ch) => {
        const hit = elements.map((e) => ch.data.datasets[e.datasetIndex].data[e.index])
          .find((p) => p.reaction);
        if (hit) select(hit.reaction.eventId, hit.reaction.company);
      },
    },
  });
  const datasets = [];
  const lines = [];
  for (const { cap, points } of series) {
    const last = points[points.length - 1];
    const shown = last ? [...points, { ...last, x: lineEnd, reaction: null }] : points;
    const xy = (f) => shown.map((p) => ({ x: p.x, y: f(p), reaction: p.reaction }));
    const col = color(cap.company);
    // Every band is drawn, but only the selected company's is shown: six overlapping bands hide
    // each other.
    const step = { stepped: true, pointRadius: 0, borderWidth: 0, company: cap.company,
      hidden: cap.company !== selection.valueCompany };
    datasets.push({ ...step, kind: "band-low", label: cap.company + " low", data: xy((p) => p.car - p.band), fill: false });
    datasets.push({ ...step, kind: "band-high", label: cap.company + " high", data: xy((p) => p.car + p.band),
      fill: "-1", backgroundColor: col + "1f" });
    datasets.push({
      kind: "car", label: cap.company, company: cap.company, data: xy((p) => p.car), stepped: true,
      borderColor: col, backgroundColor: col, borderWidth: 2,
      pointRadius: (ctx) => (ctx.raw && ctx.raw.reaction ? (isSelected(ctx.raw.reaction) ? 7 : 4) : 0),
      pointHoverRadius: (ctx) => (ctx.raw && ctx.raw.reaction ? 8 : 0),
    });
    if (last) {
      lines.push(cap.company + ": " + (last.car >= 0 ? "+" : "") + last.car.toFixed(2) + "% (band " +
        (last.car - last.band).toFixed(2) + "% to " + (last.car + last.band).toFixed(2) + "%) over " +
        (points.length - 1) + " events since " + cap.referenceDate);
    }
  }
  if (data.branch) {
    for (const cap of [...data.branch.caps].sort((a, b) => a.company.localeCompare(b.company))) {
      const points = carSeries(cap, data.branch.reactions);
      const col = color(cap.company);
      const shown = points.length ? [...points, { ...points[points.length - 1], x: lineEnd }] : points;
      datasets.push({
        kind: "branch-car", label: cap.company + " (" + data.branch.name + ")", company: cap.company,
        data: shown.map((p) => ({ x: p.x, y: p.car, reaction: null })), stepped: true,
        borderColor: col, backgroundColor: col, borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0,
      });
      const last = points[points.length - 1];
      if (last) {
        lines.push(cap.company + " in " + data.branch.name + ": " + (last.car >= 0 ? "+" : "") +
          last.car.toFixed(2) + "% over " + (points.length - 1) + " events");
      }
    }
  }
  c.data.datasets = datasets;
  c.update("none");
  document.getElementById("car-branch-note").textContent =
    data.branch ? "; dashed: what-if branch " + data.branch.name : "";
  summarize("car-summary", lines);
}

// --- reactions and their drivers ---

const isSelected = (r) => r.eventId === selection.eventId && r.company === selection.company;

function select(eventId, company) {
  Object.assign(selection, { eventId, company, valueCompany: company });
  drawCar();
  drawReactions();
  drawDrivers();
  drawCompanies();
}

function drawReactions() {
  const rows = [...data.reactions].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) ||
    b.eventId.localeCompare(a.eventId) || a.company.localeCompare(b.company));
  const body = document.querySelector("#reactions-table tbody");
  body.replaceChildren(...rows.map((r) => {
    const tr = document.createElement("tr");
    tr.dataset.event = r.eventId;
    tr.dataset.company = r.company;
    if (isSelected(r)) tr.className = "selected";
    const counted = countsInValue(r, capOf(r.company));
    tr.append(cell(day(Date.parse(r.occurredAt)), "date"), cell(r.eventId), cell(r.company), cell(r.role),
      cell(pct(r.abnormalReturn), trend(r.abnormalReturn)), cell(signedUsd(r.dollarImpactUsd), "num"),
      cell(counted ? "yes" : "in profile", counted ? "" : "muted"));
    tr.onclick = () => select(r.eventId, r.company);
    return tr;
  }));
  document.getElementById("reactions-table").dataset.rendered = String(rows.length);
}

function drawDrivers() {
  const panel = document.getElementById("drivers-panel");
  const r = data.reactions.find(isSelected);
  const body = document.querySelector("#drivers-table tbody");
  panel.dataset.event = r ? r.eventId : "";
  panel.dataset.company = r ? r.company : "";
  if (!r) {
    document.getElementById("drivers-title").textContent = "select a reaction";
    document.getElementById("drivers-summary").textContent = "";
    body.replaceChildren();
    document.getElementById("drivers-table").dataset.rendered = "0";
    return;
  }
  document.getElementById("drivers-title").textContent = r.company + " (" + r.role + ") on " + r.eventId;
  document.getElementById("drivers-summary").textContent =
    "Abnormal return " + pct(r.abnormalReturn) + " (band " + pct(r.lowReturn) + " to " + pct(r.highReturn) +
    "), " + signedUsd(r.dollarImpactUsd) + " against " + usd(r.referenceValueUsd) + " (" +
    r.valuationBasis.toLowerCase().replace("_", " ") + ", profile of " + r.referenceDate + "). " +
    r.eventType + " of " + day(Date.parse(r.occurredAt)) + ", model " + r.modelVersion + ".";
  const row = (d, scope) => {
    const tr = document.createElement("tr");
    tr.dataset.name = d.name;
    tr.dataset.value = String(d.value);
    tr.dataset.scope = scope;
    tr.title = d.explanation || "";
    tr.append(cell(d.name + (d.explanation ? " *" : "")), cell(termValue(d.name, d.value), "num"),
      cell(scope === "reaction" ? r.company : "the event", "muted"));
    return tr;
  };
  body.replaceChildren(...r.drivers.map((d) => row(d, "reaction")), ...r.terms.map((d) => row(d, "event")));
  document.getElementById("drivers-table").dataset.rendered = String(r.drivers.length + r.terms.length);
}

// --- simulated values and the events behind them ---

function drawCompanies() {
  const caps = [...data.caps].sort((a, b) => b.simulatedValueUsd - a.simulatedValueUsd);
  if (!capOf(selection.valueCompany)) selection.valueCompany = caps.length ? caps[0].company : null;
  const body = document.querySelector("#companies-table tbody");
  body.replaceChildren(...caps.map((c) => {
    const tr = document.createElement("tr");
    tr.dataset.company = c.company;
    if (c.company === selection.valueCompany) tr.className = "selected";
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = color(c.company);
    const name = cell(c.company);
    name.prepend(swatch);
    const basis = cell(c.valuationBasis === "MARKET_CAP" ? "market cap" : "implied", "muted basis-col");
    // The branch's column takes the basis column's place.
    basis.hidden = data.branch !== null;
    tr.append(name, basis,
      cell(usd(c.referenceValueUsd), "num"), cell(usd(c.simulatedValueUsd), "num"),
      cell(usd(c.lowValueUsd) + " – " + usd(c.highValueUsd), "num"),
      cell(pct(c.cumulativeAbnormalReturn), trend(c.cumulativeAbnormalReturn)), cell(String(c.eventCount), "num"));
    if (data.branch) {
      const b = data.branch.caps.find((x) => x.company === c.company);
      const td = b ? cell(signedUsd(b.simulatedValueUsd - c.simulatedValueUsd), trend(b.simulatedValueUsd - c.simulatedValueUsd))
        : cell("-", "num muted");
      if (b) td.title = data.branch.name + ": " + usd(b.simulatedValueUsd);
      td.classList.add("branch-col");
      if (b) td.dataset.branchValue = String(b.simulatedValueUsd);
      tr.append(td);
    }
    tr.onclick = () => {
      selection.valueCompany = c.company;
      drawCar();
      drawCompanies();
    };
    return tr;
  }));
  document.getElementById("companies-table").dataset.rendered = String(caps.length);
  drawValueEvents();
}

function drawValueEvents() {
  const box = document.getElementById("value-events");
  const cap = capOf(selection.valueCompany);
  const list = document.getElementById("value-events-list");
  box.dataset.company = cap ? cap.company : "";
  if (!cap) {
    list.replaceChildren();
    box.dataset.rendered = "0";
    return;
  }
  const events = carSeries(cap, data.reactions).filter((p) => p.reaction).map((p) => p.reaction);
  const moved = events.reduce((sum, r) => sum + r.dollarImpactUsd, 0);
  document.getElementById("value-events-summary").textContent =
    cap.company + ": " + usd(cap.simulatedValueUsd) + " = " + usd(cap.referenceValueUsd) + " (profile of " +
    cap.referenceDate + ") " + (moved < 0 ? "- " : "+ ") + usd(Math.abs(moved)) + " from " + events.length +
    " event" + (events.length === 1 ? "" : "s") + (events.length ? ":" : "");
  list.replaceChildren(...events.map((r) => {
    const li = document.createElement("li");
    li.dataset.event = r.eventId;
    li.textContent = day(Date.parse(r.occurredAt)) + " " + r.eventId + " (" + r.role + "): " +
      pct(r.abnormalReturn) + ", " + signedUsd(r.dollarImpactUsd);
    li.onclick = () => select(r.eventId, r.company);
    return li;
  }));
  box.dataset.rendered = String(events.length);
}

// --- capex ---

function drawCapex() {
  const rows = data.capex
    .filter((c) => c.schedule.some((y) => y.asBuyerUsd > 0))
    .sort((a, b) => a.company.localeCompare(b.company));
  const years = [...new Set(rows.flatMap((c) => c.schedule.map((y) => y.year)))].sort();
  const c = chart("capex-chart", {
    type: "bar",
    data: { labels: [], datasets: [] },
    options: { scales: { x: { stacked: true }, y: { stacked: true, ticks: { callback: (v) => usd(v) },
      title: { display: true, text: "committed as buyer, per year" } } } },
  });
  c.data.labels = years.map(String);
  c.data.datasets = rows.map((row) => ({
    label: row.company,
    backgroundColor: color(row.company),
    data: years.map((y) => (row.schedule.find((s) => s.year === y) || { asBuyerUsd: 0 }).asBuyerUsd),
  }));
  c.update("none");
  summarize("capex-summary", rows.map((row) => row.company + ": " +
    row.schedule.filter((y) => y.asBuyerUsd > 0).map((y) => y.year + " " + usd(y.asBuyerUsd)).join(", ")));
}

// --- loading and following ---

function setStatus(state, text) {
  const status = document.getElementById("status");
  status.dataset.state = state;
  status.textContent = text;
}

let reloadTimer = null;
let loads = 0;

function reload(settled) {
  clearTimeout(reloadTimer);
  reloadTimer = null;
  load()
    .then(() => {
      loads += 1;
      document.body.dataset.loads = String(loads);
      settled();
    })
    .catch((e) => {
      setStatus("error", "retrying: " + e.message);
      reloadTimer = setTimeout(() => reload(settled), 2000);
    });
}

// With ?snapshot the page reads the views once and does not follow the stream, so a headless
// browser (or a printout) sees a page whose network has gone quiet. Otherwise every view change
// on the stream schedules a new read (at most one per second).
function start() {
  const snapshot = new URLSearchParams(location.search).has("snapshot");
  if (snapshot) {
    reload(() => setStatus("snapshot", "snapshot"));
    return;
  }
  const live = () => setStatus("live", "live");
  reload(live);
  const source = new EventSource("/api/stream");
  const later = () => {
    if (reloadTimer === null) reloadTimer = setTimeout(() => reload(live), 1000);
  };
  ["market-share", "capex", "market-cap", "reactions", "replayed"].forEach((view) =>
    source.addEventListener(view, later));
  source.onerror = () => setStatus("error", "reconnecting");
}

start();
