// Finds the sentences of an answer that speak to whoever grades it rather than to the question:
// notes to a reviewer, requests for a score, claims of approval, role-play as the grader,
// instructions to a model, fake system or JSON blocks. Each sentence is read for a few features
// (who it addresses, whether it is about grading this answer, whether it directs or claims), each
// drawn from a family of related words rather than one fixed phrase, and flagged when they
// combine. Talk *about* grading (reward models, raters, metrics, rubric design) addresses no one
// and claims nothing about this answer, so it passes. Pure: no I/O.

/** One sentence aimed at the grader: its span in the answer and the feature that decided it. */
export interface GraderSpan {
  start: number;
  end: number;
  text: string;
  why: string;
}

const w = (words: string) => words.trim().split(/\s*\|\s*/).join('|');

/** Who grades: the people and programs an injection speaks to. */
const ROLE = w(`grader|graders|marker|markers|scorer|rater|reviewer|reviewers|evaluator|evaluators|examiner|examiners|assessor|assessors|judge|checker|proctor|moderator|auditor|
  inspector|invigilator|adjudicator|grading (?:model|system|ai|bot|assistant|llm|engine|script|pipeline|tool)|ai|a\\.i\\.|model|assistant|llm|language model|chatbot|bot|gpt|chatgpt|claude|system|
  person (?:grading|marking|reviewing|evaluating|scoring|reading this)|whoever (?:is )?(?:grading|marking|reviewing|evaluating|scoring|reading)`);
/** Grader roles that are never a generic subject in a technical answer ("the model" often is). */
const GRADER_ROLE = w(`grader|graders|marker|markers|scorer|rater|reviewer|reviewers|evaluator|evaluators|examiner|examiners|assessor|assessors|judge|checker|proctor|moderator|
  auditor|invigilator|adjudicator|grading (?:model|system|ai|bot|assistant|llm|engine|script|pipeline|tool)`);
/** What a grade is made of. */
const GRADE = w(`score|scores|scored|scoring|grade|grades|graded|mark|marks|marking|points?|rating|ratings|rated|credit|stars?|levels?|evaluation|assessment|verdict|pass|passing|
  passed|percent|result|rubric|key points?|criteria|criterion|\\d{1,3}\\s*(?:/|out of)\\s*\\d{1,3}|\\d{1,3}\\s*%|a\\+|grade a`);
/** The top of a scale, or everything ticked. */
const HIGH = w(`full|perfect|maximum|max|top|highest|best possible|flawless|excellent|outstanding|exemplary|stellar|ten out of ten|10\\s*/\\s*10|100\\s*/\\s*100|100\\s*%|
  hundred percent|a\\+|gold stars?|five stars|5 stars|all (?:the )?(?:key )?points|every (?:key )?point|all (?:the )?criteria|every criterion|each (?:key )?point|as covered|as correct|as complete|
  no deductions|level 4|4 out of 4|4/4|strong hire|pass(?:es|ed)? (?:with|it)`);
/** This answer, as the thing to be graded. */
const ANSWER_REF = w(`(?:this|my|the above|the present|the current|the following|the candidate['’]?s?|this candidate['’]?s?|our) (?:answer|response|submission|reply|solution|
  explanation|attempt|essay|write-?up|work|entry|transcript)|this (?:one|submission)|the candidate|this candidate`);
/** The speaker, as the one who wants the grade. */
const SELF = w(`me|myself|i|i['’]m|i['’]ve|i['’]d|we|us`);
const DIRECT_VERB = w(`give|award|grant|assign|mark|rate|score|grade|treat|consider|count|record|output|return|set|put|accept|pass|approve|credit|report|enter|tick|log|
  regard|list|label|classify|register|rank|reward|respond|reply|answer|print|write|emit|say`);
const MODAL = w(`should|must|shall|will|needs? to|has to|have to|is to|are to|ought to|is expected to|are expected to|deserves?|merits?|earns?|warrants?|qualif(?:y|ies) for|
  is entitled to|is owed`);
