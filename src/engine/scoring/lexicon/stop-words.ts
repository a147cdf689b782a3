// Function words: they carry no content of their own, so matching skips them, but their share of
// an answer is a signal of sentence structure (a bare keyword list has almost none).
// Negators (not, no, never, without...) are deliberately absent: negation.ts owns them.

const WORDS = `
a an the this that these those there here it its it's itself they them their theirs themselves
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself one ones someone something anything everything
is am are was were be been being do does did doing done have has had having
will would shall should can could may might must ought
and or but if then else so than too very just also only even still yet already
of in on at by for with about against between into through during before after above below
to from up down out off over under again further once onto upon within along across around
behind beyond toward towards via per like unlike as
what which who whom whose when where why how whether while whereas because since although though
all any both each every other some such
s t d ll m re ve y o
let lets get gets got getting go goes going went make makes made
thing things way ways kind sort lot lots bit really actually basically simply quite rather
yes yeah ok okay well um uh etc eg ie
`;

/** Lowercased function words (after contraction splitting). */
export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
