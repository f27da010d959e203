"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { REVIEW_TEXT_MAX } from "@/lib/validations/plan-review";
import type { ActionState } from "@/server/action";
import { addCommentAction, assignReviewersAction, decideVersionAction, planVisibilityAction, replyCommentAction } from "./actions";

// The forms of 方案审核. Each keeps what was typed after an error (formKey) and shows the
// field's error beside it.

export function SubmitVersionForm({
  action,
  roundId,
  version,
  label,
  placeholder,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  roundId: number;
  version: number;
  /** 整改方案 or 整改通报. */
  label: string;
  placeholder: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={formAction}
      noValidate
      key={formKey(state)}
      aria-label="报送审核"
      className="space-y-3"
      onSubmit={(event) => {
        if (!window.confirm(`确定把当前${label}作为第 ${version} 版报送上级审核吗?报送后该版本内容固定,审核期间不能再报送新版本。`)) event.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <TextAreaField
        name="note"
        label="报送说明(选填)"
        maxLength={REVIEW_TEXT_MAX}
        defaultValue={state && !state.ok ? state.values?.note : ""}
        errors={errors?.note}
        placeholder={placeholder}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "正在报送…" : `报送第 ${version} 版审核`}
      </Button>
    </form>
  );
}

export function DecisionForm({ roundId, submissionId, version, label = "" }: { roundId: number; submissionId: number; version: number; label?: string }) {
  const [state, action, pending] = useActionState(decideVersionAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={formKey(state)} aria-label="审核结论" className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <fieldset className="space-y-1" aria-describedby={errors?.decision ? "decision-error" : undefined}>
        <legend className="text-sm font-medium text-gray-800">
          第 {version} 版{label}的审核结论
        </legend>
        <label className="mr-4 inline-flex items-center gap-1 text-sm">
          <input type="radio" name="decision" value="approve" defaultChecked={values?.decision === "approve"} /> 审核通过
        </label>
        <label className="inline-flex items-center gap-1 text-sm">
          <input type="radio" name="decision" value="return" defaultChecked={values?.decision === "return"} /> 退回修改
        </label>
        {errors?.decision ? (
          <p id="decision-error" role="alert" className="text-sm text-red-700">
            {errors.decision.join(";")}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        name="note"
        label="审核意见(退回时必填)"
        maxLength={REVIEW_TEXT_MAX}
        defaultValue={values?.note ?? ""}
        errors={errors?.note}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "正在提交…" : "提交审核结论"}
      </Button>
    </form>
  );
}

export function CommentForm({ roundId, targets }: { roundId: number; targets: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(addCommentAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={formKey(state)} aria-label="提出审核意见" className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <SelectField name="about" label="意见针对" options={targets} defaultValue={values?.about ?? "plan"} errors={errors?.about} />
      <TextAreaField name="body" label="意见内容" maxLength={REVIEW_TEXT_MAX} defaultValue={values?.body ?? ""} errors={errors?.body} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在提交…" : "提出意见"}
      </Button>
    </form>
  );
}

export function ReplyForm({ roundId, threadId, label }: { roundId: number; threadId: number; label: string }) {
  const [state, action, pending] = useActionState(replyCommentAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const name = `body-${threadId}`;
  return (
    <form action={action} noValidate key={formKey(state)} aria-label={`回复:${label}`} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="threadId" value={threadId} />
      <div className="min-w-64 flex-1">
        <label htmlFor={name} className="sr-only">
          回复内容
        </label>
        <textarea
          id={name}
          name="body"
          rows={1}
          maxLength={REVIEW_TEXT_MAX}
          placeholder="回复…"
          aria-invalid={errors?.body ? true : undefined}
          aria-describedby={errors?.body ? `${name}-error` : undefined}
          className="block w-full rounded-md border border-gray-300 px-2 py-1 text-sm"
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        回复
      </Button>
      {state && !state.ok ? (
        <p id={`${name}-error`} role="alert" className="w-full text-sm text-red-700">
          {errors?.body?.join(";") ?? state.message}
        </p>
      ) : null}
    </form>
  );
}

export function AssignReviewersForm({
  roundId,
  choices,
}: {
  roundId: number;
  choices: { id: string; name: string; unitName: string; assigned: boolean; disabled: boolean }[];
}) {
  const [state, action, pending] = useActionState(assignReviewersAction, null);
  return (
    <form action={action} key={formKey(state)} aria-label="指定上级督导" className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <fieldset>
        <legend className="text-sm font-medium text-gray-800">审核本轮的上级督导</legend>
        {choices.map((c) => (
          <label key={c.id} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name="reviewerIds" value={c.id} defaultChecked={c.assigned} />
            {c.name}({c.unitName}){c.disabled ? "(已停用)" : ""}
          </label>
        ))}
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>
        保存
      </Button>
    </form>
  );
}

export function PlanVisibilityForm({ roundId, unitsSeeUnapprovedPlan }: { roundId: number; unitsSeeUnapprovedPlan: boolean }) {
  const [state, action, pending] = useActionState(planVisibilityAction, null);
  return (
    <form action={action} key={formKey(state)} aria-label="方案通过前单位是否可见" className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="checkbox" name="unitsSeeUnapprovedPlan" defaultChecked={unitsSeeUnapprovedPlan} />
        方案审核通过前,责任单位可以看到并报送自己的任务
      </label>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          保存设置
        </Button>
      </div>
    </form>
  );
}
