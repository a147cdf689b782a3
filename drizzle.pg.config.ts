// drizzle-kit configuration for PostgreSQL: `npm run db:generate` writes the SQL migrations of both
// dialects (drizzle.config.ts is SQLite's). Generating needs no database.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema-pg.ts',
  out: './src/adapters/db/migrations-pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/probe' },
  strict: true,
  verbose: true,
});
