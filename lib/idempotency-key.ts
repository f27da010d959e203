// A client-chosen key that makes a retried post safe (issue 15 item 4). crypto.randomUUID
// exists only in secure contexts (https, localhost); a unit opening the app by a plain-http
// intranet address still gets a random key from getRandomValues, which has no such limit.

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
