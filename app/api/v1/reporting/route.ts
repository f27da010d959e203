import { db } from "@/db";
import { reportingOverview } from "@/db/queries/reminders";
import { apiRoute } from "@/server/api";
import { todayISO } from "@/lib/deadline-state";

// GET /api/v1/reporting — per round with a reporting cycle: this cycle and the lead units
// with open measures and no report dated within it (the office's 定期报送 page).
export const GET = apiRoute({
  permission: "claim.review",
  handle: () => {
    const today = todayISO();
    return {
      today,
      rounds: reportingOverview(db, { today }).map(({ round, window, units }) => ({
        roundId: round.id,
        name: round.name,
        reportCycle: round.reportCycle,
        reportWeekday: round.reportWeekday,
        cycle: window,
        units: units.map((u) => ({ ...u, remindedAt: u.remindedAt?.toISOString() ?? null })),
      })),
    };
  },
});
