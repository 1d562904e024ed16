// Formatting and the figures the dashboard derives from the query API's answers: pure functions,
// no DOM, no charts.
"use strict";

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04",
  "#db2777", "#4b5563", "#65a30d", "#7c3aed", "#0d9488"];

function usd(v) {
  const a = Math.abs(v);
  const sign = v < 0 ? "-" : "";
  if (a >= 1e12) return sign + "$" + (a / 1e12).toFixed(2) + "T";
  if (a >= 1e9) return sign + "$" + (a / 1e9).toFixed(1) + "B";
  if (a >= 1e6) return sign + "$" + (a / 1e6).toFixed(1) + "M";
  return sign + "$" + a.toFixed(0);
}

function signedUsd(v) {
  return (v > 0 ? "+" : "") + usd(v);
}

// A ratio (0.01) as percent text ("+1.00%").
function pct(ratio, digits = 2) {
  const p = ratio * 100;
  return (p > 0 ? "+" : "") + p.toFixed(digits) + "%";
}

const day = (ms) => new Date(ms).toISOString().slice(0, 10);

// A model term's value as a person reads it: dollars for *_usd terms, else a short number.
function termValue(name, value) {
  if (name.endsWith("_usd")) return usd(value);
  if (Number.isInteger(value)) return String(value);
  const text = Math.abs(value) >= 1e-3 || value === 0 ? value.toFixed(4) : value.toExponential(3);
  return text.replace(/(\.\d*?)0+(e|$)/, "$1$2").replace(/\.(e|$)/, "$1");
}

// Whether a reaction counts in its company's running value: priced against the profile the value
// starts from, and after that profile's reference date (events on or before it are already in the
// profile's value; docs/impact-model.md, "Running value").
function countsInValue(reaction, cap) {
  return (
    cap !== undefined &&
    cap.referenceDate !== null &&
    reaction.referenceDate === cap.referenceDate &&
    reaction.occurredAt.slice(0, 10) > cap.referenceDate
  );
}

// A company's cumulative abnormal return over event time, from its reactions (MacKinlay 1997: the
// CAR is the sum of the abnormal returns, its variance the sum of their variances). Each reaction's
// band is AR +- z*sigma, so the half-widths add in quadrature to the CAR's z*sigma_cum.
// Points are in percent; the first is the profile's reference date (CAR 0).
function carSeries(cap, reactions) {
  const counted = reactions
    .filter((r) => r.company === cap.company && countsInValue(r, cap))
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) ||
      a.eventId.localeCompare(b.eventId));
  const points = [];
  if (cap.referenceDate !== null) {
    points.push({ x: Date.parse(cap.referenceDate + "T00:00:00Z"), car: 0, band: 0, reaction: null });
  }
  let car = 0;
  let variance = 0;
  for (const r of counted) {
    car += r.abnormalReturn;
    variance += ((r.highReturn - r.lowReturn) / 2) ** 2;
    points.push({ x: Date.parse(r.occurredAt), car: car * 100, band: Math.sqrt(variance) * 100, reaction: r });
  }
  return points;
}
