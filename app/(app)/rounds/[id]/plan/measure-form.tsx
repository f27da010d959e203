"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { DEADLINE_KINDS, DEADLINE_KIND_LABELS, MEASURE_CATEGORIES, MEASURE_CATEGORY_LABELS } from "@/lib/domain";
import { INDICATOR_DIRECTIONS, INDICATOR_DIRECTION_LABELS } from "@/lib/indicators";
import { REPROOF_INTERVALS, REPROOF_INTERVAL_LABELS } from "@/lib/reproof";
import { createMeasureAction, updateMeasureAction } from "./actions";
import { unitSelectOptions, type UnitOption } from "./unit-options";

export interface MeasureDefaults {
  text: string;
  goal: string;
  leadUnitId: string;
  coUnitIds: string[];
  deadlineText: string;
  deadlineDate: string;
  deadlineKind: string;
  category: string;
  reproofInterval: string;
  indicatorName: string;
  indicatorUnit: string;
  indicatorDirection: string;
  indicatorBaseline: string;
  indicatorTarget: string;
}

/** Add a measure under `problemId`, or edit `measure` (its version guards against lost updates). */
export function MeasureForm({
  roundId,
  problemId,
  measure,
  defaults,
  units,
}: {
  roundId: number;
  problemId?: number;
  measure?: { id: number; version: number };
  defaults: MeasureDefaults;
  units: UnitOption[];
}) {
  const [state, action, pending] = useActionState(measure ? updateMeasureAction : createMeasureAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  const value = (key: Exclude<keyof MeasureDefaults, "coUnitIds">) => submitted?.[key] ?? defaults[key];
  const coUnitIds = submitted ? (submitted.coUnitIds ?? "").split(",").filter(Boolean) : defaults.coUnitIds;
  // An error on one ticked unit comes back as "coUnitIds.2".
  const coUnitErrors = Object.entries(errors ?? {}).flatMap(([key, list]) => (key.split(".")[0] === "coUnitIds" ? list : []));
  return (
    <form action={action} noValidate key={formKey(state)} aria-label={measure ? "编辑整改措施" : "新增整改措施"} className="no-print space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      {problemId ? <input type="hidden" name="problemId" value={problemId} /> : null}
      {measure ? (
        <>
          <input type="hidden" name="measureId" value={measure.id} />
          <input type="hidden" name="version" value={submitted?.version ?? measure.version} />
        </>
      ) : null}
      <TextAreaField name="text" label="整改措施" required defaultValue={value("text")} errors={errors?.text} />
      <TextAreaField name="goal" label="整改目标" rows={2} defaultValue={value("goal")} errors={errors?.goal} />
      <SelectField
        name="leadUnitId"
        label="牵头单位"
        defaultValue={value("leadUnitId")}
        placeholder="(未指定)"
        options={unitSelectOptions(units)}
        errors={errors?.leadUnitId}
      />
      <CoUnitPicker units={units} checked={coUnitIds} errors={coUnitErrors} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          name="deadlineText"
          label="完成时限"
          defaultValue={value("deadlineText")}
          errors={errors?.deadlineText}
          hint="照方案原文填写,如“2021年12月底”“2021年12月底,并长期坚持”“按序时进度推进”“立行立改”"
        />
        <TextField name="deadlineDate" label="完成日期" type="date" defaultValue={value("deadlineDate")} errors={errors?.deadlineDate} hint="可不填,按完成时限文字识别;选择后以所选日期为准" />
        <SelectField
          name="deadlineKind"
          label="时限类型"
          defaultValue={value("deadlineKind")}
          placeholder="(按完成时限自动识别)"
          options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))}
          errors={errors?.deadlineKind}
        />
        <SelectField
          name="category"
          label="整改类别"
          defaultValue={value("category")}
          placeholder="(按完成时限自动识别)"
          options={MEASURE_CATEGORIES.map((c) => ({ value: c, label: MEASURE_CATEGORY_LABELS[c] }))}
          errors={errors?.category}
        />
        <SelectField
          name="reproofInterval"
          label="长期坚持复证周期"
          defaultValue={value("reproofInterval")}
          options={REPROOF_INTERVALS.map((i) => ({ value: i, label: REPROOF_INTERVAL_LABELS[i] }))}
          errors={errors?.reproofInterval}
          hint="仅对“并长期坚持”的措施生效:销号后按此周期再次报送佐证材料"
        />
      </div>
      <fieldset className="space-y-3 rounded-md border border-gray-200 p-4">
        <legend className="px-1 text-sm font-medium text-gray-800">量化指标(选填)</legend>
        <p className="text-xs text-gray-500">整改成效可以量化的(如水质浓度、追缴金额),填写指标、基线值和目标值;实际值由责任单位报送进展时填写。不填指标名称即不设量化指标。</p>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField name="indicatorName" label="指标名称" defaultValue={value("indicatorName")} errors={errors?.indicatorName} hint="如“断面氨氮浓度”“追缴欠缴租金”" />
          <TextField name="indicatorUnit" label="计量单位" defaultValue={value("indicatorUnit")} errors={errors?.indicatorUnit} hint="如 mg/L、万元、%" />
          <TextField name="indicatorBaseline" label="基线值" inputMode="decimal" defaultValue={value("indicatorBaseline")} errors={errors?.indicatorBaseline} />
          <TextField name="indicatorTarget" label="目标值" inputMode="decimal" defaultValue={value("indicatorTarget")} errors={errors?.indicatorTarget} />
          <SelectField
            name="indicatorDirection"
            label="指标方向"
            defaultValue={value("indicatorDirection")}
            placeholder="(按基线值与目标值判断)"
            options={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: INDICATOR_DIRECTION_LABELS[d] }))}
            errors={errors?.indicatorDirection}
          />
        </div>
      </fieldset>
      <p className="text-xs text-gray-500">整改状态不在此修改:责任单位报送进展后,由整改办对账销号。</p>
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : measure ? "保存整改措施" : "新增整改措施"}
      </Button>
    </form>
  );
}

/** 配合单位: a checkbox per unit, in tree order, so several can be ticked by keyboard. */
function CoUnitPicker({ units, checked, errors }: { units: UnitOption[]; checked: string[]; errors?: string[] }) {
  const describedBy = errors?.length ? "coUnitIds-error" : "coUnitIds-hint";
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined} className="space-y-1">
      <legend className="text-sm font-medium text-gray-800">配合单位</legend>
      <div className="max-h-60 overflow-y-auto rounded-md border border-gray-300 bg-white px-3 py-2 text-sm">
        {units.map((unit) => (
          <div key={unit.id} style={{ paddingLeft: `${unit.depth * 1.25}rem` }} className="py-0.5">
            <input
              type="checkbox"
              id={`coUnitIds-${unit.id}`}
              name="coUnitIds"
              value={unit.id}
              defaultChecked={checked.includes(String(unit.id))}
              className="mr-2 align-middle"
            />
            <label htmlFor={`coUnitIds-${unit.id}`}>{unit.name}</label>
          </div>
        ))}
      </div>
      {errors?.length ? (
        <p id="coUnitIds-error" role="alert" className="text-sm text-red-700">
          {errors.join(";")}
        </p>
      ) : (
        <p id="coUnitIds-hint" className="text-xs text-gray-500">
          可多选,用 Tab 键移动、空格键勾选;牵头单位不必重复勾选
        </p>
      )}
    </fieldset>
  );
}
