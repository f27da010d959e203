import Link from "@/components/link";
import { Suspense, type ReactNode } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { RememberRound } from "@/components/remember-round";
import { RoundTabs } from "@/components/round-tabs";
import { db } from "@/db";
import { roundSummaryWhileUnchanged } from "@/db/queries/summary";
import { todayISO } from "@/lib/deadline-state";
import { ROUND_KIND_LABELS } from "@/lib/domain";
import { can } from "@/lib/permissions";
import { countsSentence } from "@/lib/status";
import { archiveRoundAction, unarchiveRoundAction } from "../actions";
import { roundFor } from "./round-data";

export default async function RoundLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { actor, round } = await roundFor(params, "round.read");
  const summary = roundSummaryWhileUnchanged(db, { roundId: round.id, today: todayISO() })!;
  const manage = can(actor, "plan.manage");
  return (
    <>
      <div data-round-header className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-xs text-gray-500">
            {ROUND_KIND_LABELS[round.kind]} · {round.inspectingBody} → {round.inspectedBody}
            {round.feedbackDate ? ` · ${round.feedbackDate} 反馈` : ""}
            {round.deadline ? ` · 整改时限 ${round.deadline}` : ""}
            {round.archivedAt ? " · 已归档" : ""}
          </p>
          <h1 className="mt-1 text-xl font-semibold text-gray-900">{round.name}</h1>
          <p className="mt-1 text-sm text-gray-700">
            反馈的{countsSentence("问题", summary.problems)};{countsSentence("整改措施", summary.measures, "项")}。
            <Link href={`/rounds/${round.id}/tasks?overdue=1`} className="ml-1 text-red-700 hover:underline">
              逾期 {summary.overdue} 项
            </Link>
            ,
            <Link href={`/rounds/${round.id}/tasks?dueSoon=1`} className="text-amber-700 hover:underline">
              临期 {summary.dueSoon} 项
            </Link>
            。
          </p>
        </div>
        {manage ? (
          <div className="no-print flex flex-wrap gap-2 text-sm">
            <Link href={`/rounds/${round.id}/plan`} className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700">
              录入方案
            </Link>
            <Link href={`/rounds/${round.id}/import`} className="rounded-md border border-gray-300 bg-white px-3 py-2 hover:bg-gray-50">
              导入台账
            </Link>
            <Link href={`/rounds/${round.id}/document-import`} className="rounded-md border border-gray-300 bg-white px-3 py-2 hover:bg-gray-50">
              从文档导入
            </Link>
            <Link href={`/rounds/${round.id}/edit`} className="rounded-md border border-gray-300 bg-white px-3 py-2 hover:bg-gray-50">
              编辑轮次
            </Link>
            <Link href={`/rounds/${round.id}/archive`} className="rounded-md border border-gray-300 bg-white px-3 py-2 hover:bg-gray-50">
              整改档案
            </Link>
            {round.archivedAt ? (
              <ConfirmButton action={unarchiveRoundAction} fields={{ roundId: round.id }} label="恢复轮次" variant="secondary" />
            ) : (
              <ConfirmButton
                action={archiveRoundAction}
                fields={{ roundId: round.id }}
                label="归档"
                variant="secondary"
                confirm={`确定归档“${round.name}”吗?归档后该轮次不再出现在单位待办和驾驶舱中,数据全部保留,可随时恢复。`}
              />
            )}
          </div>
        ) : null}
      </div>
      <RememberRound round={round.id} />
      <Suspense>
        <RoundTabs roundId={round.id} />
      </Suspense>
      {children}
    </>
  );
}
