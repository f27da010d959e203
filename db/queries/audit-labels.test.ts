import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IGNORED_FIELDS } from "@/lib/audit-format";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, FIELD_LABELS } from "@/lib/audit-labels";

// Issue 14 item 2: the log and the measure timeline read in Chinese, every word of them. This
// reads the source of every writer (db/, server/) for the actions, entities and snapshot keys
// it can record; audit-coverage.test.ts checks the keys the write paths actually recorded.

const ROOT = path.resolve(__dirname, "../..");
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "migrations" ? [] : sources(file);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [file] : [];
  });
}
const files = ["db", "server"].flatMap((dir) => sources(path.join(ROOT, dir))).map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, "utf8") }));

/** Each recordAudit( … ) call's argument text, parentheses balanced. */
function auditCalls(text: string): string[] {
  const calls: string[] = [];
  for (let at = text.indexOf("recordAudit("); at !== -1; at = text.indexOf("recordAudit(", at + 1)) {
    let depth = 0;
    let end = at + "recordAudit".length;
    for (; end < text.length; end++) {
      if (text[end] === "(") depth++;
      else if (text[end] === ")" && --depth === 0) break;
    }
    calls.push(text.slice(at, end + 1));
  }
  return calls.filter((c) => !c.startsWith("recordAudit(tx: "));
}

const dotted = (s: string) => [...s.matchAll(/"([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]!);

// Actions: every "x.y" literal on a line that assigns or types an `action`, e.g.
// `action: isClaim ? "progress.claim" : "progress.create"` or `action: "a" | "b";`.
const actions = new Set(
  files.flatMap(({ text }) => text.split("\n").filter((line) => /\baction\b/.test(line) && !/\baudit_log\b|json_extract/.test(line)).flatMap(dotted)),
);
const entities = new Set(files.flatMap(({ text }) => auditCalls(text).flatMap((call) => [...call.matchAll(/entity: "([a-z_]+)"/g)].map((m) => m[1]!))));
// Keys written literally in a call, `after: { source: …, units: … }` (and the call's own).
const CALL_KEYS = new Set(["actorId", "action", "entity", "entityId", "before", "after"]);
const literalKeys = new Set(
  files.flatMap(({ text }) => auditCalls(text).flatMap((call) => [...call.matchAll(/(?<![?\w.])([a-zA-Z]+): /g)].map((m) => m[1]!))),
);
for (const key of CALL_KEYS) literalKeys.delete(key);

describe("every action, entity and field the writers record has a Chinese label", () => {
  it("finds the writers (the scan is not empty)", () => {
    expect(actions.size).toBeGreaterThan(50);
    expect(entities.size).toBeGreaterThanOrEqual(15);
    expect(literalKeys).toContain("existingAccounts");
  });

  it("actions", () => expect([...actions].filter((a) => !AUDIT_ACTION_LABELS[a]).sort()).toEqual([]));
  it("entities", () => expect([...entities].filter((e) => !AUDIT_ENTITY_LABELS[e]).sort()).toEqual([]));
  it("fields written literally", () => expect([...literalKeys].filter((k) => !FIELD_LABELS[k] && !IGNORED_FIELDS.has(k)).sort()).toEqual([]));
  it("no label reads like code", () => {
    const latin = /[a-z]+[A-Z]|[a-z]+[._][a-z]/;
    const all = [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_ENTITY_LABELS), ...Object.values(FIELD_LABELS)];
    expect(all.filter((l) => latin.test(l))).toEqual([]);
  });
});
