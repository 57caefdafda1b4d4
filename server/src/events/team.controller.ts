import { Controller, HttpCode } from '@nestjs/common';
import type { ParsedBody, ParsedParams, TeamRole } from '@mingle/shared';
import { BodyOf, ParamsOf, Route } from '../common/route';
import { Organizer } from '../organizers/organizer.entity';
import { CurrentOrganizer } from '../organizers/organizer.guard';
import { MingleEvent } from './event.entity';
import { CurrentEvent, CurrentRole } from './event-role.guard';
import { TeamService } from './team.service';

@Controller()
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Route('GET /api/events/:id/team', 'event viewer')
  get(@CurrentEvent() event: MingleEvent, @CurrentOrganizer() me: Organizer, @CurrentRole() role: TeamRole) {
    return this.team.view(event, me.id, role);
  }

  @Route('POST /api/events/:id/team/invites', 'event owner')
  invite(
    @CurrentEvent() event: MingleEvent,
    @CurrentOrganizer() me: Organizer,
    @BodyOf('POST /api/events/:id/team/invites') body: ParsedBody<'POST /api/events/:id/team/invites'>,
  ) {
    return this.team.invite(event, me, body);
  }

  @Route('PATCH /api/events/:id/team/:organizerId', 'event owner')
  setRole(
    @CurrentEvent() event: MingleEvent,
    @CurrentOrganizer() me: Organizer,
    @ParamsOf('PATCH /api/events/:id/team/:organizerId') params: ParsedParams<'PATCH /api/events/:id/team/:organizerId'>,
    @BodyOf('PATCH /api/events/:id/team/:organizerId') body: ParsedBody<'PATCH /api/events/:id/team/:organizerId'>,
  ) {
    return this.team.setRole(event, me.id, params.organizerId, body.role);
  }

  @Route('DELETE /api/events/:id/team/invites/:inviteId', 'event owner')
  @HttpCode(200)
  revokeInvite(
    @CurrentEvent() event: MingleEvent,
    @CurrentOrganizer() me: Organizer,
    @ParamsOf('DELETE /api/events/:id/team/invites/:inviteId') params: ParsedParams<'DELETE /api/events/:id/team/invites/:inviteId'>,
  ) {
    return this.team.revokeInvite(event, me.id, params.inviteId);
  }

  @Route('DELETE /api/events/:id/team/:organizerId', 'event owner')
  @HttpCode(200)
  remove(
    @CurrentEvent() event: MingleEvent,
    @CurrentOrganizer() me: Organizer,
    @ParamsOf('DELETE /api/events/:id/team/:organizerId') params: ParsedParams<'DELETE /api/events/:id/team/:organizerId'>,
  ) {
    return this.team.remove(event, me.id, params.organizerId);
  }

  @Route('POST /api/events/:id/team/transfer', 'event owner')
  @HttpCode(200)
  transfer(
    @CurrentEvent() event: MingleEvent,
    @CurrentOrganizer() me: Organizer,
    @BodyOf('POST /api/events/:id/team/transfer') body: ParsedBody<'POST /api/events/:id/team/transfer'>,
  ) {
    return this.team.transfer(event, me.id, body.organizerId);
  }

  @Route('GET /api/events/:id/actions', 'event viewer')
  actions(@CurrentEvent() event: MingleEvent) {
    return this.team.actions(event.id);
  }

  @Route('GET /api/invites/:token', 'organizer')
  show(@ParamsOf('GET /api/invites/:token') params: ParsedParams<'GET /api/invites/:token'>) {
    return this.team.showInvite(params.token);
  }

  @Route('POST /api/invites/:token/accept', 'organizer')
  @HttpCode(200)
  accept(
    @CurrentOrganizer() me: Organizer,
    @ParamsOf('POST /api/invites/:token/accept') params: ParsedParams<'POST /api/invites/:token/accept'>,
  ) {
    return this.team.accept(params.token, me);
  }
}
