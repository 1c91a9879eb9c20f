import type { Locator, Page } from '@playwright/test';

/** The 自动备份 panel on the console's event list: the list, 立即备份, 恢复 (asked first), the folder. */
export class BackupsPanelModel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('backups-panel');
  }

  get rows(): Locator {
    return this.page.getByTestId('backup-row');
  }

  get restoreDialog(): Locator {
    return this.page.getByTestId('restore-dialog');
  }

  get folderPath(): Locator {
    return this.page.getByTestId('backup-folder-path');
  }

  async takeNow(): Promise<void> {
    await this.page.getByTestId('backup-now').click();
  }

  /** Presses 恢复 on a row; the question opens (nothing is restored yet). */
  async askRestore(row: Locator): Promise<void> {
    await row.getByTestId('backup-restore').click();
    await this.restoreDialog.waitFor();
  }

  async confirmRestore(): Promise<void> {
    await this.page.getByTestId('restore-confirm').click();
    await this.restoreDialog.waitFor({ state: 'detached' });
  }

  async chooseFolder(folder: string): Promise<void> {
    await this.page.getByTestId('backup-folder-input').fill(folder);
    await this.page.getByTestId('backup-folder-save').click();
  }
}
