import type { ImportRecurrence } from "@/lib/recurrence";
import { SimilarProblemList } from "./similar-problems";

/**
 * The import previews' 反弹回潮 check: the file's problems that resemble problems of the same
 * body's earlier rounds, each with those problems, their status and what was promised then.
 * Nothing is marked here: the office marks a repeat on the problem's page after the import.
 */
export function ImportRecurrences({ recurrences }: { recurrences: readonly ImportRecurrence[] | undefined }) {
  if (!recurrences) return null;
  return (
    <section aria-labelledby="import-recurrences-title" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <h3 id="import-recurrences-title" className="text-sm font-semibold">
        反弹回潮提示:与此前轮次相似的问题
      </h3>
      {recurrences.length === 0 ? (
        <p className="text-sm text-gray-600">文件中的问题与本单位此前轮次的问题均不相似。</p>
      ) : (
        <>
          <p className="text-xs text-gray-600">
            以下 {recurrences.length} 个问题在此前轮次中出现过相似的问题。导入后可在问题页面将其标记为反弹回潮,并对当时的整改措施安排回头看。
          </p>
          <ul className="space-y-4">
            {recurrences.map((r) => (
              <li key={`${r.number}-${r.title}`} aria-label={`文件中第${r.number}号问题的相似历史问题`}>
                <p className="mb-2 text-sm font-medium">
                  文件中第{r.number}号问题:{r.title}
                </p>
                <SimilarProblemList matches={r.matches} linkTitles />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
