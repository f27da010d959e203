import "server-only";
import { db } from "@/db";
import { getRound } from "@/db/queries/rounds";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validations/common";

export function roundFromParams(params: Record<string, string | string[]>) {
  const id = parseId(typeof params.id === "string" ? params.id : undefined);
  const round = id ? getRound(db, { id }) : undefined;
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  return round;
}
