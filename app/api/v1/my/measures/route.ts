import { db } from "@/db";
import { listMeasuresForUnits } from "@/db/queries/measures";
import { apiRoute } from "@/server/api";
import { deadlineState, todayISO } from "@/lib/deadline-state";

// GET /api/v1/my/measures — a responsible unit's inbox: the measures it leads or shares,
// with where each stands against its deadline and its latest claim's verdict.
export const GET = apiRoute({
  permission: "progress.report",
  handle: ({ actor }) => {
    const today = todayISO();
    return {
      measures: listMeasuresForUnits(db, { unitIds: actor.unitScope }).map((m) => {
        const { state, daysLeft } = deadlineState({ deadline: m.deadline, status: m.status, today, dueSoonDays: m.dueSoonDays });
        return { ...m, isLead: m.isLead === 1, deadlineState: state, daysLeft };
      }),
    };
  },
});
