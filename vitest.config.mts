import path from "node:path";
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [tsconfigPaths()],
  resolve: {
    alias: { "server-only": path.resolve(__dirname, "testing/server-only-stub.ts") },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "server/**/*.test.ts", "cli/**/*.test.ts", "testing/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    // scrypt hashing in the account tests is deliberately slow.
    testTimeout: 20_000,
  },
});
