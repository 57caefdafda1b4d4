import { Body, Controller, Delete, Get, Header, HttpCode, Param, Put, Post, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle, Throttle } from '@nestjs/throttler';
import { SwapThrottlerGuard } from './swap-throttler.guard';
import type { Response } from 'express';
import { noteBody, optOutBody, otherIdParam, shareBody, type MetPerson, type ShareChoiceView } from '@mingle/shared';
import type { z } from 'zod';
import { Valid } from '../common/validate';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeeGuard, CurrentAttendee } from '../attendees/attendee.guard';
import { AttendeesService } from '../attendees/attendees.service';
import { ConnectionsService } from './connections.service';
import { EraseService } from './erase.service';
import { toConnectionsCsv, toVCard } from './vcard';

type Other = z.output<typeof otherIdParam>;

/** Per attendee: generous for people, a wall for scripts. */
export const SWAPS_PER_MINUTE = 30;

/** The phone's people I met, swaps, private opt-outs and notes, downloads, and "Erase me". */
@Controller('me')
@UseGuards(AttendeeGuard)
export class MeConnectionsController {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly erase: EraseService,
    private readonly attendees: AttendeesService,
  ) {}

  @Get('people')
  people(@CurrentAttendee() me: Attendee): Promise<MetPerson[]> {
    return this.connections.people(me);
  }

  @Post('people/:otherId/swap')
  @HttpCode(200)
  @UseGuards(SwapThrottlerGuard)
  @SkipThrottle({ auth: true })
  @Throttle({ join: { limit: SWAPS_PER_MINUTE, ttl: 60_000 } })
  ask(@CurrentAttendee() me: Attendee, @Param(new Valid(otherIdParam)) { otherId }: Other): Promise<MetPerson> {
    return this.connections.ask(me, otherId);
  }

  @Delete('people/:otherId/swap')
  withdraw(@CurrentAttendee() me: Attendee, @Param(new Valid(otherIdParam)) { otherId }: Other): Promise<MetPerson> {
    return this.connections.withdraw(me, otherId);
  }

  @Put('people/:otherId/opt-out')
  optOut(
    @CurrentAttendee() me: Attendee,
    @Param(new Valid(otherIdParam)) { otherId }: Other,
    @Body(new Valid(optOutBody)) body: z.output<typeof optOutBody>,
  ): Promise<MetPerson> {
    return this.connections.optOut(me, otherId, body.reason);
  }

  @Delete('people/:otherId/opt-out')
  undoOptOut(@CurrentAttendee() me: Attendee, @Param(new Valid(otherIdParam)) { otherId }: Other): Promise<MetPerson> {
    return this.connections.undoOptOut(me, otherId);
  }

  @Put('people/:otherId/note')
  note(
    @CurrentAttendee() me: Attendee,
    @Param(new Valid(otherIdParam)) { otherId }: Other,
    @Body(new Valid(noteBody)) body: z.output<typeof noteBody>,
  ): Promise<MetPerson> {
    return this.connections.setNote(me, otherId, body.text);
  }

  /** "Stop sharing" my card with someone I matched. */
  @Delete('connections/:otherId/card')
  stopSharing(@CurrentAttendee() me: Attendee, @Param(new Valid(otherIdParam)) { otherId }: Other): Promise<MetPerson> {
    return this.connections.stopSharing(me, otherId);
  }

  @Get('share')
  async share(@CurrentAttendee() me: Attendee): Promise<ShareChoiceView> {
    return { fields: await this.connections.shareChoice(me) };
  }

  @Put('share')
  async setShare(@CurrentAttendee() me: Attendee, @Body(new Valid(shareBody)) body: z.output<typeof shareBody>): Promise<ShareChoiceView> {
    return { fields: await this.connections.setShareChoice(me, body.fields) };
  }

  @Get('people/:otherId/contact.vcf')
  @Header('content-type', 'text/vcard; charset=utf-8')
  async oneVCard(
    @CurrentAttendee() me: Attendee,
    @Param(new Valid(otherIdParam)) { otherId }: Other,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const person = await this.connections.person(me, otherId);
    res.setHeader('content-disposition', `attachment; filename="${fileName(person.name || 'contact')}.vcf"`);
    return toVCard(person, await this.eventName(me));
  }

  @Get('connections.vcf')
  @Header('content-type', 'text/vcard; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="mingle-connections.vcf"')
  async allVCards(@CurrentAttendee() me: Attendee): Promise<string> {
    const name = await this.eventName(me);
    return (await this.matched(me)).map((p) => toVCard(p, name)).join('');
  }

  @Get('connections.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="mingle-connections.csv"')
  async csv(@CurrentAttendee() me: Attendee): Promise<string> {
    return toConnectionsCsv(await this.matched(me));
  }

  /** "Erase me": profile, card, requests and matches, at once. */
  @Delete()
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
