import { browser } from 'wxt/browser';
import type { Request, Responses } from './protocol';

/** Sends a request to the background and returns its typed answer; a refusal comes back as an Error. */
export async function send<T extends Request['type']>(message: Extract<Request, { type: T }>): Promise<Responses[T]> {
  const response = (await browser.runtime.sendMessage(message)) as Responses[T] | { error: string };
  if (response && typeof response === 'object' && 'error' in response) throw new Error(response.error);
  return response as Responses[T];
}
