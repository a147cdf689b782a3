// drizzle-kit configuration: `npx drizzle-kit generate` writes SQL migrations from the schema.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/adapters/db/schema.ts',
  out: './src/adapters/db/migrations',
  dbCredentials: { url: process.env.PROBE_DB_PATH ?? './data/probe.db' },
  strict: true,
  verbose: true,
});
