// Shared pieces of the browser tests: Debian's Chromium through playwright-core (skipped locally
// when it is missing, fatal under CI), a real Probe server serving a fresh bundle of web/, and
// screenshots saved as test artifacts.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildWeb } from '../../web/build.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../support/start-test-server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

export const CHROMIUM_PATH = process.env.PROBE_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * True when the browser tests can run. Without Chromium they are skipped with a message, except
 * under CI=true, where a missing browser fails the run.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium is missing at ${CHROMIUM_PATH} and CI=true: the browser tests must run. Install Chromium with: apt-get install -y chromium`);
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM_PATH}; install Chromium with: apt-get install -y chromium`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1100, height: 900 }, colorScheme: 'light' };
export const DARK_PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, colorScheme: 'dark', isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export interface WebServer {
  server: TestServer;
  url: string;
  /** Stops the server and starts a new one on the same port and database (sockets drop). */
  restart(between?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Builds web/ into a temp folder and starts a real server on it (temp database, port 0). */
export async function startWebServer(options: Omit<TestServerOptions, 'dbPath' | 'server'> = {}): Promise<WebServer> {
  const dir: TempDir = tempDir('probe-e2e-');
  const webDir = await buildWeb({ outDir: dir.file('web'), minify: false });
  const dbPath = dir.file('probe.db');
  let server = await startTestServer({ ...options, dbPath, server: { webDir } });
  const port = server.port;
  return {
    get server() {
      return server;
    },
    url: server.url,
    async restart(between) {
      await server.close();
      await between?.();
      server = await startTestServer({ ...options, dbPath, server: { webDir, port } });
    },
    async close() {
      await server.close();
      dir.remove();
    },
  };
}

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Saves a screenshot (the whole page unless `fullPage` is false) as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Collects uncaught page errors and dialogs (an executed `alert` would be an injection). */
export function watchPage(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void (dialog.type() === 'confirm' ? dialog.accept() : dialog.dismiss());
  });
  return seen;
}
