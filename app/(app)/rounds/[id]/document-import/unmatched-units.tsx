import type { Draft } from "@/lib/document-import/draft";
import type { UnitMap } from "@/lib/validations/document-import";

export interface UnitOption {
  id: number;
  name: string;
}

/** Unit names the document gives (牵头单位 / 责任单位), in order, without repeats. */
export function namedUnits(draft: Draft): string[] {
  return [...new Set(draft.flatMap((a) => a.problems.flatMap((p) => [p.responsibility.leadUnit, ...p.responsibility.coUnits])).filter(Boolean))];
}

/**
 * The names the document gives that match no unit, each with the office's choice: leave it
 * to assign later, take another unit (the document wrote it differently), or create it.
 */
export function UnmatchedUnits({
  draft,
  units,
  unitMap,
  onChange,
}: {
  draft: Draft;
  units: readonly UnitOption[];
  unitMap: UnitMap;
  onChange: (map: UnitMap) => void;
}) {
  const known = new Set(units.map((u) => u.name.trim()));
  const named = namedUnits(draft);
  const unmatched = named.filter((name) => !known.has(name.trim()));
  if (named.length === 0) return null;
  const choose = (name: string, value: string) => {
    const next = { ...unitMap };
    if (value === "") delete next[name];
    else next[name] = value === "new" ? "new" : Number(value);
    onChange(next);
  };
  return (
    <section aria-labelledby="unmatched-units-title" className="rounded-md border border-gray-200 bg-white px-3 py-2 text-sm">
      <h3 id="unmatched-units-title" className="font-semibold">
        文档写明的责任单位
      </h3>
      <p>
        按名称匹配到 {named.length - unmatched.length} 个单位{unmatched.length > 0 ? `,另有 ${unmatched.length} 个名称在系统中找不到:` : "。"}
      </p>
      {unmatched.length > 0 ? (
        <ul className="mt-1 space-y-1" aria-label="找不到的单位名称">
          {unmatched.map((name, index) => (
            <li key={name} className="flex flex-wrap items-center gap-2">
              <label htmlFor={`unit-map-${index}`} className="min-w-40">
                {name}
              </label>
              <select
                id={`unit-map-${index}`}
                value={unitMap[name] === undefined ? "" : String(unitMap[name])}
                onChange={(event) => choose(name, event.target.value)}
                className="rounded-md border border-gray-300 px-2 py-1 text-xs"
              >
                <option value="">导入后在“录入方案”中指定</option>
                <option value="new">新建单位“{name}”</option>
                <optgroup label="对应到已有单位">
                  {units.map((unit) => (
                    <option key={unit.id} value={unit.id}>
                      {unit.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
