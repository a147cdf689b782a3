// Where Probe's own folders are, independent of the directory the command runs from.
import { fileURLToPath } from 'node:url';

/** The repository / package root. */
export const packageRoot = (): string => fileURLToPath(new URL('..', import.meta.url));
export const defaultBankDir = (): string => fileURLToPath(new URL('../rubrics', import.meta.url));
export const defaultPromptsDir = (): string => fileURLToPath(new URL('../prompts', import.meta.url));
export const webDistDir = (): string => fileURLToPath(new URL('../dist/web', import.meta.url));
