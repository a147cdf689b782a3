// The prose of the LLM turn section: what the profile showed and what each change bought. Kept
// apart from the numbers, which every run rewrites.
export const TURN_FINDINGS: string[] = [];
