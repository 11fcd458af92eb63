import { browser } from 'wxt/browser';
import type { PageRequest, PageResponses } from './contract/page';
import type { ExtensionRequest, ExtensionResponses } from './contract/extension';

/** A sender typed by one direction's requests and responses; a refusal comes back as an Error. */
function typedSender<Req extends { type: string }, Res extends Record<Req['type'], unknown>>() {
  return async <T extends Req['type']>(message: Extract<Req, { type: T }>): Promise<Res[T]> => {
    const response = (await browser.runtime.sendMessage(message)) as Res[T] | { error: string };
    if (response && typeof response === 'object' && 'error' in response) throw new Error((response as { error: string }).error);
    return response as Res[T];
  };
}

/** From a content script (portal page or frame) to the background. */
export const sendFromPage = typedSender<PageRequest, PageResponses>();
/** From an extension page (popup, sidebar, options) to the background. */
export const sendFromExtension = typedSender<ExtensionRequest, ExtensionResponses>();
