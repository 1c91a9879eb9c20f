import { EventParams } from './events';
import type { RouteDef } from './contract-types';
import { StudyCounts } from './class-report';

/** API v1: the class report (结班材料) and study-session counts; merged into `contract`. */
export const classReportRoutes = {
  studyCounts: {
    method: 'GET',
    path: '/api/events/:id/study-counts',
    scopes: ['admin'],
    params: EventParams,
    response: StudyCounts,
  },
  studyCountsXlsx: {
    method: 'GET',
    path: '/api/events/:id/study-counts.xlsx',
    scopes: ['admin'],
    params: EventParams,
    response: 'binary',
  },
  classReportPdf: {
    method: 'GET',
    path: '/api/events/:id/class-report.pdf',
    scopes: ['admin'],
    params: EventParams,
    response: 'binary',
  },
  classReportXlsx: {
    method: 'GET',
    path: '/api/events/:id/class-report.xlsx',
    scopes: ['admin'],
    params: EventParams,
    response: 'binary',
  },
} as const satisfies Record<string, RouteDef>;
