import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import Link from "@/components/link";
import { reportingOverview, roundsWithoutReporting } from "@/db/queries/reminders";
import { reproofsDue } from "@/db/queries/reproofs";
import { institutionReviewsDue } from "@/db/queries/institutions";
import { InstitutionReviewTable } from "@/components/institution-review-table";
import { ReproofTable } from "@/components/reproof-table";
import { todayISO } from "@/lib/deadline-state";
import { nothingMissingMessage, reportDueText } from "@/lib/reminders";
import { visibleRoundIds } from "@/lib/permissions";
import { requirePermission } from "@/server/session";
import { RemindButton } from "./remind-button";

export const metadata: Metadata = { title: "定期报送" };

// 定期报送 (issue 4 item 4): per round that asks for periodic progress reports, the lead
// units with open measures and no report dated within this cycle, and a one-click reminder.
export default async function ReportingPage() {
  const actor = await requirePermission("claim.review");
  const today = todayISO();
  const overview = reportingOverview(db, { today });
  const unchased = roundsWithoutReporting(db);
  const reproofs = reproofsDue(db, { today, unitIds: null });
  // Only the rounds the viewer reads (today the office, which reads them all).
  const institutionReviews = institutionReviewsDue(db, { today, roundIds: visibleRoundIds(actor, "round.read") });
  return (
    <>
      <PageHeader title="定期报送" description={`今天是 ${today}。列出本周期尚未报送整改动态的牵头单位;提醒以站内通知发送,每个单位每个周期只提醒一次。`} />
      {overview.length === 0 && unchased.length === 0 ? (
        <EmptyState title="没有要求定期报送的轮次">在轮次设置中选择“每周”或“每月”报送后,这里会列出未报送的单位。</EmptyState>
      ) : (
        <div className="space-y-8">
          {overview.map(({ round, window, units, leadUnits }) => {
            const due = reportDueText(round.reportCycle, round.reportWeekday);
            const headingId = `round-${round.id}`;
            return (
              <section key={round.id} aria-labelledby={headingId} className="space-y-3">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 id={headingId} className="font-semibold">
                      {round.name}
                    </h2>
                    <p className="text-sm text-gray-600">
                      {window.label}({window.start} 至 {window.end}),{due};未报送单位 {units.length} 个。
                    </p>
                  </div>
                  {units.length > 0 ? (
                    <RemindButton
                      roundId={round.id}
                      label="全部提醒"
                      ariaLabel={`提醒${round.name}的全部未报送单位`}
                      variant="primary"
                      confirm={`将向 ${units.length} 个未报送单位发送站内提醒(本周期已提醒过的不再重复),确定吗?`}
                    />
                  ) : null}
                </div>
                {units.length === 0 ? (
                  <EmptyState title={nothingMissingMessage(leadUnits)} />
                ) : (
                  <Table caption={`${round.name}未报送单位`}>
                    <thead>
                      <tr>
                        <Th>牵头单位</Th>
                        <Th className="text-right">未完成措施</Th>
                        <Th className="text-right">本周期未报送</Th>
                        <Th>最近报送</Th>
                        <Th>本周期提醒</Th>
                        <Th>操作</Th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-gray-100">
                      {units.map((u) => (
                        <tr key={u.unitId}>
                          <Td>{u.unitName}</Td>
                          <Td className="text-right tabular-nums">{u.openMeasures}</Td>
                          <Td className="text-right tabular-nums">{u.unreported}</Td>
                          <Td>{u.lastReportDate ?? "从未报送"}</Td>
                          <Td>
                            {u.remindedAt
                              ? `已提醒(${u.remindedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })})`
                              : u.accounts === 0
                                ? "无可用账号"
                                : "未提醒"}
                          </Td>
                          <Td>
                            {u.accounts === 0 ? (
                              <span className="text-xs text-gray-500">请先为该单位开通账号</span>
                            ) : (
                              <RemindButton roundId={round.id} unitId={u.unitId} label="一键提醒" ariaLabel={`提醒${u.unitName}`} />
                            )}
                          </Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                )}
              </section>
            );
          })}
          {unchased.length > 0 ? (
            <section aria-labelledby="unchased-title" className="space-y-2">
              <h2 id="unchased-title" className="font-semibold">
                不要求定期报送的轮次
              </h2>
              <p className="text-sm text-gray-600">以下轮次的报送周期设为“不要求定期报送”,不催报;如需催报,请在轮次设置中修改报送周期。</p>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {unchased.map((r) => (
                  <li key={r.id}>
                    {r.name}
                    <Link href={`/rounds/${r.id}/edit`} className="ml-2 text-brand-700 underline-offset-2 hover:underline" aria-label={`修改${r.name}的报送周期`}>
                      修改报送周期
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
      <div className="mt-8">
        <ReproofTable rows={reproofs} />
      </div>
      <div className="mt-8">
        <InstitutionReviewTable rows={institutionReviews} />
      </div>
    </>
  );
}
