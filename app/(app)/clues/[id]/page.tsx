import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdvanceClueForm } from "@/components/clue-forms";
import Link from "@/components/link";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { clueHistory, getClue } from "@/db/queries/clues";
import { isClueOverdue, nextStages } from "@/lib/clues";
import { todayISO } from "@/lib/deadline-state";
import { CLUE_HANDLER_LABELS, CLUE_KIND_LABELS, CLUE_STAGE_LABELS, CLUE_TIME_LIMIT_LABELS } from "@/lib/domain";
import { parseId } from "@/lib/validations/common";
import { requirePermission } from "@/server/session";

export const metadata: Metadata = { title: "信访件、问题线索" };

// One item of the register, its stages so far and the form for the next: for its keepers only.
export default async function CluePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("clue.manage");
  const clue = getClue(db, { clueId: parseId((await params).id) ?? 0 });
  if (!clue) notFound();
  const registered = (await searchParams).registered === "1";
  const today = todayISO();
  const history = clueHistory(db, { clueId: clue.id });
  const overdue = isClueOverdue(clue, today);
  const facts: [string, string][] = [
    ["类别", CLUE_KIND_LABELS[clue.kind]],
    ["编号", clue.number],
    ["轮次", clue.roundName],
    ["承办单位", clue.handler === "unit" ? (clue.handlerUnitName ?? "—") : CLUE_HANDLER_LABELS[clue.handler]],
    ["接收日期", clue.receivedDate],
    ["办理时限", `${CLUE_TIME_LIMIT_LABELS[clue.timeLimit]},${clue.dueDate}前办结${overdue ? "(已逾期)" : ""}`],
    ["办理阶段", CLUE_STAGE_LABELS[clue.stage]],
    ["处理人数", `${clue.peopleHandled}人(党纪政务处分${clue.disciplined}人、组织处理${clue.organizational}人、移送司法机关${clue.prosecuted}人)`],
  ];
  return (
    <>
      <PageHeader title={clue.title} description={<Link href={`/clues?round=${clue.roundId}`}>返回{clue.roundName}的信访件与问题线索</Link>} />
      {registered ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          已登记“{clue.number}”,办结时限为{clue.dueDate}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-gray-200 bg-white p-4 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-gray-600">{label}</dt>
              <dd className={label === "办理时限" && overdue ? "font-medium text-red-700" : "text-gray-900"}>{value}</dd>
            </div>
          ))}
        </dl>
        <div className="no-print">
          <AdvanceClueForm
            clueId={clue.id}
            next={nextStages(clue.stage)}
            current={{ peopleHandled: clue.peopleHandled, disciplined: clue.disciplined, organizational: clue.organizational, prosecuted: clue.prosecuted }}
            today={today}
          />
          {nextStages(clue.stage).length === 0 ? <p className="text-sm text-gray-600">该件已{CLUE_STAGE_LABELS[clue.stage]},办理结束。</p> : null}
        </div>
      </div>
      <section className="mt-6">
        <h2 className="mb-2 text-base font-semibold">办理过程</h2>
        <ol aria-label="办理过程" className="space-y-2 text-sm">
          {history.map((h) => (
            <li key={h.id} className="rounded-md border border-gray-200 bg-white px-3 py-2">
              <span className="font-medium">{h.changeDate}</span> · {h.fromStage ? `${CLUE_STAGE_LABELS[h.fromStage]} → ` : ""}
              {CLUE_STAGE_LABELS[h.toStage]}
              {h.actorName ? <span className="text-gray-500">({h.actorName})</span> : null}
              {h.note ? <p className="mt-1 text-gray-700">{h.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
