package mx.org.iecm.pgd.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Days a person has for each kind of task before it is escalated.
 *
 * @param draftDays drafting a program, a change request, a closing report or a root-cause analysis
 * @param reviewDays any approval, confirmation, ruling or verification
 * @param reportDays a progress or results report
 * @param implementationDays carrying out a corrective action plan
 */
@ConfigurationProperties("pgd.deadlines")
public record DeadlineProperties(
    @DefaultValue("10") int draftDays,
    @DefaultValue("5") int reviewDays,
    @DefaultValue("10") int reportDays,
    @DefaultValue("30") int implementationDays) {

  public DeadlineProperties {
    for (int days : new int[] {draftDays, reviewDays, reportDays, implementationDays}) {
      if (days < 1 || days > 365) {
        throw new IllegalArgumentException(
            "pgd.deadlines: cada plazo debe ser de 1 a 365 días; se recibió " + days);
      }
    }
  }
}
