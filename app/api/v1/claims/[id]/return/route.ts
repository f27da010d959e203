import { z } from "zod";
import { apiRoute } from "@/server/api";
import { AppError } from "@/lib/errors";
import { returnClaimWithReason } from "@/server/review";
import { parseId, text } from "@/lib/validations/common";

// POST /api/v1/claims/:id/return {"reason":"…"} — 退回 with a required reason.
export const POST = apiRoute({
  permission: "claim.review",
  body: z.object({ reason: text("退回理由", 1000) }),
  handle: ({ actor, params, body }) => {
    const id = parseId(typeof params.id === "string" ? params.id : undefined);
    if (!id) throw new AppError("NOT_FOUND", "未找到该申报");
    returnClaimWithReason(actor.id, id, body.reason);
    return { ok: true };
  },
});
