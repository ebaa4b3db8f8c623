package mx.org.iecm.pgd.execution;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import mx.org.iecm.pgd.catalog.ReportingFrequency;

/**
 * The reporting dates of a fiscal year: the last day of each reporting period at 09:00 institute time
 * (quarterly: 31 March, 30 June, 30 September, 31 December).
 */
final class ReportSchedule {

  static final LocalTime REPORT_TIME = LocalTime.of(9, 0);

  private ReportSchedule() {
  }

  /** ISO-8601 date-times with offset, as BPMN timers read them. */
  static List<String> dates(int year, ReportingFrequency frequency, ZoneId zone) {
    List<String> dates = new ArrayList<>();
    for (int month = frequency.months(); month <= 12; month += frequency.months()) {
      LocalDate lastDay = LocalDate.of(year, month, 1).withDayOfMonth(LocalDate.of(year, month, 1).lengthOfMonth());
      dates.add(lastDay.atTime(REPORT_TIME).atZone(zone).toOffsetDateTime()
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
    return dates;
  }
}
