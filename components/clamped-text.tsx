"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * A long text cut to three lines on screen, with a 展开/收起 button (a real button, so it
 * works by keyboard and tells screen readers its state). Print always shows all of it.
 * `long` comes from the caller, which knows the text's length (see lib/text-length.ts): measuring in the browser
 * would show the button only after hydration, and the row would jump.
 */
export function ClampedText({ children, long }: { children: ReactNode; long: boolean }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!long) return <>{children}</>;
  return (
    <>
      <div id={id} className={`${open ? "" : "line-clamp-3"} print:line-clamp-none`}>
        {children}
      </div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="no-print mt-0.5 text-xs text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {open ? "收起" : "展开"}
      </button>
    </>
  );
}

