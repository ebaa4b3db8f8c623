package mx.org.iecm.pgd.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
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

  @Test
  void deviationIsTheGapBetweenElapsedScheduleAndReportedProgressBeyondTolerance() throws Exception {
    DeviationPolicy policy = new DeviationPolicy(10);
    var activities = new ObjectMapper().readTree("""
        [{"start":"2021-01-01","end":"2021-12-31"},{"start":"2021-07-01","end":"2021-12-31"}]""");

    double expected = policy.expectedPercent(activities, LocalDate.of(2021, 6, 30));

    assertThat(expected).isEqualTo(24.8);
    assertThat(policy.isDeviation(expected, 15)).isFalse();
    assertThat(policy.isDeviation(expected, 14.7)).isTrue();
    assertThatThrownBy(() -> new DeviationPolicy(-1)).hasMessageContaining("entre 0 y 100");
  }
}
