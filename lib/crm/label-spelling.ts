// Chinese label names spelled out in pinyin — whole ("douyin") and by initials ("dy") — so the label
// filter finds 抖音 from "dy". pinyin-pro's dictionary is large: only the background imports this, once
// per `reference.get` answer, and the panel receives the spellings with the labels.
import { pinyin } from 'pinyin-pro';
import type { Label, LabelGroup, LabelSpelling } from './domain';

const HAN = /\p{Script=Han}/u;

/** A Chinese name's syllables without tones (红酒 → ['hong', 'jiu']); undefined for a name with no Han character. */
export function syllablesOf(name: string): string[] | undefined {
  if (!HAN.test(name)) return undefined;
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).map((part) => part.toLowerCase().replace(/\s+/g, ''));
}

export function spellingOf(name: string): LabelSpelling | undefined {
  const syllables = syllablesOf(name);
  if (!syllables) return undefined;
  return { full: syllables.join(''), initials: syllables.map((part) => part[0] ?? '').join('') };
}

export function withSpellings(groups: LabelGroup[]): LabelGroup[] {
  const spell = (label: Label): Label => {
    const spelling = spellingOf(label.name);
    return spelling ? { ...label, spelling } : label;
  };
  return groups.map((group) => ({ ...group, labels: group.labels.map(spell) }));
}
