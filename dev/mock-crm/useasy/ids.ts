// Useasy-style 18-digit ids and times. The document's ids decode as snowflakes: milliseconds since
// 2018-04-21 06:12:20 UTC shifted left 22 bits, worker 989 and a 12-bit sequence; the mock mints its
// ids the same way, from seeded or counted times, never from the clock, so the same writes give the
// same ids and every id keeps 18 digits. Only the Useasy mock imports it.
export { chinaDateTime } from '../sobot/state';

const EPOCH_MS = Date.UTC(2018, 3, 21, 6, 12, 20);
const WORKER = 989n;

export function snowflakeId(epochMs: number, sequence: number): string {
  return ((BigInt(epochMs - EPOCH_MS) << 22n) | (WORKER << 12n) | BigInt(sequence & 0xfff)).toString();
}

/** 2024-11-20 10:00 China time: the seeded world's "now", the same as the Sobot mock's. */
export const SEED_NOW_MS = Date.UTC(2024, 10, 20, 2, 0, 0);

/** The id of the n-th record created after the seed: one second apart, so ids sort by creation. */
export const createdIdFor = (serial: number) => snowflakeId(SEED_NOW_MS + serial * 1000, serial);