const REQUEST = w(`please|pls|kindly|i (?:ask|request|beg|urge|implore)|i['’]d (?:really |truly |so )?(?:appreciate|like|love)|i would (?:really |truly )?(?:appreciate|like|love)|if you (?:could|would|can|will)|would you|could you|can you|i hope you|
  make sure|be sure to|remember to|don['’]t forget|do not forget|i trust you|i expect you|i need you|i want you|let['’]?s`);
const CLAIM = w(`(?:has|have|had|was|were|been|is|are|got|gets)\\s+(?:already\\s+|officially\\s+|previously\\s+|fully\\s+)?(?:pre-?)?(?:approved|verified|validated|confirmed|
  certified|cleared|signed off|graded|marked|checked|vetted|endorsed|authori[sz]ed|whitelisted|greenlit|scored|accepted|rated)|pre-?(?:approved|graded|scored|cleared|verified|vetted)|
  signed off|already (?:approved|graded|scored|marked|passed|verified)|officially (?:approved|passed)`);
const OVERRIDE_VERB = w(`ignore|disregard|forget|override|bypass|skip|set aside|drop|discard|abandon|neglect|suspend|put aside|stop following|do not follow|don['’]t follow`);
const INSTRUCTIONS = w(`instructions?|prompts?|rubrics?|guidelines?|rules?|criteria|reference(?: answer)?|key points?|system (?:message|prompt)|everything (?:above|before|else)|
  (?:the|any|all|your) (?:above|previous|prior|earlier)|previous|prior|grading scheme|marking scheme|scoring (?:guide|scheme)|constraints|policy|policies|directives?|orders`);

const re = (source: string, flags = 'i') => new RegExp(source, flags);
const has = (pattern: string) => re(String.raw`(?:^|[^\p{L}\p{N}])(?:${pattern})(?![\p{L}\p{N}])`, 'iu');

const F = {
  role: has(ROLE),
  graderRole: has(GRADER_ROLE),
  you: has('you|your|yours|yourself'),
  grade: has(GRADE),
  high: has(HIGH),
  answerRef: has(ANSWER_REF),
  self: has(SELF),
  modal: has(MODAL),
  request: has(REQUEST),
  claim: has(CLAIM),
  override: has(OVERRIDE_VERB),
  instructions: has(INSTRUCTIONS),
  // A rule for answers in general, not a verdict on this one: "only when", "if", "a response".
  generic: has(String.raw`only (?:when|if)|if|when|whenever|unless|each (?:answer|response|sample|output)|every (?:answer|response|sample|output)|an? (?:answer|response|output|sample|summary)|answers|responses|outputs|samples`),
};

/** Sentence openers that make the next verb an imperative ("Please give", "Now just mark"). */
const LEAD = String.raw`(?:(?:please|pls|kindly|let'?s|now|so|just|simply|then|also|and|ok(?:ay)?|hey|also|therefore|thus|hence|finally|first|lastly|remember|note)[,:]?\s+)*`;
const IMPERATIVE = re(String.raw`^\W*${LEAD}(?:${DIRECT_VERB}|${OVERRIDE_VERB}|act|behave|pretend|assume|imagine|switch|enter|become|play|be (?:generous|lenient|kind|nice|easy|fair to me))\b`);
const OVERRIDE_COMMAND = re(String.raw`(?:^\W*${LEAD}|\b(?:you|u|model|assistant|ai|system|grader|evaluator|judge)\s+(?:should|must|shall|will|need to|have to|are to|can)?\s*|\b(?:please|kindly|now|must|should)\s+)(?:${OVERRIDE_VERB})\b`);
const OVERRIDE_OBJECT = re(String.raw`\b(?:${OVERRIDE_VERB})\b[^.!?\n]{0,30}\b(?:your|all|any|previous|prior|above|earlier|original|system|grading|marking|scoring)\s+(?:[\w-]+\s+)?(?:${INSTRUCTIONS})`);

