import type { Metadata } from "next";
import { ClueFiguresSummary } from "@/components/clue-figures";
import { RegisterClueForm } from "@/components/clue-forms";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { clueRounds, listClues, roundClueFigures } from "@/db/queries/clues";
import { listUnits } from "@/db/queries/units";
import { isClueOverdue } from "@/lib/clues";
import { todayISO } from "@/lib/deadline-state";
import { CLUE_HANDLER_LABELS, CLUE_KIND_LABELS, CLUE_STAGE_LABELS } from "@/lib/domain";
import { can } from "@/lib/permissions";
import { clueRoundParamSchema } from "@/lib/validations/clue";
import { requirePermission } from "@/server/session";

export const metadata: Metadata = { title: "信访件与问题线索" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// 巡视移交信访件、问题线索: the register's keepers (the office's administrator, the discipline
// staff) see and keep every item of a round; a leader sees the round's counts and nothing
// else — the item rows are not even read for one.
export default async function CluesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("clue.summary");
  const keeps = can(actor, "clue.manage");
  const rounds = clueRounds(db);
  const asked = clueRoundParamSchema.parse(first((await searchParams).round));
  const round = rounds.find((r) => r.id === asked) ?? rounds.find((r) => !r.archivedAt) ?? rounds[0];
  const today = todayISO();
  const items = round && keeps ? listClues(db, { roundId: round.id }) : [];
  return (
    <>
      <PageHeader
        title="信访件与问题线索"
        description={
          keeps
            ? "巡视(察)组移交的信访件、问题线索:登记承办单位和办理时限,逐件记录办理阶段和处理结果。通报中的办理情况由此统计。"
            : "巡视(察)组移交信访件、问题线索的办理情况统计。具体件次由纪检监察机关和整改办管理。"
        }
        actions={
          keeps && round && !round.archivedAt ? (
            <Link href={`/clues/import?round=${round.id}`} className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50">
              从 Excel 导入
            </Link>
          ) : null
        }
      />
      {!round ? (
        <EmptyState title="还没有轮次">整改办新建轮次后,可在此登记移交的信访件、问题线索。</EmptyState>
      ) : (
        <div className="space-y-6">
          <nav aria-label="轮次" className="flex flex-wrap gap-2 text-sm">
            {rounds.map((r) => (
              <Link
                key={r.id}
                href={`/clues?round=${r.id}`}
                aria-current={r.id === round.id ? "page" : undefined}
                className={`rounded-full border px-3 py-1 ${r.id === round.id ? "border-brand-600 bg-brand-50 text-brand-700" : "border-gray-300 text-gray-700 hover:bg-gray-50"}`}
              >
                {r.name}
                {r.archivedAt ? "(已归档)" : ""} <span className="text-gray-500">{r.items}</span>
              </Link>
            ))}
          </nav>
          <h2 className="text-base font-semibold">{round.name}</h2>
          <ClueFiguresSummary figures={roundClueFigures(db, { roundId: round.id })} roundKind={round.kind} />
          {keeps ? (
            items.length === 0 ? (
              <EmptyState title="本轮次尚未登记信访件、问题线索">用下方表单逐件登记,或从 Excel 导入。</EmptyState>
            ) : (
              <Table caption={`${round.name}的信访件、问题线索`}>
                <thead>
                  <tr>
                    <Th>编号</Th>
                    <Th>类别</Th>
                    <Th>标题</Th>
                    <Th>承办单位</Th>
                    <Th>接收日期</Th>
                    <Th>办结时限</Th>
                    <Th>办理阶段</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {items.map((item) => {
                    const overdue = isClueOverdue(item, today);
                    return (
                      <tr key={item.id}>
                        <Td>
                          <Link href={`/clues/${item.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                            {item.number}
                          </Link>
                        </Td>
                        <Td>{CLUE_KIND_LABELS[item.kind]}</Td>
                        <Td className="max-w-md">{item.title}</Td>
                        <Td>{item.handler === "unit" ? item.handlerUnitName : CLUE_HANDLER_LABELS[item.handler]}</Td>
                        <Td className="whitespace-nowrap">{item.receivedDate}</Td>
                        <Td className={`whitespace-nowrap ${overdue ? "font-medium text-red-700" : ""}`}>
                          {item.dueDate}
                          {overdue ? "(逾期)" : ""}
                        </Td>
                        <Td>{CLUE_STAGE_LABELS[item.stage]}</Td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            )
          ) : null}
          {keeps && !round.archivedAt ? (
            <div className="no-print">
              <RegisterClueForm roundId={round.id} units={listUnits(db).map((u) => ({ id: u.id, name: u.name }))} today={today} />
            </div>
          ) : null}
        </div>
      )}
    </>
  );
}
