// The filter and view live in the URL query, so any view can be bookmarked and shared.
export const FILTERS = ["since", "until", "actor", "country", "text"];

export function readState(search = location.search) {
  const q = new URLSearchParams(search);
  const state = { types: q.getAll("type"), view: q.get("view") === "chains" ? "chains" : "events",
                  event: q.get("event") || "" };
  for (const name of FILTERS) state[name] = q.get(name) || "";
  return state;
}

export function filterQuery(state) {
  const q = new URLSearchParams();
  for (const name of FILTERS) if (state[name]) q.set(name, state[name]);
  for (const t of state.types) q.append("type", t);
  return q;
}

export function stateUrl(state) {
  const q = filterQuery(state);
  if (state.view !== "events") q.set("view", state.view);
  if (state.event) q.set("event", state.event);
  const text = q.toString();
  return text ? `?${text}` : location.pathname;
}

export async function api(path, query) {
  const url = query && query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : `HTTP ${response.status}`);
  return body;
}
