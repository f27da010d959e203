import type { FigureCheck } from "@/lib/document-import/figure-check";

/**
 * What the document says about itself beside what was recognised, recomputed as the office
 * edits the preview: green when they agree, red with where they differ, grey when the
 * document states no figures.
 */
export function FigureCheckPanel({ check }: { check: FigureCheck }) {
  const sources = check.stated.sources ?? [];
  if (check.matches === null) {
    return (
      <p className="rounded-md border border-gray-200 bg-gray-50 px-3 py-2 text-sm text-gray-700" role="status">
        文档中没有写明反馈问题总数和完成情况,无法自动核对,请逐项核对识别结果。
      </p>
    );
  }
  const ok = check.matches;
  return (
    <section
      aria-labelledby="figure-check-title"
      role={ok ? "status" : "alert"}
      className={`rounded-md border px-3 py-2 text-sm ${ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
    >
      <h3 id="figure-check-title" className="font-semibold">
        与文档所述数字核对:{ok ? "一致" : "不一致"}
      </h3>
      <p data-testid="figure-check-summary">
        {check.summary}
        {ok ? " ✓" : " ✗"}
      </p>
      {check.mismatches.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {check.mismatches.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {check.measuresMatch === false ? (
        <p className="mt-1 text-amber-800">
          文档称整改措施 {check.stated.measures} 条,识别出 {check.parsed.measures} 项:通报常只公开归并后的措施,仅供核对。
        </p>
      ) : null}
      {sources.length > 0 ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer">数字出自文档的这些句子</summary>
          <ul className="mt-1 list-disc pl-5">
            {sources.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
