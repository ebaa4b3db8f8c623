package mx.org.iecm.pgd.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import mx.org.iecm.pgd.web.RequestValues;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' API: the expediente of a cycle, its seal verification, its PDF, and the list of ended cycles.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final CaseRecordService records;
  private final CaseSeals seals;
  private final CaseList list;

  AuditController(CaseRecordService records, CaseSeals seals, CaseList list) {
    this.records = records;
    this.seals = seals;
    this.list = list;
  }

  @GetMapping("/cases/{businessKey}")
  CaseRecord record(@PathVariable String businessKey) {
    return records.record(businessKey);
  }

  @GetMapping("/cases/{businessKey}/verify")
  CaseSeals.Verification verify(@PathVariable String businessKey) {
    return seals.verify(businessKey);
  }

  @GetMapping(value = "/cases/{businessKey}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable String businessKey) {
    byte[] pdf = CaseExports.pdf(records.record(businessKey));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("expediente-" + businessKey.replace(':', '_') + ".pdf").build().toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf);
  }

  @GetMapping("/cases")
  CaseList.Page cases(@RequestParam(required = false) String year, @RequestParam(required = false) String area,
      @RequestParam(required = false) String line, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return list.find(filter(year, area, line, outcome, from, to), page, size);
  }

  private static CaseList.Filter filter(String year, String area, String line, String outcome, String from,
      String to) {
    return new CaseList.Filter(RequestValues.year("year", year), area, RequestValues.line("line", line), outcome,
        RequestValues.date("from", from), RequestValues.date("to", to));
  }

  /** Every matching cycle, written as it is read, a page of the engine's history at a time. */
  @GetMapping(value = "/cases.csv", produces = "text/csv")
  void csv(@RequestParam(required = false) String year, @RequestParam(required = false) String area,
      @RequestParam(required = false) String line, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      HttpServletResponse response) throws IOException {
    CaseList.Filter filter = filter(year, area, line, outcome, from, to);
    // The filter is checked before the answer starts, so that a bad one gets its 400.
    list.find(filter, 0, 1);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("expedientes.csv")
        .build().toString());
    response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try (CSVPrinter printer = CaseExports.csvPrinter(out)) {
      list.forEach(filter, item -> {
        try {
          CaseExports.csvRow(printer, item);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
