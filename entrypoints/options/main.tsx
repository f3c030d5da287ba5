import { render } from 'preact';
import '@/assets/panel.css';
import { uiLanguage } from '@/lib/i18n';
import { backgroundClient } from '@/lib/messaging/client';
import { App } from './App';
import { createOptionsPage } from './models/options-page';
import { OptionsContext } from './options-context';

document.documentElement.lang = uiLanguage();
const page = createOptionsPage(backgroundClient);
const { synonymsChanged } = page.suggestionSettings;
// Synonyms typed and not saved: the browser asks before the page goes.
addEventListener('beforeunload', (event) => synonymsChanged.value && event.preventDefault());
render(
  <OptionsContext.Provider value={page}>
    <App />
  </OptionsContext.Provider>,
  document.getElementById('app')!,
);
