import type { NextConfig } from "next";

// Security headers for every response. Pages get their content-security policy (with a
// per-request script nonce) from proxy.ts; API responses carry no markup to protect, so
// theirs forbids everything.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers honour HSTS only over https; deployments on a plain-http intranet skip it.
  ...(process.env.BETTER_AUTH_URL?.startsWith("https://")
    ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }]
    : []),
];

const nextConfig: NextConfig = {
  // Parallel test servers (one per engineer) build into their own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3"],
  experimental: {
    // forbidden() and app/forbidden.tsx: a real 403 page for pages a role may not open.
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
