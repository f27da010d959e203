import { finishOidcSignIn, notFound, startOidcSignIn } from "@/server/oidc-sign-in";
import { OIDC_PROVIDER_ID } from "@/lib/unified-identity";

// better-auth's HTTP endpoints, as far as unified identity needs them and no further: the
// start of a provider sign-in and the provider's callback. Sign-up, password, session and
// account endpoints stay unreachable (404 for GET, 405 for anything else); password
// sign-in is the server action in app/(auth)/actions.ts. Both paths answer 404 when no
// provider is configured.

type Context = { params: Promise<{ all: string[] }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const path = (await context.params).all.join("/");
  if (path === `sign-in/${OIDC_PROVIDER_ID}`) return startOidcSignIn(request);
  if (path === `callback/${OIDC_PROVIDER_ID}`) return finishOidcSignIn(request);
  return notFound();
}
