"use client";

import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { NOTICE_LEVELS, NOTICE_LEVEL_LABELS, type Status } from "@/lib/domain";
import { NOTICE_TEXT_MAX } from "@/lib/validations/notice";
import { issueNoticeAction } from "./actions";

type Option = { id: number; name: string };
export interface MeasureOption {
  id: number;
  text: string;
  status: Status;
  deadline: string | null;
  isLead: boolean;
  problemNumber: number;
}

/**
 * 发督办单. Choosing a round or a unit reloads the page with it in the URL, so the lists
 * below always come from the server; text already typed stays, as the form is not remounted.
 */
export function NoticeForm({
  rounds,
  units,
  measures,
  roundId,
  unitId,
  today,
  unitWithoutAccount,
}: {
  rounds: Option[];
  units: Option[];
  measures: MeasureOption[];
  roundId: number | null;
  unitId: number | null;
  today: string;
  /** The chosen unit has no active account; only an admin can create one. */
  unitWithoutAccount: { unitId: number; canCreate: boolean } | null;
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState(issueNoticeAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  const checked = (submitted?.measureIds ?? "").split(",").filter(Boolean);
  // An error on one ticked measure comes back as "measureIds.1".
  const measureErrors = Object.entries(errors ?? {}).flatMap(([key, list]) => (key.split(".")[0] === "measureIds" ? list : []));
  const choose = (round: string, unit = "") => {
    const params = new URLSearchParams();
    if (round) params.set("round", round);
    if (unit) params.set("unit", unit);
    router.replace(`/notices/new${params.size ? `?${params}` : ""}`, { scroll: false });
  };
  return (
    <form action={action} noValidate key={formKey(state)} aria-label="发督办单" className="max-w-4xl space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          name="roundId"
          label="轮次"
          required
          defaultValue={roundId ?? ""}
          placeholder="请选择轮次"
          options={rounds.map((r) => ({ value: String(r.id), label: r.name }))}
          errors={errors?.roundId}
          onChange={(e) => choose(e.target.value)}
        />
        <SelectField
          // A new round brings a new list of units; remounting drops the old choice with it.
          key={`unit-${roundId}`}
          name="unitId"
          label="责任单位"
          required
          disabled={!roundId}
          defaultValue={unitId ?? ""}
          placeholder={roundId ? "请选择责任单位" : "请先选择轮次"}
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
          errors={errors?.unitId}
          hint="只列出在该轮次中牵头或参与整改措施的单位"
          onChange={(e) => choose(String(roundId ?? ""), e.target.value)}
        />
      </div>
      {unitWithoutAccount ? <NoAccountWarning canCreate={unitWithoutAccount.canCreate} /> : null}
      <MeasurePicker key={`${roundId}-${unitId}`} measures={measures} checked={checked} ready={Boolean(roundId && unitId)} errors={measureErrors} />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          name="level"
          label="督办等级"
          required
          defaultValue={submitted?.level ?? "supervise"}
          options={NOTICE_LEVELS.map((l) => ({ value: l, label: NOTICE_LEVEL_LABELS[l] }))}
          errors={errors?.level}
          hint="提醒(蓝)、督办(黄)、通报(红),逐级加重"
        />
        <TextField
          name="replyDeadline"
          label="回复期限"
          type="date"
          required
          min={today}
          defaultValue={submitted?.replyDeadline ?? ""}
          errors={errors?.replyDeadline}
          hint="不早于今天"
        />
      </div>
      <TextAreaField
        name="request"
        label="督办要求"
        required
        rows={5}
        maxLength={NOTICE_TEXT_MAX}
        defaultValue={submitted?.request ?? ""}
        errors={errors?.request}
        hint={`写明存在的问题、整改要求和需报送的材料,不超过 ${NOTICE_TEXT_MAX} 字`}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "正在发出…" : "发出督办单"}
      </Button>
    </form>
  );
}

function MeasurePicker({ measures, checked, ready, errors }: { measures: MeasureOption[]; checked: string[]; ready: boolean; errors: string[] }) {
  const describedBy = errors.length ? "measureIds-error" : "measureIds-hint";
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={errors.length ? true : undefined} className="space-y-1">
      <legend className="text-sm font-medium text-gray-800">涉及的整改措施</legend>
      {!ready ? (
        <p className="rounded-md border border-dashed border-gray-300 px-3 py-4 text-sm text-gray-500">请先选择轮次和责任单位。</p>
      ) : measures.length === 0 ? (
        <p className="rounded-md border border-dashed border-gray-300 px-3 py-4 text-sm text-gray-500">该单位在本轮次没有整改措施。</p>
      ) : (
        <div className="max-h-80 overflow-y-auto rounded-md border border-gray-300 bg-white px-3 py-2 text-sm">
          {measures.map((m) => (
            <div key={m.id} className="flex items-start gap-2 py-1">
              <input type="checkbox" id={`measureIds-${m.id}`} name="measureIds" value={m.id} defaultChecked={checked.includes(String(m.id))} className="mt-1" />
              <label htmlFor={`measureIds-${m.id}`} className="flex-1">
                <span className="text-gray-500">问题{m.problemNumber} · </span>
                {m.text}
                <span className="ml-2 inline-flex items-center gap-1 text-xs text-gray-500">
                  {m.isLead ? "牵头" : "配合"} · 时限 {m.deadline ?? "—"} <StatusBadge status={m.status} />
                </span>
              </label>
            </div>
          ))}
        </div>
      )}
      {errors.length ? (
        <p id="measureIds-error" role="alert" className="text-sm text-red-700">
          {errors.join(";")}
        </p>
      ) : (
        <p id="measureIds-hint" className="text-xs text-gray-500">
          可多选;只列出该单位牵头或参与的措施
        </p>
      )}
    </fieldset>
  );
}

/** Like 催报's "没有可用账号": a notice to such a unit reaches nobody until it has one. */
function NoAccountWarning({ canCreate }: { canCreate: boolean }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      该单位还没有可用账号,督办单发出后无人能在系统中接收和回复。
      {canCreate ? (
        <>
          请先在
          <Link href="/admin/users" className="mx-1 font-medium text-brand-700 underline">
            单位与用户
          </Link>
          中为其建立账号。
        </>
      ) : (
        "请联系整改办系统管理员在“单位与用户”中为其建立账号。"
      )}
    </div>
  );
}
