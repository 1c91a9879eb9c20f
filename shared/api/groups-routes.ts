import { z } from 'zod';
import type { RouteDef } from './contract-types';
import { EventParams } from './events';
import {
  Group,
  GroupAssignInput,
  GroupAssignment,
  GroupCreate,
  GroupMemberInput,
  GroupMemberParams,
  GroupParams,
  GroupRecord,
  GroupRecordInput,
  GroupRecordCodeParams,
  GroupRecordLink,
  GroupRecordLinkInput,
  GroupRecordParams,
  GroupUpdate,
  PublicGroupRecordInput,
  TableCardsQuery,
} from './groups';
import { groupRecordAnswers } from './group-record';
import { SessionParams } from './training';

const nothing = z.null();

/** API v1, discussion groups (DESIGN.md "Training" and issue 11 part 1): merged into `contract`. */
export const groupsRoutes = {
  assignGroups: {
    method: 'POST',
    path: '/api/events/:id/groups/assign',
    scopes: ['admin'],
    params: EventParams,
    body: GroupAssignInput,
    response: z.array(Group),
  },
  listGroups: {
    method: 'GET',
    path: '/api/events/:id/groups',
    scopes: ['admin'],
    params: EventParams,
    response: z.array(Group),
  },
  groupAssignment: {
    method: 'GET',
    path: '/api/events/:id/groups/assignment',
    scopes: ['admin'],
    params: EventParams,
    response: GroupAssignment,
  },
  createGroup: {
    method: 'POST',
    path: '/api/events/:id/groups',
    scopes: ['admin'],
    params: EventParams,
    body: GroupCreate,
    response: Group,
    status: 201,
  },
  updateGroup: {
    method: 'PUT',
    path: '/api/events/:id/groups/:gid',
    scopes: ['admin'],
    params: GroupParams,
    body: GroupUpdate,
    response: Group,
  },
  deleteGroup: {
    method: 'DELETE',
    path: '/api/events/:id/groups/:gid',
    scopes: ['admin'],
    params: GroupParams,
    response: nothing,
    status: 204,
  },
  /** Moves a trainee; answers every group, since two of them changed. */
  moveGroupMember: {
    method: 'PUT',
    path: '/api/events/:id/group-members/:pid',
    scopes: ['admin'],
    params: GroupMemberParams,
    body: GroupMemberInput,
    response: z.array(Group),
  },
  listGroupRecords: {
    method: 'GET',
    path: '/api/events/:id/sessions/:sid/group-records',
    scopes: ['admin'],
    params: SessionParams,
    response: z.array(GroupRecord),
  },
  putGroupRecord: {
    method: 'PUT',
    path: '/api/events/:id/sessions/:sid/group-records/:gid',
    scopes: ['admin'],
    params: GroupRecordParams,
    body: GroupRecordInput,
    response: GroupRecord,
  },
  deleteGroupRecord: {
    method: 'DELETE',
    path: '/api/events/:id/sessions/:sid/group-records/:gid',
    scopes: ['admin'],
    params: GroupRecordParams,
    response: nothing,
    status: 204,
  },
  setGroupRecordLink: {
    method: 'PUT',
    path: '/api/events/:id/sessions/:sid/group-record-link',
    scopes: ['admin'],
    params: SessionParams,
    body: GroupRecordLinkInput,
    response: GroupRecordLink,
  },
  groupRecordLink: {
    method: 'GET',
    path: '/api/events/:id/sessions/:sid/group-record-link',
    scopes: ['admin'],
    params: SessionParams,
    response: GroupRecordLink,
  },
  publicGroupRecordSession: { ...groupRecordAnswers.publicGroupRecordSession, params: GroupRecordCodeParams },
  publicGroupRecord: {
    ...groupRecordAnswers.publicGroupRecord,
    params: GroupRecordCodeParams,
    body: PublicGroupRecordInput,
    status: 201,
  },
  groupsPdf: {
    method: 'GET',
    path: '/api/events/:id/groups.pdf',
    scopes: ['admin'],
    params: EventParams,
    response: 'binary',
  },
  tableCardsPdf: {
    method: 'GET',
    path: '/api/events/:id/table-cards.pdf',
    scopes: ['admin'],
    params: EventParams,
    query: TableCardsQuery,
    response: 'binary',
  },
} as const satisfies Record<string, RouteDef>;
