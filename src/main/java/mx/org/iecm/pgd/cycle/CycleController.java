package mx.org.iecm.pgd.cycle;

import mx.org.iecm.pgd.catalog.Groups;
import mx.org.iecm.pgd.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
  ResponseEntity<CycleStartResult> startYear(@PathVariable int year) {
    return answer(cycles.startYear(year));
  }

  @PostMapping("/{year}/{lineId}")
  ResponseEntity<CycleStartResult> startLine(@PathVariable int year, @PathVariable String lineId) {
    return answer(cycles.startLine(year, lineId));
  }

  @PostMapping("/{year}/{lineId}/cancel")
  ResponseEntity<Void> cancel(@PathVariable int year, @PathVariable String lineId,
      @RequestBody(required = false) CancelRequest request, Authentication caller) {
    cycles.cancel(year, lineId, request == null ? null : request.reason(), caller.getName());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{year}/{lineId}/change-requests")
  ResponseEntity<Void> requestChange(@PathVariable int year, @PathVariable String lineId, Authentication caller) {
    String area = cycles.responsibleArea(year, lineId);
    boolean allowed = caller.getAuthorities().stream().anyMatch(authority ->
        authority.getAuthority().equals(Groups.staff(area)) || authority.getAuthority().equals(Groups.CAMUNDA_ADMIN));
    if (!allowed) {
      throw ApiException.forbidden("Solo el personal del área responsable (" + Groups.staff(area)
          + ") puede solicitar la modificación del programa.");
    }
    cycles.requestChange(year, lineId, caller.getName());
    return ResponseEntity.accepted().build();
  }

  private static ResponseEntity<CycleStartResult> answer(CycleStartResult result) {
    return ResponseEntity.status(result.started().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
  }
}
