"use client";

import { useActionState, useState } from "react";
import { recordLookBackAction, scheduleLookBackAction } from "@/app/(app)/look-backs/actions";
import type { ActionState } from "@/server/action";
import { INSTITUTION_APPLIED, INSTITUTION_APPLIED_LABELS, LOOK_BACK_RESULTS, LOOK_BACK_RESULT_LABELS } from "@/lib/domain";
import { Button } from "./ui/button";
import { FormMessage, formKey } from "./ui/form-message";

// The office's two look-back forms. Ids carry the item's id because the /look-backs list
// shows one form per row; errors are tied to their control with aria-describedby.

type FormAction = (formData: FormData) => void;

/** A rule (建章立制) the look-back asks about: is it applied? */
export interface AskedInstitution {
  id: number;
  title: string;
  documentNumber: string;
}

const CONTROL = "rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";
const RELAPSE_CONFIRM = "记录为“反弹”将把该整改措施重新打开为未完成,并通知牵头单位。确定吗?";

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} role="alert" className="text-xs text-red-700">
      {errors.join(";")}
    </p>
  ) : null;
}

function ScheduleFields({ measureId, minDate, state, action, pending, hidden }: {
  measureId: number;
  minDate: string;
  state: ActionState;
  action: FormAction;
  pending: boolean;
  hidden?: Record<string, string>;
}) {
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const inputId = `scheduledDate-${measureId}`;
  return (
    <form action={action} noValidate key={formKey(state)} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="measureId" value={measureId} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-xs text-gray-600">
          回头看日期
        </label>
        <input
          id={inputId}
          name="scheduledDate"
          type="date"
          min={minDate}
          defaultValue={values?.scheduledDate ?? minDate}
          className={CONTROL}
          aria-invalid={errors?.scheduledDate ? true : undefined}
          aria-describedby={errors?.scheduledDate ? `${inputId}-error` : undefined}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "正在安排…" : "安排回头看"}
      </Button>
      <FieldError id={`${inputId}-error`} errors={errors?.scheduledDate} />
    </form>
  );
}

