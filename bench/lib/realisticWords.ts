import { random, TOPIC_WORDS, type WordSource } from "../../src/local/generatedLibrary.js";

/**
 * Words as they occur in real writing, for the search benchmark's library: the demo's uniform
 * 180-word vocabulary puts every word in four of five entries, which no real library does and
 * which makes every query match most of the library.
 *
 * - About 40 % of running words are function words (the, of, and…), as in English prose; the
 *   index drops them, but they give texts their real length.
 * - The other words follow Zipf's law (frequency ∝ 1 / rank) over a vocabulary of 12,000 words.
 *   The library's topic words (the demo vocabulary, which the benchmark's queries use) sit at
 *   ranks spread log-uniformly between 20 and 3,000: a few are common, most are specific, so a
 *   query word occurs in between about 1 % and 40 % of entries. The rest of the vocabulary is
 *   made of English-like syllables (onset, vowel, coda), so texts have the spread of word lengths and the long tail of rare words
 *   (names, jargon, typos) that make a real index large.
 */
const FUNCTION_WORDS = (
  "the of and to a in is that for it as with on be this by are from at or an was have not can " +
  "but which we you they if will has when how all more one would there their what so about do"
).split(" ");
const FUNCTION_SHARE = 0.4;
const VOCABULARY_SIZE = 12_000;
const ONSETS = "b c d f g h j k l m n p r s t v w y z ch sh th st tr pl gr br cl sp".split(" ");
const NUCLEI = "a e i o u ea ou ai io".split(" ");
const CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "ck", "ng", "st"];

/** A word source with the distribution above; the same every run. */
export function realisticWords(seed = 1): WordSource {
  const vocabulary = zipfVocabulary(random(seed));
  const cumulative = new Float64Array(vocabulary.length);
  let sum = 0;
  for (let rank = 0; rank < vocabulary.length; rank++) {
    sum += 1 / (rank + 1);
    cumulative[rank] = sum;
  }
  return (rand) => {
    if (rand() < FUNCTION_SHARE) return FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)] ?? "the";
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? sum) < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] ?? "data";
  };
}

function syllable(rand: () => number): string {
  const pick = (options: readonly string[]) => options[Math.floor(rand() * options.length)] ?? "";
  return pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
}

function zipfVocabulary(rand: () => number): string[] {
  const topicAt = new Map<number, string>();
  for (const word of TOPIC_WORDS) {
    let rank = Math.floor(20 * 150 ** rand());
    while (topicAt.has(rank)) rank++;
    topicAt.set(rank, word);
  }
  const seen = new Set<string>();
  const vocabulary: string[] = [];
  while (vocabulary.length < VOCABULARY_SIZE) {
    const topic = topicAt.get(vocabulary.length);
    if (topic !== undefined && !seen.has(topic)) {
      seen.add(topic);
      vocabulary.push(topic);
      continue;
    }
    // English-like syllables; rarer words are longer, as in real text.
    const syllables = 1 + Math.floor(rand() * 2) + (vocabulary.length > 500 ? 1 : 0);
    let word = "";
    for (let i = 0; i < syllables; i++) word += syllable(rand);
    if (word.length < 3 || seen.has(word) || TOPIC_WORDS.includes(word)) continue;
    seen.add(word);
    vocabulary.push(word);
  }
  return vocabulary;
}
