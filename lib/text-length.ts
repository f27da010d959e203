// Whether a text needs the 展开 button of components/clamped-text.tsx: decided on the
// server from its length, so the button is there from the first paint.

/** Whether `text` would run past `lines` lines in a column about `charsPerLine` characters wide. */
export function runsPast(text: string | null | undefined, charsPerLine: number, lines = 3): boolean {
  return (text?.length ?? 0) > charsPerLine * lines;
}
