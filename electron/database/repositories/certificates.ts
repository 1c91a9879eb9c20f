import type { Database } from 'better-sqlite3';
import { certificateKinds, type CertificateImageRole, type CertificateKind } from '../../../shared/domain/certificates';
import { int, isRow, num, optStr, rows, str, type Row } from '../rows';

export interface CertificateSettingsRecord {
  offsetX: number;
  offsetY: number;
  templateJson: Record<CertificateKind, string | null>;
}

export interface CertificateImageRecord {
  mediaType: 'image/png' | 'image/jpeg';
  data: Buffer;
}

export interface CertificateRecord {
  id: number;
  participantId: number | null;
  kind: CertificateKind;
  sequence: number;
  number: string;
  name: string;
  organization: string | null;
  award: string | null;
  issuedOn: string;
  prints: number;
}

/** What a printed certificate said, written into the register each time it is printed. */
export interface PrintedCertificate {
  participantId: number;
  name: string;
  organization: string | null;
  award: string | null;
  issuedOn: string;
}

function kindOf(value: string): CertificateKind {
  const kind = certificateKinds.find((k) => k === value);
  if (!kind) throw new Error(`unknown certificate kind ${value}`);
  return kind;
}

function toCertificate(row: Row): CertificateRecord {
  const participantId = row.participant_id;
  return {
    id: int(row, 'id'),
    participantId: participantId === null ? null : int(row, 'participant_id'),
    kind: kindOf(str(row, 'kind')),
    sequence: int(row, 'sequence'),
    number: str(row, 'number'),
    name: str(row, 'name'),
    organization: optStr(row, 'organization'),
    award: optStr(row, 'award'),
    issuedOn: str(row, 'issued_on'),
    prints: int(row, 'prints'),
  };
}

export function certificatesRepository(db: Database) {
  const settingsOf = db.prepare('SELECT * FROM certificate_settings WHERE event_id = ?');
  const ensureSettings = db.prepare('INSERT OR IGNORE INTO certificate_settings (event_id, updated_at) VALUES (?, ?)');
  const putOffset = db.prepare(
    'UPDATE certificate_settings SET offset_x_mm = ?, offset_y_mm = ?, updated_at = ? WHERE event_id = ?',
  );
  const putTemplate = {
    award: db.prepare('UPDATE certificate_settings SET award_template_json = ?, updated_at = ? WHERE event_id = ?'),
    completion: db.prepare(
      'UPDATE certificate_settings SET completion_template_json = ?, updated_at = ? WHERE event_id = ?',
    ),
  } satisfies Record<CertificateKind, unknown>;

  const imageOf = db.prepare(
    'SELECT media_type, data FROM certificate_images WHERE event_id = ? AND kind = ? AND role = ?',
  );
  const imageRoles = db.prepare('SELECT role FROM certificate_images WHERE event_id = ? AND kind = ?');
  const putImage = db.prepare(
    `INSERT INTO certificate_images (event_id, kind, role, media_type, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (event_id, kind, role)
     DO UPDATE SET media_type = excluded.media_type, data = excluded.data, updated_at = excluded.updated_at`,
  );
  const removeImage = db.prepare('DELETE FROM certificate_images WHERE event_id = ? AND kind = ? AND role = ?');

  const byEvent = db.prepare('SELECT * FROM certificates WHERE event_id = ? ORDER BY sequence');
  const byEventKind = db.prepare('SELECT * FROM certificates WHERE event_id = ? AND kind = ? ORDER BY sequence');
  const lastSequence = db.prepare('SELECT COALESCE(MAX(sequence), 0) AS last FROM certificates WHERE event_id = ?');
  const insert = db.prepare(
    `INSERT INTO certificates (event_id, participant_id, kind, sequence, number, name, organization, award, issued_on,
       first_printed_at, last_printed_at, prints)
     VALUES (@eventId, @participantId, @kind, @sequence, @number, @name, @organization, @award, @issuedOn,
       @at, @at, 1)`,
  );
  const reprint = db.prepare(
    `UPDATE certificates SET name = @name, organization = @organization, award = @award, issued_on = @issuedOn,
       last_printed_at = @at, prints = prints + 1
     WHERE event_id = @eventId AND kind = @kind AND participant_id = @participantId`,
  );

  return {
    settings(eventId: number): CertificateSettingsRecord {
      const row = settingsOf.get(eventId);
      if (!isRow(row)) return { offsetX: 0, offsetY: 0, templateJson: { award: null, completion: null } };
      return {
        offsetX: num(row, 'offset_x_mm'),
        offsetY: num(row, 'offset_y_mm'),
        templateJson: {
          award: optStr(row, 'award_template_json'),
          completion: optStr(row, 'completion_template_json'),
        },
      };
    },
    setOffset(eventId: number, x: number, y: number, at: string): void {
      ensureSettings.run(eventId, at);
      putOffset.run(x, y, at, eventId);
    },
    setTemplate(eventId: number, kind: CertificateKind, json: string | null, at: string): void {
      ensureSettings.run(eventId, at);
      putTemplate[kind].run(json, at, eventId);
    },

    image(eventId: number, kind: CertificateKind, role: CertificateImageRole): CertificateImageRecord | null {
      const row = imageOf.get(eventId, kind, role);
      if (!isRow(row)) return null;
      const data = row.data;
      if (!(data instanceof Buffer)) throw new Error('column data is not a blob');
      return { mediaType: str(row, 'media_type') === 'image/png' ? 'image/png' : 'image/jpeg', data };
    },
    imageRoles(eventId: number, kind: CertificateKind): string[] {
      return rows(imageRoles.all(eventId, kind)).map((row) => str(row, 'role'));
    },
    setImage(
      eventId: number,
      kind: CertificateKind,
      role: CertificateImageRole,
      image: CertificateImageRecord,
      at: string,
    ): void {
      putImage.run(eventId, kind, role, image.mediaType, image.data, at);
    },
    removeImage(eventId: number, kind: CertificateKind, role: CertificateImageRole): void {
      removeImage.run(eventId, kind, role);
    },

    /** The register of an event, in number order; one kind, or both. */
    certificates(eventId: number, kind?: CertificateKind): CertificateRecord[] {
      return rows(kind ? byEventKind.all(eventId, kind) : byEvent.all(eventId)).map(toCertificate);
    },
    lastSequence(eventId: number): number {
      const row = lastSequence.get(eventId);
      return isRow(row) ? int(row, 'last') : 0;
    },
    issue(
      eventId: number,
      kind: CertificateKind,
      sequence: number,
      number: string,
      printed: PrintedCertificate,
      at: string,
    ): void {
      insert.run({ eventId, kind, sequence, number, at, ...printed });
    },
    reprint(eventId: number, kind: CertificateKind, printed: PrintedCertificate, at: string): void {
      reprint.run({ eventId, kind, at, ...printed });
    },
  };
}
export type CertificatesRepository = ReturnType<typeof certificatesRepository>;
