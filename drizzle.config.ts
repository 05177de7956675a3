import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate`; migrations are applied at start-up by the runtime migrator.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./src/db/migrations",
  casing: "snake_case",
});
