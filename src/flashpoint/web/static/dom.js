// Small DOM helpers. Every piece of text from the store goes in as a text node
// (textContent), never as HTML, so an article cannot inject markup or script.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A link only for http(s) URLs; anything else (javascript:, data:) is shown as plain text.
export function safeLink(url, text) {
  let parsed = null;
  try { parsed = new URL(url); } catch { parsed = null; }
  if (!parsed || !["http:", "https:"].includes(parsed.protocol)) return el("span", { text });
  return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank", text });
}

export const TYPE_COLOURS = {
  ASSAULT: "#c62828", COERCE: "#6a1b9a", PROTEST: "#ef6c00", THREATEN: "#8d6e63",
  MOBILIZE: "#00897b", ACCUSE: "#546e7a", SANCTION: "#3949ab", REQUEST: "#7cb342",
  AID: "#2e7d32", RETREAT: "#00acc1", AGREE: "#43a047", CONSULT: "#5c6bc0",
  SUPPORT: "#26a69a", CONCEDE: "#9ccc65", COOPERATE: "#66bb6a", REJECT: "#ad1457",
};
export const colourOf = (type) => TYPE_COLOURS[type] || "#757575";

export function who(e) {
  const names = (list) => list.map((a) => a.name || a.text).join(", ");
  const actors = names(e.actors) || "?";
  return e.recipients.length ? `${actors} → ${names(e.recipients)}` : actors;
}

export function when(e) {
  const { start, end } = e.date;
  if (!start) return "undated";
  return !end || end === start ? start : `${start} – ${end}`;
}

export const where = (e) => (e.location ? `${e.location.name}${e.location.country ? ", " + e.location.country : ""}` : "unknown");
export const kind = (e) => e.event_type + (e.mode ? "/" + e.mode : "");
export const killed = (e) => (e.fatalities ? String(e.fatalities.best) : "");
