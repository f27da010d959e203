"use client";

import { useActionState } from "react";
import { appealOverdueAction, appealReturnAction, decideAppealAction } from "@/app/(app)/appeals/actions";
import { APPEAL_DECISIONS, APPEAL_DECISION_LABELS, type AppealSubject } from "@/lib/domain";
import { APPEAL_REASON_MAX } from "@/lib/validations/appeal";
import { Button } from "./ui/button";
import { FormMessage, formKey } from "./ui/form-message";

// The unit's appeal and the office's decision. Each stays mounted after it succeeds (the
// server then renders it without its form), so its message is still there to read. Errors
// sit next to their field, tied to it with aria-describedby; ids carry the item's id
// because a page may show several of these forms.

const CONTROL = "block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} role="alert" className="text-sm text-red-700">
      {errors.join(";")}
    </p>
  ) : null;
}

const SUBMIT = {
  return: { action: appealReturnAction, field: "reportId", title: "对退回提出申诉" },
  overdue: { action: appealOverdueAction, field: "measureId", title: "对逾期认定提出申诉" },
} as const;

/**
 * 提出申诉: the lead unit's reasons against a return or an overdue mark. `refusal` says why
 * the subject cannot be appealed now (one is already open): then only that is shown.
 */
export function SubmitAppealForm({ subject, targetId, context, refusal }: { subject: AppealSubject; targetId: number; context: string; refusal: string | null }) {
  const { action, field, title } = SUBMIT[subject];
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const reasonId = `appeal-reason-${subject}-${targetId}`;
  return (
    <div className="space-y-2 rounded-lg border border-gray-200 bg-white p-4">
      <FormMessage state={state} />
      {refusal ? (
        state?.ok ? null : <p className="text-sm text-gray-600">{refusal}。</p>
      ) : (
        <form action={formAction} noValidate key={formKey(state)} aria-label={title} className="space-y-2">
          <h3 className="text-sm font-semibold">{title}</h3>
          <p className="text-sm text-gray-700">{context}</p>
          <input type="hidden" name={field} value={targetId} />
          <label htmlFor={reasonId} className="block text-sm font-medium text-gray-800">
            申诉理由
          </label>
          <textarea
            id={reasonId}
            name="reason"
            rows={3}
            maxLength={APPEAL_REASON_MAX}
            defaultValue={values?.reason}
            className={CONTROL}
            aria-invalid={errors?.reason ? true : undefined}
            aria-describedby={errors?.reason ? `${reasonId}-error` : `${reasonId}-hint`}
          />
          {errors?.reason ? null : (
            <p id={`${reasonId}-hint`} className="text-xs text-gray-500">
              写明不同意的理由和依据,不超过 {APPEAL_REASON_MAX} 字。需要补充佐证材料的,请先在“报送整改进展”中上传,并在此注明。
            </p>
          )}
          <FieldError id={`${reasonId}-error`} errors={errors?.reason} />
          <Button type="submit" disabled={pending}>
            {pending ? "正在提交…" : "提出申诉"}
          </Button>
        </form>
      )}
    </div>
  );
}

/**
 * The office's decision on one appeal. An overdue appeal that is granted needs the new
 * deadline (延期); `open` false once decided, when only the message (if any) remains.
 * `returnTo` sends the /appeals list to its 已处理 view, where the decided appeal now is.
 */
export function DecideAppealForm({
  appealId,
  subject,
  open,
  minDeadline,
  returnTo,
}: {
  appealId: number;
  subject: AppealSubject;
  open: boolean;
  /** Tomorrow: the earliest deadline an extension may set. */
  minDeadline: string;
  returnTo?: "list";
}) {
  const [state, formAction, pending] = useActionState(decideAppealAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const ids = { decision: `decision-${appealId}`, reason: `decisionReason-${appealId}`, deadline: `newDeadline-${appealId}` };
  return (
    <div className="space-y-2">
      <FormMessage state={state} />
      {open ? (
        <form
          action={formAction}
          noValidate
          key={formKey(state)}
          aria-label="处理申诉"
          className="space-y-2 border-t border-gray-100 pt-3"
          onSubmit={(event) => {
            // Asked only when the decision would go through; what is missing is the server's to explain.
            const data = new FormData(event.currentTarget);
            const decision = data.get("decision");
            const reason = String(data.get("decisionReason") ?? "").trim();
            if ((decision === "granted" || decision === "rejected") && reason && !window.confirm(`确认处理结果为“${APPEAL_DECISION_LABELS[decision]}”吗?处理后不能更改。`)) {
              event.preventDefault();
            }
          }}
        >
          <input type="hidden" name="appealId" value={appealId} />
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
          <fieldset aria-describedby={errors?.decision ? `${ids.decision}-error` : undefined}>
            <legend className="text-sm font-medium text-gray-800">处理结果</legend>
            <div className="mt-1 flex gap-4 text-sm">
              {APPEAL_DECISIONS.map((decision) => (
                <label key={decision} className="flex items-center gap-1">
                  <input type="radio" name="decision" value={decision} defaultChecked={values?.decision === decision} />
                  {APPEAL_DECISION_LABELS[decision]}
                </label>
              ))}
            </div>
            <FieldError id={`${ids.decision}-error`} errors={errors?.decision} />
          </fieldset>
          <div className="space-y-1">
            <label htmlFor={ids.reason} className="block text-sm font-medium text-gray-800">
              处理理由
            </label>
            <textarea
              id={ids.reason}
              name="decisionReason"
              rows={2}
              maxLength={APPEAL_REASON_MAX}
              defaultValue={values?.decisionReason}
              className={CONTROL}
              aria-invalid={errors?.decisionReason ? true : undefined}
              aria-describedby={errors?.decisionReason ? `${ids.reason}-error` : undefined}
            />
            <FieldError id={`${ids.reason}-error`} errors={errors?.decisionReason} />
          </div>
          {subject === "overdue" ? (
            <div className="space-y-1">
              <label htmlFor={ids.deadline} className="block text-sm font-medium text-gray-800">
                延期后的完成时限(申诉成立时必填)
              </label>
              <input
                id={ids.deadline}
                name="newDeadline"
                type="date"
                min={minDeadline}
                defaultValue={values?.newDeadline}
                className={`${CONTROL} max-w-48`}
                aria-invalid={errors?.newDeadline ? true : undefined}
                aria-describedby={errors?.newDeadline ? `${ids.deadline}-error` : undefined}
              />
              <FieldError id={`${ids.deadline}-error`} errors={errors?.newDeadline} />
            </div>
          ) : null}
          <Button type="submit" disabled={pending}>
            {pending ? "正在提交…" : "提交处理结果"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
