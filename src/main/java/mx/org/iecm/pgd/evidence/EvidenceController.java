package mx.org.iecm.pgd.evidence;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import mx.org.iecm.pgd.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files of user tasks.
 *
 * <ul>
 *   <li>{@code POST /api/tasks/{taskId}/evidence?name=informe.pdf}, the file's bytes as the body: adds a
 *       file (201 with its record);
 *   <li>{@code GET /api/tasks/{taskId}/evidence}: the task's files, and whether the caller may add;
 *   <li>{@code GET /api/evidence/{id}}: the file, as a download;
 *   <li>{@code DELETE /api/evidence/{id}}: removes a file its uploader added, while the task is open.
 * </ul>
 */
@RestController
class EvidenceController {

  private final EvidenceUploads uploads;
  private final EvidenceFiles files;
  private final EvidenceAccess access;
  private final EvidenceProperties limits;

  EvidenceController(EvidenceUploads uploads, EvidenceFiles files, EvidenceAccess access, EvidenceProperties limits) {
    this.uploads = uploads;
    this.files = files;
    this.access = access;
    this.limits = limits;
  }

  /** A file as the API answers it. */
  record FileView(String id, String fileName, String mediaType, String typeLabel, long size, String sha256,
      String uploadedBy, Instant uploadedAt, String download, boolean removable) {

    /** {@code removable}: the caller uploaded it and may still remove it. */
    static FileView of(EvidenceFile file, boolean removable) {
      return new FileView(file.id(), file.fileName(), file.mediaType(), file.typeLabel(), file.size(), file.sha256(),
          file.uploadedBy(), file.uploadedAt(), "/api/evidence/" + file.id(), removable);
    }
  }

  /**
   * The files of a task, and what the caller may do with them; {@code earlier}: the files of the other
   * tasks of its process (the report an approval decides on, the actions an effectiveness check judges).
   */
  record TaskFiles(String taskId, String taskName, boolean open, boolean mayAdd, long maxFileSize, String accepted,
      List<FileView> files, List<EarlierFile> earlier) {
  }

  /** A file of another task of the same process, read only. */
  record EarlierFile(String taskName, FileView file) {
  }

  @PostMapping("/api/tasks/{taskId}/evidence")
  @ResponseStatus(HttpStatus.CREATED)
  FileView upload(@PathVariable String taskId, @RequestParam(required = false) String name,
      HttpServletRequest request, Authentication caller) throws IOException {
    return FileView.of(uploads.upload(taskId, name, request.getContentLengthLong(), request.getInputStream(), caller),
        true);
  }

  @GetMapping("/api/tasks/{taskId}/evidence")
  TaskFiles list(@PathVariable String taskId, Authentication caller) {
    EvidenceAccess.TaskState state = access.readable(taskId, caller);
    // May add, and remove what they added: the same rule.
    boolean mayAdd = state.open() && access.mayWork(state, caller);
    List<EvidenceFile> ofProcess = files.ofProcess(state.task().processInstanceId());
    return new TaskFiles(taskId, state.task().taskName(), state.open(), mayAdd, limits.maxFileSize().toBytes(),
        EvidenceTypes.ACCEPTED, ofProcess.stream().filter(file -> file.taskId().equals(taskId))
            .map(file -> FileView.of(file, mayAdd && file.uploadedBy().equals(caller.getName()))).toList(),
        ofProcess.stream().filter(file -> !file.taskId().equals(taskId))
            .map(file -> new EarlierFile(file.taskName(), FileView.of(file, false))).toList());
  }

  @GetMapping("/api/evidence/{id}")
  void download(@PathVariable String id, Authentication caller, HttpServletResponse response) throws IOException {
    EvidenceFile file = files.find(id).filter(found -> access.mayRead(found.businessKey(), caller))
        .orElseThrow(() -> new NotFoundException("La evidencia «" + id + "» no existe o no es de sus ciclos."));
    response.setContentType(file.mediaType());
    response.setContentLengthLong(file.size());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "sandbox");
    files.copy(id, response.getOutputStream());
  }

  @DeleteMapping("/api/evidence/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(@PathVariable String id, Authentication caller) {
    uploads.remove(id, caller);
  }
}
