import "server-only";
import { db } from "@/db";
import * as unitQueries from "@/db/queries/units";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { CreateUnitInput } from "@/lib/validations/account";

/** The office admin adds a unit to the tree, under an existing parent or at the top. */
export function createUnit(actor: Actor, input: CreateUnitInput) {
  return db.transaction((tx) => {
    if (input.parentId !== null && !unitQueries.getUnit(tx, { id: input.parentId })) {
      throw new AppError("VALIDATION", "上级单位不存在", { parentId: ["上级单位不存在"] });
    }
    return unitQueries.createUnit(tx, { actorId: actor.id, input });
  });
}
