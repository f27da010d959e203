export interface CheckboxOption {
  id: number;
  label: string;
}

/**
 * A labelled list of checkboxes sharing one field name, its error tied to the group with
 * aria-describedby. `checked` says which boxes start ticked (after an error: as submitted).
 */
export function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  errors,
  empty,
  scroll = false,
}: {
  name: string;
  legend: string;
  options: CheckboxOption[];
  checked: (id: number) => boolean;
  errors?: string[];
  /** Shown instead of the list when there is nothing to choose. */
  empty?: string;
  /** A long list scrolls inside the form rather than pushing the button out of sight. */
  scroll?: boolean;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-gray-800">{legend}</legend>
      {options.length === 0 && empty ? <p className="text-sm text-gray-500">{empty}</p> : null}
      <div className={`mt-1 space-y-1 ${scroll ? "max-h-64 overflow-y-auto" : ""}`}>
        {options.map((option) => (
          <label key={option.id} className="flex items-start gap-2 text-sm text-gray-800">
            <input type="checkbox" name={name} value={option.id} defaultChecked={checked(option.id)} className="mt-0.5" />
            {option.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {errors.join(";")}
        </p>
      ) : null}
    </fieldset>
  );
}
