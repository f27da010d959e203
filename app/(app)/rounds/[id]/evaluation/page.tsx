import type { Metadata } from "next";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/db";
import { listTemplatesWithUse } from "@/db/queries/evaluation-templates";
import { evaluationOfRound, redCardCandidates } from "@/db/queries/evaluations";
import { todayISO } from "@/lib/deadline-state";
import { STATUS_LABELS } from "@/lib/domain";
import { DEFAULT_MONTHS_AFTER_FEEDBACK, RED_CARD_KIND_LABELS } from "@/lib/evaluation";
import { STANDARD_TEMPLATE } from "@/lib/evaluation-template";
import { can } from "@/lib/permissions";
import { roundFor } from "../round-data";
import { RedCardForm, ScheduleForm, ScoreUnitForm } from "./evaluation-forms";

export const metadata: Metadata = { title: "整改成效评估" };

const shorten = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

// 整改成效评估 of one round: its schedule, each responsible unit's weighted score, the
// overall score and the red cards. The office grades and gives cards here; leaders and the
// round's reviewer read.
export default async function EvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, round } = await roundFor(params, "evaluation.read");
  const manage = can(actor, "evaluation.manage");
  const found = evaluationOfRound(db, { roundId: round.id });
  const today = todayISO();
  // The standard set comes first and is the default (stored the first time it is used).
  const templates = listTemplatesWithUse(db);
  const templateOptions = [
    ...(templates.some((t) => t.builtIn) ? [] : [{ value: "standard", label: STANDARD_TEMPLATE.name, months: STANDARD_TEMPLATE.monthsAfterFeedback }]),
    ...templates.map((t) => ({ value: String(t.id), label: t.name, months: t.monthsAfterFeedback })),
  ];
  const months = found?.template.monthsAfterFeedback ?? templateOptions[0]?.months ?? DEFAULT_MONTHS_AFTER_FEEDBACK;
  const held = found ? found.evaluation.scheduledDate <= today : false;
  const started = found ? found.units.some((u) => u.graded > 0) || found.redCards.length > 0 : false;

  return (
    <div className="space-y-6">
      <section aria-labelledby="evaluation-title" className="space-y-3">
        <h2 id="evaluation-title" className="text-lg font-semibold text-gray-900">
          整改成效评估
        </h2>
        {found ? (
          <p className="text-sm text-gray-700">
            按《
            <Link href={`/evaluation-templates/${found.template.id}`} className="text-brand-700 hover:underline">
              {found.template.name}
            </Link>
            》({found.indicators.length} 项指标,{found.grades.map((g) => g.name).join("/")} {found.grades.length} 个等次)评估,评估日期{" "}
            {found.evaluation.scheduledDate}
            {held ? "" : "(尚未到期,届时方可评分)"}。总体得分:
            <strong className="ml-1 text-base">{found.overall === null ? "尚无评完的单位" : `${found.overall} 分`}</strong>
            (已评完 {found.units.filter((u) => u.complete).length}/{found.units.length} 个单位)
          </p>
        ) : (
          <EmptyState title="本轮次尚未安排成效评估">整改反馈后至少 {months} 个月,由整改办按指标体系对各责任单位评分。</EmptyState>
        )}
        {manage && !started ? (
          <ScheduleForm
            roundId={round.id}
            templates={templateOptions}
            feedbackDate={round.feedbackDate}
            defaults={{ templateId: found ? String(found.template.id) : templateOptions[0]!.value, scheduledDate: found?.evaluation.scheduledDate ?? "" }}
          />
        ) : null}
        <p className="no-print text-sm">
          <Link href="/evaluation-templates" className="text-brand-700 hover:underline">
            {manage ? "管理评估指标模板" : "查看评估指标模板"}
          </Link>
        </p>
      </section>

      {found ? (
        <section aria-labelledby="scores-title">
          <h3 id="scores-title" className="mb-2 font-semibold">
            各责任单位得分
          </h3>
          {found.units.length === 0 ? (
            <EmptyState title="本轮次的整改措施尚未指定牵头单位" />
          ) : (
            <table className="w-full border-collapse bg-white text-sm">
              <thead>
                <tr className="border-b border-gray-300 text-left">
                  <th scope="col" className="px-2 py-1.5">
                    责任单位
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    已评指标
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    得分
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.units.map((unit) => (
                  <tr key={unit.id} className="border-b border-gray-100">
                    <th scope="row" className="px-2 py-1.5 text-left font-normal">
                      {unit.name}
                    </th>
                    <td className="px-2 py-1.5">
                      {unit.graded}/{unit.indicators}
                    </td>
                    <td className="px-2 py-1.5 tabular-nums">{unit.graded === 0 ? "—" : `${unit.score} 分${unit.complete ? "" : "(未评完)"}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {manage && held
            ? found.units.map((unit) => (
                <details key={unit.id} className="mt-3 rounded-lg border border-gray-200 bg-white p-4">
                  <summary className="cursor-pointer text-sm font-medium">
                    为{unit.name}评分({unit.graded}/{unit.indicators})
                  </summary>
                  <div className="mt-3">
                    <ScoreUnitForm
                      evaluationId={found.evaluation.id}
                      unit={{ id: unit.id, name: unit.name }}
                      indicators={found.indicators}
                      grades={found.grades}
                      current={Object.fromEntries(unit.gradeOf)}
                    />
                  </div>
                </details>
              ))
            : null}
        </section>
      ) : null}

      {found ? (
        <section aria-labelledby="red-cards-title" className="space-y-3">
          <h3 id="red-cards-title" className="font-semibold">
            红牌(敷衍整改、虚假整改)
          </h3>
          {found.redCards.length === 0 ? (
            <p className="text-sm text-gray-600">尚未认定敷衍整改或虚假整改的措施。</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {found.redCards.map((card) => (
                <li key={card.id} className="rounded-md border border-red-200 bg-red-50 p-3">
                  <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 text-xs text-white">{RED_CARD_KIND_LABELS[card.kind]}</span>
                  <Link href={`/measures/${card.measureId}`} className="text-brand-700 hover:underline">
                    {card.problemNumber}.{card.position} {shorten(card.measureText)}
                  </Link>
                  <span className="ml-2 text-gray-600">
                    {card.unitName ?? "—"} · 现状态:{STATUS_LABELS[card.measureStatus]}
                  </span>
                  <p className="mt-1 text-gray-800">认定理由:{card.reason}</p>
                </li>
              ))}
            </ul>
          )}
          {manage && held ? (
            <RedCardForm
              evaluationId={found.evaluation.id}
              measures={redCardCandidates(db, { roundId: round.id }).map((m) => ({
                value: String(m.id),
                label: `${m.problemNumber}.${m.position} ${shorten(m.text)}(${m.unitName ?? "未指定单位"},${STATUS_LABELS[m.status]})`,
              }))}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
