import path from "node:path";

// The second e2e server (playwright.config.ts): the same build on an empty database, with
// the demo off, for the first-run setup that exists only while there is no account.
export const emptyServerPort = (mainPort: number) => mainPort + 20;
export const EMPTY_DATABASE_PATH = path.join(process.cwd(), "data", "e2e-empty", "rectify.db");
export const EMPTY_SERVER_LOG = path.join(path.dirname(EMPTY_DATABASE_PATH), "server.log");
