import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

// What the sign-in lock (lib/security/sign-in-limit.ts) judges, kept in the database so a
// restart does not forget a lock and every server process shares it. `account` is the
// user name as sign-in matches it (trimmed, lower case), not a foreign key: guessers try
// names that do not exist, and the table must not tell them apart.

/** Attempts counted as failed (recorded before the password check, removed on success). */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    account: text("account").notNull(),
    address: text("address").notNull(),
    attemptedAt: integer("attempted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("sign_in_failures_account_attempted_at_idx").on(t.account, t.attemptedAt),
    index("sign_in_failures_account_address_attempted_at_idx").on(t.account, t.address, t.attemptedAt),
  ],
);

/** Addresses an account signed in from successfully: exempt from the account-wide lock. */
export const signInTrustedAddresses = sqliteTable(
  "sign_in_trusted_addresses",
  {
    account: text("account").notNull(),
    address: text("address").notNull(),
    lastSuccessAt: integer("last_success_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ name: "sign_in_trusted_addresses_pk", columns: [t.account, t.address] })],
);

export type SignInFailure = typeof signInFailures.$inferSelect;
export type SignInTrustedAddress = typeof signInTrustedAddresses.$inferSelect;
