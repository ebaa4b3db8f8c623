package mx.org.iecm.pgd.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of evidence uploads.
 *
 * @param maxFileSize the largest file
 * @param maxTaskSize the most a task may hold, all its files together
 * @param uploadsPerMinute uploads one person may make in a minute (the service stays responsive for
 *     everyone when a script or a stuck browser repeats an upload)
 */
@ConfigurationProperties("pgd.evidence")
public record EvidenceProperties(
    @DefaultValue("25MB") DataSize maxFileSize,
    @DefaultValue("100MB") DataSize maxTaskSize,
    @DefaultValue("30") int uploadsPerMinute) {

  public EvidenceProperties {
    if (maxFileSize.toBytes() < 1 || maxTaskSize.toBytes() < maxFileSize.toBytes()) {
      throw new IllegalArgumentException("pgd.evidence: max-file-size debe ser positivo y no mayor que max-task-size;"
          + " se recibió " + maxFileSize + " y " + maxTaskSize);
    }
    if (uploadsPerMinute < 1) {
      throw new IllegalArgumentException("pgd.evidence.uploads-per-minute: debe ser 1 o más; se recibió "
          + uploadsPerMinute);
    }
  }
}
