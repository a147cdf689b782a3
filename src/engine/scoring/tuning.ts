// Constants of the offline scorer fitted on the SemEval-2013 training splits (*_train.jsonl of
// SciEntsBank and Beetle), never on their test splits. To refit: `npm run bench:grader -- --fit`
// runs a coordinate search over candidate values (test/bench/fit-tuning.ts), maximizing mean
// 2-way train accuracy with a per-corpus threshold, prints the object, then benchmarks it as is.
// Paste the printed values here. One deliberate departure: the search prefers accuracyBest = 0
// (0.734 vs 0.732 SciEntsBank train accuracy); 0.2 is kept so that accuracy still credits one key
// point stated precisely, instead of duplicating completeness.

/** The fitted constants; mutable only so that the fitting script can search them. */
export const TUNING = {
  /** Weight of a reference word that the question already uses (saying it back proves little). */
  questionTermWeight: 0.2,
  /** Weight of a light verb ("use", "need", "contain") in a statement: it says little alone. */
  lightVerbWeight: 0.3,
  /** Credit for a question word (or a named bulb, terminal...) an answer implies with a pronoun. */
  impliedCredit: 1,
  /** Derived key points weigh (their words' weight)^power: 0 = equal weights, 1 = by words. */
  derivedWeightPower: 1,
  /** Key point score at or above which it is "covered", and "partly". */
  covered: 0.7,
  partly: 0.35,
  /** Accuracy: share of the best key point (vs the mean) in what the answer gets right. */
  accuracyBest: 0.2,
  /** Accuracy: credit kept when none of the answer's words are the reference's. */
  precisionFloor: 0.9,
  /** Accuracy: how much contradicting a key point takes away. */
  contradictionPenalty: 0.5,
  /**
   * Power applied to the content criteria (accuracy, completeness) of technical answers, 0..1 to
   * 0..1: 1 keeps the raw match share, lower lifts partial answers toward the experts' scale.
   * Chosen by hand on SAF train (mean 0.33 at 1, 0.39 at 0.6, 0.45 at 0.4, Pearson 0.26 throughout)
   * and held at 0.6 by the bank calibration suite: at 0.45 partial answers already sit above their
   * band (29% in band against 42%) and wrong answers rise with them.
   */
  contentCurve: 0.6,
  /**
   * The same power against the bank's own key points (questions with key points written for them).
   * Chosen on the bank calibration suite (0.6, 0.75, 0.9, 1 tried): at 0.6 partial answers (half
   * the points, correct as far as they go) scored 66-77 on 14 of 24 questions, against a band of
   * 30-65. At 1 the suite's partial answers in band went 7 -> 15 of 24 (mean 60 -> 52), wrong 14 ->
   * 16, with strong, hedged, keyword, off-topic and non-answer kinds unchanged. Measured on the
   * own-words check set for each value (so it is not blind to this choice): correct own-words
   * answers >= 70, 57 -> 53 of 60 (mean 84.8 -> 81.6); fluent wrong answers' mean 48.6 -> 42.4.
   * SAF and SemEval use derived key points, so they are unchanged by construction.
   */
  bankContentCurve: 1,
  /** Content value below which the curve does not lift (a stray shared word is not partial credit). */
  contentFloor: 0.1,
  /** Credit for a WordNet synonym of a pattern word (lexicon/wordnet.generated.ts), against 1 for the word itself. */
  synonymCredit: 0.8,
  /**
   * Overall x (1 - this x the weight share of contradicted key points), for bank key points only
   * (offline-scorer.ts). At 1.5 in the first round the detector's false alarms cost strong and
   * hedged answers more than wrong answers gained. After the clause-claims work and the false-alarm
   * fixes (3 of 96 right-as-far-as-they-go suite answers told "Contradicted"), chosen on the bank
   * suite (1, 1.5 and 2 tried): wrong answers in band 8 -> 14 of 24 (mean 40 -> 30), every other
   * kind unchanged. The two check sets were measured for each value too, so they are not blind to
   * this choice: fluent wrong answers <= 30, 6 -> 12 of 24 (contradiction check) and mean 63 -> 50
   * (own-words check); correct answers >= 70, 24 -> 22 of 24 and 58 -> 57 of 60. SemEval and SAF
   * use derived key points, so they are unchanged by construction.
   */
  contradictionOverall: 1.5,
  /**
   * A reply to a bank question with no key point even partly made and at most this many distinct
   * words of the question's vocabulary says nothing about the subject (offline-scorer.ts).
   */
  evasiveTopicalTerms: 3,
  /** Content words from which a reply to a bank question that makes no key point answers another question (offline-scorer.ts). */
  offTopicMinContent: 25,
};
