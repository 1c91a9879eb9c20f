import { z } from 'zod';
import { errorStatus, type ErrorBody } from '../../shared/api/errors';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate, type MessageKey } from '../../shared/i18n';
import { zhCN } from '../../shared/i18n/zh-CN';
import { isDiskFull } from '../database/errors';
import type { AppError } from '../errors';

function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(zhCN, value);
}

type Schema = z.core.$ZodType;

function labelOf(schema: Schema): MessageKey | undefined {
  const label: unknown = z.globalRegistry.get(schema)?.label;
  if (isMessageKey(label)) return label;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return labelOf(schema.unwrap());
  if (schema instanceof z.ZodPipe) return labelOf(schema.in);
  return undefined;
}

function childOf(schema: Schema, key: PropertyKey): Schema | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return childOf(schema.unwrap(), key);
  if (schema instanceof z.ZodPipe) return childOf(schema.in, key);
  if (schema instanceof z.ZodObject && typeof key === 'string') {
    const child: unknown = schema.shape[key];
    return child instanceof z.ZodType ? child : undefined;
  }
  if (schema instanceof z.ZodRecord) return schema.valueType;
  if (schema instanceof z.ZodArray) return schema.element;
  return undefined;
}

/** The human label (translated) of the field at `path`, falling back to the path itself. */
function fieldLabel(schema: Schema, path: PropertyKey[], locale: Locale): string {
  let current: Schema | undefined = schema;
  for (const key of path) current = current && childOf(current, key);
  const label = current && labelOf(current);
  return label ? translate(locale, label) : path.map(String).join('.');
}

/** The sentence that says which type a field wants; zod's `expected` names the type. */
const wantedType: Partial<Record<string, MessageKey>> = {
  string: 'error.validation.notText',
  number: 'error.validation.notNumber',
  int: 'error.validation.notInteger',
  boolean: 'error.validation.notBoolean',
  array: 'error.validation.notList',
  object: 'error.validation.notObject',
  record: 'error.validation.notObject',
};

/**
 * One sentence for the first problem zod found, naming the field as the user knows it.
 * The error must come from a parse with `reportInput: true`, so a field of the wrong type is told from a missing one.
 */
export function validationError(schema: z.ZodType, error: z.ZodError, locale: Locale): ErrorBody {
  const issue = error.issues[0];
  if (!issue) return { error: { code: 'validation', message: translate(locale, 'error.validation.body') } };
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const field = path.map(String).join('.');
  const label = fieldLabel(schema, path, locale);
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => ({
    error: {
      code: 'validation' as const,
      message: translate(locale, key, { field: label, ...params }),
      ...(field ? { field } : {}),
    },
  });
  if (path.length === 0 && issue.message === 'upload')
    return { error: { code: 'bad_request', message: translate(locale, 'error.import.notAWorkbook') } };
  if (path.length === 0) return say('error.validation.body');
  switch (issue.code) {
    case 'unrecognized_keys':
      return say('error.validation.unknownField');
    case 'invalid_type':
      if (issue.input === undefined) return say('error.validation.required');
      return say(wantedType[issue.expected] ?? 'error.validation.type');
    case 'too_small':
      if (issue.origin !== 'string') return say('error.validation.range');
      return Number(issue.minimum) > 1
        ? say('error.validation.tooShort', { min: Number(issue.minimum) })
        : say('error.validation.empty');
    case 'too_big':
      return issue.origin === 'string'
        ? say('error.validation.tooLong', { max: Number(issue.maximum) })
        : say('error.validation.range');
    case 'invalid_format':
      if (issue.format === 'date') return say('error.validation.date');
      if (issue.message === 'phone') return say('error.validation.phone');
      if (issue.message === 'key') return say('error.validation.key');
      return say('error.validation.type');
    case 'invalid_value':
      return say('error.validation.option', { options: issue.values.map(String).join(locale === 'en' ? ', ' : '、') });
    case 'custom':
      if (issue.message === 'dateOrder') return say('error.validation.dateOrder');
      if (issue.message === 'timeOrder') return say('error.validation.timeOrder');
      if (issue.message === 'tieBreak') return say('error.validation.tieBreak');
      return say('error.validation.type');
    default:
      return say('error.validation.type');
  }
}

/** An answer already in the API's error shape (a failed parse of a request part), thrown to the error handler. */
export class ErrorAnswer extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.error.message);
    this.name = 'ErrorAnswer';
  }
}

export function appErrorBody(error: AppError, locale: Locale): ErrorBody {
  // A parameter that is itself a message key (a status, an action) is said in the reader's language too.
  const params = Object.fromEntries(
    Object.entries(error.params).map(([name, value]) => [name, isMessageKey(value) ? translate(locale, value) : value]),
  );
  return {
    error: {
      code: error.code,
      message: translate(locale, error.key, params),
      ...(error.field ? { field: error.field } : {}),
      ...error.details,
    },
  };
}

export function statusOf(body: ErrorBody): number {
  return errorStatus[body.error.code];
}

/** Fastify's own refusals (bad JSON, too large, wrong media type) in our shape. */
export function frameworkErrorBody(error: unknown, locale: Locale): ErrorBody | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = 'code' in error ? error.code : undefined;
  const statusCode = 'statusCode' in error ? error.statusCode : undefined;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { error: { code: 'bad_request', message: translate(locale, 'error.badJson') } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { error: { code: 'too_large', message: translate(locale, 'error.bodyTooLarge') } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { error: { code: 'bad_request', message: translate(locale, 'error.mediaType') } };
  }
  if (statusCode === 400) return { error: { code: 'bad_request', message: translate(locale, 'error.badJson') } };
  return null;
}

/** A write that found the disk full (SQLite or a file): nothing was saved; the sentence says what to free. */
export function storageErrorBody(error: unknown, locale: Locale): ErrorBody | null {
  return isDiskFull(error) ? { error: { code: 'disk_full', message: translate(locale, 'error.diskFull') } } : null;
}
