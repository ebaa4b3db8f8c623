package mx.org.iecm.pgd.evidence;

import java.time.Instant;

/**
 * One evidence file as it was uploaded: the task, cycle and process it belongs to, its name, its type
 * judged by its content, its size and SHA-256, who uploaded it and when. The bytes are apart.
 */
public record EvidenceFile(String id, String taskId, String taskKey, String taskName, String businessKey,
    String processInstanceId, String fileName, String mediaType, long size, String sha256, String uploadedBy,
    Instant uploadedAt) {

  /** A size as people read it: 832 bytes, 2.7 KB, 25.0 MB. */
  public static String sizeLabel(long bytes) {
    java.util.Locale mexico = java.util.Locale.forLanguageTag("es-MX");
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    return bytes < 1_048_576 ? String.format(mexico, "%.1f KB", bytes / 1024.0)
        : String.format(mexico, "%.1f MB", bytes / 1_048_576.0);
  }

  /** The type as people call it («PDF», «hoja de Excel»). */
  public String typeLabel() {
    return EvidenceTypes.LABELS.getOrDefault(mediaType, mediaType);
  }
}
