"use client";

import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardData, UnitStanding } from "@/db/queries/dashboard";
import { STATUS_LABELS, type Status } from "@/lib/domain";
import { ChartSection } from "./chart-section";
import { BY_ROUND, CHART_FONT, ledgerHref, STATUS_COLORS, tasksHref, unitHref } from "@/lib/list-links";

const ORDER: Status[] = ["completed", "basically_completed", "incomplete"];
const TOP = 15;
const short = (text: string) => (text.length > 10 ? `${text.slice(0, 10)}…` : text);

/**
 * 红黄绿 ranking: per responsible unit, its measures by status (stacked) and, beside them,
 * the overdue ones in red; most overdue first. A unit counts the measures it leads or shares,
 * exactly what the list's `?unit=` shows. The chart shows the first 15; the table lists all.
 */
export function UnitRanking({ data, canSeeUnits }: { data: DashboardData; canSeeUnits: boolean }) {
  const router = useRouter();
  const r = data.roundId;
  const href = (u: UnitStanding, status?: Status) => (r === null ? (canSeeUnits ? unitHref(u.unitId) : BY_ROUND) : ledgerHref(r, { unit: u.unitId, status }));
  const overdueHref = (u: UnitStanding) => (r === null ? (canSeeUnits ? unitHref(u.unitId) : BY_ROUND) : tasksHref(r, { unit: u.unitId, overdue: true }));
  const rows = data.units.slice(0, TOP).map((u) => ({
    ...u,
    name: u.unitName,
    [STATUS_LABELS.completed]: u.completed,
    [STATUS_LABELS.basically_completed]: u.basicallyCompleted,
    [STATUS_LABELS.incomplete]: u.incomplete,
    逾期: u.overdue,
  }));
  const worst = data.units.filter((u) => u.overdue > 0).slice(0, 3);
  return (
    <ChartSection
      id="units"
      title="责任单位排名(按逾期措施数)"
      className="lg:col-span-2"
      summary={`共 ${data.units.length} 个责任单位;${worst.length ? `逾期最多:${worst.map((u) => `${u.unitName} ${u.overdue} 项`).join("、")}` : "没有逾期措施"}`}
      columns={["责任单位", "措施数", "已完成", "基本完成", "未完成", "逾期"]}
      rows={[]}
      footer={<UnitTable data={data} canSeeUnits={canSeeUnits} href={href} overdueHref={overdueHref} />}
    >
      <ResponsiveContainer width="100%" height={Math.max(200, rows.length * 30 + 70)}>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} style={CHART_FONT}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={130} tickFormatter={short} />
          <Tooltip />
          <Legend itemSorter={null} />
          {ORDER.map((s) => (
            <Bar key={s} dataKey={STATUS_LABELS[s]} stackId="status" fill={STATUS_COLORS[s]} cursor="pointer" isAnimationActive={false}
              onClick={(item) => router.push(href(item.payload as UnitStanding, s))} />
          ))}
          <Bar dataKey="逾期" fill={STATUS_COLORS.overdue} cursor="pointer" isAnimationActive={false}
            onClick={(item) => router.push(overdueHref(item.payload as UnitStanding))} />
        </BarChart>
      </ResponsiveContainer>
    </ChartSection>
  );
}

function UnitTable(props: {
  data: DashboardData;
  canSeeUnits: boolean;
  href: (u: UnitStanding, s?: Status) => string;
  overdueHref: (u: UnitStanding) => string;
}) {
  const cell = "px-2 py-1 text-right tabular-nums";
  return (
    <div className="mt-3 max-h-96 overflow-y-auto print:max-h-none">
      <table className="min-w-full text-sm">
        <caption className="sr-only">各责任单位整改措施(牵头或配合),按逾期数排序</caption>
        <thead className="bg-gray-50 text-xs text-gray-700">
          <tr>
            <th scope="col" className="px-2 py-1 text-left">责任单位</th>
            <th scope="col" className={cell}>措施(其中牵头)</th>
            <th scope="col" className={cell}>已完成</th>
            <th scope="col" className={cell}>基本完成</th>
            <th scope="col" className={cell}>未完成</th>
            <th scope="col" className={cell}>逾期</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {props.data.units.map((u) => (
            <tr key={u.unitId} className={u.overdue > 0 ? "bg-red-50/60" : undefined}>
              <th scope="row" className="px-2 py-1 text-left font-normal">
                <span aria-hidden className={`mr-1 inline-block h-2 w-2 rounded-full ${u.overdue > 0 ? "bg-red-600" : u.incomplete + u.basicallyCompleted > 0 ? "bg-amber-400" : "bg-green-600"}`} />
                {props.canSeeUnits ? <Link href={unitHref(u.unitId)} className="hover:underline">{u.unitName}</Link> : u.unitName}
              </th>
              <td className={cell}><Link href={props.href(u)} className="hover:underline">{u.total}</Link>({u.lead})</td>
              <td className={cell}><Link href={props.href(u, "completed")} className="text-green-700 hover:underline">{u.completed}</Link></td>
              <td className={cell}><Link href={props.href(u, "basically_completed")} className="text-blue-700 hover:underline">{u.basicallyCompleted}</Link></td>
              <td className={cell}><Link href={props.href(u, "incomplete")} className="hover:underline">{u.incomplete}</Link></td>
              <td className={cell}><Link href={props.overdueHref(u)} className="font-semibold text-red-700 hover:underline">{u.overdue}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
