import { Table, Td, Th } from "@/components/ui/table";
import type { Draft } from "@/lib/document-import/draft";
import type { UnassignedText } from "@/lib/document-import/types";
import { countStatuses } from "@/lib/status";

/** What the document became: counts per aspect and status, what was not understood, and what fits nowhere. */
export function DraftSummary({ draft, warnings, unassigned }: { draft: Draft; warnings: string[]; unassigned: UnassignedText[] }) {
  const problems = draft.flatMap((a) => a.problems);
  const counts = countStatuses(problems.map((p) => p.status ?? "incomplete"));
  const unstated = problems.filter((p) => p.status === null).length;
  const measures = problems.reduce((n, p) => n + p.measures.length, 0);
  const aspects = draft.filter((a) => a.name !== "" && a.problems.length > 0).length;
  return (
    <div className="space-y-3">
      <p className="rounded-md bg-gray-100 px-3 py-2 text-sm" data-testid="document-preview-counts" aria-live="polite">
        共 {aspects} 个方面、{counts.total} 个问题(已完成 {counts.completed} 个、基本完成 {counts.basicallyCompleted} 个、未完成{" "}
        {counts.incomplete} 个{unstated > 0 ? `,其中 ${unstated} 个文档未写明状态,导入后为未完成` : ""})、{measures} 项整改措施。
      </p>
      <Table caption="各方面的问题和整改措施">
        <thead>
          <tr>
            <Th>方面</Th>
            <Th className="text-right">问题</Th>
            <Th className="text-right">已完成</Th>
            <Th className="text-right">基本完成</Th>
            <Th className="text-right">未完成</Th>
            <Th className="text-right">整改措施</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {draft.map((aspect) => {
            const c = countStatuses(aspect.problems.map((p) => p.status ?? "incomplete"));
            return (
              <tr key={aspect.key}>
                <Td>{aspect.name || "(未分方面)"}</Td>
                <Td className="text-right">{c.total}</Td>
                <Td className="text-right">{c.completed}</Td>
                <Td className="text-right">{c.basicallyCompleted}</Td>
                <Td className="text-right">{c.incomplete}</Td>
                <Td className="text-right">{aspect.problems.reduce((n, p) => n + p.measures.length, 0)}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {warnings.length > 0 ? (
        <section aria-labelledby="document-warnings" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <h3 id="document-warnings" className="font-semibold">
            提示({warnings.length} 条,请核对)
          </h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {unassigned.length > 0 ? (
        <section aria-labelledby="document-unassigned" className="space-y-1 text-sm">
          <h3 id="document-unassigned" className="font-semibold">
            未归类内容({unassigned.length} 处,不会导入)
          </h3>
          <p className="text-xs text-gray-600">这些文字不属于任何问题(如导语、工作情况、下一步计划)。如有应导入的内容,请修改文档后重新上传,或导入后在“录入方案”中补充。</p>
          {unassigned.map((block, index) => (
            <details key={index} className="rounded-md border border-gray-200 bg-white px-3 py-2">
              <summary className="cursor-pointer">
                {block.context}({block.text.split("\n").length} 段)
              </summary>
              <p className="mt-2 text-xs whitespace-pre-wrap text-gray-700">{block.text}</p>
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}
