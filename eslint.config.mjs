import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without where rewrites a whole table: never intended here.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "q"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "q"] }],
    },
  },
  // The layering (STYLE.md): app → server → db → lib. Arrows that run back up are errors.
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^@/(db|server|app|cli|components)(/|$)", message: "lib/ is pure domain logic: it imports neither the database nor the server (STYLE.md)." },
            { regex: "^(\\.\\./)+(db|server|app|cli|components)(/|$)", message: "lib/ is pure domain logic: it imports neither the database nor the server (STYLE.md)." },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^@/(server|app|cli|components)(/|$)", message: "db/ holds the SQL; the use cases in server/ call it, never the other way round." },
            { regex: "^(\\.\\./)+(server|app|cli|components)(/|$)", message: "db/ holds the SQL; the use cases in server/ call it, never the other way round." },
          ],
        },
      ],
    },
  },
  {
    // A write opens its transaction in a use case of server/ (which records the audit row),
    // so an action, a route or the CLI never opens one of its own.
    files: ["app/**", "components/**", "lib/**", "cli/**"],
    ignores: ["cli/generate/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='db'][callee.property.name='transaction']",
          message: "Open write transactions in a use case under server/, not here.",
        },
      ],
    },
  },
  {
    // Links go through components/link.tsx, which does not prefetch dynamic pages unasked (issue 15).
    files: ["app/**", "components/**"],
    ignores: ["components/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Import Link from @/components/link: it does not prefetch unless asked (issue 15)." }] }],
    },
  },
  {
    // Playwright fixtures receive a callback named `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"] },
];

export default config;
