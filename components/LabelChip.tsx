// One customer label, tinted with its group's colour. Colours come from the CRM: only a valid CSS hex
// colour is used, anything else falls back to the neutral chip.
import type { LabelRef } from '@/lib/crm/domain';

export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function LabelChip({ label }: { label: LabelRef }) {
  const colour = label.color && HEX_COLOUR.test(label.color) ? label.color : undefined;
  return (
    <li class="chip" style={colour ? { '--chip-colour': colour } : undefined}>
      <span class="chip__dot" aria-hidden="true" />
      {label.name}
    </li>
  );
}
