/**
 * A judge's link: it works and its card can be printed (`active`); the judge is shut out (`revoked`, 停用); or it
 * works but was sealed on another computer (a restored database), so its card cannot be reprinted here
 * (`unprintable`). Reissuing (重新生成链接) makes any of them `active` with a new link.
 */
export const judgeLinks = ['active', 'revoked', 'unprintable'] as const;
export type JudgeLink = (typeof judgeLinks)[number];
