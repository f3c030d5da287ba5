// Copies a value to the clipboard and says so for a moment.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button type="button" class="icon-button" onClick={copy} aria-label={t('copyValue', label)} title={t('copyValue', label)}>
      {copied ? t('copied') : t('copy')}
    </button>
  );
}
