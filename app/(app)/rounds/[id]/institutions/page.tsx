import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LastCheckCell, LinkedProblemLinks } from "@/components/institution-check";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { getInstitution, listInstitutions, roundProblemOptions } from "@/db/queries/institutions";
import { todayISO } from "@/lib/deadline-state";
import { INSTITUTION_REVIEW_STATE_LABELS, institutionReviewState, reviewDueBy, type InstitutionReviewState } from "@/lib/institution-review";
import { can } from "@/lib/permissions";
import { parseInstitutionListFilter } from "@/lib/validations/institution";
import { roundFor } from "../round-data";
import { InstitutionEditForm } from "./institution-edit-form";

export const metadata: Metadata = { title: "建章立制" };

const LINK = "text-brand-700 underline-offset-2 hover:underline";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 建章立制: the rules a round's rectification produced, counted as the public progress
// report counts them ("建立完善制度148项"). Units register them with a progress report; the
// office sets when each is reviewed and which problems it answers, and 回头看 asks whether
// each is applied (the last answer is shown here).
export default async function RoundInstitutionsPage({ params, searchParams }: Props) {
  // The layout checks too, but a page is rendered on its own for client navigations.
  const { actor, round } = await roundFor(params, "round.read");
  const filter = parseInstitutionListFilter(await searchParams);
  const today = todayISO();
  const rows = listInstitutions(db, { roundId: round.id, reviewDueBy: filter.review ? reviewDueBy(today, round.dueSoonDays) : undefined });
  const total = filter.review ? listInstitutions(db, { roundId: round.id }).length : rows.length;
  const manage = can(actor, "plan.manage") && round.archivedAt === null;
  const base = `/rounds/${round.id}/institutions`;
  const listHref = filter.review ? `${base}?review=due` : base;
  const editing = manage && filter.edit ? getInstitution(db, { id: filter.edit }) : undefined;
  if (manage && filter.edit && editing?.roundId !== round.id) notFound();
  const stateOf = (reviewDate: string | null) => institutionReviewState({ reviewDate, today, dueSoonDays: round.dueSoonDays });
  const dueCount = rows.filter((r) => stateOf(r.reviewDate) !== null).length;
  return (
    <>
      <p className="mb-3 text-sm text-gray-700" aria-live="polite">
        本轮整改共建立完善制度 <strong data-testid="institution-count">{total}</strong> 项
        {filter.review ? `;其中复查已到期或 ${round.dueSoonDays} 天内到期 ${rows.length} 项` : ""}。
      </p>
      <nav aria-label="复查筛选" className="no-print mb-3 flex gap-4 text-sm">
        {filter.review ? (
          <Link href={base} className={LINK}>
            显示全部制度
          </Link>
        ) : (
          <Link href={`${base}?review=due`} className={LINK}>
            只看到期复查{dueCount > 0 ? `(${dueCount} 项)` : ""}
          </Link>
        )}
      </nav>
      {editing ? (
        <InstitutionEditForm
          institution={{ id: editing.id, title: editing.title, reviewDate: editing.reviewDate, problemIds: editing.problemIds }}
          problems={roundProblemOptions(db, { roundId: round.id })}
          backHref={listHref}
        />
      ) : null}
      {rows.length === 0 ? (
        filter.review ? (
          <EmptyState title="没有到期或临期复查的制度" />
        ) : (
          <EmptyState title="尚未登记建章立制成果">责任单位报送整改进展时可一并登记出台的制度(名称、文号、印发日期)。</EmptyState>
        )
      ) : (
        <Table caption="建章立制">
          <thead>
            <tr>
              <Th>序号</Th>
              <Th>制度名称</Th>
              <Th>文号</Th>
              <Th>印发日期</Th>
              <Th>复查日期</Th>
              <Th>针对的问题</Th>
              <Th>单位</Th>
              <Th>对应整改措施</Th>
              <Th>最近回头看</Th>
              {manage ? <Th className="no-print">操作</Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((row, index) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap">{index + 1}</Td>
                <Td className="min-w-64 font-medium">{row.title}</Td>
                <Td className="whitespace-nowrap">{row.documentNumber || "—"}</Td>
                <Td className="whitespace-nowrap">{row.issuedDate ?? "—"}</Td>
                <Td className="whitespace-nowrap">
                  {row.reviewDate ?? "—"}
                  <ReviewState state={stateOf(row.reviewDate)} />
                </Td>
                <Td className="text-xs">
                  <LinkedProblemLinks problems={row.linkedProblems} />
                </Td>
                <Td className="whitespace-nowrap">{row.unitName ?? "—"}</Td>
                <Td className="min-w-64 text-xs">
                  {row.measureId ? (
                    <Link href={`/measures/${row.measureId}`} className={LINK}>
                      {row.problemNumber}.{row.position} {row.measureText}
                    </Link>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td className="text-xs">
                  <LastCheckCell check={row.lastCheck} />
                </Td>
                {manage ? (
                  <Td className="no-print whitespace-nowrap">
                    <Link href={`${listHref}${filter.review ? "&" : "?"}edit=${row.id}`} className={LINK} aria-label={`编辑《${row.title}》`}>
                      编辑
                    </Link>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

function ReviewState({ state }: { state: InstitutionReviewState }) {
  if (state === null) return null;
  return (
    <span className={`ml-1 rounded px-1.5 py-0.5 text-xs ${state === "overdue" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900"}`}>
      {INSTITUTION_REVIEW_STATE_LABELS[state]}
    </span>
  );
}
