"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardData } from "@/db/queries/dashboard";
import { ChartSection } from "./chart-section";
import { CHART_FONT, STATUS_COLORS } from "@/lib/list-links";

/** Completed vs total since the measures were entered, replayed from the audit log (see dashboard-history.ts). */
export function BurnUpChart({ data }: { data: DashboardData }) {
  const rows = data.burnUp.map((p) => ({ date: p.date, 措施总数: p.total, 已完成: p.completed, "已完成+基本完成": p.completedOrBasically }));
  const first = data.burnUp[0];
  const last = data.burnUp.at(-1);
  return (
    <ChartSection
      id="burn-up"
      title="整改进度(自录入系统之日起)"
      summary={
        first && last
          ? `自 ${first.date} 至 ${last.date}:措施总数由 ${first.total} 项到 ${last.total} 项,已完成由 ${first.completed} 项到 ${last.completed} 项`
          : "暂无整改记录"
      }
      columns={["日期", "措施总数", "已完成", "已完成+基本完成"]}
      rows={data.burnUp.map((p) => ({ label: p.date, cells: [{ value: p.total }, { value: p.completed }, { value: p.completedOrBasically }] }))}
    >
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ left: 0, right: 16 }} style={CHART_FONT}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" minTickGap={24} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend itemSorter={null} />
          <Line type="stepAfter" dataKey="措施总数" stroke={STATUS_COLORS.total} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="已完成+基本完成" stroke={STATUS_COLORS.basically_completed} dot={false} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="已完成" stroke={STATUS_COLORS.completed} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <p className="mt-1 text-xs text-gray-500">据本系统审计日志中的销号与重新打开记录,自措施录入(或导入)之日起;录入时已完成的措施自录入之日计为已完成,此前的进展不在图中。</p>
    </ChartSection>
  );
}

/**
 * In place of the chart when the round has no sign-off in this system yet (imported or
 * seeded): its ledger's state is not a history, and a line flat at 0 that jumps on the
 * import date would read as "nothing was done until then".
 */
export function BurnUpUnavailable() {
  return (
    <p id="burn-up-unavailable" className="text-xs text-gray-500">
      整改进度曲线:本系统中尚无销号或重新打开的记录(措施均为导入或录入时的状态),暂不绘制;首次销号后自录入之日起显示。
    </p>
  );
}
