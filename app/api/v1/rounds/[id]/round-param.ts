import "server-only";
import { db } from "@/db";
import { getRound } from "@/db/queries/rounds";
import { AppError } from "@/lib/errors";
import { canOpenRound, type Actor, type Permission } from "@/lib/permissions";
import { parseId } from "@/lib/validations/common";

/**
 * The round a /api/v1/rounds/:id route names, if `actor` may open it under the route's
 * `permission`; a reviewer asking for a round not assigned to it gets the same 404 as for
 * a round that does not exist, so ids cannot be probed.
 */
export function roundFromParams(params: Record<string, string | string[]>, actor: Actor, permission: Permission) {
  const id = parseId(typeof params.id === "string" ? params.id : undefined);
  const round = id ? getRound(db, { id }) : undefined;
  if (!round || !canOpenRound(actor, permission, round.id)) throw new AppError("NOT_FOUND", "未找到该轮次");
  return round;
}
