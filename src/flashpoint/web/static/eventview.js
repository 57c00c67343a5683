// One event: its facts, why its reports were grouped (what `flashpoint explain` prints),
// the events it answers and those that answer it, and each source article with the
// quoted evidence marked in its text. Article text is only ever inserted as text nodes.
import { el, kind, killed, safeLink, when, where, who } from "./dom.js";

const ASTRAL = /[\uD800-\uDFFF]/;

// Python counts offsets in code points, JavaScript strings in UTF-16 units.
function codePointSlice(text, start, end) {
  return ASTRAL.test(text) ? Array.from(text).slice(start, end).join("") : text.slice(start, end);
}

function toUnits(text, offset) {
  return ASTRAL.test(text) ? Array.from(text).slice(0, offset).join("").length : offset;
}

// The [start, end) in UTF-16 units where the quote sits, or null when it is not there.
export function quoteRange(text, evidence) {
  if (codePointSlice(text, evidence.start, evidence.end) === evidence.quote) {
    return [toUnits(text, evidence.start), toUnits(text, evidence.end)];
  }
  const at = text.indexOf(evidence.quote);
  return at >= 0 ? [at, at + evidence.quote.length] : null;
}

export function markedText(text, ranges) {
  const box = el("div", { class: "article-text", tabindex: 0 });
  let at = 0;
  for (const [start, end, label] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;  // overlapping quotes: the first one is marked
    box.append(document.createTextNode(text.slice(at, start)));
    box.append(el("mark", { class: "evidence", title: label, text: text.slice(start, end) }));
    at = end;
  }
  box.append(document.createTextNode(text.slice(at)));
  return box;
}

function linkList(title, items, open, empty) {
  const list = el("ul", { class: "links" });
  for (const item of items) {
    const other = item.event;
    const label = other ? `${when(other)} ${kind(other)}: ${who(other)} at ${where(other)}` : "(not in the store)";
    list.append(el("li", {}, `${item.type} `,
      el("a", { href: `?event=${encodeURIComponent(item.event_id)}`, "data-event": item.event_id,
                onclick: (ev) => { ev.preventDefault(); open(item.event_id); } }, label),
      item.quote ? el("q", { text: item.quote }) : null));
  }
  return [el("h3", { text: title }), items.length ? list : el("p", { class: "muted", text: empty })];
}

function articleBlock(article, mentions) {
  const ranges = [], missing = [];
  for (const m of mentions) {
    const range = quoteRange(article.text, m.evidence);
    if (range) ranges.push([...range, `${m.event_type} (${m.id})`]);
    else missing.push(m.evidence.quote);
  }
  const title = article.title || article.id;
  return el("section", { class: "article" },
    el("h3", {}, article.url ? safeLink(article.url, title) : title),
    el("p", { class: "muted", text: [article.source, article.published, article.id].filter(Boolean).join(" · ") }),
    missing.map((q) => el("p", { class: "muted", text: `Quote not found in the stored text: "${q}"` })),
    markedText(article.text, ranges));
}

export function renderEvent(target, detail, open, close) {
  const e = detail.event;
  const byArticle = {};
  for (const m of detail.mentions) (byArticle[m.article_id] ||= []).push(m);
  const heading = el("h2", { tabindex: -1, text: `${kind(e)}${e.acled_sub_event_type ? " · " + e.acled_sub_event_type : ""}` });
  target.replaceChildren(
    el("button", { type: "button", class: "close", onclick: close, "aria-label": "Close the event view (Escape)" }, "Close"),
    heading,
    el("dl", {},
      el("dt", { text: "When" }), el("dd", { text: when(e) }),
      el("dt", { text: "Where" }), el("dd", { text: where(e) }),
      el("dt", { text: "Who" }), el("dd", { text: who(e) }),
      el("dt", { text: "Killed" }), el("dd", { text: killed(e) || "not reported" }),
      el("dt", { text: "Injured" }), el("dd", { text: e.injuries ? String(e.injuries.best) : "not reported" }),
      el("dt", { text: "Id" }), el("dd", { text: e.id })),
    ...linkList("Answers", detail.answers, open, "It answers no stored event."),
    ...linkList("Answered by", detail.answered_by, open, "No stored event answers it."),
    el("h3", { text: "Why these reports are one event" }),
    el("pre", { class: "explain", text: detail.explain }),
    el("h3", { text: `Sources (${Object.keys(byArticle).length})` }),
    ...Object.entries(byArticle).map(([id, ms]) => articleBlock(detail.articles[id], ms)));
  target.hidden = false;
  heading.focus();
}

export function renderChains(target, data, open) {
  const byId = new Map(data.chains.flatMap((c) => c.events.map((e) => [e.id, e])));
  const linkText = (k) => {
    const other = byId.get(k.event_id);
    return `↳ ${k.type} → ${other ? `${when(other)} ${kind(other)}` : "an event outside this selection"} [${k.event_id.slice(0, 8)}]`;
  };
  const chains = data.chains.map((chain, n) => el("section", { class: "chain" },
    el("h2", { text: `Chain ${n + 1}: ${chain.events.length} events` }),
    el("ol", {}, chain.events.map((e) => el("li", {},
      el("a", { href: `?view=chains&event=${encodeURIComponent(e.id)}`, "data-event": e.id,
                onclick: (ev) => { ev.preventDefault(); open(e.id); } },
         `${when(e)} ${kind(e)}: ${who(e)} at ${where(e)}${killed(e) ? `, ${killed(e)} killed` : ""}`),
      e.links.map((k) => el("div", { class: "link", text: linkText(k) })))))));
  target.replaceChildren(
    el("p", { class: "muted", text: `${data.chains.length} escalation chains; ${data.unlinked} events without links.` }),
    ...chains);
}
