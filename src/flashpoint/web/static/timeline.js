// The timeline: one stacked bar per day (events by type), drawn as SVG from /api/counts.
import { colourOf } from "./dom.js";

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function drawTimeline(target, counts, onPick) {
  target.replaceChildren();
  const days = [...new Set(counts.days.map((d) => d.date))].sort();
  if (!days.length) {
    target.append(svg("text", { x: 10, y: 20 }, "No dated events match the filter."));
    return 0;
  }
  const width = target.clientWidth || 800, height = target.clientHeight || 110, pad = 18;
  const t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]) + DAY;
  const x = (d) => pad + ((Date.parse(d) - t0) / (t1 - t0)) * (width - 2 * pad);
  const totals = {};
  for (const d of counts.days) totals[d.date] = (totals[d.date] || 0) + d.count;
  const top = Math.max(...Object.values(totals));
  const barWidth = Math.max(2, Math.min(24, (width - 2 * pad) / ((t1 - t0) / DAY) - 1));
  const stacked = {};
  for (const d of counts.days) {
    const below = stacked[d.date] || 0;
    stacked[d.date] = below + d.count;
    const h = (d.count / top) * (height - 2 * pad);
    const y = height - pad - ((below + d.count) / top) * (height - 2 * pad);
    const bar = svg("rect", { x: x(d.date), y, width: barWidth, height: Math.max(1, h),
                              fill: colourOf(d.type), class: "bar", tabindex: 0, role: "button",
                              "aria-label": `${d.date}: ${d.count} ${d.type}` });
    bar.append(svg("title", {}, `${d.date}: ${d.count} ${d.type}`));
    bar.addEventListener("click", () => onPick(d.date));
    bar.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onPick(d.date); } });
    target.append(bar);
  }
  target.append(svg("text", { x: pad, y: height - 4 }, days[0]));
  target.append(svg("text", { x: width - pad, y: height - 4, "text-anchor": "end" }, days[days.length - 1]));
  target.append(svg("text", { x: pad, y: 12 }, `max ${top} a day`));
  return days.length;
}
