import type { APIRequestContext } from "@playwright/test";

// Submits one of a page's forms the way a browser without JavaScript does. Next renders
// every server-action form with hidden fields ($ACTION_…) that make a plain POST run the
// action, so this is the real form path, minus the browser: a sign-in or a new round in a
// fraction of a second, for the hardening specs' set-up.

export interface FormResult {
  status: number;
  /** Where the action's redirect ended up. */
  url: string;
  html: string;
}

export async function submitForm(
  context: APIRequestContext,
  origin: string,
  path: string,
  /** A field name only the wanted form has, e.g. "inspectingBody". */
  marker: string,
  fields: Record<string, string>,
): Promise<FormResult> {
  const page = await context.get(path);
  const hidden = hiddenInputs(formWith(await page.text(), marker));
  const response = await context.post(path, { headers: { origin }, multipart: { ...hidden, ...fields } });
  return { status: response.status(), url: response.url(), html: await response.text() };
}

/**
 * The hidden fields ($ACTION_… and the form's own) of the first form in `html` that `wanted`
 * picks: what a browser without JavaScript would post for it. A spec can then post them as
 * another user would, by hand, to see the server refuse.
 */
export function hiddenFieldsOf(html: string, wanted: (form: string) => boolean): Record<string, string> {
  const form = html
    .split(/<form\b/)
    .slice(1)
    .map((part) => part.slice(0, part.indexOf("</form>")))
    .find(wanted);
  if (!form) throw new Error("no such form on the page");
  return hiddenInputs(form);
}

function hiddenInputs(form: string): Record<string, string> {
  const hidden: Record<string, string> = {};
  for (const tag of form.match(/<input\b[^>]*>/g) ?? []) {
    const attributes = Object.fromEntries([...tag.matchAll(/([\w:$-]+)="([^"]*)"/g)].map((m) => [m[1], decodeEntities(m[2]!)]));
    if (attributes.type === "hidden" && attributes.name) hidden[attributes.name] = attributes.value ?? "";
  }
  return hidden;
}

function formWith(html: string, marker: string): string {
  const form = html.split(/<form\b/).find((part) => part.includes(`name="${marker}"`));
  if (!form) throw new Error(`no form with a field named ${marker}`);
  return form.slice(0, form.indexOf("</form>"));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
