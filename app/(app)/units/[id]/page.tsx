import type { Metadata } from "next";
import Link from "@/components/link";
import { forbidden, notFound } from "next/navigation";
import { Figure } from "@/components/figure";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { unitOverview } from "@/db/queries/unit-overview";
import { getUnit } from "@/db/queries/units";
import { daysLeftLabel, deadlineState, LIGHT_OF, todayISO } from "@/lib/deadline-state";
import { NOTICE_LEVEL_LABELS, NOTICE_STATE_LABELS } from "@/lib/domain";
import { noticeNumber } from "@/lib/notice";
import { scopeOf } from "@/lib/permissions";
import { requirePermission } from "@/server/session";
import { parseId } from "@/lib/validations/common";

export const metadata: Metadata = { title: "责任单位" };

type Props = { params: Promise<{ id: string }> };

// One responsible unit across every round in progress, for the office and leaders (who read
// everything anyway). A unit's own "unit.read" scope is "own", but this page compares units
// for those who chase them, so responsible units get 403 here, even for their own unit.
export default async function UnitPage({ params }: Props) {
  const actor = await requirePermission("unit.read");
  if (scopeOf(actor, "unit.read") !== "all") forbidden();
  const unit = getUnit(db, { id: parseId((await params).id) ?? 0 });
  if (!unit) notFound();
  const today = todayISO();
  const { measures, onTime, missingReports, notices } = unitOverview(db, { unitId: unit.id, today });
  const states = measures.map((m) => deadlineState({ deadline: m.deadline, status: m.status, today, dueSoonDays: m.dueSoonDays }));
  const overdue = states.filter((s) => s.state === "overdue").length;
  const completed = measures.filter((m) => m.status === "completed").length;
  return (
    <>
      <PageHeader title={unit.name} description={`截至 ${today},本单位牵头或配合的进行中轮次的整改措施。`} />
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-5">
        <Figure label="整改措施" value={measures.length} />
        <Figure label="已完成" value={completed} tone="green" />
        <Figure label="逾期" value={overdue} tone="red" />
        <Figure label="按期完成率" value={onTime.rate === null ? "—" : `${(onTime.rate * 100).toFixed(1)}%`} tone="blue" />
        <Figure label="本期未报送(措施)" value={missingReports.reduce((s, r) => s + r.unreported, 0)} tone="amber" />
      </dl>
      <p className="mb-6 text-xs text-gray-600">
        按期完成率 = 在完成时限当日或之前销号为“已完成”的措施 ÷ 有完成时限且已销号完成的措施({onTime.onTime} ÷ {onTime.counted})。销号日期取审计日志中使其成为已完成的销号记录;
        导入或演示数据中原已完成的措施没有销号日期,不计入{onTime.unknown ? `(${onTime.unknown} 项)` : ""}。
      </p>

      <h2 className="mb-2 font-semibold">整改措施(逾期在前)</h2>
      {measures.length === 0 ? (
        <EmptyState title="本单位在进行中的轮次没有整改措施" />
      ) : (
        <Table caption={`${unit.name}的整改措施`}>
          <thead>
            <tr>
              <Th>轮次</Th>
              <Th>序号</Th>
              <Th>整改措施</Th>
              <Th>责任</Th>
              <Th>完成时限</Th>
              <Th>整改状态</Th>
              <Th>剩余 / 逾期</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {measures.map((m, i) => {
              const { state, daysLeft } = states[i]!;
              return (
                <tr key={m.id} className={state === "overdue" ? "bg-red-50/60" : state === "due_soon" ? "bg-amber-50/60" : undefined}>
                  <Td className="whitespace-nowrap">{m.roundName}</Td>
                  <Td className="whitespace-nowrap">
                    {m.problemNumber}.{m.position}
                  </Td>
                  <Td className="min-w-72">
                    <Link href={`/measures/${m.id}`} className="hover:underline">
                      {m.text}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{m.isLead ? "牵头" : "配合"}</Td>
                  <Td className="whitespace-nowrap">
                    <DeadlineLight light={LIGHT_OF[state]} /> {m.deadlineText || m.deadline || "—"}
                  </Td>
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                  <Td className={`whitespace-nowrap ${state === "overdue" ? "font-medium text-red-700" : ""}`}>{daysLeftLabel(daysLeft)}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}

      <h2 className="mt-8 mb-2 font-semibold">本期未报送</h2>
      {missingReports.length === 0 ? (
        <p className="text-sm text-gray-600">本报送周期没有缺报的措施(或没有要求定期报送的轮次)。</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {missingReports.map((r) => (
            <li key={r.roundId}>
              {r.roundName} · {r.cycle}({r.start} 至 {r.end}):牵头的 {r.openMeasures} 项未完成措施中 {r.unreported} 项未报送进展,最近报送 {r.lastReportDate ?? "从未报送"}
            </li>
          ))}
        </ul>
      )}

      <h2 className="mt-8 mb-2 font-semibold">督办单</h2>
      {notices.length === 0 ? (
        <p className="text-sm text-gray-600">没有发给本单位的督办单。</p>
      ) : (
        <Table caption={`发给${unit.name}的督办单`}>
          <thead>
            <tr>
              <Th>编号</Th>
              <Th>轮次</Th>
              <Th>等级</Th>
              <Th>状态</Th>
              <Th>回复期限</Th>
              <Th>涉及措施</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {notices.map((n) => (
              <tr key={n.id}>
                <Td className="whitespace-nowrap">
                  <Link href={`/notices/${n.id}`} className="hover:underline">
                    {noticeNumber(n)}
                  </Link>
                </Td>
                <Td>{n.roundName}</Td>
                <Td>{NOTICE_LEVEL_LABELS[n.level]}</Td>
                <Td className={n.state === "open" && n.replyDeadline < today ? "text-red-700" : undefined}>
                  {NOTICE_STATE_LABELS[n.state]}
                  {n.state === "open" && n.replyDeadline < today ? "(逾期未回复)" : ""}
                </Td>
                <Td className="whitespace-nowrap">{n.replyDeadline}</Td>
                <Td>{n.measureCount}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
