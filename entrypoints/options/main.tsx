import { render } from 'preact';
import '@/assets/panel.css';
import { uiLanguage } from '@/lib/i18n';
import { App } from './App';
import { loadForm } from './models/connection-form';
import { startWatchingSites } from './models/enabled-sites';
import { startWatchingHeldWrites } from './models/held-writes';
import { loadSuggestionSettings, synonymsChanged } from './models/label-suggestions';

document.documentElement.lang = uiLanguage();
void loadForm();
startWatchingSites();
startWatchingHeldWrites();
void loadSuggestionSettings();
// Synonyms typed and not saved: the browser asks before the page goes.
addEventListener('beforeunload', (event) => synonymsChanged.value && event.preventDefault());
render(<App />, document.getElementById('app')!);
