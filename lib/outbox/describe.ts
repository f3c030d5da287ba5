// What a queued write changes, in a few words of the agent's language: the panel shows it under the
// card, the options page beside writes that wait for another CRM connection. Pure but for the locale.
import type { LabelGroup } from '../crm/domain';
import { t } from '../i18n';
import type { OutboxWrite } from './types';

const RESULT_KEYS = { won: 'resultWon', lost: 'resultLost', invalid: 'resultInvalid' } as const;
const NOTE_PREVIEW = 40;

/**
 * What a write changes, in a few words. Labels read "+added −removed"; a removal a single-choice pick
 * implies (every other label of that group) is left out, since those labels were mostly never there.
 */
export function describeWrite(write: OutboxWrite, groups: LabelGroup[]): string {
  switch (write.kind) {
    case 'labels': {
      const groupOf = new Map(groups.flatMap((group) => group.labels.map((label) => [label.id, group] as const)));
      const nameOf = (id: string) => groupOf.get(id)?.labels.find((label) => label.id === id)?.name ?? id;
      const pickedSingle = new Set(write.payload.add.map((label) => groupOf.get(label.id)).filter((group) => group && !group.multipleChoice));
      const removed = write.payload.remove.filter((id) => !pickedSingle.has(groupOf.get(id)));
      return t('writeLabels', [...write.payload.add.map((label) => `+${label.name}`), ...removed.map((id) => `−${nameOf(id)}`)].join(' '));
    }
    case 'stage':
      return write.payload.type === 'ongoing'
        ? t('writeStage', write.payload.stage.name)
        : t('stageWithResult', [write.payload.stage.name, t(RESULT_KEYS[write.payload.type])]);
    case 'note': {
      const text = write.payload.content;
      return t('writeNote', text.length > NOTE_PREVIEW ? `${text.slice(0, NOTE_PREVIEW)}…` : text);
    }
    case 'customer':
      return t('writeCustomer');
  }
}
