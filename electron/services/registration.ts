import { participantFields, type ImportResult } from '../../shared/api/contest';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate } from '../../shared/i18n';
import type { Repositories } from '../database';
import type { NewParticipant, ParticipantRecord } from '../database/repositories/participants';
import { normalizePhone } from '../../shared/domain/phones';
import {
  readParticipantSheet,
  readParticipantSheetInWorker,
  type ParticipantField,
  type ParticipantSheet,
  type SheetPerson,
} from '../documents/xlsx-import';
import { AppError } from '../errors';

const previewLimit = 500;

interface ImportOptions {
  dryRun: boolean;
  mapping?: string | undefined;
  locale: Locale;
}

/** Someone a row can be a duplicate of: an earlier row of the file or a participant already registered. */
type Known = { kind: 'row'; row: number; person: SheetPerson } | { kind: 'existing'; record: ParticipantRecord };

/** What a roster sent again may fill in: every imported field but the name. */
type Fillable = Exclude<ParticipantField, 'name'>;
const fillable = participantFields.filter((f): f is Fillable => f !== 'name');

function nameOrgKey(name: string, organization: string | null): string {
  return `${name}\u0000${(organization ?? '').replace(/\s/g, '')}`;
}

function phoneOf(known: Known): string | null {
  const phone = known.kind === 'row' ? known.person.phone : known.record.phone;
  // Numbers typed before phones were normalised (or by hand) still match.
  return phone === null ? null : normalizePhone(phone);
}

/** A sheet's row or a registered participant: a training roster's columns may be missing from the sheet. */
type Person = Pick<ParticipantRecord, 'name'> & { [F in Fillable]?: ParticipantRecord[F] | undefined } & {
  venueId?: number | null;
};

function toNew(p: Person): NewParticipant {
  return {
    name: p.name,
    organization: p.organization ?? undefined,
    title: p.title ?? undefined,
    phone: p.phone ?? undefined,
    gender: p.gender ?? undefined,
    group: p.group ?? undefined,
    region: p.region ?? undefined,
    ethnicity: p.ethnicity ?? undefined,
    note: p.note ?? undefined,
    // An update replaces every field: a trainee keeps the venue the roster does not speak of.
    venueId: p.venueId ?? undefined,
  };
}

/** The people under one name + organisation: the first of them, and the first without a phone. */
interface NameOrgEntry {
  first: Known;
  firstWithoutPhone: Known | undefined;
}

/** Who matches `person` by the duplicate rule of API v1, and by which part of it; each lookup is one map read. */
class Roster {
  private readonly byPhone = new Map<string, Known>();
  private readonly byNameOrg = new Map<string, NameOrgEntry>();

  add(known: Known): void {
    const phone = phoneOf(known);
    if (phone && !this.byPhone.has(phone)) this.byPhone.set(phone, known);
    const { name, organization } = known.kind === 'row' ? known.person : known.record;
    const key = nameOrgKey(name, organization);
    const entry = this.byNameOrg.get(key);
    if (!entry) this.byNameOrg.set(key, { first: known, firstWithoutPhone: phone ? undefined : known });
    else if (!entry.firstWithoutPhone && !phone) entry.firstWithoutPhone = known;
  }

  match(person: SheetPerson): { known: Known; by: 'phone' | 'nameOrg' } | null {
    // Same phone (which covers same name + phone) is the same person.
    const samePhone = person.phone ? this.byPhone.get(person.phone) : undefined;
    if (samePhone) return { known: samePhone, by: 'phone' };
    // Without a phone on one side, the same name in the same organisation is the same person;
    // two different phones under one name are namesakes, not duplicates.
    const entry = this.byNameOrg.get(nameOrgKey(person.name, person.organization));
    const sameNameOrg = person.phone ? entry?.firstWithoutPhone : entry?.first;
    return sameNameOrg ? { known: sameNameOrg, by: 'nameOrg' } : null;
  }
}

