import { useEffect, useState } from 'react';
import { leaderboardRowsPerPage } from './show';

/** Leaderboard rows per page for this window, recomputed when the window (or the display) changes size. */
export function useRowsPerPage(): number {
  const [rows, setRows] = useState(() => leaderboardRowsPerPage(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const onResize = () => setRows(leaderboardRowsPerPage(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return rows;
}
