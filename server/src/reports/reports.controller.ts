import { Controller, Header } from '@nestjs/common';
import { REPORT_FILES } from '@mingle/shared';
import { Route } from '../common/route';
import { MingleEvent } from '../events/event.entity';
import { CurrentEvent } from '../events/event-role.guard';
import { ReportsService } from './reports.service';

const CSV = 'text/csv; charset=utf-8';
const attachment = (file: string) => `attachment; filename="mingle-${file}"`;

/** The evening's report for its organizer: figures as JSON, and three CSV downloads (names only, never contacts). */
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Route('GET /api/events/:id/report', 'event viewer')
  report(@CurrentEvent() event: MingleEvent) {
    return this.reports.report(event);
  }

  @Route('GET /api/events/:id/report/seating.csv', 'event viewer')
  @Header('content-type', CSV)
  @Header('content-disposition', attachment(REPORT_FILES.seating))
  seating(@CurrentEvent() event: MingleEvent) {
    return this.reports.seatingCsv(event);
  }

  @Route('GET /api/events/:id/report/meetings.csv', 'event viewer')
  @Header('content-type', CSV)
  @Header('content-disposition', attachment(REPORT_FILES.meetings))
  meetings(@CurrentEvent() event: MingleEvent) {
    return this.reports.meetingsCsv(event);
  }

  @Route('GET /api/events/:id/report/figures.csv', 'event viewer')
  @Header('content-type', CSV)
  @Header('content-disposition', attachment(REPORT_FILES.figures))
  figures(@CurrentEvent() event: MingleEvent) {
    return this.reports.figuresCsv(event);
  }
}
