import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ExistingOrg } from "@/lib/org-import/parse";
import type { Queryable } from "../client";
import { units, users } from "../schema";

/** The units tree and accounts as an organisation file names them: by name, not id. */
export function existingOrganization(q: Queryable): ExistingOrg {
  const parent = alias(units, "parent");
  return {
    units: q
      .select({ name: units.name, parentName: parent.name })
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .all(),
    users: q
      .select({ username: users.username, unitName: units.name, phone: users.phone })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .all(),
  };
}
