"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { returnClaimAction, signOffAction } from "@/app/(app)/review/actions";

/** The office's verdict on one pending claim: sign off, or return with a reason. */
export function ClaimReview({ reportId, claimedLabel }: { reportId: number; claimedLabel: string }) {
  const [state, action, pending] = useActionState(returnClaimAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const fieldId = `reason-${reportId}`;
  return (
    <div className="no-print mt-3 flex flex-wrap items-start gap-4 border-t border-gray-100 pt-3">
      <ConfirmButton
        action={signOffAction}
        fields={{ reportId }}
        label="销号"
        variant="secondary"
        ariaLabel={`销号(确认${claimedLabel})`}
        confirm={`确认该措施${claimedLabel}并销号吗?整改状态将改为“${claimedLabel}”。`}
      />
      <form action={action} noValidate className="flex flex-1 flex-wrap items-start gap-2">
        <input type="hidden" name="reportId" value={reportId} />
        <div className="min-w-64 flex-1">
          <label htmlFor={fieldId} className="sr-only">
            退回理由
          </label>
          <input
            id={fieldId}
            name="reason"
            placeholder="退回理由(必填)"
            className="block w-full rounded-md border border-gray-300 px-2 py-2 text-sm"
            aria-invalid={errors?.reason ? true : undefined}
            aria-describedby={errors?.reason ? `${fieldId}-error` : undefined}
          />
          {errors?.reason ? (
            <p id={`${fieldId}-error`} className="mt-1 text-xs text-red-700">
              {errors.reason.join(";")}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="danger" disabled={pending}>
          退回
        </Button>
        <FormMessage state={state && state.ok ? state : null} />
      </form>
    </div>
  );
}
