"use client";

import { useQuery } from "@tanstack/react-query";
import type { DashboardData } from "@/db/queries/dashboard";
import { BurnUpChart, BurnUpUnavailable } from "./burn-up-chart";
import { HeadlineFigures } from "./headline-figures";
import { RoundTable } from "./round-table";
import { AgeingBars, CompletionBars, StatusDonut } from "./status-charts";
import { UnitRanking } from "./unit-ranking";

// China time on server and browser alike, so hydration sees the same text; made once, as a
// formatter costs far more to build than to use.
const UPDATED_AT = new Intl.DateTimeFormat("zh-CN", { hour12: false, timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** How often the figures are fetched again while the page is open. */
export const REFRESH_MS = 10_000;

export const dashboardQuery = (round: string, initialData: DashboardData) => ({
  queryKey: ["dashboard", round] as const,
  queryFn: async (): Promise<DashboardData> => {
    const response = await fetch(`/api/v1/dashboard?round=${encodeURIComponent(round)}`, { cache: "no-store" });
    if (!response.ok) throw new Error(`dashboard ${response.status}`);
    return response.json();
  },
  initialData,
});

/**
 * The dashboard's live part: rendered on the server with the figures of the request, then
 * kept current by polling the JSON API (and on returning to the tab), so a sign-off shows
 * up on a leader's screen without a reload.
 */
export function DashboardLive({
  round,
  initialData,
  canReview,
  canSeeUnits,
  canSeeNotices,
}: {
  round: string;
  initialData: DashboardData;
  canReview: boolean;
  canSeeUnits: boolean;
  canSeeNotices: boolean;
}) {
  const { data, isError } = useQuery({
    ...dashboardQuery(round, initialData),
    initialDataUpdatedAt: initialData.generatedAt,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });
  return (
    <div className="space-y-4">
      <p className="no-print text-xs text-gray-500">
        数据每 {REFRESH_MS / 1000} 秒自动更新,最近更新 {UPDATED_AT.format(data.generatedAt)}
        {isError ? <span className="ml-2 text-red-700">(更新失败,显示的是上次的数据)</span> : null}
      </p>
      <HeadlineFigures data={data} canReview={canReview} canSeeNotices={canSeeNotices} />
      <div className="grid gap-4 lg:grid-cols-2">
        <StatusDonut data={data} />
        <CompletionBars data={data} />
        <AgeingBars data={data} />
        {/* After the current state: the history is secondary, and absent for imported rounds. */}
        {data.burnUp.length > 0 ? <BurnUpChart data={data} /> : null}
        <UnitRanking data={data} canSeeUnits={canSeeUnits} />
      </div>
      {data.burnUp.length > 0 ? null : <BurnUpUnavailable />}
      {data.roundId === null ? <RoundTable data={data} /> : null}
    </div>
  );
}
