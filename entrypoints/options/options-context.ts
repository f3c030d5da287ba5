// How the options page's components reach the models: main.tsx provides the one page, each component
// takes what it renders from it.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { OptionsPage } from './models/options-page';

export const OptionsContext = createContext<OptionsPage | undefined>(undefined);

export function useOptions(): OptionsPage {
  const page = useContext(OptionsContext);
  if (!page) throw new Error('The options page is rendered without its models.');
  return page;
}
