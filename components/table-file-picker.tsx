"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * The first step of every spreadsheet import (ledger, ledger update, organisation): choose
 * an xlsx or csv file, send it for a preview, with a link beside (template, export).
 * Choosing another file drops the last preview, so what is confirmed is what was shown.
 */
export function TableFilePicker(props: {
  id: string;
  label: string;
  busy: boolean;
  hasFile: boolean;
  onChoose: (file: File | null) => void;
  onPreview: () => void;
  previewLabel: string;
  pendingLabel: string;
  pending: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor={props.id} className="block text-sm font-medium">
          {props.label}
        </label>
        <input
          id={props.id}
          type="file"
          accept=".xlsx,.csv"
          className="mt-1 block text-sm"
          onChange={(event) => props.onChoose(event.target.files?.[0] ?? null)}
        />
      </div>
      <Button type="button" disabled={!props.hasFile || props.busy} onClick={props.onPreview}>
        {props.pending ? props.pendingLabel : props.previewLabel}
      </Button>
      {props.children}
    </div>
  );
}
