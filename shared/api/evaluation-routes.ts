import { z } from 'zod';
import { EventParams } from './events';
import type { RouteDef } from './contract-types';
import { surveyAnswers } from './survey';
import { SessionParams } from './training';
import {
  EvaluationCodeParams,
  EvaluationInput,
  EvaluationState,
  PublicEvaluationDisplay,
  PublicEvaluationInput,
  SessionEvaluation,
  TeacherEvaluation,
} from './evaluations';

/** API v1, course evaluations (DESIGN.md "Training"): merged into `contract`. */
export const evaluationRoutes = {
  getEvaluation: {
    method: 'GET',
    path: '/api/events/:id/sessions/:sid/evaluation',
    scopes: ['admin'],
    params: SessionParams,
    response: EvaluationState,
  },
  setEvaluation: {
    method: 'PUT',
    path: '/api/events/:id/sessions/:sid/evaluation',
    scopes: ['admin'],
    params: SessionParams,
    body: EvaluationInput,
    response: EvaluationState,
  },
  publicEvaluationForm: { ...surveyAnswers.publicEvaluationForm, params: EvaluationCodeParams },
  publicEvaluationAnswer: {
    ...surveyAnswers.publicEvaluationAnswer,
    params: EvaluationCodeParams,
    body: PublicEvaluationInput,
    status: 201,
  },
  publicEvaluationDisplay: {
    method: 'GET',
    path: '/api/public/events/:id/evaluation',
    scopes: ['public'],
    params: EventParams,
    response: PublicEvaluationDisplay,
  },
  evaluations: {
    method: 'GET',
    path: '/api/events/:id/evaluations',
    scopes: ['admin'],
    params: EventParams,
    response: z.array(SessionEvaluation),
  },
  teacherEvaluations: {
    method: 'GET',
    path: '/api/events/:id/evaluations/teachers',
    scopes: ['admin'],
    params: EventParams,
    response: z.array(TeacherEvaluation),
  },
  evaluationsXlsx: {
    method: 'GET',
    path: '/api/events/:id/evaluations.xlsx',
    scopes: ['admin'],
    params: EventParams,
    response: 'binary',
  },
} as const satisfies Record<string, RouteDef>;