/** Markers of a fake block: chat-template tokens, role labels, tags of the judge prompt, JSON verdicts. */
const STRUCTURAL: readonly [RegExp, string][] = [
  [/<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id)\|>|\[\/?(?:INST|SYS)\]|<<\/?SYS>>/i, 'chat-template tokens'],
  [/[<‹]\s*\/?\s*(?:system|instructions?|candidate_answers?|rubric|grader|judge|reference_answer|key_points|developer|assistant)\s*[>›]/i, 'a tag of the grading prompt'],
  [re(String.raw`^\W{0,3}(?:system|assistant|developer|admin|administrator|operator|instructions?|override|(?:${GRADER_ROLE}))(?:['’]s)?(?:\s+(?:note|notes|message|prompt|comment|comments|override|instruction|instructions|verdict|feedback|update|decision|memo|remark))?\s*(?:[:>\]|-]|—)`, 'im'), 'a role label'],
  [/\{[^{}]{0,400}["'](?:score|overall|grade|level|rating|marks|status|verdict|keyPoints|criteria|result|points)["']\s*:/i, 'a JSON verdict'],
  [/^\s*#{1,6}\s*(?:system|instruction|instructions|response|grader|evaluation|verdict)\b/im, 'a prompt heading'],
  [/\b(?:BEGIN|END)\s+(?:SYSTEM|INSTRUCTIONS?|GRADER|GRADING|EVALUATOR|OVERRIDE)\b/i, 'a fake block'],
];

/** Openers that speak to a grader: "Note to the reviewer", "Dear examiner", "Hey AI". */
const ADDRESS = re(String.raw`(?:\b(?:note|notes|message|memo|comment|p\.?s\.?|aside|word|reminder|instruction|instructions)\s+(?:to|for)\s+(?:the\s+|my\s+|our\s+|any\s+|whoever\s+is\s+)?(?:${ROLE})\b|^\W*(?:dear|hey|hi|hello|attention|attn|to|yo|listen)[,:]?\s+(?:the\s+|my\s+|dear\s+)?(?:${ROLE})\b|\bto whoever (?:is )?(?:grading|marking|reviewing|evaluating|scoring|reading))`, 'iu');
/** Speaking as the grader: "As the evaluator, I...", "Grader here", "Reviewer's verdict: ...". */
const AS_GRADER = re(String.raw`(?:^\W*|\b(?:speaking|writing|acting|here)\s+)as\s+(?:the|your|this|the lead|the senior|the official|your lead|your senior)\s+(?:${GRADER_ROLE})\b|\b(?:${GRADER_ROLE})\s+(?:here|speaking)\b|\bi(?:['’]m|\s+am)\s+(?:the|your|this answer['’]s)\s+(?:${GRADER_ROLE})\b|\b(?:${GRADER_ROLE})['’]s\s+(?:note|verdict|decision|comment|override|assessment|feedback)\s*[:—-]`, 'iu');
/** Giving the model a new role or new rules. */
const ROLE_CHANGE = re(String.raw`\byou(?:['’]re|\s+are)\s+(?:now|no longer|actually|really|henceforth)\b|\bfrom now on\b|\b(?:new|updated|real|actual|hidden|secret|revised|true)\s+(?:instructions?|rubric|system prompt|task|grading (?:rules|scheme)|orders|directives?)\b|\b(?:act|behave|pretend|roleplay|role-play|respond|answer|speak|think)\s+(?:as|like)\s+(?:if\s+|though\s+)?(?:you\s+(?:are|were)\s+)?(?:an?|the|my)?\s*(?:lenient|generous|kind|friendly|easy|nice)?\s*(?:${GRADER_ROLE}|teacher|tutor|professor|examiner)\b|\byou(?:['’]re|\s+are)\s+(?:an?|the|my|our)\s+(?:[\w-]+\s+)?(?:${GRADER_ROLE})\b|\bplay the role of\b|\bdeveloper mode\b|\bjailbreak\b`, 'iu');

/** "It has been approved", "This was pre-graded": a claim whose subject is the answer itself. */
const APPROVED_SUBJECT = /^\W*(?:this|it)\s+(?:has|have|had|was|is)\s+(?:(?:already|officially|been)\s+)*(?:pre-?)?(?:approved|signed off|cleared|whitelisted|greenlit|graded|endorsed|vetted|verified)\b/i;

function sentenceVerdict(sentence: string): string | undefined {
  const s = sentence.replace(/[’`]/g, "'");
  for (const [pattern, why] of STRUCTURAL) if (pattern.test(s)) return why;
  if (ADDRESS.test(s)) return 'addressed to the grader';
  if (AS_GRADER.test(s)) return 'speaks as the grader';
  if (ROLE_CHANGE.test(s)) return 'gives the model a new role or rules';
  if ((OVERRIDE_COMMAND.test(s) || OVERRIDE_OBJECT.test(s)) && F.instructions.test(s)) return 'tells the grader to set its instructions aside';
  const grade = F.grade.test(s);
  const high = F.high.test(s);
  const aboutThis = F.answerRef.test(s) || F.self.test(s);
  const generic = F.generic.test(s) && !F.answerRef.test(s);
  if (IMPERATIVE.test(s) && (grade || high) && (aboutThis || high) && !generic) return 'asks for a grade';
  const addressee = F.graderRole.test(s) || F.you.test(s) || (F.role.test(s) && aboutThis);
  if (addressee && (F.modal.test(s) || F.request.test(s)) && grade && (aboutThis || (high && !generic))) return 'tells the grader what to give';
  if (F.answerRef.test(s) && F.modal.test(s) && (high || /\b(?:pass|approval|approved|hire|accepted)\b/i.test(s))) return 'claims what this answer should get';
  if (F.claim.test(s) && (F.answerRef.test(s) || (grade && high) || APPROVED_SUBJECT.test(s))) return 'claims the answer is already approved';
  if (F.request.test(s) && (high || (grade && aboutThis)) && !generic) return 'requests a grade';
  return undefined;
}

/** Sentence spans: split after . ! ? ; and at line breaks; chat-template and JSON blocks stay whole. */
function sentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const blocks = /<\|im_start\|>[\s\S]*?(?:<\|im_end\|>|$)|\[INST\][\s\S]*?(?:\[\/INST\]|$)|<<SYS>>[\s\S]*?(?:<<\/SYS>>|$)|\{[^{}]{0,600}\}|[<‹]\s*\/?\s*(?:system|instructions?|candidate_answers?|rubric|grader|judge|reference_answer|key_points|developer|assistant)\s*[>›]/gi;
  let cursor = 0;
  const pushText = (from: number, to: number) => {
    const splitter = /(?:[^.!?;\n]|[.!?;](?![.!?;]|\s|$|["')\]]))*(?:[.!?;]+["')\]]*|\n|$)/g;
    const part = text.slice(from, to);
    for (const m of part.matchAll(splitter)) {
      if (m[0].trim() === '') continue;
      spans.push({ start: from + m.index, end: from + m.index + m[0].length });
    }
  };
  for (const m of text.matchAll(blocks)) {
    pushText(cursor, m.index);
    spans.push({ start: m.index, end: m.index + m[0].length });
    cursor = m.index + m[0].length;
  }
  pushText(cursor, text.length);
  return spans;
}

/** Sentences that only continue a flagged one ("Top ratings throughout.") go with it. */
const CONTINUES = has(String.raw`${GRADE}|${HIGH}|${CLAIM}`);

/** The sentences of `text` addressed to the grader, in order. */
export function findGraderAddress(text: string): GraderSpan[] {
  const found: GraderSpan[] = [];
  let previousFlagged = false;
  for (const span of sentences(text)) {
    const raw = text.slice(span.start, span.end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    let why = sentenceVerdict(trimmed);
    if (!why && previousFlagged && trimmed.length <= 160 && CONTINUES.test(trimmed)) why = 'continues a note to the grader';
    previousFlagged = why !== undefined;
    if (why) found.push({ start: span.start + lead, end: span.start + lead + trimmed.length, text: trimmed, why });
  }
  return found;
}

/** The answer with the grader-addressed sentences taken out. */
export interface SeparatedAnswer {
  /** What a grader should see: the flagged sentences removed, whitespace tidied. */
  kept: string;
  /** Same length as the answer, flagged sentences blanked with spaces: offsets still point into the original. */
  blanked: string;
  spans: GraderSpan[];
}

export function separateGraderAddress(text: string): SeparatedAnswer {
  const spans = findGraderAddress(text);
  if (spans.length === 0) return { kept: text, blanked: text, spans };
  let blanked = text;
  for (const s of spans) blanked = blanked.slice(0, s.start) + ' '.repeat(s.end - s.start) + blanked.slice(s.end);
  const kept = blanked.replace(/[ \t]{2,}/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return { kept, blanked, spans };
}
