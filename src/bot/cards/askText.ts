/**
 * The words of the asking cards and replies, in English and German. The reply to a person goes in
 * the language their Teams client says (`activity.locale`); a question sent to someone else in the
 * language the directory knows for them (`preferredLanguage`). Anything else: English.
 */
export interface AskText {
  noAnswer: string;
  fromLibrary: (percent: number) => string;
  /** The lead of an answer a model wrote from the cited entries. */
  generatedFromLibrary: (percent: number) => string;
  askedBefore: (title: string) => string;
  stale: (n: number) => string;
  notHelpfulHint: (community: string) => string;
  quotedHint: string;
  openEntry: string;
  notHelpful: string;
  noCommunity: string;
  askCommunityHint: (community: string) => string;
  askCommunity: string;
  nowOpen: (community: string) => string;
  alreadyOpen: (community: string) => string;
  sentTo: (names: string[]) => string;
  hopedBy: (name: string, when: string) => string;
  openQuestion: string;
  routedLead: (asker: string, community: string) => string;
  routedBody: string;
  escalatesAt: (when: string) => string;
  answer: string;
  yourAnswer: string;
  writeFirst: string;
  postAnswer: string;
  thanks: string;
}

const en: AskText = {
  noAnswer: "I could not find an answer to that in your communities' library, and I will not guess.",
  fromLibrary: (p) => `From your communities' library (it covers ${p} % of your question's words):`,
  generatedFromLibrary: (p) =>
    `Written by AI from your communities' library (it covers ${p} % of your question's words); check the sources:`,
  askedBefore: (t) => `This was asked and answered before: **${t}** [1]`,
  stale: (n) => `[${n}] is past its review date: check it still holds.`,
  notHelpfulHint: (c) =>
    `Not what you needed? "Not helpful" posts your question to ${c}'s library, where people who know can answer it.`,
  quotedHint: "Quoted from your communities' library; the numbers open the entries.",
  openEntry: "Open the entry",
  notHelpful: "Not helpful",
  noCommunity:
    "You are not a member of any community yet, so there is no library to ask. Join one in the PeerCircle tab.",
  askCommunityHint: (c) =>
    `Ask ${c}: your question goes into its library as an open question, where people who know can answer it.`,
  askCommunity: "Ask the community",
  nowOpen: (c) => `Your question is now open in ${c}'s library:`,
  alreadyOpen: (c) => `Your question is already open in ${c}'s library:`,
  sentTo: (names) => `Sent to ${names.join(" and ")}.`,
  hopedBy: (name, when) => `${name}: an answer is hoped for by ${when}`,
  openQuestion: "Open the question",
  routedLead: (a, c) => `${a} asked ${c}, and you are among the people who know:`,
  routedBody: "The library had no answer. Yours goes under the question, where the asker can accept it.",
  escalatesAt: (when) => `Unanswered by ${when}, it goes to the next person.`,
  answer: "Answer",
  yourAnswer: "Your answer",
  writeFirst: "Write your answer first.",
  postAnswer: "Post answer",
  thanks: "Thank you: your answer is under the question, where the asker can accept it.",
};

const de: AskText = {
  noAnswer: "Ich habe in der Bibliothek Ihrer Communities keine Antwort darauf gefunden, und ich rate nicht.",
  fromLibrary: (p) => `Aus der Bibliothek Ihrer Communities (sie deckt ${p} % der Wörter Ihrer Frage ab):`,
  generatedFromLibrary: (p) =>
    `Von KI aus der Bibliothek Ihrer Communities verfasst (sie deckt ${p} % der Wörter Ihrer Frage ab); prüfen Sie die Quellen:`,
  askedBefore: (t) => `Das wurde schon gefragt und beantwortet: **${t}** [1]`,
  stale: (n) => `[${n}] hat sein Überprüfungsdatum überschritten: Prüfen Sie, ob es noch gilt.`,
  notHelpfulHint: (c) =>
    `Nicht das Richtige? „Nicht hilfreich" stellt Ihre Frage in die Bibliothek von ${c}, wo Kundige sie beantworten können.`,
  quotedHint: "Zitiert aus der Bibliothek Ihrer Communities; die Nummern öffnen die Einträge.",
  openEntry: "Eintrag öffnen",
  notHelpful: "Nicht hilfreich",
  noCommunity:
    "Sie sind noch in keiner Community, also gibt es keine Bibliothek zum Fragen. Treten Sie einer in der PeerCircle-Registerkarte bei.",
  askCommunityHint: (c) =>
    `${c} fragen: Ihre Frage kommt als offene Frage in die Bibliothek, wo Kundige sie beantworten können.`,
  askCommunity: "Community fragen",
  nowOpen: (c) => `Ihre Frage ist jetzt offen in der Bibliothek von ${c}:`,
  alreadyOpen: (c) => `Ihre Frage ist bereits offen in der Bibliothek von ${c}:`,
  sentTo: (names) => `Gesendet an ${names.join(" und ")}.`,
  hopedBy: (name, when) => `${name}: Antwort erhofft bis ${when}`,
  openQuestion: "Frage öffnen",
  routedLead: (a, c) => `${a} hat ${c} gefragt, und Sie gehören zu denen, die sich auskennen:`,
  routedBody:
    "Die Bibliothek hatte keine Antwort. Ihre steht dann unter der Frage, wo die fragende Person sie akzeptieren kann.",
  escalatesAt: (when) => `Ohne Antwort bis ${when} geht sie an die nächste Person.`,
  answer: "Antworten",
  yourAnswer: "Ihre Antwort",
  writeFirst: "Schreiben Sie zuerst Ihre Antwort.",
  postAnswer: "Antwort senden",
  thanks: "Danke: Ihre Antwort steht unter der Frage, wo die fragende Person sie akzeptieren kann.",
};

/** The asking words for a BCP 47 locale or language (`de-DE`, `de`); English for any other. */
export function askTextFor(locale: string | undefined): AskText {
  return locale?.toLowerCase().startsWith("de") ? de : en;
}
