import { useCallback } from 'react';
import { getBridge } from '../api/bridge';
import { useT } from '../ui/i18n';
import { useToast } from '../ui/Toast';

/**
 * Saves bytes the host made (a backup, a workbook, certificates) where the organiser keeps them: the
 * desktop's save dialog or the browser's download. Says where it went; null when they cancelled.
 */
export function useSaveFile(): (suggestedName: string, data: Uint8Array) => Promise<string | null> {
  const t = useT();
  const toast = useToast();
  return useCallback(
    async (suggestedName, data) => {
      const bridge = getBridge();
      const saved = await bridge.saveFile({ suggestedName, data });
      if (saved !== null) toast(t(bridge.platform === 'browser' ? 'file.downloaded' : 'file.saved', { name: saved }));
      return saved;
    },
    [t, toast],
  );
}
