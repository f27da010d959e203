"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { REPORT_CYCLE_LABELS, REPORT_CYCLES, ROUND_KINDS, ROUND_KIND_LABELS, WEEKDAY_LABELS } from "@/lib/domain";
import type { Round } from "@/db/schema";
import { DEFAULT_ESCALATION_THRESHOLDS, type EscalationThresholds } from "@/lib/escalation";
import { createRoundAction, updateRoundAction } from "./actions";

type RoundDefaults = Partial<Record<keyof Round, string | number | null>>;

/** Create a round, or edit one when `round` is given (with its escalation ladder). */
export function RoundForm({ round, escalation = DEFAULT_ESCALATION_THRESHOLDS, units }: { round?: Round; escalation?: EscalationThresholds; units: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(round ? updateRoundAction : createRoundAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  const value = (key: keyof Round) => submitted?.[key] ?? stringOf((round as RoundDefaults | undefined)?.[key]);
  const ladder = (key: string, current: number) => submitted?.[key] ?? String(current);
  return (
    <form action={action} noValidate key={formKey(state)} className="max-w-3xl space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <FormMessage state={state} />
      {round ? <input type="hidden" name="roundId" value={round.id} /> : null}
      <TextField name="name" label="轮次名称" required defaultValue={value("name")} errors={errors?.name} hint="如:省委第二巡视组巡视宝安区反馈意见整改" />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          name="kind"
          label="类型"
          required
          defaultValue={value("kind") || "inspection"}
          options={ROUND_KINDS.map((k) => ({ value: k, label: ROUND_KIND_LABELS[k] }))}
          errors={errors?.kind}
        />
        <TextField name="inspectingBody" label="巡视(察)组" required defaultValue={value("inspectingBody")} errors={errors?.inspectingBody} hint="如:省委第二巡视组" />
        <TextField name="inspectedBody" label="被巡视(察)单位" required defaultValue={value("inspectedBody")} errors={errors?.inspectedBody} />
        <SelectField
          name="inspectedUnitId"
          label="对应单位"
          defaultValue={value("inspectedUnitId")}
          placeholder="(不指定)"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
          errors={errors?.inspectedUnitId}
          hint="导入台账时新出现的单位建在此单位之下"
        />
        <TextField name="inspectionStart" label="进驻日期" type="date" defaultValue={value("inspectionStart")} errors={errors?.inspectionStart} />
        <TextField name="inspectionEnd" label="结束日期" type="date" defaultValue={value("inspectionEnd")} errors={errors?.inspectionEnd} />
        <TextField name="feedbackDate" label="反馈日期" type="date" defaultValue={value("feedbackDate")} errors={errors?.feedbackDate} />
        <TextField name="deadline" label="整改时限" type="date" defaultValue={value("deadline")} errors={errors?.deadline} />
        <SelectField
          name="reportCycle"
          label="报送周期"
          required
          defaultValue={value("reportCycle") || "weekly"}
          options={REPORT_CYCLES.map((c) => ({ value: c, label: REPORT_CYCLE_LABELS[c] }))}
          errors={errors?.reportCycle}
          hint="责任单位定期报送整改进展的频率;选“不要求定期报送”则不催报"
        />
        <SelectField
          name="reportWeekday"
          label="报送日"
          defaultValue={value("reportWeekday") || "5"}
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: WEEKDAY_LABELS[d]! }))}
          errors={errors?.reportWeekday}
          hint="每周:当周该日起催报;每月:当月最后一个该日起催报"
        />
        <TextField name="dueSoonDays" label="临期提醒天数" type="number" min={0} max={90} defaultValue={value("dueSoonDays") || "7"} errors={errors?.dueSoonDays} hint="完成时限前多少天算临期(黄灯)" />
      </div>
      <fieldset className="space-y-3 rounded-md border border-gray-200 p-4">
        <legend className="px-1 text-sm font-semibold">预警升级</legend>
        <p className="text-xs text-gray-600">
          未完成的措施临近或超过完成时限时,预警逐级上报:先提醒牵头单位联络员,再告知单位分管领导、主要负责人,逾期较久时告知问题的牵头领导,并为整改办起草督办单。每一级只发一次。
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField name="escalationLiaisonDays" label="提醒联络员:完成时限前(天)" type="number" min={0} max={365} defaultValue={ladder("escalationLiaisonDays", escalation.liaisonDays)} errors={errors?.escalationLiaisonDays} />
          <TextField name="escalationDeputyDays" label="告知分管领导:完成时限前(天)" type="number" min={0} max={365} defaultValue={ladder("escalationDeputyDays", escalation.deputyDays)} errors={errors?.escalationDeputyDays} />
          <TextField name="escalationPrincipalDays" label="告知主要负责人:完成时限前(天)" type="number" min={0} max={365} defaultValue={ladder("escalationPrincipalDays", escalation.principalDays)} errors={errors?.escalationPrincipalDays} hint="0 即到期当日" />
          <TextField name="escalationLeadLeaderDays" label="告知牵头领导并起草督办单:逾期(天)" type="number" min={1} max={365} defaultValue={ladder("escalationLeadLeaderDays", escalation.leadLeaderOverdueDays)} errors={errors?.escalationLeadLeaderDays} />
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : round ? "保存修改" : "创建轮次"}
      </Button>
    </form>
  );
}

function stringOf(v: string | number | null | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}
