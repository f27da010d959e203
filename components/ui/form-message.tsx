import type { ActionState } from "@/server/action";

/** The outcome of a form submission, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </p>
  );
}

/**
 * React resets a form after its action runs, and a <select> or checkbox then falls back to
 * its first default. Keying the form by the last result remounts it with the submitted
 * values as defaults (after an error) or empty (after success).
 */
export function formKey(state: ActionState): string {
  return state ? JSON.stringify(state) : "initial";
}
