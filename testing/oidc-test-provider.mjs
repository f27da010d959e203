// A real OpenID Connect provider for the browser tests of unified identity (统一身份认证):
// panva's oidc-provider, certified, with its development login page (any login name
// signs in; the password is not checked). playwright.config.ts starts it next to the app;
// it can also be run by hand to try the sign-in:
//
//   OIDC_TEST_PORT=3189 OIDC_TEST_APP_URL=http://localhost:3000 node testing/oidc-test-provider.mjs
//   RECTIFY_OIDC_ISSUER=http://localhost:3189 RECTIFY_OIDC_CLIENT_ID=rectify \
//     RECTIFY_OIDC_CLIENT_SECRET=rectify-test-secret npm start
//
// Identities: every login name is an identity of the provider whose preferred_username is
// that name. A few carry more claims, like a real directory's entries.

import crypto from "node:crypto";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_TEST_PORT ?? 3189);
const issuer = `http://localhost:${port}`;
const appURL = (process.env.OIDC_TEST_APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");

const TEST_CLIENT = { id: "rectify", secret: "rectify-test-secret" };

/** Claims beyond preferred_username = the login name. */
const DIRECTORY = {
  // The demo's 区教育局 account by username.
  jiaoyu: { name: "林教育" },
  // No account named so; e2e/oidc.spec.ts gives the demo's 新安街道 account this number.
  "wang.xinan": { name: "王新安", phone_number: "+86 139-0000-0002", phone_number_verified: true },
};

const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-signing-key", use: "sig", alg: "RS256" };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: TEST_CLIENT.id,
      client_secret: TEST_CLIENT.secret,
      redirect_uris: [`${appURL}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
  claims: {
    openid: ["sub"],
    profile: ["name", "preferred_username"],
    phone: ["phone_number", "phone_number_verified"],
  },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, name: id, ...DIRECTORY[id] };
      },
    };
  },
  // The app is a first-party client: the user is not asked to consent to every sign-in.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid profile phone");
    grant.addOIDCClaims(["preferred_username", "name", "phone_number", "phone_number_verified"]);
    await grant.save();
    return grant;
  },
});

const server = provider.listen(port, () => {
  console.log(`oidc test provider: ${issuer} (client ${TEST_CLIENT.id}, redirect ${appURL}/api/auth/callback/oidc)`);
});

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