export function registrationService(repos: Repositories, now: () => Date) {
  function requireEvent(eventId: number): void {
    if (!repos.events.find(eventId)) throw new AppError('not_found', 'error.eventNotFound', { id: eventId });
  }

  /** Writes what a roster read from a workbook adds: see importParticipants. */
  function importSheet(eventId: number, sheet: ParticipantSheet, options: ImportOptions): ImportResult {
    const roster = new Roster();
    const existing = new Map<number, ParticipantRecord>();
    for (const record of repos.participants.listByEvent(eventId)) {
      existing.set(record.id, record);
      roster.add({ kind: 'existing', record });
    }

    const toCreate: SheetPerson[] = [];
    const toUpdate = new Map<number, ParticipantRecord>();
    const duplicates: ImportResult['duplicates'] = [];
    const preview: ImportResult['preview'] = [];

    for (const person of sheet.people) {
      const match = roster.match(person);
      if (!match) {
        toCreate.push(person);
        roster.add({ kind: 'row', row: person.row, person });
        preview.push(person);
        continue;
      }
      const { known, by } = match;
      if (known.kind === 'existing') {
        // Not a plain duplicate when the row knows what the registration left empty (a roster sent
        // again with the speech titles filled in): fill those fields in place and count it as updated.
        const current = toUpdate.get(known.record.id) ?? known.record;
        const filled = fillable.filter((f) => current[f] === null && (person[f] ?? null) !== null);
        if (filled.length > 0) {
          const merged: ParticipantRecord = { ...current };
          for (const f of filled) Object.assign(merged, { [f]: person[f] });
          toUpdate.set(merged.id, merged);
          // Later rows must match on what the participant now has (a phone filled in just now).
          roster.add({ kind: 'existing', record: merged });
          preview.push(person);
          continue;
        }
      }
      const reason =
        known.kind === 'row'
          ? translate(options.locale, by === 'phone' ? 'import.duplicate.phoneRow' : 'import.duplicate.nameOrgRow', {
              row: known.row,
              name: known.person.name,
            })
          : translate(
              options.locale,
              by === 'phone' ? 'import.duplicate.phoneExisting' : 'import.duplicate.nameOrgExisting',
              {
                name: known.record.name,
              },
            );
      duplicates.push({ row: person.row, name: person.name, reason });
    }

    if (!options.dryRun && (toCreate.length > 0 || toUpdate.size > 0)) {
      const registeredAt = now().toISOString();
      repos.transaction(() => {
        for (const person of toCreate) repos.participants.create(eventId, toNew(person), registeredAt);
        for (const record of toUpdate.values()) repos.participants.update(record.id, toNew(record));
        repos.contest.audit({
          eventId,
          at: registeredAt,
          actor: 'admin',
          action: 'import',
          after: {
            created: toCreate.length,
            updated: toUpdate.size,
            duplicates: duplicates.length,
            errors: sheet.errors.length,
          },
        });
      });
    }

    const errorRows = new Set(sheet.errors.map((e) => e.row)).size;
    // The preview holds every row written (created, or filling in someone registered): only theirs warn.
    const written = new Set(preview.map((p) => p.row));
    return {
      created: toCreate.length,
      updated: toUpdate.size,
      // Rows not imported: duplicates and rows with errors (a row with two bad cells counts once).
      skipped: duplicates.length + errorRows,
      duplicates,
      errors: sheet.errors,
      warnings: sheet.warnings.filter((w) => written.has(w.row)),
      columns: sheet.columns,
      preview: preview.slice(0, previewLimit),
    };
  }

  return {
    /**
     * Imports the people of an Excel roster. Valid new rows are created in one transaction
     * (nothing with `dryRun`); rows with errors and duplicates are reported, not written; a row
     * with a bad optional cell is written with that field empty and the cell listed in `warnings`.
     */
    importParticipants(eventId: number, bytes: Uint8Array, options: ImportOptions): ImportResult {
      requireEvent(eventId);
      return importSheet(eventId, readParticipantSheet(bytes, options), options);
    },
    /** The same for an upload to the host: the workbook is parsed on a worker thread, so judges' saves go on. */
    async importUpload(eventId: number, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
      requireEvent(eventId);
      const sheet = await readParticipantSheetInWorker(bytes, options);
      // The event may have been deleted while the file was being read.
      requireEvent(eventId);
      return importSheet(eventId, sheet, options);
    },
  };
}

export type RegistrationService = ReturnType<typeof registrationService>;
