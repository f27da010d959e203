"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { createAspectAction, moveAspectProblemsAction, renameAspectAction } from "./actions";

const FORM = "no-print space-y-3 rounded-lg border border-gray-200 bg-white p-4";

export function CreateAspectForm({ roundId }: { roundId: number }) {
  const [state, action, pending] = useActionState(createAspectAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form id="new-aspect" action={action} noValidate key={formKey(state)} aria-labelledby="new-aspect-title" className={FORM}>
      <h3 id="new-aspect-title" className="font-semibold">
        新增方面
      </h3>
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <TextField
        name="name"
        label="方面名称"
        required
        defaultValue={values?.name}
        errors={errors?.name}
        hint="反馈意见的一个方面,如:贯彻落实党的路线方针政策和党中央重大决策部署方面"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "新增方面"}
      </Button>
    </form>
  );
}

export function RenameAspectForm({ roundId, aspect }: { roundId: number; aspect: { id: number; name: string } }) {
  const [state, action, pending] = useActionState(renameAspectAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={formKey(state)} aria-labelledby="rename-aspect-title" className={FORM}>
      <h3 id="rename-aspect-title" className="font-semibold">
        修改方面名称
      </h3>
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="aspectId" value={aspect.id} />
      <TextField name="name" label="方面名称" required defaultValue={values?.name ?? aspect.name} errors={errors?.name} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存名称"}
      </Button>
    </form>
  );
}

/** The way to empty an aspect before deleting it: its problems go to another aspect. */
export function MoveProblemsForm({
  roundId,
  aspect,
  targets,
}: {
  roundId: number;
  aspect: { id: number; name: string; problemCount: number };
  targets: { id: number; name: string }[];
}) {
  const [state, action, pending] = useActionState(moveAspectProblemsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={formKey(state)} aria-labelledby="move-problems-title" className={FORM}>
      <h3 id="move-problems-title" className="font-semibold">
        移动本方面的全部问题
      </h3>
      <p className="text-sm text-gray-600">本方面下现有 {aspect.problemCount} 个问题。移走后即可删除本方面;问题的序号和整改措施不变。</p>
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="aspectId" value={aspect.id} />
      <SelectField
        name="targetAspectId"
        label="移到方面"
        defaultValue={values?.targetAspectId ?? ""}
        placeholder="(不属于任何方面)"
        options={targets.map((t) => ({ value: String(t.id), label: t.name }))}
        errors={errors?.targetAspectId}
      />
      <Button type="submit" variant="secondary" disabled={pending || aspect.problemCount === 0}>
        {pending ? "正在移动…" : "移动问题"}
      </Button>
    </form>
  );
}
