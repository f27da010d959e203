import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "@/components/link";
import { StatusBadge } from "@/components/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { LastCheckCell } from "@/components/institution-check";
import { problemInstitutions } from "@/db/queries/institutions";
import { getProblemDetail } from "@/db/queries/problem-detail";
import { laterRecurrences, recurrenceOf, similarEarlierProblems } from "@/db/queries/recurrence";
import { can, visibleRoundIds, visibleUnitIds } from "@/lib/permissions";
import { parseId } from "@/lib/validations/common";
import { assertCanSee, requirePermission } from "@/server/session";
import { RecurrenceSection, SimilarProblemsSection } from "./recurrence-sections";

export const metadata: Metadata = { title: "问题" };

/**
 * One problem: its measures and, for those who read rounds, 反弹回潮 — whether it repeats an
 * earlier round's problem (marked by the office), which later problems repeat it, and the
 * earlier problems it resembles. A unit reaches it only through a measure it holds.
 */
export default async function ProblemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("measure.read");
  const id = parseId((await params).id);
  if (!id) notFound();
  const detail = getProblemDetail(db, { id });
  // Another unit's problem, or a round a reviewer does not review, is a 404.
  assertCanSee(actor, "measure.read", detail?.ownership);
  const { problem, round, aspect } = detail!;
  // A unit sees the measures it answers for, not its neighbours' under the same problem.
  const units = visibleUnitIds(actor, "measure.read");
  const shownMeasures = units === null ? detail!.measures : detail!.measures.filter((m) => m.leadUnitId !== null && units.includes(m.leadUnitId));
  const readsRecurrence = can(actor, "recurrence.read");
  const visibleRounds = visibleRoundIds(actor, "recurrence.read");
  const recurrence = readsRecurrence ? recurrenceOf(db, { problemId: problem.id }) : null;
  const hidden = (roundId: number) => visibleRounds !== null && !visibleRounds.includes(roundId);
  const later = readsRecurrence ? laterRecurrences(db, { problemId: problem.id }).filter((p) => !hidden(p.roundId)) : [];
  const similar = readsRecurrence
    ? (similarEarlierProblems(db, { roundId: round.id, titles: [{ key: problem.id, title: problem.title }], visibleRoundIds: visibleRounds }).get(problem.id) ?? [])
    : [];
  return (
    <>
      <PageHeader
        title={`问题${problem.number}:${problem.title}`}
        description={
          <>
            {can(actor, "round.read") ? (
              <Link href={`/rounds/${round.id}/problems`} className="text-brand-700 hover:underline">
                {round.name}
              </Link>
            ) : (
              round.name
            )}
            {aspect?.name ? ` · 第${aspect.position}方面 ${aspect.name}` : ""}
          </>
        }
      />
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-gray-200 bg-white p-5 text-sm md:grid-cols-3">
        <Item label="牵头领导">{problem.leadLeader || "—"}</Item>
        <Item label="牵头单位">{detail!.leadUnitName ?? "—"}</Item>
        <Item label="整改状态">
          <StatusBadge status={problem.status} />
        </Item>
        {problem.description ? (
          <div className="md:col-span-3">
            <dt className="text-xs text-gray-500">问题描述</dt>
            <dd className="mt-1 leading-6 whitespace-pre-wrap">{problem.description}</dd>
          </div>
        ) : null}
      </dl>
      {!readsRecurrence && recurrenceOf(db, { problemId: problem.id }) ? <p className="mt-3 text-sm font-medium text-amber-800">该问题已被整改办标记为反弹回潮(此前轮次已发现过)。</p> : null}

      <h2 className="mt-8 mb-3 font-semibold">整改措施</h2>
      {shownMeasures.length === 0 ? (
        <p className="text-sm text-gray-600">尚未录入整改措施。</p>
      ) : (
        <Table caption="整改措施">
          <thead>
            <tr>
              <Th>序号</Th>
              <Th>整改措施</Th>
              <Th>牵头单位</Th>
              <Th>完成时限</Th>
              <Th>整改状态</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {shownMeasures.map((m) => (
              <tr key={m.id}>
                <Td>{m.position}</Td>
                <Td className="min-w-64">
                  <Link href={`/measures/${m.id}`} className="text-gray-900 hover:text-brand-700 hover:underline">
                    {m.text}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{m.leadUnitName ?? "—"}</Td>
                <Td className="whitespace-nowrap">{m.deadlineText || m.deadline || "—"}</Td>
                <Td>
                  <StatusBadge status={m.status} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <ProblemInstitutions problemId={problem.id} roundId={round.id} linkRound={can(actor, "round.read")} linkMeasures={units === null} />

      {readsRecurrence ? (
        <>
          <RecurrenceSection actor={actor} problemId={problem.id} recurrence={recurrence && !hidden(recurrence.roundId) ? recurrence : null} later={later} />
          <SimilarProblemsSection actor={actor} problemId={problem.id} similar={similar} marked={recurrence !== null} />
        </>
      ) : null}
    </>
  );
}

/** 建章立制 that answer this problem (linked on registration or by the office). */
function ProblemInstitutions({ problemId, roundId, linkRound, linkMeasures }: { problemId: number; roundId: number; linkRound: boolean; linkMeasures: boolean }) {
  const rows = problemInstitutions(db, { problemId });
  return (
    <section aria-labelledby="problem-institutions-title">
      <h2 id="problem-institutions-title" className="mt-8 mb-3 font-semibold">
        针对本问题的制度(建章立制)
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-600">尚无针对本问题的制度。</p>
      ) : (
        <Table caption="针对本问题的制度">
          <thead>
            <tr>
              <Th>制度名称</Th>
              <Th>文号</Th>
              <Th>印发日期</Th>
              <Th>复查日期</Th>
              <Th>单位</Th>
              <Th>最近回头看</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="min-w-64 font-medium">{r.title}</Td>
                <Td className="whitespace-nowrap">{r.documentNumber || "—"}</Td>
                <Td className="whitespace-nowrap">{r.issuedDate ?? "—"}</Td>
                <Td className="whitespace-nowrap">{r.reviewDate ?? "—"}</Td>
                <Td className="whitespace-nowrap">{r.unitName ?? "—"}</Td>
                <Td className="text-xs">
                  <LastCheckCell check={r.lastCheck} linkMeasure={linkMeasures} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {linkRound ? (
        <p className="mt-2 text-sm">
          <Link href={`/rounds/${roundId}/institutions`} className="text-brand-700 underline-offset-2 hover:underline">
            本轮建章立制
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-gray-500">{label}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}
