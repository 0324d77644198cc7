import SearchableMap from "minisearch/SearchableMap";

/** The fields of an entry that are indexed, in the order their term counts are packed. */
export const FIELDS = ["title", "tags", "summary", "text"] as const;
export type Field = (typeof FIELDS)[number];

/** A term's count in one field saturates here (8 bits per field); BM25 barely moves beyond ~10. */
const MAX_COUNT = 255;
const INITIAL_CAPACITY = 2;
const EMPTY = new Uint32Array(0);
/** Dead postings (of removed or reindexed entries) are dropped once they are this share of all. */
const COMPACT_SHARE = 0.25;
const COMPACT_MINIMUM = 10_000;

/** One document's terms: its fields' terms in {@link FIELDS} order. */
export type FieldTerms = readonly (readonly string[])[];

/**
 * The inverted index: for every term, the documents holding it and how often in each field.
 *
 * Postings are typed arrays (a document number and four packed 8-bit counts: 8 bytes a posting)
 * rather than a Map per term and field, which is what made a 50,000-entry library cost gigabytes
 * and its queries tens of milliseconds. The term dictionary is MiniSearch's radix tree
 * (`SearchableMap`), which gives prefix and typo-tolerant lookups of terms; a plain Map answers
 * the exact lookups of indexing.
 *
 * Documents are numbered in the order they are added. Removing one marks its number dead; its
 * postings stay until dead ones are a quarter of all, then one pass drops them and renumbers.
 */
export class Postings<Doc> {
  private readonly termIds = new Map<string, number>();
  /** Term → term id, for prefix and fuzzy lookups. */
  readonly dictionary = new SearchableMap<number>();
  private terms: string[] = [];
  private docsOf: Uint32Array[] = [];
  private countsOf: Uint32Array[] = [];
  private lengthOf: number[] = [];
  /** Per document number: the document, or undefined when removed. */
  private docs: (Doc | undefined)[] = [];
  /** Per document number and field: the field's length in terms. */
  private fieldLengths = new Uint16Array(0);
  private distinctTerms = new Uint16Array(0);
  private readonly lengthSums = new Float64Array(FIELDS.length);
  private live = 0;
  private totalPostings = 0;
  private deadPostings = 0;
  /** Scratch per term id while a document is added: its packed counts, and which document (+1) set them. */
  private packedCounts: Uint32Array = new Uint32Array(0);
  private seenIn: Uint32Array = new Uint32Array(0);
  private readonly distinct: number[] = [];

  /** How many documents are indexed. */
  get size(): number {
    return this.live;
  }

  /** How many postings are held, live and dead (8 bytes each in the typed arrays). */
  get postingTotal(): number {
    return this.totalPostings;
  }

  /** How many distinct terms have been seen. */
  get termTotal(): number {
    return this.terms.length;
  }

  /** How many document numbers are in use (live or dead): the bound of every document number. */
  get numberBound(): number {
    return this.docs.length;
  }

  /** Adds a document; returns its number. */
  add(doc: Doc, fields: FieldTerms): number {
    const no = this.docs.length;
    this.docs.push(doc);
    this.ensureDocCapacity(no + 1);
    // Counting by term id in scratch arrays: one hash lookup a word, none a count.
    const distinct = this.distinct;
    distinct.length = 0;
    let packedCounts = this.packedCounts;
    fields.forEach((terms, field) => {
      const shift = field * 8;
      const length = Math.min(terms.length, 0xffff);
      this.fieldLengths[no * FIELDS.length + field] = length;
      this.lengthSums[field] = (this.lengthSums[field] ?? 0) + length;
      for (const term of terms) {
        const id = this.termId(term);
        if (id >= packedCounts.length) packedCounts = this.growScratch(id);
        if (this.seenIn[id] !== no + 1) {
          this.seenIn[id] = no + 1;
          packedCounts[id] = 0;
          distinct.push(id);
        }
        const packed = packedCounts[id] as number;
        if (((packed >>> shift) & 0xff) < MAX_COUNT) packedCounts[id] = packed + (1 << shift);
      }
    });
    for (const id of distinct) this.append(id, no, packedCounts[id] as number);
    this.distinctTerms[no] = Math.min(distinct.length, 0xffff);
    this.totalPostings += distinct.length;
    this.live++;
    return no;
  }

  private growScratch(id: number): Uint32Array {
    const capacity = Math.max(1024, Math.ceil((id + 1) * 1.5));
    const packedCounts = new Uint32Array(capacity);
    packedCounts.set(this.packedCounts);
    this.packedCounts = packedCounts;
    const seenIn = new Uint32Array(capacity);
    seenIn.set(this.seenIn);
    this.seenIn = seenIn;
    return packedCounts;
  }

  /** Replaces what a document number points at (a new version with the same words). */
  replace(no: number, doc: Doc): void {
    if (this.docs[no] !== undefined) this.docs[no] = doc;
  }

  /** Removes a document by number; its postings die with it. */
  remove(no: number): void {
    if (this.docs[no] === undefined) return;
    this.docs[no] = undefined;
    for (let field = 0; field < FIELDS.length; field++)
      this.lengthSums[field] =
        (this.lengthSums[field] ?? 0) - (this.fieldLengths[no * FIELDS.length + field] ?? 0);
    this.deadPostings += this.distinctTerms[no] ?? 0;
    this.live--;
  }

  /** Every document by number (undefined where removed), for hot loops. */
  get documents(): readonly (Doc | undefined)[] {
    return this.docs;
  }

  /** The document with this number, unless it was removed. */
  doc(no: number): Doc | undefined {
    return this.docs[no];
  }

