package mx.org.iecm.pgd.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;

/**
 * The «Informe trimestral de avance del PGD»: the plan's status in a year at the day it is drawn up,
 * with achievement rolled up per line, program, objective and policy, as a PDF with one chart per program
 * ({@link QuarterlyReportPdf}) and as a spreadsheet ({@link QuarterlyReportSheet}).
 *
 * <p>The quarter is the one the cut-off day falls in (the fourth for a year already over): the report is
 * drawn up each quarter once its progress reports are validated, and shows the last measurement of every
 * indicator at that day.
 */
@Service
public class QuarterlyReport {

  static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
  static final String TITLE = "Informe trimestral de avance del PGD";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final StatusService status;
  private final Clock clock;

  QuarterlyReport(StatusService status, Clock clock) {
    this.status = status;
    this.clock = clock;
  }

  /** The report's contents: the year's status, the cut-off day and its quarter. */
  record Contents(StatusReport status, LocalDate cutOff, int quarter) {

    String cutOffLabel() {
      return cutOff.format(DAY);
    }

    String quarterLabel() {
      return switch (quarter) {
        case 1 -> "primer trimestre";
        case 2 -> "segundo trimestre";
        case 3 -> "tercer trimestre";
        default -> "cuarto trimestre";
      };
    }

    String fileName(String extension) {
      return "informe-trimestral-" + status.planCode() + "-" + status.year() + "-T" + quarter + "." + extension;
    }
  }

  Contents contents(int year) {
    StatusReport report = status.status(year);
    LocalDate today = LocalDate.now(clock.withZone(MEXICO_CITY));
    int quarter = today.getYear() > year ? 4 : (today.getMonthValue() + 2) / 3;
    return new Contents(report, today, quarter);
  }

}
