/**
 * Function words left out of the index and out of queries, for the languages a community is
 * likely to write in (English, German, French, Spanish, Portuguese, Italian, Dutch).
 *
 * Why: they are a quarter of every text's words and in nearly every entry, so they cost a large
 * share of the index's memory and build time and make a query slow (the index has to score every
 * entry for "the"), while telling search nothing; and with AND semantics "how to deploy a bot"
 * should mean "deploy" and "bot".
 *
 * Kept deliberately: words that are also content words in another language of the list ("son",
 * "plus", "war", "no"), "it" (IT, the department) and "not" (as in "not found"). Single letters
 * are left out only where they are French or English elisions ("l'équipe", "don't"); "c" stays
 * because it is also a programming language.
 */
const STOP_WORDS_BY_LANGUAGE = {
  en: "a an and are as at be been being but by can could did do does for from had has have he her his how i if in into is its me my of on or our she should so such than that the their them then there these they this those to us was we were what when where which who why will with would you your",
  de: "auf aus bei dass dem den der des die du ein eine einem einen einer eines er es fur ich ihr im ist mit nach nicht noch nur oder sich sie sind uber und vom von wenn werden wie wir wird wurde zu zum zur",
  fr: "au aux avec ce ces cette d dans de des du elle elles en est et il ils j je l la le les leur leurs m mais n ne nous ou par pas pour qu que qui s sa se ses sont sur t un une vous",
  es: "al como con del el esta este estos estas las los mas para pero por que se su sus una unas uno unos y",
  pt: "ao aos com e o da das do dos em na nas nos os pela pelo sao um uma",
  it: "alla della delle dei di gli il lo non per che",
  nl: "aan als bij dat een het ook op te van voor zijn",
} as const;

/** Folded forms (lower case, no accents), as the tokenizer produces terms. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  Object.values(STOP_WORDS_BY_LANGUAGE).flatMap((words) => words.split(" ")),
);
