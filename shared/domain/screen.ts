// What the projector shows, as the console asks for it: its own choice (auto) or one scene held until changed.

export const screenModes = ['auto', 'waiting', 'speaker', 'leaderboard', 'awards', 'paused'] as const;
export type ScreenMode = (typeof screenModes)[number];