function RecordFields({ lookBackId, institutions, state, action, pending, hidden }: {
  lookBackId: number;
  institutions: readonly AskedInstitution[];
  state: ActionState;
  action: FormAction;
  pending: boolean;
  hidden?: Record<string, string>;
}) {
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const noteId = `note-${lookBackId}`;
  return (
    <form
      action={action}
      noValidate
      key={formKey(state)}
      className="space-y-2"
      onSubmit={(event) => {
        // Ask only when the relapse would go through; a missing note is the server's to explain.
        const data = new FormData(event.currentTarget);
        const note = String(data.get("note") ?? "").trim();
        if (data.get("result") === "relapsed" && note && !window.confirm(RELAPSE_CONFIRM)) event.preventDefault();
      }}
    >
      <input type="hidden" name="lookBackId" value={lookBackId} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset aria-describedby={errors?.result ? `result-${lookBackId}-error` : undefined}>
        <legend className="text-xs text-gray-600">回头看结果</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {LOOK_BACK_RESULTS.map((result) => (
            <label key={result} className="flex items-center gap-1">
              <input type="radio" name="result" value={result} defaultChecked={values?.result === result} />
              {LOOK_BACK_RESULT_LABELS[result]}
            </label>
          ))}
        </div>
        <FieldError id={`result-${lookBackId}-error`} errors={errors?.result} />
      </fieldset>
      {institutions.length > 0 ? (
        <InstitutionChecks lookBackId={lookBackId} institutions={institutions} errors={errors} values={values} />
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={noteId} className="text-xs text-gray-600">
          情况说明(反弹时必填,作为重新打开的原因)
        </label>
        <textarea
          id={noteId}
          name="note"
          rows={2}
          defaultValue={values?.note}
          className={`${CONTROL} w-full min-w-56`}
          aria-invalid={errors?.note ? true : undefined}
          aria-describedby={errors?.note ? `${noteId}-error` : undefined}
        />
        <FieldError id={`${noteId}-error`} errors={errors?.note} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "正在记录…" : "记录结果"}
      </Button>
    </form>
  );
}

/**
 * 是否执行到位, asked of each rule that answers the measure's problem: one required choice
 * and an optional note per rule. A rule 未执行 keeps the result from being 巩固 (the server
 * says so); the fields are named `applied.<id>` / `appliedNote.<id>`.
 */
function InstitutionChecks({ lookBackId, institutions, errors, values }: {
  lookBackId: number;
  institutions: readonly AskedInstitution[];
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
}) {
  return (
    <fieldset className="space-y-2 rounded-md border border-gray-200 p-2">
      <legend className="px-1 text-xs text-gray-600">制度是否执行到位(逐项必答;有制度未执行时结果不能记为“巩固”)</legend>
      {institutions.map((institution) => {
        const field = `applied.${institution.id}`;
        const errorId = `applied-${lookBackId}-${institution.id}-error`;
        const noteId = `appliedNote-${lookBackId}-${institution.id}`;
        const name = `《${institution.title}》${institution.documentNumber ? `(${institution.documentNumber})` : ""}`;
        return (
          <div key={institution.id} className="space-y-1">
            <fieldset aria-describedby={errors?.[field] ? errorId : undefined}>
              <legend className="text-sm text-gray-800">{name}</legend>
              <div className="mt-1 flex flex-wrap gap-4 text-sm">
                {INSTITUTION_APPLIED.map((applied) => (
                  <label key={applied} className="flex items-center gap-1">
                    <input type="radio" name={field} value={applied} defaultChecked={values?.[field] === applied} />
                    {INSTITUTION_APPLIED_LABELS[applied]}
                  </label>
                ))}
              </div>
              <FieldError id={errorId} errors={errors?.[field]} />
            </fieldset>
            <label htmlFor={noteId} className="sr-only">
              {name}的执行情况说明
            </label>
            <input
              id={noteId}
              name={`appliedNote.${institution.id}`}
              defaultValue={values?.[`appliedNote.${institution.id}`]}
              placeholder="执行情况说明(选填)"
              className={`${CONTROL} w-full`}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/** A row of the /look-backs 待安排 view: schedule, then land on the view it now belongs to. */
export function ScheduleLookBackRowForm({ measureId, today, roundId }: { measureId: number; today: string; roundId?: number }) {
  const [state, action, pending] = useActionState(scheduleLookBackAction, null);
  const hidden = { returnTo: "list", ...(roundId ? { round: String(roundId) } : {}) };
  return (
    <div className="space-y-1">
      {state && !state.ok ? <FormMessage state={state} /> : null}
      <ScheduleFields measureId={measureId} minDate={today} state={state} action={action} pending={pending} hidden={hidden} />
    </div>
  );
}

/** A row of the /look-backs 到期待查 view: record, then land on 已查结果. */
export function RecordLookBackRowForm({ lookBackId, roundId, institutions }: { lookBackId: number; roundId?: number; institutions: readonly AskedInstitution[] }) {
  const [state, action, pending] = useActionState(recordLookBackAction, null);
  const hidden = { returnTo: "list", ...(roundId ? { round: String(roundId) } : {}) };
  return (
    <div className="space-y-1">
      {state && !state.ok ? <FormMessage state={state} /> : null}
      <RecordFields lookBackId={lookBackId} institutions={institutions} state={state} action={action} pending={pending} hidden={hidden} />
    </div>
  );
}

/**
 * The measure page's forms. Both action states live here, above the form that changes
 * (record → schedule once the pending look-back is done), so the message survives the swap.
 */
export function MeasureLookBackForms({ measureId, today, pendingLookBackId, refusal, institutions }: {
  measureId: number;
  institutions: readonly AskedInstitution[];
  today: string;
  pendingLookBackId: number | null;
  refusal: string | null;
}) {
  const [scheduleState, scheduleAction, schedulePending] = useActionState(scheduleLookBackAction, null);
  const [recordState, recordAction, recordPending] = useActionState(recordLookBackAction, null);
  // Whichever form was used last speaks; a stale message of the other is hidden.
  const [last, setLast] = useState<"schedule" | "record" | null>(null);
  const schedule: FormAction = (formData) => {
    setLast("schedule");
    scheduleAction(formData);
  };
  const record: FormAction = (formData) => {
    setLast("record");
    recordAction(formData);
  };
  const message = last === "record" ? recordState : last === "schedule" ? scheduleState : null;
  return (
    <div className="space-y-3">
      <FormMessage state={message} />
      {pendingLookBackId !== null ? (
        <RecordFields lookBackId={pendingLookBackId} institutions={institutions} state={recordState} action={record} pending={recordPending} />
      ) : refusal ? (
        <p className="text-sm text-gray-600">{refusal}。</p>
      ) : (
        <ScheduleFields measureId={measureId} minDate={today} state={scheduleState} action={schedule} pending={schedulePending} />
      )}
    </div>
  );
}

/**
 * 反弹回潮's proposal on a problem's page: a 回头看 of one of the earlier problem's measures,
 * the date filled in, scheduled only when the office presses the button.
 */
export function ProposedLookBackForm({ measureId, today }: { measureId: number; today: string }) {
  const [state, action, pending] = useActionState(scheduleLookBackAction, null);
  return (
    <div className="space-y-1">
      <FormMessage state={state} />
      {state?.ok ? null : <ScheduleFields measureId={measureId} minDate={today} state={state} action={action} pending={pending} />}
    </div>
  );
}
