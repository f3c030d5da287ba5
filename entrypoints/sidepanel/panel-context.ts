// How the panel's components reach the models: main.tsx provides the one panel, each component takes
// what it renders from it.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Panel } from './models/panel';

export const PanelContext = createContext<Panel | undefined>(undefined);

export function usePanel(): Panel {
  const panel = useContext(PanelContext);
  if (!panel) throw new Error('The panel is rendered without its models.');
  return panel;
}
