import type { Locator, Page, WebSocketRoute } from '@playwright/test';

/** The projector (`#/screen/:event`): public, read-only, 1920×1080. */
export class ScreenPageModel {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, eventId: number): Promise<void> {
    await this.page.goto(`${baseUrl}/#/screen/${eventId}`);
  }

  get title(): Locator {
    return this.page.getByTestId('screen-title');
  }

  get waiting(): Locator {
    return this.page.getByTestId('screen-waiting');
  }

  get liveStatus(): Locator {
    return this.page.getByTestId('live-status');
  }

  get notFound(): Locator {
    return this.page.getByTestId('screen-not-found');
  }

  get speaker(): Locator {
    return this.page.getByTestId('screen-speaker');
  }

  get timer(): Locator {
    return this.page.getByTestId('screen-timer');
  }

  get reveal(): Locator {
    return this.page.getByTestId('screen-reveal');
  }

  get judgeTotals(): Locator {
    return this.page.getByTestId('screen-judge-total');
  }

  get final(): Locator {
    return this.page.getByTestId('screen-final');
  }

  get leaderboard(): Locator {
    return this.page.getByTestId('screen-leaderboard');
  }

  get leaderboardRows(): Locator {
    return this.page.getByTestId('screen-leaderboard-row');
  }

  get awards(): Locator {
    return this.page.getByTestId('screen-awards');
  }

  get speakerLabel(): Locator {
    return this.page.getByTestId('screen-speaker-label');
  }

  get footer(): Locator {
    return this.page.locator('.screen-bottom');
  }

  /** The scene on screen (`data-scene`: waiting, speaker, reveal, leaderboard, awards, paused…). */
  get frame(): Locator {
    return this.page.locator('.screen');
  }

  /** The keys' help, opened with F1 or ?. */
  get help(): Locator {
    return this.page.getByTestId('screen-help');
  }

  /** A recused judge's place in the reveal ("评委4 回避"). */
  get recusedJudges(): Locator {
    return this.page.getByTestId('screen-judge-recused');
  }

  /** The host's keyboard shortcuts: 1 排名, 2 奖项, 0 自动. */
  async press(key: '0' | '1' | '2'): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /**
   * Stands in for the host's show answer and live socket, to put the projector into any scene
   * on demand. Call before `open`; `send` pushes a live message as the host would.
   */
  async simulate(eventId: number, show: unknown, event?: unknown): Promise<{ send(message: unknown): void }> {
    const sockets: WebSocketRoute[] = [];
    await this.page.route(`**/api/public/events/${eventId}/show`, (route) => route.fulfill({ json: show }));
    if (event !== undefined)
      await this.page.route(`**/api/public/events/${eventId}`, (route) => route.fulfill({ json: event }));
    await this.page.routeWebSocket('**/api/live**', (ws) => {
      sockets.push(ws);
    });
    return {
      send(message) {
        for (const ws of sockets) ws.send(JSON.stringify(message));
      },
    };
  }
}
