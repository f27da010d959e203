"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { NOTICE_TEXT_MAX } from "@/lib/validations/notice";
import { replyNoticeAction } from "./actions";

/** The unit's answer to a notice: one reply, after which the office reviews and closes. */
export function ReplyForm({ noticeId }: { noticeId: number }) {
  const [state, action, pending] = useActionState(replyNoticeAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={formKey(state)} aria-label="回复督办单" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <FormMessage state={state} />
      <input type="hidden" name="noticeId" value={noticeId} />
      <TextAreaField
        name="reply"
        label="回复内容"
        required
        rows={5}
        maxLength={NOTICE_TEXT_MAX}
        defaultValue={submitted?.reply ?? ""}
        errors={errors?.reply}
        hint="说明整改进展、未按期完成的原因和下一步措施;佐证材料请随整改动态报送"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "正在提交…" : "提交回复"}
      </Button>
    </form>
  );
}
