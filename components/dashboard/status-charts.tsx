"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardData } from "@/db/queries/dashboard";
import { STATUS_LABELS, type Status } from "@/lib/domain";
import { ChartSection } from "./chart-section";
import { BY_ROUND, CHART_FONT, ledgerHref, percent, STATUS_COLORS, tasksHref } from "@/lib/list-links";

// Status donut, completion by aspect (or by round) and overdue ageing. Clicking a segment
// opens the list it counts; the hidden tables carry the same links for the keyboard.

const ORDER: Status[] = ["completed", "basically_completed", "incomplete"];
const short = (text: string, n = 12) => (text.length > n ? `${text.slice(0, n)}…` : text);

export function StatusDonut({ data }: { data: DashboardData }) {
  const router = useRouter();
  const m = data.totals.measures;
  const href = (s: Status) => (data.roundId === null ? BY_ROUND : ledgerHref(data.roundId, { status: s }));
  const slices = ORDER.map((s) => ({ status: s, name: STATUS_LABELS[s], value: s === "completed" ? m.completed : s === "basically_completed" ? m.basicallyCompleted : m.incomplete }));
  return (
    <ChartSection
      id="status-donut"
      title="整改措施状态"
      summary={`整改措施共 ${m.total} 项:${slices.map((s) => `${s.name} ${s.value} 项(${percent(s.value, m.total)})`).join(",")}`}
      columns={["状态", "措施数", "占比"]}
      rows={slices.map((s) => ({ label: s.name, cells: [{ value: s.value, href: href(s.status) }, { value: percent(s.value, m.total) }] }))}
    >
      <ResponsiveContainer width="100%" height={260}>
        <PieChart margin={{ top: 16, bottom: 16 }} style={CHART_FONT}>
          <Pie
            data={slices}
            dataKey="value"
            nameKey="name"
            innerRadius="50%"
            outerRadius="75%"
            isAnimationActive={false}
            label={({ name, value }) => `${name} ${value}`}
            cursor="pointer"
            onClick={(slice: { payload?: { status: Status } }) => slice.payload && router.push(href(slice.payload.status))}
          >
            {slices.map((s) => (
              <Cell key={s.status} fill={STATUS_COLORS[s.status]} />
            ))}
          </Pie>
          <Tooltip />
        </PieChart>
      </ResponsiveContainer>
    </ChartSection>
  );
}

export function CompletionBars({ data }: { data: DashboardData }) {
  const router = useRouter();
  const byRound = data.roundId === null;
  const rows = data.groups.map((g) => ({ ...g, name: g.label, [STATUS_LABELS.completed]: g.completed, [STATUS_LABELS.basically_completed]: g.basicallyCompleted, [STATUS_LABELS.incomplete]: g.incomplete }));
  const href = (g: (typeof rows)[number], status: Status) => ledgerHref(g.roundId, { aspect: g.aspectId, status });
  const title = byRound ? "各轮次整改措施完成情况" : "各方面整改措施完成情况";
  return (
    <ChartSection
      id="completion"
      title={title}
      summary={`${title}:${rows.map((g) => `${g.label} 已完成 ${g.completed}/${g.total}`).join(";")}`}
      columns={[byRound ? "轮次" : "方面", ...ORDER.map((s) => STATUS_LABELS[s]), "合计"]}
      rows={rows.map((g) => ({
        label: g.label,
        cells: [
          ...ORDER.map((s) => ({ value: s === "completed" ? g.completed : s === "basically_completed" ? g.basicallyCompleted : g.incomplete, href: href(g, s) })),
          { value: g.total, href: ledgerHref(g.roundId, { aspect: g.aspectId }) },
        ],
      }))}
    >
      <ResponsiveContainer width="100%" height={Math.max(180, rows.length * 44 + 60)}>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} style={CHART_FONT}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={190} tickFormatter={(v: string) => short(v, 14)} />
          <Tooltip />
          <Legend itemSorter={null} />
          {ORDER.map((s) => (
            <Bar
              key={s}
              dataKey={STATUS_LABELS[s]}
              stackId="status"
              fill={STATUS_COLORS[s]}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(item) => router.push(href(item.payload as (typeof rows)[number], s))}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartSection>
  );
}

export function AgeingBars({ data }: { data: DashboardData }) {
  const router = useRouter();
  const rows = data.ageing.map((b) => ({ ...b, name: `逾期${b.label}`, 措施数: b.count }));
  const href = (b: (typeof rows)[number]) => (data.roundId === null ? BY_ROUND : tasksHref(data.roundId, { overdue: true, from: b.from, to: b.to }));
  return (
    <ChartSection
      id="ageing"
      title="逾期时长分布"
      summary={`逾期措施共 ${data.totals.overdue} 项:${rows.map((b) => `${b.name} ${b.count} 项`).join(",")}`}
      columns={["逾期时长", "措施数"]}
      rows={rows.map((b) => ({ label: b.name, cells: [{ value: b.count, href: href(b) }] }))}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} margin={{ top: 20, left: 0, right: 16 }} style={CHART_FONT}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar
            dataKey="措施数"
            fill={STATUS_COLORS.overdue}
            cursor="pointer"
            isAnimationActive={false}
            label={{ position: "top" }}
            onClick={(item) => router.push(href(item.payload as (typeof rows)[number]))}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartSection>
  );
}
