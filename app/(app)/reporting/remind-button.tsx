"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { remindMissingReportsAction } from "./actions";

/** Sends report_missing reminders and says how many went out. */
export function RemindButton({
  roundId,
  unitId,
  label,
  ariaLabel,
  confirm,
  variant = "secondary",
}: {
  roundId: number;
  unitId?: number;
  label: string;
  ariaLabel?: string;
  confirm?: string;
  variant?: "primary" | "secondary";
}) {
  const [state, action, pending] = useActionState(remindMissingReportsAction, null);
  return (
    <form
      action={action}
      className="space-y-2"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="roundId" value={roundId} />
      {unitId ? <input type="hidden" name="unitId" value={unitId} /> : null}
      <Button type="submit" variant={variant} disabled={pending} aria-label={ariaLabel}>
        {pending ? "发送中…" : label}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
