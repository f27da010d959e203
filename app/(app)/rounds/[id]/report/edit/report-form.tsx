"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { REPORT_ITEM_TEXT_MAX, REPORT_TEXT_MAX } from "@/lib/validations/report";
import { saveReportDraftAction } from "../actions";

interface Item {
  problemId: number;
  heading: string;
  explanation: string;
  nextSteps: string;
  autoExplanation: string;
  autoNextSteps: string;
  deadline: string;
}

/** The draft's free texts; field names are the error paths, so errors land next to them. */
export function ReportForm(props: { roundId: number; opening: string; closing: string; items: Item[] }) {
  const [state, action, pending] = useActionState(saveReportDraftAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  const value = (name: string, saved: string) => submitted?.[name] ?? saved;
  return (
    <form action={action} noValidate key={formKey(state)} aria-label="编辑通报文字" className="space-y-5">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={props.roundId} />
      <TextAreaField
        name="texts.opening"
        label="开头补充说明"
        rows={4}
        maxLength={REPORT_TEXT_MAX}
        defaultValue={value("texts.opening", props.opening)}
        errors={errors?.["texts.opening"]}
        hint="接在“…反馈了巡视意见。现将整改进展情况通报如下。”之后,如整改组织领导、工作举措;每行一段"
      />
      <section aria-labelledby="unfinished-heading" className="space-y-4">
        <h3 id="unfinished-heading" className="font-semibold">需要进一步整改的事项及措施</h3>
        {props.items.length === 0 ? <p className="text-sm text-gray-600">反馈问题已全部完成,没有需要说明的事项。</p> : null}
        {props.items.map((item) => {
          const base = `texts.problems.${item.problemId}`;
          return (
            <fieldset key={item.problemId} id={`problem-${item.problemId}`} className="scroll-mt-4 space-y-3 rounded-lg border border-gray-200 bg-white p-4">
              <legend className="px-1 text-sm font-medium">{item.heading}</legend>
              <TextAreaField
                name={`${base}.explanation`}
                label="有关情况说明"
                rows={3}
                maxLength={REPORT_ITEM_TEXT_MAX}
                defaultValue={value(`${base}.explanation`, item.explanation)}
                placeholder={item.autoExplanation}
                errors={errors?.[`${base}.explanation`]}
                hint="留空则采用该问题最近一次已审核的整改进展;没有则通报中不写此项"
              />
              <TextAreaField
                name={`${base}.nextSteps`}
                label="下一步措施"
                rows={2}
                maxLength={REPORT_ITEM_TEXT_MAX}
                defaultValue={value(`${base}.nextSteps`, item.nextSteps)}
                placeholder={item.autoNextSteps}
                errors={errors?.[`${base}.nextSteps`]}
                hint="留空则采用责任单位最近一次报送的“下一步”;没有则通报中缺此项,请补写"
              />
              <p className="text-sm text-gray-700">完成时限:{item.deadline}(取自整改方案,不在此修改)</p>
            </fieldset>
          );
        })}
      </section>
      <TextAreaField
        name="texts.closing"
        label="结尾部分(下一步工作)"
        rows={4}
        maxLength={REPORT_TEXT_MAX}
        defaultValue={value("texts.closing", props.closing)}
        errors={errors?.["texts.closing"]}
        hint="留空则采用默认表述;每行一段"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存草稿"}
      </Button>
    </form>
  );
}
