import { db } from "@/db";
import { listLookBacks, listMeasuresAwaitingLookBack } from "@/db/queries/look-backs";
import { apiRoute } from "@/server/api";
import { fieldErrorsOf } from "@/server/action";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { lookBackQuerySchema } from "@/lib/validations/look-back";

// GET /api/v1/look-backs?view=due|upcoming|checked|unscheduled&round=ID — the office's
// re-check lists; `unscheduled` lists measures that may get a look-back and have none pending.
export const GET = apiRoute({
  permission: "lookback.manage",
  handle: ({ request }) => {
    const search = new URL(request.url).searchParams;
    const parsed = lookBackQuerySchema.safeParse({
      round: search.get("round") ?? undefined,
      view: search.get("view") ?? undefined,
    });
    if (!parsed.success) throw new AppError("VALIDATION", "查询参数有误", fieldErrorsOf(parsed.error));
    const { round, view = "due" } = parsed.data;
    const today = todayISO();
    if (view === "unscheduled") {
      return { view, today, measures: listMeasuresAwaitingLookBack(db, { roundId: round }) };
    }
    return { view, today, lookBacks: listLookBacks(db, { view, today, roundId: round }) };
  },
});
