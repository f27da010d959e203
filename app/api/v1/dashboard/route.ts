import { db } from "@/db";
import { resolveDashboardRound } from "@/db/queries/dashboard";
import { cachedDashboardData } from "@/db/queries/dashboard-cache";
import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { visibleRoundIds } from "@/lib/permissions";

// GET /api/v1/dashboard?round=ID|all — everything the 驾驶舱 shows; the page polls it to stay live.
export const GET = apiRoute({
  permission: "dashboard.read",
  handle: ({ request, actor }) => {
    // A reviewer's dashboard covers the rounds it reviews: any other round is not found.
    const scope = visibleRoundIds(actor, "dashboard.read");
    const roundId = resolveDashboardRound(db, new URL(request.url).searchParams.get("round"), scope);
    const data = roundId === undefined ? undefined : cachedDashboardData(db, { roundId, today: todayISO(), scope });
    if (!data) throw new AppError("NOT_FOUND", "未找到该轮次,或该轮次已归档");
    return data;
  },
});
