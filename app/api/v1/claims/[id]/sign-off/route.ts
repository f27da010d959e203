import { apiRoute } from "@/server/api";
import { AppError } from "@/lib/errors";
import { signOffClaims } from "@/server/review";
import { parseId } from "@/lib/validations/common";

// POST /api/v1/claims/:id/sign-off — 销号: the measure takes the claimed status.
export const POST = apiRoute({
  permission: "claim.review",
  handle: ({ actor, params }) => {
    const id = parseId(typeof params.id === "string" ? params.id : undefined);
    if (!id) throw new AppError("NOT_FOUND", "未找到该申报");
    signOffClaims(actor.id, [id]);
    return { ok: true };
  },
});
