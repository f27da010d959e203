import { apiRoute } from "@/server/api";
import { recordLookBackResult } from "@/server/look-backs";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validations/common";
import { lookBackResultBody } from "@/lib/validations/look-back";

// POST /api/v1/look-backs/:id/result {"result":"holds"|"relapsed","note","institutionChecks":
// [{"institutionId","applied":"applied"|"partly"|"not_applied","note"}]} — records the
// re-check, with 是否执行到位 of every rule answering the measure's problem; a relapse (note
// required) reopens the measure and notifies its lead unit.
export const POST = apiRoute({
  permission: "lookback.manage",
  body: lookBackResultBody,
  handle: ({ actor, params, body }) => {
    const lookBackId = parseId(typeof params.id === "string" ? params.id : undefined);
    if (!lookBackId) throw new AppError("NOT_FOUND", "未找到该回头看");
    const lookBack = recordLookBackResult(actor, { lookBackId, result: body.result, note: body.note, institutionChecks: body.institutionChecks });
    return { lookBack };
  },
});
