import {
  certificateFileName,
  CertificateTemplate,
  type CertificatePreview,
  type CertificateRecipients,
  type CertificateTemplateState,
  type PrinterOffset,
  type RegisterRow,
} from '../../shared/api/certificates';
import type { FileAnswer } from '../../shared/api/contract';
import {
  builtInTemplates,
  placeholders,
  unknownPlaceholders,
  type CertificateImageRole,
  type CertificateKind,
  type CertificateTemplate as Template,
} from '../../shared/domain/certificates';
import { formatDate, todayIso } from '../../shared/domain/dates';
import { defaultPrefix } from '../../shared/domain/names';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate, type MessageKey } from '../../shared/i18n';
import type { CertificateImageRecord, PrintedCertificate } from '../database/repositories/certificates';
import type { EventRecord } from '../database/repositories/events';
import { calibrationDocument, certificatesDocument, layoutCertificate } from '../documents/certificates';
import { imageLimits, imageSize, withinImageLimits } from '../documents/image-size';
import { pdfType, renderPdf } from '../documents/pdf';
import { registerTable } from '../documents/register-table';
import { workbookBytes, xlsxType } from '../documents/xlsx-write';
import { AppError } from '../errors';
import {
  issuedNumbers,
  numbersFor,
  recipientsOf,
  toReprint,
  valuesFor,
  type Recipient,
  type RecipientsDeps,
} from './certificate-recipients';
import type { EventsService } from './events';

export interface CertificatesDeps extends RecipientsDeps {
  events: EventsService;
  now: () => Date;
}

/** The kind of picture in the bytes, by its signature; null when it is not a PNG or JPEG. */
export function imageType(bytes: Uint8Array): CertificateImageRecord['mediaType'] | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

const dataUrl = (image: CertificateImageRecord) => `data:${image.mediaType};base64,${image.data.toString('base64')}`;

