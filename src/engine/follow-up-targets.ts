// Follow-up targets that are not key points: push a solid answer further ("depth"), offer a simpler
// way into a question the candidate could not answer ("simpler"), or ask for a rephrase of an answer
// that could not be read ("rephrase"). The last two restart the answer: what came before is replaced.

export const DEPTH_TARGET = 'depth';
export const SIMPLER_TARGET = 'simpler';
export const REPHRASE_TARGET = 'rephrase';

/** Targets after which the candidate's next answer replaces the non-answer before it. */
export const RESTART_TARGETS: ReadonlySet<string> = new Set([SIMPLER_TARGET, REPHRASE_TARGET]);

/** Targets that are not key point ids. */
export const SPECIAL_TARGETS: ReadonlySet<string> = new Set([DEPTH_TARGET, SIMPLER_TARGET, REPHRASE_TARGET]);
