// Sobot's stage_type codes and the words the rest of the extension uses for them: 1 still in
// progress; results 21 won, 22 lost, 23 invalid. Only the Sobot backend speaks in codes.
import type { StageType } from '../backend';
import type { StageResult } from '../domain';

export const STAGE_TYPE_CODES = { ongoing: 1, won: 21, lost: 22, invalid: 23 } as const satisfies Record<StageType, number>;

/** The result a dynamic's stageType names ('21' ...), or undefined for a move without one. */
export const STAGE_RESULTS = { '21': 'won', '22': 'lost', '23': 'invalid' } as const satisfies Record<string, StageResult>;
