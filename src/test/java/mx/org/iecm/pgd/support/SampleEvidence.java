package mx.org.iecm.pgd.support;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import mx.org.iecm.pgd.evidence.EvidenceFiles;
import mx.org.iecm.pgd.task.UserTask;
import org.camunda.bpm.engine.task.Task;

/**
 * The evidence file a person attaches before completing a task that requires one: a real PDF, stored
 * by the application's own {@link EvidenceFiles} in the database under test. The test drivers attach it
 * for the tasks whose declarations require evidence, so that building a year of data goes as it does
 * in Tasklist.
 */
public final class SampleEvidence {

  public static final String NAME = "informe-de-evidencias.pdf";
  public static final byte[] PDF = pdf("Informe de evidencias del ciclo");

  /** The tasks whose completion requires an evidence file, from their declarations. */
  private static final Set<String> REQUIRED = ProcessBeans.declarations(null, null).stream()
      .flatMap(declarations -> declarations.userTasks().stream()).filter(UserTask::requiresEvidence)
      .map(UserTask::id).collect(Collectors.toUnmodifiableSet());

  private SampleEvidence() {
  }

  public static boolean required(String taskKey) {
    return REQUIRED.contains(taskKey);
  }

  /** Attaches the sample PDF to the task as {@code user} when the task requires evidence and has none. */
  public static void attachIfRequired(DataSource dataSource, Task task, String businessKey, String user) {
    if (!required(task.getTaskDefinitionKey())) {
      return;
    }
    EvidenceFiles files = new EvidenceFiles(dataSource);
    if (files.count(task.getId()) > 0) {
      return;
    }
    try {
      Path file = Files.createTempFile("sample-evidence-", ".pdf");
      try {
        Files.write(file, PDF);
        files.store(new EvidenceFiles.TaskRef(task.getId(), task.getTaskDefinitionKey(), task.getName(), businessKey,
            task.getProcessInstanceId()), NAME, "application/pdf", user, Instant.now(), file, PDF.length, sha256(PDF));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A one-page PDF with {@code text}. */
  public static byte[] pdf(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document();
    PdfWriter.getInstance(document, out);
    document.open();
    document.add(new Paragraph(text));
    document.close();
    return out.toByteArray();
  }
}
