// Irregular inflections the Porter stemmer cannot reach ("left" -> "leave", "bigger" -> "big"),
// and number words as digits, so "zero" and "0" are one term.

const PAIRS = `
adding:add added:add left:leave went:go gone:go took:take taken:take gave:give given:give got:get gotten:get
saw:see seen:see knew:know known:know thought:think brought:bring bought:buy felt:feel
found:find kept:keep held:hold lost:lose meant:mean ran:run said:say sent:send spent:spend
stood:stand told:tell understood:understand won:win wrote:write written:write drew:draw
drawn:draw fell:fall fallen:fall grew:grow grown:grow rose:rise risen:rise froze:freeze
frozen:freeze broke:break broken:break chose:choose chosen:choose began:begin begun:begin
became:become came:come ate:eat eaten:eat flew:fly flown:fly shook:shake sank:sink sunk:sink
spoke:speak spoken:speak struck:strike swam:swim threw:throw thrown:throw wore:wear worn:wear
built:build caught:catch dug:dig fed:feed fought:fight hung:hang laid:lay led:lead lit:light
paid:pay sold:sell shot:shoot slid:slide spun:spin stuck:stick swung:swing taught:teach
hid:hide hidden:hide bent:bend blew:blow blown:blow burnt:burn dealt:deal dove:dive drove:drive
driven:drive forgot:forget forgotten:forget hit:hit hurt:hurt rode:ride ridden:ride rang:ring
rung:ring shone:shine sang:sing sung:sing slept:sleep split:split spread:spread stole:steal
stolen:steal sought:seek tore:tear torn:tear woke:wake fit:fit upset:upset overfit:overfit
mice:mouse men:man women:woman children:child feet:foot teeth:tooth geese:goose
data:data criteria:criterion phenomena:phenomenon indices:index matrices:matrix vertices:vertex
bigger:big biggest:big larger:large largest:large smaller:small smallest:small
better:good best:good worse:bad worst:bad higher:high highest:high lower:low lowest:low
hotter:hot hottest:hot colder:cold coldest:cold warmer:warm warmest:warm cooler:cool
faster:fast fastest:fast slower:slow slowest:slow louder:loud loudest:loud softer:soft
longer:long longest:long shorter:short shortest:short tighter:tight tightest:tight
looser:loose heavier:heavy heaviest:heavy lighter:light lightest:light darker:dark darkest:dark
stronger:strong strongest:strong weaker:weak weakest:weak deeper:deep deepest:deep wider:wide
widest:wide greater:great greatest:great closer:close closest:close farther:far further:far
easier:easy easiest:easy harder:hard hardest:hard cheaper:cheap cheapest:cheap
thicker:thick thinner:thin brighter:bright brightest:bright dimmer:dim quicker:quick
fewer:less least:less
zero:0 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10
`;

// Words Porter would merge with an unrelated word: "generator" and "generalization" both stem to
// "gener", "positive" and "position" to "posit". These get their own stems.
const STEM_EXCEPTIONS = `
general:generalis generally:generalis generalize:generalis generalise:generalis generalized:generalis
generalised:generalis generalization:generalis generalisation:generalis generalizes:generalis
generalises:generalis generalizing:generalis generalising:generalis
position:position positions:position positional:position positioned:position
organ:organ organs:organ organization:organis organisation:organis organize:organis organise:organis
police:police policy:policy policies:policy news:news university:university universe:universe
`;

/** Lowercased word -> the stem to use instead of Porter's. */
export const STEM_EXCEPTIONS_MAP: ReadonlyMap<string, string> = new Map(
  STEM_EXCEPTIONS.split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

/** Lowercased irregular form -> its base form. */
export const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  PAIRS.split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);
