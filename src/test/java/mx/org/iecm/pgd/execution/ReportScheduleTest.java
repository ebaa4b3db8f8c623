package mx.org.iecm.pgd.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import mx.org.iecm.pgd.catalog.ReportingFrequency;
import org.junit.jupiter.api.Test;

class ReportScheduleTest {

  static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

  @Test
  void frequenciesGiveTheLastDayOfEachPeriod() {
    assertThat(ReportSchedule.dates(2023, ReportingFrequency.QUARTERLY, MEXICO_CITY)).containsExactly(
        "2023-03-31T09:00:00-06:00", "2023-06-30T09:00:00-06:00", "2023-09-30T09:00:00-06:00",
        "2023-12-31T09:00:00-06:00");
    assertThat(ReportSchedule.dates(2024, ReportingFrequency.BIMONTHLY, MEXICO_CITY)).hasSize(6)
        .startsWith("2024-02-29T09:00:00-06:00");
    assertThat(ReportSchedule.dates(2023, ReportingFrequency.ANNUAL, MEXICO_CITY))
        .containsExactly("2023-12-31T09:00:00-06:00");
    assertThat(ReportSchedule.dates(2023, ReportingFrequency.MONTHLY, MEXICO_CITY)).hasSize(12);
  }
}
