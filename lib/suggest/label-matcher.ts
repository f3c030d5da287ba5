// Which of the CRM's labels a conversation talks about: each label's whole name, its pinyin as a visitor
// types it ("hongjiu", "hong jiu" for 红酒) and the synonyms an admin or agent gave it, found in the
// conversation's texts with the words that triggered each. Chinese has no spaces between words, so a
// Chinese term matches anywhere; a Latin one only as whole words; at each place the longest term wins
// (银卡会员 is not also 会员). Pure; the background imports it (it spells labels with pinyin-pro).
// Invariant: work is linear in the characters read, and reads at most MAX_TEXTS texts of MAX_TEXT_CHARS.
import type { LabelGroup } from '../crm/domain';
import { syllablesOf } from '../crm/label-spelling';

/** Label name → words that mean it in a conversation ("开票需求" → ["发票", "invoice"]). */
export type LabelSynonyms = Record<string, string[]>;

export interface LabelMatch {
  labelId: string;
  groupId: string;
  /** The words of the conversation that matched, as written (folded to lower case), newest first, at most MAX_WORDS. */
  words: string[];
}

export const MAX_TEXTS = 30;
const MAX_TEXT_CHARS = 2_000;
const MAX_MATCHES = 12;
const MAX_WORDS = 3;

interface Term {
  labelId: string;
  groupId: string;
  /** The term starts or ends with a Latin letter or digit: it must not run on into a longer word there. */
  wholeWordStart: boolean;
  wholeWordEnd: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terms?: Term[];
}

const WORD_CHAR = /[\p{Script=Latin}0-9]/u;
const HAN = /\p{Script=Han}/u;

/** Full-width letters to ASCII, upper to lower case, any run of spaces to one. */
const foldText = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

function addTerm(root: TrieNode, text: string, term: Omit<Term, 'wholeWordStart' | 'wholeWordEnd'>) {
  const folded = foldText(text).trim();
  // One Latin letter or digit says nothing; one Chinese character only when someone chose it as a synonym.
  if (folded.length === 0 || (folded.length === 1 && !HAN.test(folded))) return;
  let node = root;
  // By UTF-16 unit, as the scan reads the text.
  for (let at = 0; at < folded.length; at++) {
    const char = folded[at]!;
    let child = node.next.get(char);
    if (!child) node.next.set(char, (child = { next: new Map() }));
    node = child;
  }
  const full: Term = { ...term, wholeWordStart: WORD_CHAR.test(folded[0]!), wholeWordEnd: WORD_CHAR.test(folded.at(-1)!) };
  if (!node.terms?.some((known) => known.labelId === term.labelId)) (node.terms ??= []).push(full);
}

/** The ways a visitor may type a label's pinyin: joined and syllable by syllable; none for one syllable ("茶" is too short to tell). */
function pinyinForms(name: string): string[] {
  const syllables = syllablesOf(name);
  if (!syllables || syllables.length < 2 || !syllables.every((syllable) => /^[a-z]+$/.test(syllable))) return [];
  return [syllables.join(''), syllables.join(' ')];
}

function buildIndex(groups: LabelGroup[], synonyms: LabelSynonyms): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const group of groups) {
    for (const label of group.labels) {
      const term = { labelId: label.id, groupId: group.id };
      // A one-character label name would fire on every other message; only a synonym can make it match.
      if (label.name.trim().length >= 2) addTerm(root, label.name, term);
      for (const form of pinyinForms(label.name)) addTerm(root, form, term);
      for (const synonym of synonyms[label.name] ?? []) addTerm(root, synonym, term);
    }
  }
  return root;
}

interface Hit {
  end: number;
  terms: Term[];
}

/** The longest term starting at `start` that is not a piece of a longer Latin word. */
function longestAt(root: TrieNode, text: string, start: number): Hit | undefined {
  const before = text[start - 1];
  const afterWord = before !== undefined && WORD_CHAR.test(before);
  let node = root;
  let best: Hit | undefined;
  for (let at = start; at < text.length; at++) {
    const next = node.next.get(text[at]!);
    if (!next) break;
    node = next;
    if (!node.terms) continue;
    const after = text[at + 1];
    const intoWord = after !== undefined && WORD_CHAR.test(after);
    const fitting = node.terms.filter((term) => !(term.wholeWordStart && afterWord) && !(term.wholeWordEnd && intoWord));
    if (fitting.length > 0) best = { end: at + 1, terms: fitting };
  }
  return best;
}

interface Tally {
  match: LabelMatch;
  /** Index of the newest text it was heard in (0 is the newest). */
  newest: number;
  count: number;
  order: number;
}

export interface LabelMatcher {
  /** The labels `texts` (newest first) talk about, the most recent and most often heard first. */
  match(texts: readonly string[]): LabelMatch[];
}

export function createLabelMatcher(groups: LabelGroup[], synonyms: LabelSynonyms = {}): LabelMatcher {
  const root = buildIndex(groups, synonyms);
  return {
    match(texts) {
      const tallies = new Map<string, Tally>();
      texts.slice(0, MAX_TEXTS).forEach((raw, textIndex) => {
        const text = foldText(raw.slice(0, MAX_TEXT_CHARS));
        for (let start = 0; start < text.length; ) {
          if (!root.next.has(text[start]!)) {
            start++;
            continue;
          }
          const hit = longestAt(root, text, start);
          if (!hit) {
            start++;
            continue;
          }
          const word = text.slice(start, hit.end);
          for (const term of hit.terms) {
            const tally = tallies.get(term.labelId);
            if (!tally) {
              tallies.set(term.labelId, {
                match: { labelId: term.labelId, groupId: term.groupId, words: [word] },
                newest: textIndex,
                count: 1,
                order: tallies.size,
              });
              continue;
            }
            tally.count++;
            if (tally.match.words.length < MAX_WORDS && !tally.match.words.includes(word)) tally.match.words.push(word);
          }
          start = hit.end;
        }
      });
      return [...tallies.values()]
        .sort((a, b) => a.newest - b.newest || b.count - a.count || a.order - b.order)
        .slice(0, MAX_MATCHES)
        .map((tally) => tally.match);
    },
  };
}
