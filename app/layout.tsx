import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "整改通", template: "%s · 整改通" },
  description: "巡视巡察整改的四清单、一台账",
};

// Rendered per request, never prerendered: every page carries this request's CSP nonce
// (proxy.ts), which a page built ahead of time could not have.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="zh-CN">
      <body className="bg-gray-50 text-gray-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
