// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
export const zh = {} as const;

export const en = {} as const satisfies Record<keyof typeof zh, string>;
