// The content-security policy of every page. Scripts run only with this request's nonce
// (Next puts it on its own inline bootstrap scripts when it finds it in the request's
// CSP header), and 'strict-dynamic' lets those scripts load the app's chunks. Inline
// styles stay allowed: recharts and React set style attributes, which cannot carry a
// nonce, and a style cannot run code. Dev mode needs eval for React's debugging tools.
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce per response (Web Crypto: the proxy runs on the edge runtime too). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
