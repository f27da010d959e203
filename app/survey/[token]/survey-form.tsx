"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SURVEY_CHOICE_LABELS, SURVEY_CHOICES } from "@/lib/domain";
import { SURVEY_COMMENT_MAX } from "@/lib/survey";

type Outcome = { ok: boolean; message: string } | null;

// The questionnaire: one group of four choices per question, an optional comment. Posted
// as JSON to ./responses; the answer's message (thanks, already answered, too frequent) is
// shown in place of the form or above it.
export function SurveyForm({ token, questions }: { token: string; questions: { id: number; text: string }[] }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const missing = questions.findIndex((q) => !form.get(`q${q.id}`));
    if (missing >= 0) {
      setOutcome({ ok: false, message: `第 ${missing + 1} 题还未作答,请为每道题选择一项` });
      return;
    }
    setPending(true);
    try {
      const response = await fetch(`/survey/${encodeURIComponent(token)}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          answers: questions.map((q) => ({ questionId: q.id, choice: form.get(`q${q.id}`) })),
          comment: String(form.get("comment") ?? ""),
        }),
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: { message?: string } };
      setOutcome({ ok: response.ok, message: body.message ?? body.error?.message ?? "提交未成功,请稍后重试" });
    } catch {
      setOutcome({ ok: false, message: "网络连接失败,请检查网络后重试" });
    } finally {
      setPending(false);
    }
  }

  if (outcome?.ok) {
    return (
      <p role="status" className="mt-6 rounded-md bg-green-50 px-4 py-6 text-center text-green-800">
        {outcome.message}
      </p>
    );
  }
  return (
    <form onSubmit={submit} aria-label="满意度测评问卷" className="mt-6 space-y-5">
      {outcome ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {outcome.message}
        </p>
      ) : null}
      {questions.map((q, i) => (
        <fieldset key={q.id} className="rounded-lg border border-gray-200 bg-white p-4">
          <legend className="px-1 text-sm font-medium text-gray-900">
            {i + 1}. {q.text}
          </legend>
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {SURVEY_CHOICES.map((choice) => (
              <label key={choice} className="inline-flex items-center gap-1.5 text-sm text-gray-800">
                <input type="radio" name={`q${q.id}`} value={choice} required className="h-4 w-4" />
                {SURVEY_CHOICE_LABELS[choice]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="space-y-1">
        <label htmlFor="comment" className="block text-sm font-medium text-gray-800">
          意见建议(选填,{SURVEY_COMMENT_MAX} 字以内)
        </label>
        <textarea id="comment" name="comment" rows={4} maxLength={SURVEY_COMMENT_MAX} className="block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "正在提交…" : "提交"}
      </Button>
    </form>
  );
}
