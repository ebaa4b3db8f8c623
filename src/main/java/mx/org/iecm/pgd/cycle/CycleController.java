package mx.org.iecm.pgd.cycle;

import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.web.ApiException;
import mx.org.iecm.pgd.web.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starting and cancelling cycles ({@code managers} and {@code camunda-admin}, enforced by the security
 * configuration), and change requests by the responsible area's staff.
 */
@RestController
@RequestMapping("/api/cycles")
class CycleController {

  private final CycleService cycles;

  CycleController(CycleService cycles) {
    this.cycles = cycles;
  }

  record CancelRequest(String reason) {
  }

  @PostMapping("/{year}")
  ResponseEntity<CycleStartResult> startYear(@PathVariable String year, @RequestParam(required = false) String plan) {
    return answer(cycles.startYear(planned(year, plan)));
  }

  @PostMapping("/{year}/{lineId}")
  ResponseEntity<CycleStartResult> startLine(@PathVariable String year, @PathVariable String lineId,
      @RequestParam(required = false) String plan) {
    return answer(cycles.startLine(planned(year, plan), line(lineId)));
  }

  @PostMapping("/{year}/{lineId}/cancel")
  ResponseEntity<Void> cancel(@PathVariable String year, @PathVariable String lineId,
      @RequestParam(required = false) String plan, @RequestBody(required = false) CancelRequest request,
      Authentication caller) {
    cycles.cancel(planned(year, plan), line(lineId), request == null ? null : request.reason(), caller.getName());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{yearText}/{lineId}/change-requests")
  ResponseEntity<Void> requestChange(@PathVariable String yearText, @PathVariable String lineId,
      @RequestParam(required = false) String plan, Authentication caller) {
    int year = planned(yearText, plan);
    String area = cycles.responsibleArea(year, line(lineId));
    boolean allowed = caller.getAuthorities().stream().anyMatch(authority ->
        authority.getAuthority().equals(Groups.staff(area)) || authority.getAuthority().equals(Groups.CAMUNDA_ADMIN));
    if (!allowed) {
      throw ApiException.forbidden("Solo el personal del área responsable (" + Groups.staff(area)
          + ") puede solicitar la modificación del programa.");
    }
    cycles.requestChange(year, lineId, caller.getName());
    return ResponseEntity.accepted().build();
  }

  /** The year, checked against the plan the caller names, if any (each year belongs to one plan). */
  private int planned(String rawYear, String plan) {
    int year = RequestValues.year("year", rawYear);
    if (plan != null) {
      cycles.checkPlan(year, plan);
    }
    return year;
  }

  private static String line(String raw) {
    return RequestValues.line("lineId", raw);
  }

  private static ResponseEntity<CycleStartResult> answer(CycleStartResult result) {
    return ResponseEntity.status(result.started().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
  }
}
