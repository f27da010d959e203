"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState } from "react";
import { notificationKeys } from "@/components/notification-bell";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/server/action";

/**
 * "标为已读" / "全部标为已读". The bell's count is refreshed inside the action callback
 * rather than in an effect: after "全部" the revalidated page may no longer hold this
 * button, and an unmounted component's effect would never run.
 */
export function MarkReadButton({
  action,
  fields = {},
  label,
  ariaLabel,
  disabled,
  showResult = false,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields?: Record<string, string | number>;
  label: string;
  ariaLabel?: string;
  disabled?: boolean;
  showResult?: boolean;
}) {
  const queryClient = useQueryClient();
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok) await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    return result;
  }, null);
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant="secondary" disabled={pending || disabled} aria-label={ariaLabel}>
        {label}
      </Button>
      {showResult || (state && !state.ok) ? <FormMessage state={state} /> : null}
    </form>
  );
}
