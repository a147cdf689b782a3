// A deterministic detector for answer text aimed at the grader rather than the question ("ignore
// the rubric", "give me 10/10", "you are now", "system:"). When it fires, the LLM judge may not
// raise the score above the offline scorer's: defence in depth behind the prompt's data slot.
// It errs towards firing: an answer *about* prompt injection may trip it, and then simply gets
// no more than its offline score.

const SCORE = String.raw`(?:\d{1,3}\s*(?:\/|out of)\s*\d{1,3}|full (?:marks|score|points|credit)|(?:a )?(?:perfect|maximum|max|top|highest) (?:score|marks?|grade)|100\s*%|(?:them |it |everything )?as (?:covered|correct|excellent|perfect))`;

const PATTERNS: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,30}\b(?:instructions?|rubric|grading|marking|(?:the|your|all|any) (?:rules|criteria|guidelines)|reference answer|key points|system prompt|(?:previous|prior|above|earlier) (?:prompt|messages?|text))/i,
  new RegExp(String.raw`\b(?:give|award|grant|assign|score|rate|mark|grade)\s+(?:me|us|this(?: answer| response)?|it|the candidate|my answer)\b[^.!?\n]{0,30}${SCORE}`, 'i'),
  new RegExp(String.raw`\b(?:this|my) (?:answer|response) (?:deserves|should (?:get|receive|be given)|merits|earns)\b[^.!?\n]{0,20}${SCORE}`, 'i'),
  /\b(?:10|100)\s*\/\s*(?:10|100)\b/,
  /\byou are (?:now|no longer)\b/i,
  /\b(?:act|behave|pretend|respond) as (?:if|though|the|an?)\b[^.!?\n]{0,30}\b(?:grader|judge|evaluator|examiner|assessor|system|admin)/i,
  /\bas (?:the|an?|your) (?:evaluator|grader|examiner|assessor|judge|ai|model|assistant)\b[,\s]+(?:you|please)\b/i,
  /\b(?:grader|judge|evaluator|examiner|assessor) (?:should|must|will|has to|needs to|is to) (?:give|award|assign|mark|score|rate|grade|ignore|accept)\b/i,
  /^\s*(?:system|assistant|developer|grader|judge|evaluator)\s*(?:prompt|message|note|override)?\s*:/im,
  /\b(?:new|updated|real|actual|hidden|secret) (?:instructions?|rubric|system prompt|task|grading rules)\s*:/i,
  /\bmark (?:all|every|each) (?:of the )?key points?\b/i,
  /\b(?:all|every) key points? (?:are|is|as|were) (?:covered|met|satisfied)\b/i,
  /[<‹]\s*\/?\s*(?:system|instructions?|candidate_answers?|rubric|grader|judge)\s*[>›]/i,
  /\[\/?(?:INST|SYS)\]|<<\/?SYS>>|<\|(?:im_start|im_end|system|endoftext)\|>/i,
];

/** The instruction-like passage aimed at the grader, if the text has one. */
export function detectInjection(text: string): string | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0].trim().slice(0, 80);
  }
  return undefined;
}
