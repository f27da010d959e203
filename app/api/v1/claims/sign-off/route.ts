import { z } from "zod";
import { apiRoute } from "@/server/api";
import { signOffClaims } from "@/server/review";
import { id } from "@/lib/validations/common";

// POST /api/v1/claims/sign-off {"reportIds":[…]} — bulk 销号, all or none.
export const POST = apiRoute({
  permission: "claim.review",
  body: z.object({ reportIds: z.array(id("申报")).min(1, "请至少选择一项申报").max(500, "一次最多销号 500 项") }),
  handle: ({ actor, body }) => ({ signedOff: signOffClaims(actor.id, body.reportIds) }),
});