export function certificatesService({ repos, events, contest, now, completers }: CertificatesDeps) {
  const stamp = () => now().toISOString();
  const store = repos.certificates;
  const recipients = { repos, contest, completers };

  function templateOf(eventId: number, kind: CertificateKind): Template {
    const json = store.settings(eventId).templateJson[kind];
    return json === null ? builtInTemplates[kind] : CertificateTemplate.parse(JSON.parse(json));
  }

  function kindFits(event: EventRecord, kind: CertificateKind): void {
    if (kind === 'award' && event.kind !== 'contest')
      throw new AppError('conflict', 'error.certificates.awardForTraining');
    if (kind === 'completion' && event.kind !== 'training')
      throw new AppError('conflict', 'error.certificates.completionForContest');
  }

  /** The first unknown placeholder as a 400 naming it and the field it is in. */
  function checkPlaceholders(template: Template): void {
    for (const [index, field] of template.fields.entries()) {
      const [name] = unknownPlaceholders(field.text);
      if (name !== undefined) {
        const known = placeholders.map((p) => `{${p}}`).join('、');
        throw new AppError(
          'validation',
          'error.certificates.unknownPlaceholder',
          { field: field.label || field.key, name, known },
          `fields.${index}.text`,
        );
      }
    }
  }

  // One batch at a time per event, so two prints never hand out the same new number.
  const queues = new Map<number, Promise<unknown>>();
  function oneAtATime<T>(eventId: number, task: () => Promise<T>): Promise<T> {
    const next = (queues.get(eventId) ?? Promise.resolve()).then(task, task);
    queues.set(
      eventId,
      next.catch(() => undefined),
    );
    return next;
  }

  function state(eventId: number, kind: CertificateKind): CertificateTemplateState {
    const event = events.get(eventId);
    const images = store.imageRoles(eventId, kind);
    return {
      kind,
      template: templateOf(eventId, kind),
      builtIn: builtInTemplates[kind],
      defaultPrefix: defaultPrefix(event.title),
      images: { background: images.includes('background'), seal: images.includes('seal') },
      placeholders: [...placeholders],
    };
  }

  return {
    template: state,

    putTemplate(eventId: number, kind: CertificateKind, template: Template): CertificateTemplateState {
      events.get(eventId);
      checkPlaceholders(template);
      store.setTemplate(eventId, kind, JSON.stringify(template), stamp());
      return state(eventId, kind);
    },

    offset(eventId: number): PrinterOffset {
      events.get(eventId);
      const { offsetX, offsetY } = store.settings(eventId);
      return { x: offsetX, y: offsetY };
    },

    setOffset(eventId: number, offset: PrinterOffset): PrinterOffset {
      events.get(eventId);
      const tenth = (mm: number) => Math.round(mm * 10) / 10;
      store.setOffset(eventId, tenth(offset.x), tenth(offset.y), stamp());
      return this.offset(eventId);
    },

    image(eventId: number, kind: CertificateKind, role: CertificateImageRole): FileAnswer {
      events.get(eventId);
      const image = store.image(eventId, kind, role);
      if (!image) throw new AppError('not_found', 'error.certificates.noImage');
      return {
        data: image.data,
        fileName: `${role}.${image.mediaType === 'image/png' ? 'png' : 'jpg'}`,
        contentType: image.mediaType,
      };
    },

    /** Stores a picture once pdfkit has read it: a file that only looks like an image is refused. */
    async setImage(
      eventId: number,
      kind: CertificateKind,
      role: CertificateImageRole,
      bytes: Uint8Array,
    ): Promise<CertificateTemplateState> {
      events.get(eventId);
      const mediaType = imageType(bytes);
      const size = imageSize(bytes);
      const image = mediaType && size ? { mediaType, data: Buffer.from(bytes) } : null;
      if (!image || !size) throw new AppError('bad_request', 'error.certificates.notAnImage');
      // Measured from the header before anything decodes it: a huge picture would be decoded on every print.
      if (!withinImageLimits(size)) {
        const maxMegapixels = imageLimits.pixels / 1_000_000;
        throw new AppError('bad_request', 'error.limits.imagePixels', {
          ...size,
          maxSide: imageLimits.side,
          maxMegapixels,
        });
      }
      try {
        await renderPdf({ content: [{ image: 'probe', width: 10 }], images: { probe: dataUrl(image) } });
      } catch {
        throw new AppError('bad_request', 'error.certificates.notAnImage');
      }
      store.setImage(eventId, kind, role, image, stamp());
      return state(eventId, kind);
    },

    removeImage(eventId: number, kind: CertificateKind, role: CertificateImageRole): CertificateTemplateState {
      events.get(eventId);
      store.removeImage(eventId, kind, role);
      return state(eventId, kind);
    },

    recipients(eventId: number, kind: CertificateKind, locale: Locale): CertificateRecipients {
      const event = events.get(eventId);
      kindFits(event, kind);
      const { list, blocked } = recipientsOf(recipients, event, kind);
      const numbers = issuedNumbers(repos, eventId, kind);
      const stale = toReprint(repos, eventId, kind, list);
      return {
        kind,
        blocked: blocked ? translate(locale, blocked.key, blocked.params) : null,
        recipients: list.map(({ group: _group, ...r }) => ({
          ...r,
          number: numbers.get(r.participantId) ?? null,
          reprint: stale.has(r.participantId),
        })),
      };
    },

    /** Page 1 laid out with a template being edited (unsaved); unknown placeholders are listed, not refused. */
    preview(eventId: number, kind: CertificateKind, template: Template): CertificatePreview {
      const event = events.get(eventId);
      kindFits(event, kind);
      const first = recipientsOf(recipients, event, kind).list[0];
      const sample: Recipient = {
        participantId: 0,
        name: translate('zh-CN', 'certificate.sample.name'),
        organization: translate('zh-CN', 'certificate.sample.organization'),
        group: null,
        award: kind === 'award' ? translate('zh-CN', 'certificate.sample.award') : null,
        tiedAward: false,
      };
      const person = first ?? sample;
      const number = numbersFor(repos, event, kind, template, [person]).get(person.participantId)?.number ?? '';
      return {
        ...layoutCertificate(template, valuesFor(event, template, person, number)),
        unknownPlaceholders: template.fields.flatMap((f) =>
          unknownPlaceholders(f.text).map((name) => ({ field: f.label || f.key, name })),
        ),
        participantId: first ? first.participantId : null,
      };
    },

    /**
     * One PDF, a page per certificate in award (or registration) order; `participantId` reprints one,
     * `only: 'reprint'` those marked 需重印. Numbers are given on the first print and kept; the register
     * (which clears 需重印) is written only once the PDF exists.
     */
    pdf(
      eventId: number,
      kind: CertificateKind,
      participantId: number | undefined,
      locale: Locale,
      only?: 'reprint',
    ): Promise<FileAnswer> {
      const event = events.get(eventId);
      kindFits(event, kind);
      return oneAtATime(eventId, async () => {
        const { list, blocked } = recipientsOf(recipients, event, kind);
        if (blocked) throw blocked;
        let people = list;
        if (participantId !== undefined) {
          const one = list.find((p) => p.participantId === participantId);
          if (!one) {
            const participant = repos.participants.find(participantId);
            if (!participant || participant.eventId !== eventId)
              throw new AppError('not_found', 'error.contest.participantNotFound', { id: participantId });
            throw new AppError('conflict', 'error.certificates.notRecipient', { name: participant.name });
          }
          people = [one];
        }
        if (only === 'reprint') {
          const stale = toReprint(repos, eventId, kind, people);
          people = people.filter((p) => stale.has(p.participantId));
          if (people.length === 0) throw new AppError('conflict', 'error.editing.nothingToReprint');
        }
        const template = templateOf(eventId, kind);
        checkPlaceholders(template);
        const seal = store.image(eventId, kind, 'seal');
        const numbers = numbersFor(repos, event, kind, template, people);
        const numberOf = (p: Recipient) => numbers.get(p.participantId) ?? { number: '', sequence: null };
        const data = await renderPdf(
          certificatesDocument({
            template,
            offset: this.offset(eventId),
            people: people.map((p) => valuesFor(event, template, p, numberOf(p).number)),
            seal: seal ? dataUrl(seal) : null,
            title: `${translate('zh-CN', `certificate.kind.${kind}`)} ${event.title}`,
          }),
        );
        const at = stamp();
        const issuedOn = template.date ?? event.endsOn ?? event.startsOn;
        repos.transaction(() => {
          for (const p of people) {
            const { number, sequence } = numberOf(p);
            const printed: PrintedCertificate = {
              participantId: p.participantId,
              name: p.name,
              organization: p.organization,
              award: p.award,
              issuedOn,
            };
            if (sequence === null) store.reprint(eventId, kind, printed, at);
            else store.issue(eventId, kind, sequence, number, printed, at);
          }
        });
        const one = participantId !== undefined ? people[0] : undefined;
        return {
          data,
          fileName: certificateFileName(locale, event, { file: 'pdf', kind, ...(one ? { name: one.name } : {}) }),
          contentType: pdfType,
        };
      });
    },

    /** A page of rulers and crosshairs, printed with the event's current offset. */
    async calibration(eventId: number, kind: CertificateKind | undefined, locale: Locale): Promise<FileAnswer> {
      const event = events.get(eventId);
      const offset = this.offset(eventId);
      const template = templateOf(eventId, kind ?? (event.kind === 'contest' ? 'award' : 'completion'));
      const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
      const data = await renderPdf(
        calibrationDocument({
          page: template.page,
          offset,
          title: t('certificate.calibration.title'),
          instructions: [
            t('certificate.calibration.step1'),
            t('certificate.calibration.step2'),
            t('certificate.calibration.step3'),
            t('certificate.calibration.step4', { x: offset.x, y: offset.y }),
          ],
          label: (x, y) => t('certificate.calibration.mark', { x, y }),
        }),
      );
      return { data, fileName: certificateFileName(locale, event, { file: 'calibration' }), contentType: pdfType };
    },

    /** Every certificate issued for the event, in number order: who, which award, number, date. */
    register(eventId: number): RegisterRow[] {
      events.get(eventId);
      return store.certificates(eventId).map((c) => ({
        number: c.number,
        name: c.name,
        organization: c.organization,
        award: c.award,
        kind: c.kind,
        issuedOn: c.issuedOn,
      }));
    },

    registerXlsx(eventId: number, locale: Locale): FileAnswer {
      const event = events.get(eventId);
      const rows = this.register(eventId);
      const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
      const data = workbookBytes([
        registerTable(rows, locale, {
          name: t('certificate.register.sheet'),
          title: event.title,
          caption: t('certificate.register.caption', { count: rows.length, date: formatDate(todayIso(now()), locale) }),
          empty: t('certificate.register.empty'),
        }),
      ]);
      return { data, fileName: certificateFileName(locale, event, { file: 'register' }), contentType: xlsxType };
    },
  };
}
export type CertificatesService = ReturnType<typeof certificatesService>;
