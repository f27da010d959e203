import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const CONTROL =
  "block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-500";

interface FieldProps {
  name: string;
  /** The control's id when `name` repeats on the page (one form per unit): defaults to `name`. */
  id?: string;
  label: string;
  errors?: string[];
  hint?: string;
}

/** A labelled control whose error is tied to it with aria-describedby (STYLE.md rule 5). */
function FieldShell({ name, label, errors, hint, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? (
        <p id={`${name}-hint`} className="text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm text-red-700" role="alert">
          {errors.join(";")}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(name: string, errors?: string[], hint?: string) {
  if (errors?.length) return `${name}-error`;
  return hint ? `${name}-hint` : undefined;
}

export function TextField({
  name,
  label,
  errors,
  hint,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint}>
      <input
        id={name}
        name={name}
        className={CONTROL}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, errors, hint)}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  id = name,
  label,
  errors,
  hint,
  options,
  placeholder,
  ...select
}: FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> & {
    options: { value: string; label: string }[];
    placeholder?: string;
  }) {
  return (
    <FieldShell name={id} label={label} errors={errors} hint={hint}>
      <select
        id={id}
        name={name}
        className={CONTROL}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  errors,
  hint,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint}>
      <textarea
        id={name}
        name={name}
        rows={3}
        className={CONTROL}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, errors, hint)}
        {...textarea}
      />
    </FieldShell>
  );
}
