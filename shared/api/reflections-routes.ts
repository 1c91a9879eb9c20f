import { z } from 'zod';
import type { RouteDef } from './contract-types';
import { EventParams } from './events';
import { reflectAnswers } from './reflect';
import {
  PublicReflectionInput,
  ReflectCodeParams,
  Reflection,
  ReflectionAssignment,
  ReflectionAssignmentInput,
  ReflectionAssignmentParams,
  ReflectionInput,
  ReflectionMark,
  ReflectionParams,
  ReflectionsPdfQuery,
  ReflectionsQuery,
  ReflectionsXlsxQuery,
} from './reflections';

/** API v1, training part: 学习心得 (merged into `contract`). */
export const reflectionsRoutes = {
  listReflectionAssignments: {
    method: 'GET',
    path: '/api/events/:id/reflection-assignments',
    scopes: ['admin'],
    params: EventParams,
    response: z.array(ReflectionAssignment),
  },
  createReflectionAssignment: {
    method: 'POST',
    path: '/api/events/:id/reflection-assignments',
    scopes: ['admin'],
    params: EventParams,
    body: ReflectionAssignmentInput,
    response: ReflectionAssignment,
    status: 201,
  },
  updateReflectionAssignment: {
    method: 'PUT',
    path: '/api/events/:id/reflection-assignments/:aid',
    scopes: ['admin'],
    params: ReflectionAssignmentParams,
    body: ReflectionAssignmentInput,
    response: ReflectionAssignment,
  },
  /** Deletes the assignment and every reflection handed in for it (the console asks first, with the count). */
  deleteReflectionAssignment: {
    method: 'DELETE',
    path: '/api/events/:id/reflection-assignments/:aid',
    scopes: ['admin'],
    params: ReflectionAssignmentParams,
    response: z.null(),
    status: 204,
  },
  listReflections: {
    method: 'GET',
    path: '/api/events/:id/reflections',
    scopes: ['admin'],
    params: EventParams,
    query: ReflectionsQuery,
    response: z.array(Reflection),
  },
  /** Staff enter one handed in on paper: 201, or 200 when it replaces the trainee's earlier one. */
  enterReflection: {
    method: 'POST',
    path: '/api/events/:id/reflections',
    scopes: ['admin'],
    params: EventParams,
    body: ReflectionInput,
    response: Reflection,
    status: 201,
  },
  markReflection: {
    method: 'PUT',
    path: '/api/events/:id/reflections/:rid',
    scopes: ['admin'],
    params: ReflectionParams,
    body: ReflectionMark,
    response: Reflection,
  },
  reflectionsPdf: {
    method: 'GET',
    path: '/api/events/:id/reflections.pdf',
    scopes: ['admin'],
    params: EventParams,
    query: ReflectionsPdfQuery,
    response: 'binary',
  },
  reflectionsXlsx: {
    method: 'GET',
    path: '/api/events/:id/reflections.xlsx',
    scopes: ['admin'],
    params: EventParams,
    query: ReflectionsXlsxQuery,
    response: 'binary',
  },
  publicReflectionAssignment: { ...reflectAnswers.publicReflectionAssignment, params: ReflectCodeParams },
  /** 201 the first time, 200 when it replaces the trainee's earlier one (until the deadline). */
  publicReflection: {
    ...reflectAnswers.publicReflection,
    params: ReflectCodeParams,
    body: PublicReflectionInput,
    status: 201,
  },
} as const satisfies Record<string, RouteDef>;
