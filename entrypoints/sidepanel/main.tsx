import { render } from 'preact';
import '@/assets/panel.css';
import { uiLanguage } from '@/lib/i18n';
import { backgroundClient } from '@/lib/messaging/client';
import { App } from './App';
import { createPanel } from './models/panel';
import { PanelContext } from './panel-context';

document.documentElement.lang = uiLanguage();
const panel = createPanel(backgroundClient);
render(
  <PanelContext.Provider value={panel}>
    <App />
  </PanelContext.Provider>,
  document.getElementById('app')!,
);
