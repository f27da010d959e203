import { AppError } from "@/lib/errors";

/** "ok" when `fn` succeeds, else what it refused with ("CONFLICT: …"), so a case can compare outcomes as text. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
}