  /** The id of an indexed term, if any document ever held it. */
  idOf(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** The term with this id. */
  term(id: number): string {
    return this.terms[id] ?? "";
  }

  /** How many postings a term has (dead ones included): what reading it costs. */
  postingCount(id: number): number {
    return this.lengthOf[id] ?? 0;
  }

  /**
   * A term's postings, for hot loops: document numbers (ascending) and packed per-field counts,
   * the first `length` of each valid. Dead documents are included; check {@link doc}.
   */
  postingsOf(id: number): { docs: Uint32Array; counts: Uint32Array; length: number } {
    return {
      docs: this.docsOf[id] ?? EMPTY,
      counts: this.countsOf[id] ?? EMPTY,
      length: this.lengthOf[id] ?? 0,
    };
  }

  /** The length of a document's field, in terms. */
  fieldLength(no: number, field: number): number {
    return this.fieldLengths[no * FIELDS.length + field] ?? 0;
  }

  /** The average length of a field over live documents (at least 1). */
  averageLength(field: number): number {
    return this.live === 0 ? 1 : Math.max(1, (this.lengthSums[field] ?? 0) / this.live);
  }

  /** Drops dead postings when they have become a large share; returns the renumbering if it happened. */
  compactIfWorthIt(): Int32Array | undefined {
    if (this.deadPostings < COMPACT_MINIMUM || this.deadPostings < this.totalPostings * COMPACT_SHARE)
      return undefined;
    return this.compact();
  }

  /** Drops dead postings and terms, renumbers documents densely; returns old number → new (-1: gone). */
  compact(): Int32Array {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: (Doc | undefined)[] = [];
    const fieldLengths = new Uint16Array(Math.max(1, this.live) * FIELDS.length);
    const distinctTerms = new Uint16Array(Math.max(1, this.live));
    this.docs.forEach((doc, old) => {
      if (doc === undefined) return;
      const no = docs.length;
      renumber[old] = no;
      docs.push(doc);
      fieldLengths.set(
        this.fieldLengths.subarray(old * FIELDS.length, (old + 1) * FIELDS.length),
        no * FIELDS.length,
      );
      distinctTerms[no] = this.distinctTerms[old] ?? 0;
    });
    const terms: string[] = [];
    const docsOf: Uint32Array[] = [];
    const countsOf: Uint32Array[] = [];
    const lengthOf: number[] = [];
    this.termIds.clear();
    this.dictionary.clear();
    let total = 0;
    this.terms.forEach((term, id) => {
      const oldDocs = this.docsOf[id] as Uint32Array;
      const oldCounts = this.countsOf[id] as Uint32Array;
      const length = this.lengthOf[id] ?? 0;
      let kept = 0;
      for (let i = 0; i < length; i++) if ((renumber[oldDocs[i] as number] ?? -1) >= 0) kept++;
      if (kept === 0) return;
      const newDocs = new Uint32Array(kept);
      const newCounts = new Uint32Array(kept);
      let at = 0;
      for (let i = 0; i < length; i++) {
        const no = renumber[oldDocs[i] as number] ?? -1;
        if (no < 0) continue;
        newDocs[at] = no;
        newCounts[at] = oldCounts[i] as number;
        at++;
      }
      const newId = terms.length;
      terms.push(term);
      docsOf.push(newDocs);
      countsOf.push(newCounts);
      lengthOf.push(kept);
      this.termIds.set(term, newId);
      this.dictionary.set(term, newId);
      total += kept;
    });
    this.terms = terms;
    this.docsOf = docsOf;
    this.countsOf = countsOf;
    this.lengthOf = lengthOf;
    this.docs = docs;
    this.fieldLengths = fieldLengths;
    this.distinctTerms = distinctTerms;
    this.totalPostings = total;
    this.deadPostings = 0;
    // Term ids and document numbers changed: the scratch's marks would point at the wrong ones.
    this.seenIn.fill(0);
    return renumber;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.docsOf.push(new Uint32Array(INITIAL_CAPACITY));
      this.countsOf.push(new Uint32Array(INITIAL_CAPACITY));
      this.lengthOf.push(0);
      this.termIds.set(term, id);
      this.dictionary.set(term, id);
    }
    return id;
  }

  private append(id: number, no: number, packedCounts: number): void {
    let docs = this.docsOf[id] as Uint32Array;
    let counts = this.countsOf[id] as Uint32Array;
    const length = this.lengthOf[id] ?? 0;
    if (length === docs.length) {
      // Grow by half: doubling would leave a large library's postings a third empty on average.
      const capacity = Math.max(INITIAL_CAPACITY * 2, Math.ceil(length * 1.5));
      const grownDocs = new Uint32Array(capacity);
      grownDocs.set(docs);
      const grownCounts = new Uint32Array(capacity);
      grownCounts.set(counts);
      this.docsOf[id] = docs = grownDocs;
      this.countsOf[id] = counts = grownCounts;
    }
    docs[length] = no;
    counts[length] = packedCounts;
    this.lengthOf[id] = length + 1;
  }

  private ensureDocCapacity(count: number): void {
    if (this.distinctTerms.length >= count) return;
    const capacity = Math.max(1024, Math.ceil(count * 1.5));
    const fieldLengths = new Uint16Array(capacity * FIELDS.length);
    fieldLengths.set(this.fieldLengths);
    this.fieldLengths = fieldLengths;
    const distinctTerms = new Uint16Array(capacity);
    distinctTerms.set(this.distinctTerms);
    this.distinctTerms = distinctTerms;
  }
}

/** A term's count in one field, from a posting's packed counts. */
export function countIn(packedCounts: number, field: number): number {
  return (packedCounts >>> (field * 8)) & 0xff;
}
