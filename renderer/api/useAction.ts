import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useToast } from '../ui/Toast';
import { useErrorMessage } from '../ui/useErrorMessage';

export interface ActionOptions<T> {
  /** The toast when it worked. */
  done?: string | ((result: T) => string | null);
  /** Queries the action changes: refetched whether it worked or not (the host's answer is what shows). */
  invalidate?: readonly QueryKey[];
  /** After it worked and the queries were refetched. */
  then?: (result: T) => void;
  /** Places a failure itself (beside a field) instead of the error toast. */
  failed?: (error: unknown, text: string) => void;
  /** After either outcome. */
  always?: () => void;
}

export interface Action {
  /** The name of the action under way, or null. */
  busy: string | null;
  /** Starts `task` and returns at once, so it is safe in onClick (buttons use `busy` against a second click). */
  run: <T>(name: string, task: () => Promise<T>, options?: ActionOptions<T>) => void;
}

/** One way for every console action: busy state, a toast on success, the translated error on failure. */
export function useAction(): Action {
  const client = useQueryClient();
  const toast = useToast();
  const message = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);

  async function perform<T>(name: string, task: () => Promise<T>, options: ActionOptions<T>): Promise<void> {
    setBusy(name);
    const refresh = () =>
      Promise.all((options.invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
    try {
      const result = await task();
      await refresh();
      const done = typeof options.done === 'function' ? options.done(result) : options.done;
      if (done) toast(done);
      options.then?.(result);
    } catch (error) {
      if (options.failed) options.failed(error, message(error));
      else toast(message(error), 'error');
      await refresh();
    } finally {
      setBusy(null);
      options.always?.();
    }
  }

  return {
    busy,
    run: (name, task, options = {}) => void perform(name, task, options),
  };
}
