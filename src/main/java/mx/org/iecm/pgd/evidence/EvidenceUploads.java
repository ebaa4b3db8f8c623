package mx.org.iecm.pgd.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import mx.org.iecm.pgd.evidence.EvidenceAccess.TaskState;
import mx.org.iecm.pgd.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * An upload from its first byte to its row: who may, how much, what it is. The bytes go to a temporary
 * file while their SHA-256 and size are counted (a 25 MB upload holds 64 KiB of memory, not 25 MB),
 * then their type is judged from that file and they are stored in one short database transaction,
 * never inside an engine transaction. Every refusal names the file and the reason in Spanish and
 * stores nothing.
 */
@Service
class EvidenceUploads {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceUploads.class);
  private static final int NAME_MAX = 200;

  private final EvidenceFiles files;
  private final EvidenceAccess access;
  private final EvidenceProperties limits;
  private final UploadThrottle throttle;
  private final Clock clock;
  private final EvidenceTypes types = new EvidenceTypes();

  EvidenceUploads(EvidenceFiles files, EvidenceAccess access, EvidenceProperties limits, UploadThrottle throttle,
      Clock clock) {
    this.files = files;
    this.access = access;
    this.limits = limits;
    this.throttle = throttle;
    this.clock = clock;
  }

  EvidenceFile upload(String taskId, String rawName, long declaredLength, InputStream body, Authentication caller)
      throws IOException {
    try {
      return receive(taskId, rawName, declaredLength, body, caller);
    } catch (ApiException refused) {
      // The rest of a refused upload is read and dropped (up to twice the largest file), so that the
      // person's browser, still sending, gets the answer rather than a connection closed on it.
      drain(body, 2 * limits.maxFileSize().toBytes());
      throw refused;
    }
  }

  private static void drain(InputStream body, long most) {
    byte[] buffer = new byte[64 * 1024];
    try {
      for (long read = 0; read < most; ) {
        int n = body.read(buffer);
        if (n < 0) {
          return;
        }
        read += n;
      }
    } catch (IOException e) {
      // The client went away: nothing left to answer.
    }
  }

  private EvidenceFile receive(String taskId, String rawName, long declaredLength, InputStream body,
      Authentication caller) throws IOException {
    String name = fileName(rawName);
    TaskState task = access.workable(taskId, caller);
    long max = limits.maxFileSize().toBytes();
    if (declaredLength > max) {
      throw tooLarge(name);
    }
    long held = files.totalSize(taskId);
    if (declaredLength > 0 && held + declaredLength > limits.maxTaskSize().toBytes()) {
      throw tooMuchForTheTask(name, held);
    }
    if (!throttle.admit(caller.getName())) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "«" + name + "»: ha enviado " + limits.uploadsPerMinute()
          + " archivos en el último minuto; espere un momento y vuelva a intentarlo.");
    }
    Path temporary = Files.createTempFile("pgd-evidence-", ".upload");
    try {
      MessageDigest digest = EvidenceFiles.sha256();
      long size = 0;
      try (OutputStream out = Files.newOutputStream(temporary)) {
        byte[] buffer = new byte[64 * 1024];
        for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
          size += read;
          if (size > max) {
            throw tooLarge(name);
          }
          digest.update(buffer, 0, read);
          out.write(buffer, 0, read);
        }
      }
      if (size == 0) {
        throw ApiException.badRequest("«" + name + "»: el archivo está vacío.");
      }
      if (held + size > limits.maxTaskSize().toBytes()) {
        throw tooMuchForTheTask(name, held);
      }
      EvidenceTypes.Verdict verdict = types.judge(temporary, name);
      if (verdict instanceof EvidenceTypes.Refused refused) {
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "«" + name + "»: " + refused.reason() + ".");
      }
      String mediaType = ((EvidenceTypes.Accepted) verdict).mediaType();
      EvidenceFile file = files.store(task.task(), name, mediaType, caller.getName(), clock.instant(), temporary, size,
          HexFormat.of().formatHex(digest.digest()));
      LOG.info("Cycle {}: {} attached «{}» ({}, {} bytes) to task {}", file.businessKey(), caller.getName(), name,
          mediaType, size, taskId);
      return file;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Removes a file its uploader added, while its task is open. */
  void remove(String fileId, Authentication caller) {
    EvidenceFile file = files.find(fileId).orElseThrow(() -> new mx.org.iecm.pgd.web.NotFoundException(
        "La evidencia «" + fileId + "» no existe."));
    access.workable(file.taskId(), caller);
    if (!file.uploadedBy().equals(caller.getName())) {
      throw ApiException.forbidden("«" + file.fileName() + "» lo adjuntó " + file.uploadedBy()
          + ": solo esa persona puede quitarlo.");
    }
    files.delete(fileId);
    LOG.info("Cycle {}: {} removed «{}» from task {}", file.businessKey(), caller.getName(), file.fileName(),
        file.taskId());
  }

  /** The name as it will be shown and downloaded: no folders, no control characters, at most 200 characters. */
  static String fileName(String raw) {
    String name = raw == null ? "" : raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("«name»: el nombre del archivo no puede llevar caracteres de control.");
    }
    name = name.strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw ApiException.badRequest("«name»: escriba el nombre del archivo (p. ej. informe.pdf).");
    }
    if (name.codePointCount(0, name.length()) > NAME_MAX) {
      throw ApiException.badRequest("«name»: el nombre del archivo tiene más de " + NAME_MAX + " caracteres.");
    }
    return name;
  }

  private ApiException tooLarge(String name) {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "«" + name + "»: pesa más de "
        + EvidenceFile.sizeLabel(limits.maxFileSize().toBytes()) + ", el máximo por archivo.");
  }

  private ApiException tooMuchForTheTask(String name, long held) {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "«" + name + "»: la tarea ya tiene "
        + EvidenceFile.sizeLabel(held) + " de evidencias y con este archivo pasaría de "
        + EvidenceFile.sizeLabel(limits.maxTaskSize().toBytes()) + ", el máximo por tarea.");
  }
}
