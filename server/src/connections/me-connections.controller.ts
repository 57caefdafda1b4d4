import { Controller, Header, HttpCode, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle, Throttle } from '@nestjs/throttler';
import { SwapThrottlerGuard } from './swap-throttler.guard';
import type { Response } from 'express';
import type { MetPerson, ParsedBody, ParsedParams } from '@mingle/shared';
import { BodyOf, ParamsOf, Route } from '../common/route';
import { Attendee } from '../attendees/attendee.entity';
import { CurrentAttendee } from '../attendees/attendee.guard';
import { AttendeesService } from '../attendees/attendees.service';
import { ConnectionsService } from './connections.service';
import { EraseService } from './erase.service';
import { toConnectionsCsv, toVCard } from './vcard';

/** Every route about someone I met takes the same `:otherId` (one schema, `otherIdParam`). */
type Other = ParsedParams<'POST /api/me/people/:otherId/swap'>;
const OtherId = ParamsOf('POST /api/me/people/:otherId/swap');

/** Per attendee: generous for people, a wall for scripts. */
export const SWAPS_PER_MINUTE = 30;

/** The phone's people I met, swaps, private opt-outs and notes, downloads, and "Erase me". */
@Controller()
export class MeConnectionsController {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly erase: EraseService,
    private readonly attendees: AttendeesService,
  ) {}

  @Route('GET /api/me/people', 'attendee')
  people(@CurrentAttendee() me: Attendee) {
    return this.connections.people(me);
  }

  @Route('POST /api/me/people/:otherId/swap', 'attendee')
  @HttpCode(200)
  @UseGuards(SwapThrottlerGuard)
  @SkipThrottle({ auth: true })
  @Throttle({ join: { limit: SWAPS_PER_MINUTE, ttl: 60_000 } })
  ask(@CurrentAttendee() me: Attendee, @OtherId { otherId }: Other) {
    return this.connections.ask(me, otherId);
  }

  @Route('DELETE /api/me/people/:otherId/swap', 'attendee')
  withdraw(@CurrentAttendee() me: Attendee, @OtherId { otherId }: Other) {
    return this.connections.withdraw(me, otherId);
  }

  @Route('PUT /api/me/people/:otherId/opt-out', 'attendee')
  optOut(
    @CurrentAttendee() me: Attendee,
    @OtherId { otherId }: Other,
    @BodyOf('PUT /api/me/people/:otherId/opt-out') body: ParsedBody<'PUT /api/me/people/:otherId/opt-out'>,
  ) {
    return this.connections.optOut(me, otherId, body.reason);
  }

  @Route('DELETE /api/me/people/:otherId/opt-out', 'attendee')
  undoOptOut(@CurrentAttendee() me: Attendee, @OtherId { otherId }: Other) {
    return this.connections.undoOptOut(me, otherId);
  }

  @Route('PUT /api/me/people/:otherId/note', 'attendee')
  note(
    @CurrentAttendee() me: Attendee,
    @OtherId { otherId }: Other,
    @BodyOf('PUT /api/me/people/:otherId/note') body: ParsedBody<'PUT /api/me/people/:otherId/note'>,
  ) {
    return this.connections.setNote(me, otherId, body.text);
  }

  /** "Stop sharing" my card with someone I matched. */
  @Route('DELETE /api/me/connections/:otherId/card', 'attendee')
  stopSharing(@CurrentAttendee() me: Attendee, @OtherId { otherId }: Other) {
    return this.connections.stopSharing(me, otherId);
  }

  @Route('GET /api/me/share', 'attendee')
  async share(@CurrentAttendee() me: Attendee) {
    return { fields: await this.connections.shareChoice(me) };
  }

  @Route('PUT /api/me/share', 'attendee')
  async setShare(@CurrentAttendee() me: Attendee, @BodyOf('PUT /api/me/share') body: ParsedBody<'PUT /api/me/share'>) {
    return { fields: await this.connections.setShareChoice(me, body.fields) };
  }

  @Route('GET /api/me/people/:otherId/contact.vcf', 'attendee')
  @Header('content-type', 'text/vcard; charset=utf-8')
  async oneVCard(@CurrentAttendee() me: Attendee, @OtherId { otherId }: Other, @Res({ passthrough: true }) res: Response) {
    const person = await this.connections.person(me, otherId);
    res.setHeader('content-disposition', `attachment; filename="${fileName(person.name || 'contact')}.vcf"`);
    return toVCard(person, await this.eventName(me));
  }

  @Route('GET /api/me/connections.vcf', 'attendee')
  @Header('content-type', 'text/vcard; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="mingle-connections.vcf"')
  async allVCards(@CurrentAttendee() me: Attendee) {
    const name = await this.eventName(me);
    return (await this.matched(me)).map((p) => toVCard(p, name)).join('');
  }

  @Route('GET /api/me/connections.csv', 'attendee')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="mingle-connections.csv"')
  async csv(@CurrentAttendee() me: Attendee) {
    // A byte order mark first, so spreadsheets read the file as UTF-8 and show non-Latin names.
    return `\uFEFF${toConnectionsCsv(await this.matched(me))}`;
  }

  /** "Erase me": profile, card, requests and matches, at once. */
  @Route('DELETE /api/me', 'attendee')
  @HttpCode(204)
  async eraseMe(@CurrentAttendee() me: Attendee): Promise<void> {
    await this.erase.erase(me);
  }

  private async matched(me: Attendee): Promise<MetPerson[]> {
    return (await this.connections.people(me)).filter((p) => p.matched && p.present);
  }

  private async eventName(me: Attendee): Promise<string> {
    return (await this.attendees.eventOf(me)).name;
  }
}

const fileName = (name: string) =>
  name
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .trim()
    .slice(0, 60) || 'contact';
