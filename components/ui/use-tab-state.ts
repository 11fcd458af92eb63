import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ExtensionResponses } from '../contract/extension';
import { sendFromExtension as send } from '../send';

type TabStateResponse = ExtensionResponses['get-tab-state'];

/** The active tab of this window (or, from an extension tab, the most recent portal tab) and its issues, kept live. */
export function useTabState(): TabStateResponse | null {
  const [state, setState] = useState<TabStateResponse | null>(null);
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const response = await send({ type: 'get-tab-state', tabId: tab?.id });
      if (alive) setState(response);
    };
    const onMessage = (message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'tab-state-changed') void refresh();
    };
    const onActivated = () => void refresh();
    void refresh();
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      alive = false;
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);
  return state;
}
