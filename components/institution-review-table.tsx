import { LinkedProblemLinks } from "@/components/institution-check";
import Link from "@/components/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { DueInstitutionReview } from "@/db/queries/institutions";

const LINK = "text-brand-700 underline-offset-2 hover:underline";

/**
 * 催报's list of 建章立制 whose 复查日期 has come (or comes within the round's 临期 days): the
 * office re-examines whether each still fits and is applied, then sets the next date on the
 * round's 建章立制 page.
 */
export function InstitutionReviewTable({ rows }: { rows: DueInstitutionReview[] }) {
  return (
    <section aria-labelledby="institution-review-title" className="space-y-2">
      <h2 id="institution-review-title" className="font-semibold">
        制度到期复查({rows.length} 项)
      </h2>
      <p className="text-sm text-gray-600">建章立制成果默认在印发一年后复查是否仍然适用、是否执行到位;复查后在轮次的“建章立制”中修改下次复查日期。</p>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-600">暂无到期或临期复查的制度。</p>
      ) : (
        <Table caption="制度到期复查">
          <thead>
            <tr>
              <Th>轮次</Th>
              <Th>制度名称</Th>
              <Th>单位</Th>
              <Th>针对的问题</Th>
              <Th>复查日期</Th>
              <Th>操作</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>{r.roundName}</Td>
                <Td className="max-w-md">
                  {r.title}
                  {r.documentNumber ? <span className="block text-xs text-gray-500">{r.documentNumber}</span> : null}
                </Td>
                <Td>{r.unitName ?? "—"}</Td>
                <Td className="text-xs">
                  <LinkedProblemLinks problems={r.linkedProblems} />
                </Td>
                <Td className={`whitespace-nowrap ${r.state === "overdue" ? "font-medium text-red-700" : "text-amber-700"}`}>
                  {r.reviewDate}
                  {r.state === "overdue" ? "(已到期)" : "(临期)"}
                </Td>
                <Td>
                  <Link href={`/rounds/${r.roundId}/institutions?edit=${r.id}`} className={LINK} aria-label={`复查《${r.title}》`}>
                    复查并设置下次日期
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
