// drizzle-kit configuration for SQLite: `npm run db:generate` writes the SQL migrations of both
// dialects (drizzle.pg.config.ts is PostgreSQL's).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/adapters/db/schema.ts',
  out: './src/adapters/db/migrations',
  dbCredentials: { url: process.env.PROBE_DB_PATH ?? './data/probe.db' },
  strict: true,
  verbose: true,
});
