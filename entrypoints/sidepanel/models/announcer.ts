// What a screen reader hears about the agent's writes: every write's outcome (saved, will retry, not
// saved) and every ownership change's, said once, in the panel's language, through the one polite live
// region App.tsx renders from `announcements`. Nothing else in the panel announces these outcomes.
import { signal } from '@preact/signals';
import { describeError, t } from '@/lib/i18n';
import type { OutboxWrite } from '@/lib/outbox/types';
import { ownedModel } from '@/lib/signals/owned-model';
import type { OwnershipModel } from './ownership';
import type { ReferenceModel } from './reference';
import { describeWrite, writeStateText, type WritesModel } from './writes';

export interface Announcement {
  id: number;
  text: string;
}

const KEPT = 5;

type Outcome = 'sent' | 'retrying' | 'failed';

/** What there is to tell about a write; undefined while it is simply on its way. */
export function outcomeOf(write: OutboxWrite): Outcome | undefined {
  if (write.state === 'sent' || write.state === 'failed') return write.state;
  if (write.state === 'pending' && write.lastError) return 'retrying';
  return undefined;
}

export interface AnnouncerDeps {
  ownership: Pick<OwnershipModel, 'ownershipResult'>;
  reference: Pick<ReferenceModel, 'referenceData'>;
  writes: Pick<WritesModel, 'outboxWrites' | 'panelOpenedAt'>;
}

export function createAnnouncer({ ownership: { ownershipResult }, reference: { referenceData }, writes: { outboxWrites, panelOpenedAt } }: AnnouncerDeps) {
  return ownedModel((own) => {
    /** The last few things said, oldest first: each new one is added, so it is read on its own. */
    const announcements = signal<Announcement[]>([]);
    let lastId = 0;

    function announce(text: string) {
      // Peeked: announcing from an effect must not make that effect depend on what was announced.
      announcements.value = [...announcements.peek().slice(1 - KEPT), { id: ++lastId, text }];
    }

    // Follows the queue and announces each write's outcome when it changes, once. A write this panel first
    // sees already settled, from before it opened, is old news and is not announced.
    const heard = new Map<string, Outcome | undefined>();
    own.effect(() => {
      const groups = referenceData.peek()?.labelGroups ?? [];
      for (const write of outboxWrites.value) {
        const outcome = outcomeOf(write);
        const known = heard.has(write.id);
        if (known && heard.get(write.id) === outcome) continue;
        heard.set(write.id, outcome);
        if (!outcome || (!known && write.createdAt < panelOpenedAt)) continue;
        announce(t('writeOutcome', [describeWrite(write, groups), writeStateText(write)]));
      }
    });

    // Announces each ownership change's result as it arrives.
    own.effect(() => {
      const result = ownershipResult.value;
      if (!result) return;
      if (!result.ok) announce(t('writeOutcome', [t('ownershipFailed'), `${describeError(result.error.code)} ${result.error.message}`.trim()]));
      else announce(result.action.kind === 'assign' ? t('assigned', result.action.agent.name) : t('returnedToPool'));
    });
    return { announcements, announce };
  });
}

export type Announcer = ReturnType<typeof createAnnouncer>;
