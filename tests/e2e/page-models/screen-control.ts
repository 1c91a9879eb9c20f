import type { FrameLocator, Locator, Page } from '@playwright/test';

export type ScreenModeName = 'auto' | 'waiting' | 'speaker' | 'leaderboard' | 'awards' | 'paused';

/** 大屏幕 in the console's 比赛进行 tab: the projector's mode buttons and its live thumbnail. */
export class ScreenControlModel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('screen-control');
  }

  button(mode: ScreenModeName): Locator {
    return this.page.getByTestId(`screen-mode-${mode}`);
  }

  async choose(mode: ScreenModeName): Promise<void> {
    await this.button(mode).click();
  }

  get thumbnail(): Locator {
    return this.page.getByTestId('screen-thumbnail');
  }

  /** The projector page inside the thumbnail. */
  get thumbnailScreen(): FrameLocator {
    return this.page.frameLocator('[data-testid="screen-thumbnail"]');
  }
}
