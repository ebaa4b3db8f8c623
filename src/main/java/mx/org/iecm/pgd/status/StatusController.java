package mx.org.iecm.pgd.status;

import java.time.Clock;
import java.time.Year;
import mx.org.iecm.pgd.catalog.PlanCatalog;
import mx.org.iecm.pgd.web.RequestValues;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/status?year=2021}: every line of the plan in that year (without {@code year}, the year to
 * follow today: {@link PlanCatalog#yearToFollow}, so the dashboard needs one request); {@code GET
 * /api/status/quarterly-report.pdf?year=2021} and {@code .xlsx}: the «Informe trimestral de avance del PGD»
 * (those who follow the plan, the SGCE office, auditors and administrators).
 */
@RestController
class StatusController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final StatusService status;
  private final QuarterlyReport quarterly;
  private final PlanCatalog catalog;
  private final Clock clock;

  StatusController(StatusService status, QuarterlyReport quarterly, PlanCatalog catalog, Clock clock) {
    this.status = status;
    this.quarterly = quarterly;
    this.catalog = catalog;
    this.clock = clock;
  }

  @GetMapping("/api/status")
  StatusReport status(@RequestParam(required = false) String year) {
    Integer asked = RequestValues.year("year", year);
    return status.status(asked != null ? asked : catalog.yearToFollow(Year.now(clock)));
  }

  @GetMapping("/api/status/quarterly-report.pdf")
  ResponseEntity<byte[]> quarterlyPdf(@RequestParam String year) {
    int fiscalYear = RequestValues.year("year", year);
    QuarterlyReport.Contents contents = quarterly.contents(fiscalYear);
    return download(QuarterlyReportPdf.write(contents), MediaType.APPLICATION_PDF, contents.fileName("pdf"));
  }

  @GetMapping("/api/status/quarterly-report.xlsx")
  ResponseEntity<byte[]> quarterlySpreadsheet(@RequestParam String year) {
    int fiscalYear = RequestValues.year("year", year);
    QuarterlyReport.Contents contents = quarterly.contents(fiscalYear);
    return download(QuarterlyReportSheet.write(contents), XLSX, contents.fileName("xlsx"));
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }
}
