// The JSON Schema of a bank file, generated from the zod schema so the two never drift.
import { z } from 'zod';
import { BankFileSchema } from '../../engine/bank/schema.js';

export function bankJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(BankFileSchema, { io: 'input', target: 'draft-7' }),
    title: 'Probe question bank file',
  };
}
