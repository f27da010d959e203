"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print CSS leaves only the document. */
export function PrintButton({ label = "打印" }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
