import Link from "next/link";
import type { Draft } from "@/lib/document-import/draft";

/**
 * Unit names the document gives (牵头单位 / 责任单位) that match no unit by name. Their
 * measures are imported without that unit; the office creates or renames the unit, or
 * assigns another, afterwards.
 */
export function UnmatchedUnits({ draft, knownUnits }: { draft: Draft; knownUnits: ReadonlySet<string> }) {
  const named = draft.flatMap((a) => a.problems.flatMap((p) => [p.responsibility.leadUnit, ...p.responsibility.coUnits])).filter(Boolean);
  const unmatched = [...new Set(named.filter((name) => !knownUnits.has(name.trim())))];
  const matched = new Set(named.filter((name) => knownUnits.has(name.trim()))).size;
  if (named.length === 0) return null;
  return (
    <section aria-labelledby="unmatched-units-title" className="rounded-md border border-gray-200 bg-white px-3 py-2 text-sm">
      <h3 id="unmatched-units-title" className="font-semibold">
        文档写明的责任单位
      </h3>
      <p>
        按名称匹配到 {matched} 个单位{unmatched.length > 0 ? `,另有 ${unmatched.length} 个名称在系统中找不到:` : "。"}
      </p>
      {unmatched.length > 0 ? (
        <>
          <ul className="mt-1 list-disc pl-5" aria-label="找不到的单位名称">
            {unmatched.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-gray-600">
            这些名称对应的牵头单位或责任单位导入后为空。可先在
            <Link href="/admin/units" className="mx-1 text-brand-700 underline">
              单位管理
            </Link>
            中新建(名称须一致)后再导入,或导入后在“录入方案”中指定。
          </p>
        </>
      ) : null}
    </section>
  );
}
