"use client";

import { Button } from "@/components/ui/button";
import type { ActionState } from "@/server/action";
import { returnClaimAction, signOffAction } from "./actions";

/** 销号 or 退回 of one claim, dispatched to its server action; the label prefixes the message. */
export async function claimVerdict(previous: ActionState, formData: FormData): Promise<ActionState> {
  const label = String(formData.get("label") ?? "");
  formData.delete("label");
  const state = formData.get("verdict") === "return" ? await returnClaimAction(previous, formData) : await signOffAction(previous, formData);
  return state && state.ok ? { ...state, message: `“${label}”${state.message}` } : state;
}

/**
 * The row's own verdict, inline: 销号 after the browser's confirmation, or 退回 with a
 * required reason (the server checks it too). One queue-wide action state shows the
 * outcome above the table, since the row itself leaves the queue on success.
 */
export function ClaimVerdictCell({
  claim,
  action,
  pending,
  reasonErrors,
}: {
  claim: { id: number; label: string; claimedLabel: string };
  action: (formData: FormData) => void;
  pending: boolean;
  reasonErrors: string[] | undefined;
}) {
  const fieldId = `queue-reason-${claim.id}`;
  return (
    <div className="no-print flex min-w-56 flex-col gap-2">
      <form
        action={action}
        onSubmit={(event) => {
          if (!window.confirm(`确认“${claim.label}”已${claim.claimedLabel.replace(/^已/, "")}并销号吗?整改状态将改为“${claim.claimedLabel}”。`)) event.preventDefault();
        }}
      >
        <input type="hidden" name="verdict" value="signOff" />
        <input type="hidden" name="reportId" value={claim.id} />
        <input type="hidden" name="label" value={claim.label} />
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`销号 ${claim.label}`}>
          销号
        </Button>
      </form>
      <details open={reasonErrors ? true : undefined}>
        <summary className="cursor-pointer text-sm text-red-700">退回…</summary>
        <form action={action} noValidate className="mt-1 flex flex-col gap-1">
          <input type="hidden" name="verdict" value="return" />
          <input type="hidden" name="reportId" value={claim.id} />
          <input type="hidden" name="label" value={claim.label} />
          <label htmlFor={fieldId} className="sr-only">
            {`退回理由 ${claim.label}`}
          </label>
          <input
            id={fieldId}
            name="reason"
            placeholder="退回理由(必填)"
            className="block w-full rounded-md border border-gray-300 px-2 py-1.5 text-sm"
            aria-invalid={reasonErrors ? true : undefined}
            aria-describedby={reasonErrors ? `${fieldId}-error` : undefined}
          />
          {reasonErrors ? (
            <p id={`${fieldId}-error`} className="text-xs text-red-700">
              {reasonErrors.join(";")}
            </p>
          ) : null}
          <Button type="submit" variant="danger" disabled={pending} aria-label={`退回 ${claim.label}`}>
            退回
          </Button>
        </form>
      </details>
    </div>
  );
}
