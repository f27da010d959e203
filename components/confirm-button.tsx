"use client";

import { useActionState } from "react";
import type { ActionState } from "@/server/action";
import { Button } from "./ui/button";

/**
 * A one-click action behind a confirmation (停用, 归档, 删除 …): hidden fields carry the
 * ids, the browser's confirm dialog asks first, and an error is shown beside the button.
 */
export function ConfirmButton({
  action,
  fields,
  label,
  confirm,
  variant = "danger",
  ariaLabel,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string | number>;
  label: string;
  confirm?: string;
  variant?: "danger" | "secondary" | "primary";
  ariaLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} aria-label={ariaLabel}>
        {label}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
